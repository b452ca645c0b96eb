import datetime
from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from partners.models import Language, Partner, Service
from tests.conftest import browser_login
from tests.factories import (
    ContactPersonFactory,
    LanguageFactory,
    OfferFactory,
    OfficeFactory,
    PartnerFactory,
    RunFactory,
    ServiceFactory,
    editor,
    step,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeds(transactional_db):
    """Transactional tests flush the data that migrations seeded; put back what these pages need. The role groups
    come from their migration, run on the models of its own time (Postcode still in offers)."""
    migration = ("partners", "0003_role_groups")
    models_then = MigrationLoader(connection).project_state(migration, at_end=True).apps
    import_module("partners.migrations.0003_role_groups").create_groups(models_then, None)
    for slug, name in [("pruefungen", "Prüfungen"), ("weiterbildung", "Weiterbildung")]:
        ServiceFactory(slug=slug, name=name)
    for code, name in [("de", "Deutsch"), ("en", "Englisch")]:
        LanguageFactory(code=code, name=name)
    step("fachkraft")


@pytest.fixture
def ihk(seeds):
    partner = PartnerFactory(
        name="IHK Region Stuttgart",
        slug="ihk-region-stuttgart",
        kind=Partner.Kind.IHK,
        street="Jägerstraße 30",
        postcode="70174",
        city="Stuttgart",
        latitude=48.7784,
        longitude=9.1732,
        phone="0711 2005-0",
        email="info@stuttgart.ihk.example",
        website="https://www.stuttgart.ihk.example",
        opening_hours="Mo–Do 8–17 Uhr\nFr 8–15 Uhr",
        accessibility="Stufenloser Zugang, Aufzug.",
        is_contact_point=True,
        description="Prüfungen und Weiterbildung für die Region.",
    )
    partner.services.set(Service.objects.filter(slug__in=["pruefungen", "weiterbildung"]))
    partner.languages.set(Language.objects.filter(code__in=["de", "en"]))
    ContactPersonFactory(
        partner=partner, name="Ines Beispiel", position="Weiterbildungsberatung", email="ines@ihk.example"
    )
    return partner


def test_editor_changes_run_start_date_and_public_detail_shows_it(browser_page, ihk):
    ihk_editor = editor(ihk, username="redaktion-ihk")
    offer = OfferFactory(
        provider=ihk,
        title="Geprüfte/r Industriemeister/in Metall",
        slug="industriemeister-metall",
        levels=["fachkraft"],
        runs=0,
    )
    run = RunFactory(offer=offer, start_date=timezone.localdate() + datetime.timedelta(days=40), end_date=None)
    new_start = timezone.localdate() + datetime.timedelta(days=75)
    page = browser_page

    page.goto("/admin/login/")
    browser_login(page, ihk_editor)
    page.wait_for_url("**/admin/")
    page.goto(f"/admin/offers/offer/{offer.pk}/change/")
    page.locator("#id_runs-0-start_date").fill(new_start.strftime("%d.%m.%Y"))
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/offers/offer/")
    page.goto(f"/angebote/{offer.slug}/")

    run.refresh_from_db()
    assert run.start_date == new_start
    assert page.get_by_text(new_start.strftime("%d.%m.%Y")).count() >= 1
    assert run.history.first().history_user == ihk_editor


@pytest.mark.parametrize("path", ["/partner/", "/partner/?kind=ihk&contact_point=on", "/partner/ihk-region-stuttgart/"])
def test_partner_pages_have_no_serious_axe_violations_or_foreign_requests(browser_page, ihk, path):
    OfficeFactory(name="Lotsendienst Stuttgart", city="Stuttgart")
    OfferFactory(provider=ihk, title="Fachwirt/in")

    browser_page.goto(path)

    assert browser_page.locator("h1").count() == 1
    assert browser_page.watch.serious_axe_violations() == []
    browser_page.watch.assert_clean()


def test_partner_profile_pages_its_offers_without_sideways_scroll_at_320_px(browser_page, ihk):
    for n in range(21):
        OfferFactory(
            provider=ihk,
            title=f"Lehrgang {n:02}",
            runs__start_date=timezone.localdate() + datetime.timedelta(days=10 + n),
        )
    browser_page.set_viewport_size({"width": 320, "height": 640})

    browser_page.goto("/partner/ihk-region-stuttgart/")
    assert browser_page.evaluate("document.documentElement.scrollWidth") <= 320
    browser_page.get_by_role("link", name="weiter »").click()

    browser_page.wait_for_url("**/partner/ihk-region-stuttgart/?page=2")
    assert browser_page.locator(".offer-list h3").all_inner_texts() == ["Lehrgang 20"]
    browser_page.watch.assert_clean()
