import pytest

from tests.outage.conftest import DatabaseSwitch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def database_down(transactional_db):
    switch = DatabaseSwitch()
    switch.fail_with()
    yield switch
    switch.restore()


@pytest.mark.parametrize("width", [320, 1280])
def test_outage_page_is_accessible_and_fits_a_narrow_screen(browser_page, database_down, width):
    browser_page.set_viewport_size({"width": width, "height": 800})

    response = browser_page.goto("/angebote/")

    assert response.status == 503
    assert browser_page.locator("h1").inner_text() == "Der Lotsendienst ist gerade nicht erreichbar"
    assert browser_page.evaluate("document.documentElement.scrollWidth") <= width
    assert browser_page.watch.serious_axe_violations() == []
    assert browser_page.watch.foreign_requests == []
