"""A search sorted by distance reads its page from the runs nearest to the place (offers/search/nearest.py): the
same offers, in the same order, as sorting every offer found by the distance of its nearest run."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from offers.models import Offer, Run
from offers.search.filterset import OfferFilter
from offers.search.results import first_ids, search, sorted_ids
from tests.factories import ESSLINGEN, STUTTGART, LanguageFactory, OfferFactory, Place, RunFactory, days

pytestmark = pytest.mark.django_db
LUDWIGSBURG = Place("71634", "Ludwigsburg", 48.8975, 9.1922)  # 13 km north of Stuttgart
HEILBRONN = Place("74072", "Heilbronn", 49.1427, 9.2109)  # 40 km
ULM = Place("89073", "Ulm", 48.3984, 9.9916)  # 74 km


@pytest.fixture
def venues(postcodes):
    """Offers at Esslingen (two), Ludwigsburg, Heilbronn and Ulm; one in Heilbronn with a second run in Stuttgart
    itself; one in Stuttgart whose only run there has been cancelled; and one whose run in Stuttgart has ended."""
    at = {}
    for name, place in [("esslingen-1", ESSLINGEN), ("esslingen-2", ESSLINGEN), ("ludwigsburg", LUDWIGSBURG)]:
        at[name] = OfferFactory(title=f"Kurs {name}", runs__place=place, levels=["fachkraft"])
    at["heilbronn"] = OfferFactory(title="Kurs Heilbronn", runs__place=HEILBRONN, levels=["ohne-abschluss"])
    at["ulm"] = OfferFactory(title="Kurs Ulm", runs__place=ULM, levels=["fachkraft"])
    at["both"] = OfferFactory(title="Kurs Heilbronn und Stuttgart", runs__place=HEILBRONN, levels=["fachkraft"])
    RunFactory(offer=at["both"], place=STUTTGART, start_date=days(90), end_date=days(120))
    cancelled = OfferFactory(title="Abgesagt", runs__place=HEILBRONN)
    RunFactory(offer=cancelled, place=STUTTGART, status=Run.Status.CANCELLED)
    ended = OfferFactory(title="Vorbei", runs__place=HEILBRONN)
    RunFactory(offer=ended, place=STUTTGART, start_date=days(-60), end_date=days(-30))
    Offer.objects.all().refresh_dates()
    return {name: offer.pk for name, offer in at.items()} | {"cancelled": cancelled.pk, "ended": ended.pk}


def _filterset(query: str) -> OfferFilter:
    return OfferFilter(QueryDict(query), queryset=Offer.objects.listed())


def _by_every_distance(filterset: OfferFilter) -> list[int]:
    """The order before this module: every offer found, sorted by the distance of its nearest current run."""
    return list(filterset.ordered().values_list("pk", flat=True))


def test_the_nearest_offers_come_first_by_their_nearest_current_run(venues):
    filterset = _filterset("near=70173&radius=50")
    ids = sorted_ids(filterset, 6, 0, 10)
    # "both" has a run in Stuttgart itself; the cancelled and the ended run there do not count, so those two offers
    # are as far as Heilbronn; Esslingen's two offers tie and go by id; Ulm lies outside the radius.
    both, esslingen, heilbronn = venues["both"], [venues["esslingen-1"], venues["esslingen-2"]], venues["heilbronn"]
    assert ids[:4] == [both, *sorted(esslingen), venues["ludwigsburg"]]
    assert sorted(ids[4:]) == sorted([heilbronn, venues["cancelled"], venues["ended"]])
    assert ids == _by_every_distance(filterset)
    assert venues["ulm"] not in ids


def test_the_other_filters_of_the_search_apply_and_a_page_is_a_slice(venues):
    filterset = _filterset("near=70173&radius=50&level=fachkraft")
    assert sorted_ids(filterset, 4, 0, 10) == [
        venues["both"],
        venues["esslingen-1"],
        venues["esslingen-2"],
        venues["ludwigsburg"],
    ]
    assert sorted_ids(filterset, 4, 1, 3) == [venues["esslingen-1"], venues["esslingen-2"]]
    assert sorted_ids(filterset, 4, 4, 10) == []


def test_the_search_page_by_distance_reads_the_runs_once_and_shows_the_distance(venues, settings):
    settings.OFFERS_PER_PAGE = 2
    with CaptureQueriesContext(connection) as queries:
        results = search(QueryDict("near=70173&radius=50&level=fachkraft&page=2"), Offer.objects.listed())
        shown = [(card.pk, round(card.distance_km)) for card in results.page]
    assert shown == [(venues["esslingen-2"], 10), (venues["ludwigsburg"], 13)]
    page_of_runs = [
        sql for sql in queries.captured_queries if "GROUP BY" in sql["sql"] and "LIMIT 3 OFFSET 2" in sql["sql"]
    ]
    assert len(page_of_runs) == 1


def test_the_guide_lists_the_nearest_offers_those_in_the_visitors_language_first(venues):
    Offer.objects.get(pk=venues["ludwigsburg"]).languages.set([LanguageFactory(code="tr")])
    filterset = _filterset("near=70173&radius=50&level=fachkraft")
    assert first_ids(filterset, 3) == [venues["both"], venues["esslingen-1"], venues["esslingen-2"]]
    assert first_ids(filterset, 3, ["tr"]) == [venues["ludwigsburg"], venues["both"], venues["esslingen-1"]]
    assert first_ids(filterset, 9, ["ar"]) == _by_every_distance(filterset)


def test_an_offer_with_two_runs_at_one_venue_is_listed_once_at_its_distance(venues):
    twice = OfferFactory(title="Kurs zweimal in Esslingen", runs__place=ESSLINGEN, levels=["fachkraft"])
    RunFactory(offer=twice, place=ESSLINGEN, start_date=days(100), end_date=days(130))
    Offer.objects.all().refresh_dates()
    filterset = _filterset("near=70173&radius=50&level=fachkraft")

    ids = sorted_ids(filterset, 5, 0, 10)

    esslingen = sorted([venues["esslingen-1"], venues["esslingen-2"], twice.pk])
    assert ids == [venues["both"], *esslingen, venues["ludwigsburg"]]
    assert sorted_ids(filterset, 5, 3, 5) == [esslingen[-1], venues["ludwigsburg"]]
    assert ids == _by_every_distance(filterset)
