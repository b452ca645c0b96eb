"""The filters duration, price and language: their bands at the edges, their facet counts, the API and the cards."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.http import QueryDict
from django.urls import reverse

from offers.models import Offer, Run
from offers.search import counting, display
from offers.search.filterset import OfferFilter
from tests.factories import LanguageFactory, OfferFactory, RunFactory, days, slugs

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def _search(query: str) -> OfferFilter:
    return OfferFilter(QueryDict(query), queryset=Offer.objects.listed())


def _found(query: str) -> set[str]:
    return slugs(_search(query).qs)


def _counts(query: str, facet: str) -> dict[str, int]:
    filterset = _search(query)
    facets = display.facets(filterset, counting.summary(filterset))
    return {option.value: option.count for option in next(f for f in facets if f.name == facet).options}


def _next_year(month: int, day: int) -> datetime.date:
    return datetime.date(days(0).year + 1, month, day)


def _run_offer(slug: str, start, end, hours=None) -> Offer:
    offer = OfferFactory(slug=slug, runs=0, teaching_hours=hours)
    RunFactory(offer=offer, start_date=start, end_date=end)
    return offer


def _band(offer: Offer) -> str:
    return offer.runs.get().duration_band


@pytest.mark.parametrize(
    ("start", "end", "hours", "band"),
    [
        (_next_year(1, 15), _next_year(2, 15), None, "bis-1-monat"),  # exactly one month
        (_next_year(2, 1), _next_year(3, 1), 2000, "bis-1-monat"),  # the dates win over the hours
        (_next_year(1, 15), _next_year(2, 16), None, "bis-6-monate"),  # a day more
        (_next_year(7, 1), datetime.date(days(0).year + 2, 1, 1), None, "bis-6-monate"),  # exactly six months
        (_next_year(7, 1), datetime.date(days(0).year + 2, 1, 2), None, "laenger"),
        (_next_year(1, 15), None, 160, "bis-1-monat"),  # no end date: 160 UE are one month of teaching
        (_next_year(1, 15), None, 161, "bis-6-monate"),
        (_next_year(1, 15), None, 960, "bis-6-monate"),
        (_next_year(1, 15), None, 961, "laenger"),
        (_next_year(1, 15), None, None, ""),  # no end and no hours: no duration, in no band
    ],
)
def test_duration_band_of_a_run_at_its_edges(start, end, hours, band):
    offer = _run_offer("kurs", start, end, hours)
    assert _band(offer) == band
    found_in = {value for value in Run.DurationBand.values if _found(f"duration={value}")}
    assert found_in == ({band} if band else set())


def test_changing_the_teaching_hours_moves_the_runs_without_end_date_to_another_band():
    offer = _run_offer("kurs", days(10), None, 100)
    assert _found("duration=bis-1-monat") == {"kurs"}
    offer.teaching_hours = 2000
    offer.save()
    assert _found("duration=bis-1-monat") == set()
    assert _found("duration=laenger") == {"kurs"}


def test_changing_a_runs_dates_moves_it_to_another_band():
    offer = _run_offer("kurs", days(10), days(20), None)
    run = offer.runs.get()
    run.end_date = days(400)
    run.save()
    assert _found("duration=laenger") == {"kurs"}
    assert _found("duration=bis-1-monat") == set()


def test_duration_finds_an_offer_by_any_current_run_and_counts_it_once_per_band():
    offer = _run_offer("zwei-termine", days(10), days(20), None)
    RunFactory(offer=offer, start_date=days(30), end_date=days(300))
    RunFactory(offer=offer, start_date=days(-400), end_date=days(-300))  # ended: does not count
    _run_offer("kurz", days(10), days(15), None)
    assert _found("duration=bis-1-monat") == {"zwei-termine", "kurz"}
    assert _found("duration=laenger") == {"zwei-termine"}
    assert _found("duration=bis-6-monate") == set()
    assert _counts("", "duration") == {"bis-1-monat": 2, "bis-6-monate": 0, "laenger": 1}
    assert _counts("duration=laenger", "duration") == {"bis-1-monat": 2, "bis-6-monate": 0, "laenger": 1}


@pytest.fixture
def priced():
    prices = {"frei": "0", "cent": "0.01", "tausend": "1000", "tausend-eins": "1000.01", "fuenftausend": "5000",
              "mehr": "5000.01"}  # fmt: skip
    for slug, price in prices.items():
        OfferFactory(slug=slug, price=Decimal(price))
    return prices


@pytest.mark.parametrize(
    ("band", "expected"),
    [
        ("kostenlos", {"frei"}),
        ("bis-1000", {"cent", "tausend"}),
        ("bis-5000", {"tausend-eins", "fuenftausend"}),
        ("mehr", {"mehr"}),
    ],
)
def test_price_bands_at_their_edges(priced, band, expected):
    assert _found(f"price={band}") == expected


def test_price_bands_combine_with_or_and_are_counted(priced):
    assert _found("price=kostenlos&price=mehr") == {"frei", "mehr"}
    assert _counts("price=kostenlos", "price") == {"kostenlos": 1, "bis-1000": 2, "bis-5000": 2, "mehr": 1}
    assert _counts("price=kostenlos&free=1", "price") == {"kostenlos": 1, "bis-1000": 0, "bis-5000": 0, "mehr": 0}


def test_free_with_price_bands_above_nothing_finds_nothing_without_searching_and_suggests_each(priced):
    filterset = _search("free=1&price=bis-1000&price=mehr&sort=title")
    summary = counting.summary(filterset)

    assert list(filterset.qs) == []
    assert '"offers_offer"."id" IS NULL' in str(filterset.qs.query)
    assert summary["total"] == 0
    assert summary["without"] == {"free": 3, "price": 1}  # cent, tausend and mehr; frei
    assert _found("free=1&price=bis-1000&price=kostenlos") == {"frei"}  # a free band among them: no contradiction
    assert '"offers_offer"."id" IS NULL' not in str(_search("free=1&price=kostenlos").qs.query)


def test_an_unknown_band_is_dropped_and_the_rest_of_the_search_still_runs(priced):
    filterset = _search("price=gratis&price=mehr&duration=ewig")
    assert slugs(filterset.qs) == {"mehr"}
    assert filterset.form.errors == {}


@pytest.fixture
def taught():
    german, english = LanguageFactory(code="de", name="Deutsch"), LanguageFactory(code="en", name="Englisch")
    arabic = LanguageFactory(code="ar", name="Arabisch")
    OfferFactory(slug="deutsch").languages.set([german])
    OfferFactory(slug="zweisprachig").languages.set([german, english])
    OfferFactory(slug="arabisch").languages.set([arabic])
    OfferFactory(slug="ohne-angabe")
    return german, english, arabic


def test_language_filter_finds_offers_taught_in_any_chosen_language(taught):
    assert _found("language=en") == {"zweisprachig"}
    assert _found("language=en&language=ar") == {"zweisprachig", "arabisch"}
    assert _found("language=de&language=xx") == {"deutsch", "zweisprachig"}
    counts = _counts("language=en", "language")
    assert {code: n for code, n in counts.items() if n} == {"de": 2, "en": 1, "ar": 1}


def test_result_cards_show_the_teaching_languages(client, taught):
    html = client.get(reverse("offers:search"), {"language": "en"}).content.decode()
    assert "Unterrichtssprache" in html
    assert "Deutsch, Englisch" in html


def test_the_api_finds_what_the_page_finds_with_the_new_filters(client, taught, priced):
    params = {"language": "de", "price": "kostenlos", "sort": "title"}
    page = client.get(reverse("offers:search"), params).context["offers"]
    api = client.get(reverse("api:offer-list"), params).json()
    assert [offer["slug"] for offer in api["results"]] == [offer.slug for offer in page]
    assert api["count"] == len(page) == 2  # OfferFactory's offers are free


def test_new_filters_show_as_removable_chips(client, priced):
    response = client.get(reverse("offers:search"), {"price": "mehr", "duration": "laenger"})
    labels = [label for label, _url in response.context["chips"]]
    assert labels == ["Dauer: länger als 6 Monate", "Preis: mehr als 5.000 €"]
    assert Run.DurationBand.LONGER == "laenger"
