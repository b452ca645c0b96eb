from io import StringIO

import pytest
from playwright.sync_api import expect

from counselling import demo
from tests.conftest import browser_login
from tests.factories import OfficeFactory, counsellor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def stuttgart_desk():
    office = OfficeFactory(slug="lotsendienst-stuttgart", name="Lotsendienst Stuttgart")
    desk_user = counsellor(office, username="beratung-stuttgart")
    demo.load(stdout=StringIO())
    return desk_user


def test_counsellor_opens_demo_case_and_logs_a_session(browser_page, stuttgart_desk):
    page = browser_page
    page.goto("/beratung/anfragen/")
    assert page.watch.serious_axe_violations() == []

    page.goto("/beratung/")
    browser_login(page, stuttgart_desk)
    page.get_by_role("heading", name="Übersicht", level=1).wait_for()
    assert page.watch.serious_axe_violations() == []

    page.get_by_role("navigation", name="Beratungsbereich").get_by_role("link", name="Fälle").click()
    page.get_by_role("heading", name="Fälle", level=1).wait_for()
    assert page.watch.serious_axe_violations() == []
    page.get_by_role("link", name="DEMO-S02").click()
    page.get_by_role("heading", name="Fall DEMO-S02: Marek P.").wait_for()

    form = page.locator("form.session-form")
    form.get_by_label("Dauer in Minuten").fill("50")
    form.get_by_label("Weg").select_option(label="Telefon")
    form.get_by_label("Themen").fill("Zulassung zur Externenprüfung besprochen")
    form.get_by_role("button", name="Gespräch speichern").click()

    page.get_by_text("Das Gespräch wurde dokumentiert.").wait_for()
    timeline = page.locator("ol.timeline")
    assert "Zulassung zur Externenprüfung besprochen" in timeline.inner_text()
    assert "Telefon, 50 Min." in timeline.inner_text()
    assert page.watch.serious_axe_violations() == []

    page.get_by_role("navigation", name="Beratungsbereich").get_by_role("link", name="Statistik").click()
    expect(page.locator("svg.bar-chart")).to_have_count(5)
    assert page.watch.serious_axe_violations() == []
    page.watch.assert_clean()
