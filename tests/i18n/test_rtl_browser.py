"""Arabic at phone width in a real browser: the layout mirrors and nothing scrolls sideways."""

import importlib

import pytest
from django.apps import apps
from django.conf import settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
# The first navigation item, the last item on the same row (the list wraps at phone width) and the list's edges.
NAV_EDGES = """() => {
  const items = [...document.querySelectorAll('.main-nav li')].map(li => li.getBoundingClientRect());
  const row = items.filter(item => Math.abs(item.top - items[0].top) < 1);
  const list = document.querySelector('.main-nav ul').getBoundingClientRect();
  return {first: [items[0].left, items[0].right], last: [row.at(-1).left, row.at(-1).right],
          list: [list.left, list.right], rowLength: row.length};
}"""


@pytest.fixture
def seeded_catalogue(request):
    # Transactional tests flush the tables, so the seeded vocabularies may be gone: seed them again.
    importlib.import_module("offers.migrations.0004_seed_vocabularies").seed(apps, None)
    return request.getfixturevalue("catalogue")


def open_in(page, language: str, path: str) -> None:
    page.set_viewport_size(PHONE)
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": page.watch_base}])
    page.goto(path)


@pytest.fixture
def phone(browser_page, live_server):
    browser_page.watch_base = live_server.url
    return browser_page


@pytest.mark.parametrize("page_type", ["home", "search", "offer"])
def test_arabic_page_at_phone_width_mirrors_without_sideways_scroll_or_axe_faults(phone, seeded_catalogue, page_type):
    path = {"home": "/", "search": "/angebote/", "offer": seeded_catalogue.get_absolute_url()}[page_type]

    open_in(phone, "ar", path)

    assert phone.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    assert phone.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    nav = phone.evaluate(NAV_EDGES)
    assert nav["rowLength"] > 1
    assert nav["first"][1] == pytest.approx(nav["list"][1], abs=1)  # the first item starts at the right edge
    assert nav["first"][0] > nav["last"][1]  # and the row's last item lies to its left
    assert phone.watch.serious_axe_violations() == []
    phone.watch.assert_clean()


def test_german_page_at_phone_width_keeps_the_navigation_left_to_right(phone, seeded_catalogue):
    open_in(phone, "de", "/")

    nav = phone.evaluate(NAV_EDGES)
    assert nav["first"][0] == pytest.approx(nav["list"][0], abs=1)
    assert nav["first"][1] < nav["last"][0]
    assert phone.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
