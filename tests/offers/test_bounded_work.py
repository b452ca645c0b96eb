"""No request does work that grows with the catalogue: asserted on the queries each page runs, not on timings.

Each public page is requested on a catalogue of 5 and of 40 listed offers, with the cache empty: the same number of
queries, every read of offer rows limited (a LIMIT, or the ids of one page), and every count of the catalogue taken
on the sample once the catalogue passes SEARCH_SAMPLE_ABOVE (here set to 4, so both sizes are "large").
"""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from offers import vocabulary_rows
from offers.models import Offer
from offers.search import paging, query
from tests.factories import STUTTGART, OfferFactory, PartnerFactory, days

pytestmark = pytest.mark.django_db
SEARCH = "/angebote/"
OFFER_TABLE = '"offers_offer"'


@pytest.fixture
def sampled(settings):
    """Every catalogue counts as large; every offer lies in the sample, so counts stay exact and comparable."""
    settings.SEARCH_SAMPLE_ABOVE, settings.SEARCH_SAMPLE_SIZE, settings.SEARCH_MIN_SAMPLED = 4, 2, 0
    return settings


@pytest.fixture
def provider(db):
    return PartnerFactory(name="Bildungswerk Groß", place=STUTTGART)


def _grow_to(count: int, provider) -> None:
    """`count` listed offers in all, each of them in the sample."""
    for _ in range(count - Offer.objects.count()):
        OfferFactory(provider=provider, levels=["fachkraft"], funding=["bildungsgutschein"], runs__place=STUTTGART)
    Offer.objects.update(sample=0)
    Offer.objects.all().refresh_facet_tokens()  # the sample's bucket is a token too: a text search's count reads it
    if connection.vendor == "postgresql":  # the planner's statistics, as autovacuum keeps them for a live catalogue
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE offers_offer, partners_partner")


def _queries(client, url: str, params=None) -> list[str]:
    cache.clear()
    vocabulary_rows.forget()  # as a process that has not read them yet: the same reads at both sizes
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return [query["sql"] for query in queries]


def _unbounded_offer_reads(queries: list[str]) -> list[str]:
    """Reads of offer rows that are neither limited, nor a given list of ids, nor a count on the sample.

    On SQLite the size of the catalogue is counted where PostgreSQL asks the planner (EXPLAIN, no scan): the one
    full count the embedded default allows itself (docs/search.md)."""
    unbounded = []
    if connection.vendor == "sqlite":
        queries = [sql for sql in queries if not sql.startswith(f'SELECT COUNT(*) AS "__count" FROM {OFFER_TABLE}')]
    for sql in queries:
        if OFFER_TABLE not in sql or sql.startswith("EXPLAIN") or " LIMIT " in sql:
            continue
        if re.search(r'"offers_offer"\."(id|slug)" IN \(', sql) or re.search(r'"offer_id" IN \(', sql):
            continue
        if re.search(r'"sample"( \+ 0\))? <', sql):  # a text search bounds the number as an expression
            continue
        unbounded.append(sql)
    return unbounded


def _offsets(queries: list[str]) -> list[int]:
    return [int(offset) for sql in queries for offset in re.findall(r"OFFSET (\d+)", sql)]


PAGES = [
    ("home", lambda offer: reverse("home"), None),
    ("search", lambda offer: SEARCH, None),
    ("catch-all text", lambda offer: SEARCH, {"q": "a"}),
    ("text", lambda offer: SEARCH, {"q": "Kurs"}),
    ("funding list", lambda offer: reverse("funding:list"), None),
    ("funding page", lambda offer: reverse("funding:detail", args=["bildungsgutschein"]), None),
    ("partner directory", lambda offer: reverse("partners:directory"), None),
    ("partner profile", lambda offer: reverse("partners:detail", args=[offer.provider.slug]), None),
    ("offer page", lambda offer: offer.get_absolute_url(), None),
    ("guide result", lambda offer: reverse("guide:result"), {"who": "beschaeftigt", "step": "fachkraft"}),
]


@pytest.mark.parametrize(("name", "url", "params"), PAGES, ids=[page[0] for page in PAGES])
def test_public_page_runs_the_same_bounded_queries_for_5_and_40_offers(
    client, sampled, provider, monkeypatch, name, url, params
):
    # With every offer in a sample of a twentieth, 40 offers are estimated at 800: a text search estimated above
    # RANKED_RESULTS finds its soonest matches through a start-date window, which reads the day's start-date
    # quantiles once a day (test_soonest.py). Both sizes here take the walk, so that they compare the same path.
    monkeypatch.setattr(query, "RANKED_RESULTS", 1000)
    _grow_to(5, provider)
    first = Offer.objects.order_by("pk").first()
    _queries(client, url(first), params)  # the demand record's first row of the day is an INSERT, later an UPDATE
    few = _queries(client, url(first), params)
    _grow_to(40, provider)
    many = _queries(client, url(first), params)

    assert len(many) == len(few)
    assert _unbounded_offer_reads(many) == []
    assert all(offset < paging.MAX_RESULTS for offset in _offsets(many))


