"""The audit's keyboard and pointer faults (docs/accessibility.md): skip to the results, focus kept on the Merkliste
button, distinct names for the offer page's regions, targets of at least 24 × 24 px, and the error summary focused."""

from importlib import import_module

import pytest
from django.apps import apps

from tests.factories import OfferFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def vocabularies(transactional_db):
    # Transactional tests flush the seeded vocabularies (the facets of the search): seed them again.
    import_module("offers.migrations.0004_seed_vocabularies").seed(apps, None)


@pytest.fixture
def two_pages(region):
    """More than one page of results (20 a page), so the search shows its pagination."""
    provider = region.tq_stuttgart.provider
    OfferFactory.create_batch(20, provider=provider, levels=["fachkraft"])
    return region


def focused(page) -> dict:
    return page.evaluate(
        "({id: document.activeElement.id, text: document.activeElement.textContent.trim(),"
        " inResults: !!document.activeElement.closest('#results')})"
    )


def test_search_skip_link_comes_early_and_jumps_over_the_filters(browser_page, two_pages):
    page = browser_page
    page.goto("/angebote/?level=fachkraft")

    stops = 0
    while focused(page)["text"] != "Zu den Ergebnissen" and stops < 40:
        page.keyboard.press("Tab")
        stops += 1
    page.keyboard.press("Enter")
    after_skip = focused(page)
    page.keyboard.press("Tab")

    assert stops <= 15  # skip link, header and navigation come first; then this link, before some eighty filters
    assert after_skip["id"] == "results"
    assert focused(page)["inResults"]


def test_merkliste_toggle_keeps_focus_on_its_button(browser_page, region):
    page = browser_page
    page.goto("/angebote/")
    page.evaluate("window.notReloaded = true")
    title = region.tq_stuttgart.title

    toggle = page.locator("form.merkliste-toggle button", has_text=title)
    toggle.focus()
    page.keyboard.press("Enter")
    toggle.filter(has_text="Von der Merkliste nehmen").wait_for()
    after_adding = focused(page)["text"]
    header_after_adding = page.locator(".merkliste-link").inner_text()
    page.keyboard.press("Enter")
    toggle.filter(has_text="Auf die Merkliste").wait_for()

    assert after_adding == f"Von der Merkliste nehmen: {title}"
    assert header_after_adding == "Merkliste (1)"
    assert focused(page)["text"] == f"Auf die Merkliste: {title}"
    assert page.locator(".merkliste-link").inner_text() == "Merkliste (0)"
    assert page.get_by_role("status").inner_text() == "Das Angebot wurde von Ihrer Merkliste entfernt."
    assert page.evaluate("window.notReloaded") is True
    page.watch.assert_clean()


LANDMARKS = """() => {
  const roles = {SECTION: 'region', NAV: 'navigation', ASIDE: 'complementary', FORM: 'form'};
  const nameOf = (el) => el.getAttribute('aria-label') || (el.getAttribute('aria-labelledby') || '')
    .split(' ').filter(Boolean).map((id) => document.getElementById(id).textContent.trim()).join(' ');
  return [...document.querySelectorAll('section, nav, aside, [role=region], [role=search]')]
    .map((el) => [el.getAttribute('role') || roles[el.tagName], nameOf(el)]);
}"""


def test_offer_page_names_each_region_once(browser_page, region):
    page = browser_page
    page.goto(region.tq_stuttgart.get_absolute_url())

    landmarks = page.evaluate(LANDMARKS)

    assert [name for _role, name in landmarks if not name] == []
    assert len({tuple(landmark) for landmark in landmarks}) == len(landmarks), landmarks
    assert ["region", "Tabelle der Termine"] in landmarks
    assert page.watch.serious_axe_violations() == []


# Links inside running text are exempt (WCAG 2.5.8 "inline"): an inline link with other text in its block.
TOO_SMALL = """() => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, summary')]
  .filter((el) => el.offsetParent !== null && !el.closest('.visually-hidden'))
  .filter((el) => {
    const inText = el.parentElement.textContent.trim() !== el.textContent.trim();
    const inline = getComputedStyle(el).display === 'inline' && inText;
    const box = el.getBoundingClientRect();
    return !inline && (box.width < 24 || box.height < 24);
  })
  .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent || el.name || el.value).trim().slice(0, 30)}"`
    + ` ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`)"""


@pytest.mark.parametrize("path", ["/angebote/?level=fachkraft", "/angebote/?level=fachkraft&page=2"])
def test_search_targets_are_at_least_24_px_at_320_px(browser_page, two_pages, path):
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(path)
    page.locator(".search-filters summary").click()  # folded on phones; its options count too

    assert page.evaluate(TOO_SMALL) == []
    assert page.watch.serious_axe_violations() == []


def test_failed_request_form_focuses_the_summary_and_its_link_focuses_the_field(browser_page, region):
    page = browser_page
    page.goto("/beratung/anfragen/")
    page.get_by_role("button", name="Anfrage senden").click()
    page.locator("[data-error-summary]").wait_for()
    page.wait_for_load_state()  # site.js focuses the summary on DOMContentLoaded, after the summary is parsed

    summary_focused = page.evaluate("document.activeElement.matches('[data-error-summary]')")
    page.get_by_role("link", name="Name (bei Unternehmen: Name des Unternehmens): Dieses Feld").click()

    assert summary_focused
    assert page.evaluate("document.activeElement.id") == "id_name"
    assert page.locator("#id_name").get_attribute("aria-invalid") == "true"
    assert page.watch.serious_axe_violations() == []
