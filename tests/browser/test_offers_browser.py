import importlib

import pytest
from django.apps import apps
from playwright.sync_api import expect

from offers.models import Offer
from tests.factories import OfferFactory, PartnerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue():
    # Transactional tests flush the tables, so the seeded vocabularies may be gone: seed them again.
    importlib.import_module("offers.migrations.0004_seed_vocabularies").seed(apps, None)
    provider = PartnerFactory(name="Bildungswerk Rostock gGmbH", website="https://bildungswerk.example")
    wanted = OfferFactory(
        provider=provider,
        title="Umschulung Fachkraft für Lagerlogistik",
        kind=Offer.Kind.UMSCHULUNG,
        levels=["fachkraft"],
        sectors=["logistik"],
        funding=["bildungsgutschein"],
        certificate="Fachkraft für Lagerlogistik (IHK)",
    )
    OfferFactory(
        provider=provider,
        title="Logistikmeister",
        levels=["aufstieg"],
        sectors=["logistik"],
        funding=["bildungsgutschein"],
    )
    OfferFactory(
        provider=provider,
        title="Pflegehelfer",
        levels=["fachkraft"],
        sectors=["pflege-gesundheit"],
        funding=["bildungsgutschein"],
    )
    OfferFactory(provider=provider, title="Lagerkurs ohne Förderung", levels=["fachkraft"], sectors=["logistik"])
    return wanted


def test_visitor_filters_opens_offer_and_returns_to_same_list(browser_page, catalogue):
    page = browser_page
    page.goto("/angebote/")
    assert page.locator(".offer-card").count() == 4
    page.check("input[name=level][value=fachkraft]")
    page.check("input[name=sector][value=logistik]")
    page.check("input[name=funding][value=bildungsgutschein]")
    page.get_by_role("button", name="Filter anwenden").click()
    page.wait_for_url("**/angebote/?*")
    assert page.locator(".offer-card").count() == 1
    filtered_url = page.url
    assert "level=fachkraft" in filtered_url and "sector=logistik" in filtered_url
    assert "funding=bildungsgutschein" in filtered_url

    page.get_by_role("link", name="Umschulung Fachkraft für Lagerlogistik").click()
    expect(page.locator("h1")).to_have_text("Umschulung Fachkraft für Lagerlogistik")
    page.get_by_role("link", name="« Zurück zur Suche").click()

    expect(page).to_have_url(filtered_url)
    expect(page.locator(".offer-card")).to_have_count(1)
    expect(page.locator("input[name=level][value=fachkraft]")).to_be_checked()
    expect(page.locator("input[name=funding][value=bildungsgutschein]")).to_be_checked()
    page.watch.assert_clean()


@pytest.mark.parametrize(
    "path",
    ["/angebote/?level=fachkraft&near=00000", "detail", "/foerderung/", "/foerderung/bildungsgutschein/"],
)
def test_offer_pages_have_no_serious_axe_violations(browser_page, catalogue, path):
    browser_page.goto(catalogue.get_absolute_url() if path == "detail" else path)
    assert browser_page.locator("h1").count() == 1
    assert browser_page.watch.serious_axe_violations() == []
    browser_page.watch.assert_clean()
