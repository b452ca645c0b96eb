"""The Rostock restaurant owner's journey in Arabic: home → guide (run my own business, hospitality, 18055, speaks
Arabic) → courses for founders and the nearest contact point that speaks Arabic → a counselling request with Arabic
as the preferred language."""

from importlib import import_module

import pytest
from django.apps import apps
from django.conf import settings

from counselling.models import Inquiry
from offers.models import OfferTranslation
from tests.factories import counsellor
from tests.guide.test_migrant_routes import rostock  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(transactional_db):
    # Transactional tests flush the seeded vocabularies and their translations: seed them again.
    for app, migration in (
        ("offers", "0004_seed_vocabularies"),
        ("partners", "0002_seed_services_languages"),
        ("offers", "0024_vocabulary_translations"),
        ("partners", "0009_vocabulary_translations"),
    ):
        import_module(f"{app}.migrations.{migration}").seed(apps, None)  # fmt: skip


def test_restaurant_owner_in_rostock_finds_courses_and_arabic_advice(browser_page, live_server, seeded, rostock):  # noqa: F811
    counsellor(rostock.migration_office, username="beratung-rostock")
    arabic_course = rostock.migration_office.offers.get()
    OfferTranslation.objects.create(offer=arabic_course, language="ar", title="إدارة المشاريع بالعربية")
    page = browser_page
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "ar", "url": live_server.url}])

    page.goto("/")
    page.locator('main a[href="/lotse/"]').first.click()
    page.check("input[name=who][value=unternehmen]")
    page.check("input[name=goal][value=unternehmen-fuehren]")
    page.select_option("select[name=sector]", "gastgewerbe")
    page.fill("input[name=postcode]", "18055")
    page.check("input[name=languages][value=ar]")
    page.locator(".guide-form button[type=submit]").click()
    page.wait_for_url("**/lotse/ergebnis/**")

    courses = page.locator(".offer-card h3").all_inner_texts()
    first_point = page.locator(".contact-point").first
    assert courses == ["إدارة المشاريع بالعربية", "Gründungsseminar Gastronomie"]
    assert first_point.locator("h3").inner_text() == "Netzwerk Migration Rostock"
    assert "العربية" in first_point.inner_text()  # "Arabic" in the list of languages spoken there
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.watch.serious_axe_violations() == []

    page.locator('main a.button[href*="/beratung/anfragen/"]').click()
    page.wait_for_url("**/beratung/anfragen/**")
    assert page.locator("#id_language").input_value() == "ar"
    assert page.locator("#id_office").input_value() == "netzwerk-migration"
    page.fill("input[name=name]", "Imbiss Haddad")
    page.fill("input[name=phone]", "0381 123456")
    page.check("input[name=consent]")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url("**/beratung/anfragen/danke/")

    inquiry = Inquiry.objects.get()
    assert (inquiry.office.slug, inquiry.language.code, inquiry.kind) == ("netzwerk-migration", "ar", "company")
    page.watch.assert_clean()
