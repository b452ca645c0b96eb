from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

# The `region` fixture (tests/conftest.py) is built in a transactional database here: the live server sees it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible(page) -> None:
    assert page.locator("h1").count() == 1
    assert page.watch.serious_axe_violations() == []


def test_guide_journey_from_home_to_counselling_request(browser_page, region):
    page = browser_page
    page.goto("/")
    assert_accessible(page)

    page.get_by_role("link", name="In fünf Fragen zum passenden Angebot").click()
    page.wait_for_url("**/lotse/")
    assert_accessible(page)
    page.get_by_label("Ich bin beschäftigt").check()
    expect(page.locator("select[name=size]")).to_be_visible()
    page.locator("input[name=step][value=ohne-abschluss]").check()
    page.get_by_label("Berufsabschluss nachholen").check()
    page.get_by_label("Postleitzahl").fill("70173")
    page.locator("select[name=size]").select_option("10-49")
    page.get_by_role("button", name="Ergebnis anzeigen").click()

    page.wait_for_url("**/lotse/ergebnis/**")
    assert_accessible(page)
    assert page.get_by_text(
        "Ohne Berufsabschluss: Teilqualifizierung oder Vorbereitung auf die Externenprüfung"
    ).is_visible()
    assert page.get_by_role("link", name="TQ Maschinen- und Anlagenführer").is_visible()
    assert page.get_by_role("link", name="Lotsendienst Stuttgart").is_visible()

    page.locator(".offer-card", has_text="TQ Maschinen").get_by_role("button", name="Auf die Merkliste").click()
    # merkliste.js keeps the visitor on the result page and updates the header's count in place.
    page.get_by_role("link", name="Merkliste (1)").wait_for()
    assert "/lotse/ergebnis/" in page.url

    page.get_by_role("link", name="Beratung anfragen").last.click()
    page.wait_for_url("**/beratung/anfragen/**")
    query = parse_qs(urlparse(page.url).query)
    assert query["who"] == ["person"]
    assert query["postcode"] == ["70173"]
    assert query["office"] == ["lotsendienst-stuttgart"]
    page.watch.assert_clean()


def test_follow_up_questions_fit_who_is_asking(browser_page, region):
    page = browser_page
    page.goto("/lotse/")
    page.get_by_label("Ich bin arbeitsuchend").check()
    expect(page.locator("select[name=size]")).to_be_hidden()
    expect(page.locator("select[name=age]")).to_be_visible()
    page.get_by_label("Ich frage für ein Unternehmen").check()
    expect(page.locator("select[name=size]")).to_be_visible()
    expect(page.locator("select[name=age]")).to_be_hidden()


def test_merkliste_keeps_offers_and_compares_them(browser_page, region):
    page = browser_page
    page.goto("/")
    for title in ("Industriemeister Metall", "TQ Maschinen"):
        card = page.locator(".offer-card", has_text=title)
        card.get_by_role("button", name="Auf die Merkliste").click()
        card.get_by_role("button", name="Von der Merkliste nehmen").wait_for()
    page.get_by_role("link", name="Merkliste (2)").click()
    page.wait_for_url("**/merkliste/")
    assert_accessible(page)
    page.get_by_role("button", name="Ausgewählte Angebote vergleichen").click()
    page.wait_for_url("**/merkliste/vergleich/**")
    assert_accessible(page)
    assert page.get_by_role("columnheader", name="Industriemeister Metall").is_visible()
    assert page.get_by_role("columnheader", name="TQ Maschinen- und Anlagenführer").is_visible()
    page.watch.assert_clean()
