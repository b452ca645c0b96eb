"""A counsellor's full day in a real browser, at phone and at desktop width (issue 20, "Done when"): log in with the
second factor, take a new request on as a case, log its first talk, plan a step, close another case's follow-up,
record a company's needs analysis — and find every saved thing again afterwards.

At every step: no sideways scrolling, no console errors, no requests to other hosts; each new page type has no
serious accessibility violation (docs/architecture.md, "Phone width")."""

from dataclasses import dataclass, field

import pytest
from playwright.sync_api import expect

from counselling.models import Case, Draft, Need, NeedsAnalysis, PlanStep, Session
from offers.models import Offer
from tests.conftest import browser_login
from tests.factories import (
    CaseFactory,
    CompanyFactory,
    InquiryFactory,
    OfferFactory,
    OfficeFactory,
    SectorFactory,
    SessionFactory,
    counsellor,
    days,
    programme,
    step,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [
    pytest.param({"width": 360, "height": 740}, id="phone"),
    pytest.param({"width": 1280, "height": 900}, id="desktop"),
]
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"

REQUEST = "Ich bin Lagerhelferin ohne Abschluss und möchte den Berufsabschluss nachholen."
TOPICS = "Berufsweg, Teilqualifizierung im Lager"
NOTES = "Frau W. arbeitet seit 2019 im Lager; Zeugnisse liegen vor. Interesse an der TQ Fachlagerist/in."
NEXT_STEPS = "Anmeldung beim Bildungswerk, Bildungsgutschein bei der Agentur anfragen."
PLAN_NOTE = "Start nach Rücksprache mit dem Arbeitgeber"
ANALYSIS_NOTES = "Zwei Helfer im Versand sollen zur Fachkraft für Lagerlogistik qualifiziert werden."
NEED_TOPIC = "Lagerlogistik"


@dataclass
class Day:
    desk_user: object
    inquiry: object
    due_session: Session
    offer: Offer
    company: object


@pytest.fixture
def day() -> Day:
    office = OfficeFactory(slug="lotsendienst-stuttgart", name="Lotsendienst Stuttgart")
    desk_user = counsellor(office, username="beratung-stuttgart")
    for slug in ("ohne-abschluss", "fachkraft"):  # the ladder steps a need can name
        step(slug)
    logistics = SectorFactory(slug="lager-logistik", name="Lager und Logistik")
    programme("avgs")  # a programme the offer does not qualify for: the plan step must not offer it
    due_case = CaseFactory(office=office, counsellor=desk_user, name="Marek P.", status=Case.Status.COUNSELLING)
    return Day(
        desk_user=desk_user,
        inquiry=InquiryFactory(office=office, name="Jana W.", email="jana.w@example.org", message=REQUEST),
        due_session=SessionFactory(case=due_case, date=days(-14), follow_up=days(0), counsellor=desk_user),
        offer=OfferFactory(
            title="TQ Fachlagerist/in",
            summary="Teilqualifizierung in der Lagerlogistik: Wareneingang, Lagerung, Versand.",  # the need's topic
            funding=["teilqualifizierung"],
            levels=["ohne-abschluss"],
            sectors=["lager-logistik"],
        ),
        company=CompanyFactory(office=office, name="Spedition Keller GmbH", sector=logistics),
    )


@dataclass
class Walk:
    """Checks each page the day comes to; the accessibility scan once per page type (it takes a second)."""

    page: object
    scanned: set = field(default_factory=set)

    def check(self, page_type: str) -> None:
        self.page.wait_for_load_state()
        assert self.page.evaluate(SIDEWAYS) <= 0, f"{page_type} scrolls sideways"
        self.page.watch.assert_clean()
        if page_type not in self.scanned:
            self.scanned.add(page_type)
            assert self.page.watch.serious_axe_violations() == [], page_type

    def message(self, text: str) -> None:
        self.page.get_by_role("status").filter(has_text=text).wait_for()


@pytest.mark.parametrize("viewport", WIDTHS)
def test_counsellor_day_keeps_everything_at_this_width(browser_page, day, viewport):
    page = browser_page
    page.set_viewport_size(viewport)
    walk = Walk(page)

    log_in_and_land_on_desk(walk, day)
    case = take_request_on_as_case(walk, day)
    log_first_talk(walk, case)
    plan_a_step(walk, case, day)
    close_due_follow_up(walk, day)
    record_needs_analysis(walk, day)
    find_everything_again(walk, case, day)


def log_in_and_land_on_desk(walk: Walk, day: Day) -> None:
    page = walk.page
    page.goto("/konto/anmelden/")
    walk.check("login")
    browser_login(page, day.desk_user)
    page.wait_for_url("**/beratung/")
    page.get_by_role("heading", name="Übersicht", level=1).wait_for()
    walk.check("desk")


def take_request_on_as_case(walk: Walk, day: Day) -> Case:
    page = walk.page
    new_requests = page.locator("section", has=page.get_by_role("heading", name="Neue Anfragen"))
    new_requests.get_by_role("link", name="Jana W.").click()
    page.get_by_role("heading", name="Anfrage von Jana W.").wait_for()
    walk.check("request")
    page.get_by_role("button", name="Als Fall übernehmen").click()

    walk.message("wurde angelegt.")  # the case is saved once its page says so
    case = Case.objects.get(inquiry=day.inquiry)
    walk.message(f"Der Fall {case.reference} wurde angelegt.")
    page.get_by_role("heading", name=f"Fall {case.reference}: Jana W.").wait_for()
    assert page.locator("h1 + p .badge").first.inner_text() == "neu"
    walk.check("case")
    return case


def log_first_talk(walk: Walk, case: Case) -> None:
    page = walk.page
    form = page.locator("form.session-form")
    form.get_by_label("Datum").fill(days(0).isoformat())
    form.get_by_label("Dauer in Minuten").fill("45")
    form.get_by_label("Themen").fill(TOPICS)
    form.get_by_label("Notizen").fill(NOTES)
    form.get_by_label("Nächste Schritte").fill(NEXT_STEPS)
    form.get_by_label("Wiedervorlage").fill(days(14).isoformat())
    form.get_by_role("button", name="Gespräch speichern").click()

    walk.message("Das Gespräch wurde dokumentiert.")
    assert page.locator("h1 + p .badge").first.inner_text() == "in Beratung"
    timeline = page.locator("ol.timeline").inner_text()
    assert "Status: neu → in Beratung" in timeline
    assert TOPICS in timeline and NOTES in timeline and NEXT_STEPS in timeline
    walk.check("case")


def plan_a_step(walk: Walk, case: Case, day: Day) -> None:
    page = walk.page
    plan = page.locator("form.plan-form")
    plan.get_by_label("Angebot").select_option(label=str(day.offer))
    funding = plan.get_by_label("Förderung")
    expect(funding.locator("option:not([disabled])")).to_have_text(
        ["– bitte wählen –", str(programme("teilqualifizierung"))]
    )
    funding.select_option(label=str(programme("teilqualifizierung")))
    plan.get_by_label("geplanter Beginn").fill(days(30).isoformat())
    plan.get_by_label("Notiz").fill(PLAN_NOTE)
    plan.get_by_role("button", name="In den Plan aufnehmen").click()

    walk.message("Der Schritt wurde in den Qualifizierungsplan aufgenommen.")
    assert page.locator("h1 + p .badge").first.inner_text() == "Qualifizierungsplan"
    timeline = page.locator("ol.timeline").inner_text()
    assert f"Qualifizierungsplan: {day.offer}" in timeline
    assert f"Förderung: {programme('teilqualifizierung')}. {PLAN_NOTE}" in timeline
    walk.check("case")


def close_due_follow_up(walk: Walk, day: Day) -> None:
    page = walk.page
    page.get_by_role("navigation", name="Beratungsbereich").get_by_role("link", name="Übersicht").click()
    page.get_by_role("heading", name="Übersicht", level=1).wait_for()
    follow_ups = page.locator("section", has=page.get_by_role("heading", name="Wiedervorlagen"))
    due_case = day.due_session.case
    assert follow_ups.get_by_role("link").all_inner_texts() == [f"{due_case.reference} – Marek P."]
    new_requests = page.locator("section", has=page.get_by_role("heading", name="Neue Anfragen"))
    new_requests.get_by_text("Keine neuen Anfragen.").wait_for()  # the request taken on this morning is done
    walk.check("desk")
    follow_ups.get_by_role("button", name=f"Erledigt – {due_case.reference}").click()

    walk.message("Die Wiedervorlage ist erledigt.")
    follow_ups.get_by_text("Keine Wiedervorlagen fällig.").wait_for()
    day.due_session.refresh_from_db()
    assert day.due_session.follow_up_done_on == days(0)
    walk.check("desk")


def record_needs_analysis(walk: Walk, day: Day) -> None:
    page = walk.page
    page.get_by_role("navigation", name="Beratungsbereich").get_by_role("link", name="Unternehmen").click()
    page.get_by_role("heading", name="Unternehmen", level=1).wait_for()
    walk.check("companies")
    page.get_by_role("link", name="Spedition Keller GmbH").click()
    page.get_by_role("heading", name="Spedition Keller GmbH", level=1).wait_for()
    walk.check("company")

    form = page.locator("section", has=page.get_by_role("heading", name="Neue Bedarfsanalyse"))
    form.get_by_label("Datum").fill(days(0).isoformat())
    form.get_by_label("Notizen").fill(ANALYSIS_NOTES)
    need = form.get_by_role("group", name="Bedarf 1")
    need.get_by_label("Stufe").select_option(label=str(step("ohne-abschluss")))
    need.get_by_label("Branche").select_option(label="Lager und Logistik")
    need.get_by_label("Thema").fill(NEED_TOPIC)
    need.get_by_label("Zahl der betroffenen Beschäftigten").fill("2")
    form.get_by_role("button", name="Bedarfsanalyse speichern").click()

    walk.message("Die Bedarfsanalyse wurde gespeichert.")
    analysis = page.locator("section.analysis")
    assert ANALYSIS_NOTES in analysis.inner_text()
    walk.check("company")


def find_everything_again(walk: Walk, case: Case, day: Day) -> None:
    page = walk.page
    page.get_by_role("navigation", name="Beratungsbereich").get_by_role("link", name="Fälle").click()
    page.get_by_role("heading", name="Fälle", level=1).wait_for()
    walk.check("cases")
    page.get_by_role("link", name=case.reference).click()
    page.get_by_role("heading", name=f"Fall {case.reference}: Jana W.").wait_for()
    timeline = page.locator("ol.timeline").inner_text()
    assert page.locator("h1 + p .badge").first.inner_text() == "Qualifizierungsplan"
    moves = ("Status: neu → in Beratung", "Status: in Beratung → Qualifizierungsplan")
    for text in (TOPICS, NOTES, NEXT_STEPS, PLAN_NOTE, str(day.offer), *moves):
        assert text in timeline
    # The saved talk emptied its draft: the form opens blank, for the next talk.
    assert page.locator("form.session-form").get_by_label("Notizen").input_value() == ""
    walk.check("case")

    talk = ("date", "minutes", "topics", "notes", "next_steps", "follow_up")
    saved_talks = list(Session.objects.filter(case=case).values_list(*talk))
    assert saved_talks == [(days(0), 45, TOPICS, NOTES, NEXT_STEPS, days(14))]
    assert list(PlanStep.objects.filter(case=case).values_list("offer", "funding__slug", "planned_start", "note")) == [
        (day.offer.pk, "teilqualifizierung", days(30), PLAN_NOTE)
    ]
    assert Draft.objects.count() == 0

    page.goto(day.company.get_absolute_url())
    analysis = page.locator("section.analysis")
    assert ANALYSIS_NOTES in analysis.inner_text()
    row = analysis.locator("tbody tr").first.inner_text()
    assert NEED_TOPIC in row and "Lager und Logistik" in row and "TQ Fachlagerist/in" in row
    saved = NeedsAnalysis.objects.get(company=day.company)
    assert (saved.date, saved.notes) == (days(0), ANALYSIS_NOTES)
    assert list(
        Need.objects.filter(analysis=saved).values_list("step__slug", "sector__slug", "topic", "employees")
    ) == [("ohne-abschluss", "lager-logistik", NEED_TOPIC, 2)]
    walk.check("company")
