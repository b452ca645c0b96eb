import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("path", ["/", "/konto/anmelden/", "/gibt-es-nicht/"])
def test_page_has_no_console_errors_foreign_requests_or_serious_axe_violations(browser_page, path):
    browser_page.goto(path)
    assert browser_page.locator("h1").count() == 1
    assert browser_page.watch.serious_axe_violations() == []
    browser_page.watch.assert_clean()


def test_skip_link_is_first_focusable_element(browser_page):
    browser_page.goto("/")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
