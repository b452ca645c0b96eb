"""A counsellor's input survives in a real browser: the idle logout (one-minute timeout), drafts on the server; the
plan step offers only its offer's funding programmes."""

import pytest
from playwright.sync_api import expect

from counselling.models import Draft, Session
from offers.models import Offer
from tests.conftest import browser_login
from tests.factories import CaseFactory, OfferFactory, OfficeFactory, counsellor, programme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTE = "Frau K. bringt die Zeugnisse aus Polen mit; Anerkennung über die IHK FOSA beantragen."


def test_session_note_survives_idle_logout_and_saves(browser_page, settings):
    settings.COUNSELLOR_IDLE_MINUTES = 1
    office = OfficeFactory(slug="lotsendienst-stuttgart", name="Lotsendienst Stuttgart")
    desk_user = counsellor(office, username="beratung-stuttgart")
    case = CaseFactory(office=office, counsellor=desk_user, name="Anna K.")
    page = browser_page

    page.goto(case.get_absolute_url())
    browser_login(page, desk_user)
    form = page.locator("form.session-form")
    form.get_by_label("Dauer in Minuten").fill("40")
    form.get_by_label("Notizen").fill(NOTE)
    page.get_by_role("alert").filter(has_text="in einer Minute").wait_for()  # the idle warning, shown at once
    page.wait_for_timeout(62_000)  # the minute passes without a request
    form.get_by_role("button", name="Gespräch speichern").click()

    page.get_by_text("Ihre Eingaben sind aufbewahrt.").wait_for()
    assert not Session.objects.exists()
    browser_login(page, desk_user)
    page.get_by_text("Ihre Eingaben von vor der Abmeldung sind wieder eingetragen.").wait_for()
    assert form.get_by_label("Notizen").input_value() == NOTE
    assert form.get_by_label("Dauer in Minuten").input_value() == "40"
    form.get_by_role("button", name="Gespräch speichern").click()

    page.get_by_text("Das Gespräch wurde dokumentiert.").wait_for()
    assert Session.objects.get().notes == NOTE
    assert Draft.objects.count() == 0
    page.watch.assert_clean()


def draft_autosaved(response) -> bool:
    return "/entwurf/session/" in response.url and response.status == 204


def test_draft_is_autosaved_on_the_server_and_plan_offers_only_the_offers_funding(browser_page):
    office = OfficeFactory(slug="lotsendienst-stuttgart", name="Lotsendienst Stuttgart")
    desk_user = counsellor(office, username="beratung-stuttgart")
    case = CaseFactory(office=office, counsellor=desk_user, name="Anna K.")
    OfferFactory(title="TQ Fachlagerist/in", funding=["teilqualifizierung"])
    page = browser_page

    page.goto(case.get_absolute_url())
    browser_login(page, desk_user)
    with page.expect_response(draft_autosaved, timeout=20_000):  # the autosave runs every 5 seconds
        page.locator("form.session-form").get_by_label("Notizen").fill(NOTE)
    drafts = Draft.objects.values_list("user", "form", "field", "text")
    assert list(drafts) == [(desk_user.pk, "session", "notes", NOTE)]
    assert page.evaluate("() => localStorage.length + sessionStorage.length") == 0
    page.reload()
    assert page.locator("form.session-form").get_by_label("Notizen").input_value() == NOTE

    plan = page.locator("form.plan-form")
    plan.get_by_label("Angebot").select_option(label=str(Offer.objects.get(title="TQ Fachlagerist/in")))
    enabled = plan.get_by_label("Förderung").locator("option:not([disabled])")
    expect(enabled).to_have_text(["– bitte wählen –", str(programme("teilqualifizierung"))])
    plan.get_by_label("Angebot").select_option(index=0)  # a free-text step: every programme again
    expect(plan.get_by_label("Förderung").locator("option[disabled]")).to_have_count(0)
    page.watch.assert_clean()


def test_autosave_stops_once_the_session_form_is_sent(browser_page):
    office = OfficeFactory(slug="lotsendienst-stuttgart", name="Lotsendienst Stuttgart")
    desk_user = counsellor(office, username="beratung-stuttgart")
    case = CaseFactory(office=office, counsellor=desk_user, name="Anna K.")
    page = browser_page
    page.goto(case.get_absolute_url())
    browser_login(page, desk_user)
    held_saves, autosaves = [], []
    page.route("**/gespraech/", lambda route: held_saves.append(route))  # the save waits until released below
    page.on("request", lambda request: "/entwurf/" in request.url and autosaves.append(request.url))

    form = page.locator("form.session-form")
    form.get_by_label("Dauer in Minuten").fill("40")
    form.get_by_label("Notizen").fill(NOTE)
    form.get_by_role("button", name="Gespräch speichern").click(no_wait_after=True)
    autosaves.clear()
    page.wait_for_timeout(6_000)  # longer than the autosave's 5 seconds
    assert autosaves == []  # a later autosave would bring back the draft the save deletes
    held_saves[0].continue_()

    page.get_by_text("Das Gespräch wurde dokumentiert.").wait_for()
    assert Session.objects.get().notes == NOTE
    assert Draft.objects.count() == 0