def test_merkliste_comparison_reads_only_the_compared_offers(client, sampled, provider):
    _grow_to(5, provider)
    two = [offer.slug for offer in Offer.objects.order_by("pk")[:2]]
    few = _queries(client, reverse("merkliste:compare"), {"offer": two})
    _grow_to(40, provider)
    many = _queries(client, reverse("merkliste:compare"), {"offer": two})
    assert len(many) == len(few)
    assert _unbounded_offer_reads(many) == []


def test_search_sorts_one_page_of_ids_with_a_limit(client, sampled, provider, settings):
    _grow_to(40, provider)
    settings.OFFERS_PER_PAGE = 20
    queries = _queries(client, SEARCH, {"sort": "title", "page": 2})
    sorted_ids = [sql for sql in queries if sql.startswith('SELECT "offers_offer"."id" AS "pk"')]
    assert len(sorted_ids) == 1
    assert sorted_ids[0].endswith("LIMIT 21 OFFSET 20")


def test_the_counts_of_a_large_catalogue_read_the_sample(client, sampled, provider):
    _grow_to(40, provider)
    queries = _queries(client, SEARCH)
    # Without facet filters PostgreSQL counts the sampled rows' tokens with ts_stat (offers.search.token_facets).
    counts = [sql for sql in queries if sql.startswith(("WITH rows AS", "SELECT word, ndoc FROM ts_stat("))]
    assert len(counts) == 1
    assert '"offers_offer"."sample" <' in counts[0]


@pytest.mark.parametrize("page", ["999999999", "abc", "-3", "0"])
def test_a_bad_page_number_shows_the_first_page_and_skips_nothing(client, provider, page):
    _grow_to(5, provider)
    queries = _queries(client, SEARCH, {"page": page})
    cache.clear()
    response = client.get(SEARCH, {"page": page})
    assert response.context["page_obj"].number == 1
    assert [offer.pk for offer in response.context["offers"]] != []
    assert _offsets(queries) == []


def test_a_page_past_the_paging_limit_shows_the_deepest_page_and_says_why(client, provider, settings, monkeypatch):
    _grow_to(5, provider)
    settings.OFFERS_PER_PAGE = 1
    monkeypatch.setattr(paging, "MAX_RESULTS", 3)
    queries = _queries(client, SEARCH, {"page": "50000", "sort": "title"})
    response = client.get(SEARCH, {"page": "50000", "sort": "title"})
    assert response.context["page_obj"].number == 3
    assert response.context["page_obj"].paginator.num_pages == 3
    assert response.context["page_obj"].paginator.count == 5  # the total stays the real one
    assert response.context["too_deep"] is True
    assert "Es lassen sich die ersten 3 Treffer einer Suche durchblättern" in response.content.decode()
    assert max(_offsets(queries)) == 2


def _welding_courses(provider) -> tuple[list[str], str]:
    """Four courses naming welding in their description, starting in 1 to 4 weeks, and a welding course by title
    (the best match) starting in 5 weeks."""
    soon = [
        OfferFactory(
            provider=provider, title=f"Metallkurs {n}", description="Mit Schweißen.", runs__start_date=days(7 * n)
        )
        for n in range(1, 5)
    ]
    best = OfferFactory(provider=provider, title="Schweißen", description="", runs__start_date=days(35))
    return [offer.slug for offer in soon], best.slug


def test_a_text_search_ranks_its_soonest_matches_only_and_pages_through_those(client, provider, settings, monkeypatch):
    soon, best = _welding_courses(provider)
    settings.OFFERS_PER_PAGE = 1
    assert client.get(SEARCH, {"q": "Schweißen"}).context["offers"][0].slug == best  # ranked among all five
    monkeypatch.setattr(query, "RANKED_RESULTS", 3)
    cache.clear()
    queries = _queries(client, SEARCH, {"q": "Schweißen"})
    response = client.get(SEARCH, {"q": "Schweißen"})
    assert response.context["offers"][0].slug in soon[:3]  # the best match starts after the three soonest
    assert response.context["page_obj"].paginator.count == 5
    assert any(re.search(r"ORDER BY .*next_start.* LIMIT 3\)", sql) for sql in queries)
    deep = client.get(SEARCH, {"q": "Schweißen", "page": "9"})
    assert (deep.context["page_obj"].number, deep.context["too_deep"]) == (3, True)
    assert "Nach Beginn sortiert lassen sich mehr Treffer durchblättern." in deep.content.decode()
    by_start = client.get(SEARCH, {"q": "Schweißen", "sort": "start", "page": "5"})
    assert (by_start.context["offers"][0].slug, by_start.context["too_deep"]) == (best, False)


