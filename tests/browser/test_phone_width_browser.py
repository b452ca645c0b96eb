"""The desk's inbox, case list, case page and companies page and an offer's dates table at phone width: nothing
scrolls sideways and no table is cut off (docs/architecture.md, "Phone width")."""

from io import StringIO

import pytest

from counselling import demo
from counselling.models import Case
from tests.conftest import browser_login
from tests.factories import OfferFactory, OfficeFactory, RunFactory, counsellor, days

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [320, 375]
OVERFLOW = """() => {
  const root = document.documentElement;
  const cut = [...document.querySelectorAll("table, pre, form, img")]
    .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 || el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.tagName + "." + el.className);
  return {page: root.scrollWidth - root.clientWidth, cut};
}"""


@pytest.fixture
def desk_user():
    office = OfficeFactory(slug="lotsendienst-stuttgart", name="Lotsendienst Stuttgart")
    user = counsellor(office, username="beratung-stuttgart")
    demo.load(stdout=StringIO())
    return user


@pytest.fixture
def offer_with_runs():
    offer = OfferFactory(title="Teilqualifizierung Maschinen- und Anlagenführer/in, Modul 1 bis 5", runs=0)
    for n in range(3):
        RunFactory(offer=offer, start_date=days(30 + n), end_date=days(200 + n), seats=12)
    return offer


def test_desk_and_offer_pages_do_not_scroll_sideways_at_phone_width(browser_page, desk_user, offer_with_runs):
    page = browser_page
    page.goto("/beratung/")
    browser_login(page, desk_user)
    page.get_by_role("heading", name="Übersicht", level=1).wait_for()
    case = Case.objects.filter(office__slug="lotsendienst-stuttgart").order_by("pk").first()
    paths = [
        "/beratung/",
        "/beratung/eingang/",
        "/beratung/faelle/",
        case.get_absolute_url(),
        "/beratung/unternehmen/",
        offer_with_runs.get_absolute_url(),
    ]

    too_wide = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for path in paths:
            page.goto(path)
            result = page.evaluate(OVERFLOW)
            if result["page"] > 0 or result["cut"]:
                too_wide[(width, path)] = result
        page.goto(offer_with_runs.get_absolute_url())
        last_column = page.locator("table.runs td[data-label='Start garantiert']").first
        assert last_column.is_visible() and last_column.bounding_box()["x"] < width

    assert too_wide == {}, "\n".join(f"{key}: {value}" for key, value in too_wide.items())
