import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_api_docs_render_the_endpoints_from_our_own_host(browser_page):
    page = browser_page

    page.goto("/api/v1/docs/")

    page.get_by_text("/api/v1/offers/{slug}/").first.wait_for()
    tags = page.locator(".opblock-tag-section h3").all_inner_texts()
    assert [tag.split()[0] for tag in tags] == ["contact-points", "funding", "offers", "partners", "vocabularies"]
    page.watch.assert_clean()  # no request to another host, no console error (the CSP blocks nothing it needs)


def test_api_docs_need_no_sideways_scrolling_at_320_px(browser_page):
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/api/v1/docs/")
    page.get_by_text("/api/v1/offers/{slug}/").first.wait_for()
    page.locator(".opblock-summary").first.click()  # the offer search's parameter table
    page.get_by_text("page_size").first.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.watch.assert_clean()


def test_api_docs_have_no_serious_accessibility_violations(browser_page):
    page = browser_page
    page.goto("/api/v1/docs/")
    for operation in ("offers-offers_list", "offers-offers_retrieve", "vocabularies-vocabularies_retrieve"):
        page.locator(f"#operations-{operation} .opblock-summary-control").click()
    page.locator("tr[data-param-name='kind'] select[aria-label='kind']").wait_for()

    assert page.watch.serious_axe_violations() == []
    assert page.get_by_role("button", name="Try it out").count() == 0  # documentation only