def test_a_large_result_sorted_by_title_sorts_its_soonest_offers_only(client, provider, settings, monkeypatch):
    """Past the paging limit, sorting by title would walk the title index as far as the filter's first offer."""
    soon, _best = _welding_courses(provider)  # "Metallkurs 1-4" start first, "Schweißen" in 5 weeks
    first_by_title = OfferFactory(provider=provider, title="Aalener Grundkurs", runs__start_date=days(60)).slug
    settings.OFFERS_PER_PAGE = 1
    assert client.get(SEARCH, {"sort": "title"}).context["offers"][0].slug == first_by_title
    monkeypatch.setattr(paging, "MAX_RESULTS", 3)
    monkeypatch.setattr(query, "RANKED_RESULTS", 3)
    queries = _queries(client, SEARCH, {"sort": "title"})
    assert any(re.search(r"ORDER BY .*next_start.* LIMIT 3\)", sql) for sql in queries)
    shown = [client.get(SEARCH, {"sort": "title", "page": n}).context["offers"][0].slug for n in (1, 2, 3)]
    assert shown == soon[:3]  # the three soonest, by title: the first title of all starts too late


def test_a_result_that_is_not_large_is_sorted_whole_by_title_and_paged_past_the_ranked_offers(
    client, provider, settings, monkeypatch
):
    """Only a result of more than MAX_RESULTS is sorted among its soonest offers, so only there does the paging stop
    at RANKED_RESULTS; a text search is ranked among its soonest matches whatever its size."""
    soon, best = _welding_courses(provider)  # five offers; by title "Metallkurs 1-4", then "Schweißen"
    settings.OFFERS_PER_PAGE = 1
    monkeypatch.setattr(query, "RANKED_RESULTS", 3)
    by_title = client.get(SEARCH, {"sort": "title", "page": "5"})
    assert (by_title.context["page_obj"].number, by_title.context["too_deep"]) == (5, False)
    assert by_title.context["offers"][0].slug == best
    assert by_title.context["page_obj"].paginator.num_pages == 5
    by_rank = client.get(SEARCH, {"q": "Schweißen", "page": "5"})
    assert (by_rank.context["page_obj"].number, by_rank.context["too_deep"]) == (3, True)
    assert "Es lassen sich die ersten 3 Treffer einer Suche durchblättern" in by_rank.content.decode()


def test_a_deep_page_within_the_result_says_nothing_about_the_limit(client, provider, settings):
    _grow_to(5, provider)
    settings.OFFERS_PER_PAGE = 1
    response = client.get(SEARCH, {"page": "50000"})
    assert (response.context["page_obj"].number, response.context["too_deep"]) == (5, False)


@pytest.mark.parametrize("params", [{}, {"q": "Kurs", "sort": "title"}, {"level": "fachkraft", "page": "2"}])
def test_a_search_with_the_cache_cleared_returns_the_same_page_as_with_it_warm(client, provider, settings, params):
    _grow_to(12, provider)
    settings.OFFERS_PER_PAGE = 5

    def shown():
        response = client.get(SEARCH, params)
        page = response.context["page_obj"]
        facets = {facet.name: [(o.value, o.count) for o in facet.options] for facet in response.context["facets"]}
        return [offer.pk for offer in page.object_list], page.paginator.count, facets

    cache.clear()
    cold = shown()
    warm = shown()
    cache.clear()
    assert cold == warm == shown()
    assert len(cold[0]) == 5


def test_a_search_that_finds_nothing_sorts_nothing(client, provider):
    """With no offer to stop at, walking the start-date index for the first page reads the whole catalogue (5 s at
    a million offers for "up to 1,000 €" and "free" together); a result counted exactly as empty needs no page."""
    _grow_to(5, provider)
    params = {"level": "fachkraft", "kind": "studium"}
    queries = _queries(client, SEARCH, params)
    response = client.get(SEARCH, params)
    assert (response.context["page_obj"].paginator.count, list(response.context["offers"])) == (0, [])
    assert response.context["relaxations"] == [("Art des Angebots", 5, "?level=fachkraft")]
    assert [sql for sql in queries if OFFER_TABLE in sql and "ORDER BY" in sql and "LIMIT" in sql] == []
    found = _queries(client, SEARCH, {"level": "fachkraft"})
    assert len([sql for sql in found if OFFER_TABLE in sql and "ORDER BY" in sql and "LIMIT 21" in sql]) == 1
