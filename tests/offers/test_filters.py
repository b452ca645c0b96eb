import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from offers.models import Offer, Run
from offers.search import counting, display
from offers.search.estimates import bitmap_scans_only, estimate, sampled
from offers.search.facet_kinds import FACETS
from offers.search.filterset import OfferFilter
from tests.factories import SCHWERIN, STUTTGART, OfferFactory, RunFactory, days, slugs, step

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")


@pytest.fixture
def catalogue(postcodes):
    a = OfferFactory(
        title="Externenprüfung Mechatroniker",
        kind=Offer.Kind.EXTERNENPRUEFUNG,
        levels=["ohne-abschluss"],
        leads_to=step("fachkraft"),
        sectors=["metall-elektro"],
        funding=["bildungsgutschein"],
        target_groups=["an-und-ungelernte"],
        azav=True,
        price=5000,
    )
    b = OfferFactory(
        title="Industriemeister Metall",
        kind=Offer.Kind.AUFSTIEG,
        levels=["fachkraft"],
        leads_to=step("aufstieg"),
        sectors=["metall-elektro", "maschinenbau"],
        funding=["aufstiegs-bafoeg"],
        price=4000,
        runs=0,
    )
    RunFactory(
        offer=b,
        place=STUTTGART,
        latitude=48.78,
        longitude=9.18,
        start_date=days(60),
        end_date=days(400),
        schedule=Run.Schedule.BERUFSBEGLEITEND,
    )
    c = OfferFactory(
        title="Pflegehelfer",
        kind=Offer.Kind.UMSCHULUNG,
        levels=["ohne-abschluss", "fachkraft"],
        leads_to=step("fachkraft"),
        sectors=["pflege-gesundheit"],
        funding=["bildungsgutschein", "qualifizierungschancengesetz"],
        target_groups=["migration"],
        azav=True,
        price=0,
        runs=0,
    )
    RunFactory(
        offer=c,
        place=SCHWERIN,
        latitude=53.62,
        longitude=11.41,
        start_date=days(10),
        end_date=days(300),
        schedule="vollzeit",
    )
    d = OfferFactory(
        title="Qualifizierungsberatung",
        kind=Offer.Kind.BERATUNG,
        levels=["ohne-abschluss", "fachkraft", "aufstieg", "akademisch"],
        sectors=["branchenuebergreifend"],
        price=0,
        runs__start_date=None,
        runs__end_date=None,
        runs__rolling_start=True,
    )
    # Could leak: same attributes as a, but not listed.
    OfferFactory(
        title="Entwurf Mechatroniker",
        status=Offer.Status.DRAFT,
        levels=["ohne-abschluss"],
        sectors=["metall-elektro"],
        funding=["bildungsgutschein"],
        price=0,
    )
    OfferFactory(
        title="Vorbei",
        levels=["ohne-abschluss"],
        funding=["bildungsgutschein"],
        price=0,
        runs__start_date=days(-40),
        runs__end_date=days(-2),
    )
    return {"a": a.slug, "b": b.slug, "c": c.slug, "d": d.slug}


def _search(query: str) -> OfferFilter:
    return OfferFilter(QueryDict(query), queryset=Offer.objects.listed())


def _facets(filterset: OfferFilter) -> list[display.Facet]:
    return display.facets(filterset, counting.summary(filterset))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "abcd"),
        ("level=ohne-abschluss", "acd"),
        ("level=fachkraft", "bcd"),
        ("level=ohne-abschluss&level=aufstieg", "acd"),
        ("level=akademisch", "d"),
        ("next=aufstieg", "b"),
        ("next=fachkraft", "ac"),
        ("sector=metall-elektro", "ab"),
        ("sector=pflege-gesundheit&sector=maschinenbau", "bc"),
        ("funding=bildungsgutschein", "ac"),
        ("funding=aufstiegs-bafoeg&funding=qualifizierungschancengesetz", "bc"),
        ("kind=beratung", "d"),
        ("kind=umschulung&kind=beratung", "cd"),
        ("target_group=migration", "c"),
        ("target_group=an-und-ungelernte&target_group=migration", "ac"),
        ("free=1", "cd"),
        ("azav=1", "ac"),
        ("learning_form=praesenz", "bc"),
        ("learning_form=online-live", "ad"),
        ("schedule=vollzeit", "c"),
        ("schedule=berufsbegleitend&schedule=vollzeit", "bc"),
        ("start_from=" + str(days(20)), "abd"),
        ("start_until=" + str(days(20)), "cd"),
        (f"start_from={days(25)}&start_until={days(40)}", "ad"),
        ("near=70173&radius=25", "b"),
        ("near=Schwerin&radius=10", "c"),
        ("near=19053&radius=5&level=fachkraft", "c"),
        ("level=ohne-abschluss&funding=bildungsgutschein", "ac"),
        ("level=ohne-abschluss&funding=bildungsgutschein&free=1", "c"),
        ("sector=metall-elektro&level=fachkraft", "b"),
        ("level=fachkraft&kind=beratung&free=1&learning_form=online-live", "d"),
        ("level=gibt-es-nicht", "abcd"),
        ("level=gibt-es-nicht&level=fachkraft", "bcd"),
        ("funding=wegebau", "abcd"),
        ("q=Mechatroniker", "a"),
        ("q=Mechatroniker&level=fachkraft", ""),
    ],
)
def test_filter_returns_exact_offers(catalogue, query, expected):
    assert slugs(_search(query).qs) == {catalogue[key] for key in expected}


def _counts(filterset: OfferFilter) -> dict[str, dict[str, int]]:
    return {facet.name: {o.value: o.count for o in facet.options} for facet in _facets(filterset)}


def test_facet_counts_ignore_own_filter_and_apply_all_others(catalogue):
    counts = _counts(_search("level=ohne-abschluss&sector=metall-elektro&sector=pflege-gesundheit"))
    assert counts["level"] == {"ohne-abschluss": 2, "fachkraft": 2, "aufstieg": 0, "akademisch": 0}
    assert counts["sector"]["metall-elektro"] == 1
    assert counts["sector"]["pflege-gesundheit"] == 1
    assert counts["sector"]["branchenuebergreifend"] == 1
    assert counts["sector"]["maschinenbau"] == 0
    assert counts["funding"]["bildungsgutschein"] == 2
    assert counts["funding"]["qualifizierungschancengesetz"] == 1
    assert counts["funding"]["aufstiegs-bafoeg"] == 0
    assert "wegebau" not in counts["funding"]
    assert counts["kind"] == {**dict.fromkeys(Offer.Kind.values, 0), "externenpruefung": 1, "umschulung": 1}
    assert counts["next"] == {"ohne-abschluss": 0, "fachkraft": 2, "aufstieg": 0, "akademisch": 0}
    assert counts["learning_form"] == {**dict.fromkeys(Run.LearningForm.values, 0), "online-live": 1, "praesenz": 1}
    assert counts["schedule"] == {**dict.fromkeys(Run.Schedule.values, 0), "teilzeit": 1, "vollzeit": 1}
    assert counts["target_group"]["migration"] == 1
    assert counts["target_group"]["an-und-ungelernte"] == 1
    assert counts["free"] == {"1": 1}
    assert counts["azav"] == {"1": 2}


def test_facet_counts_without_filters_count_every_listed_offer_once(catalogue):
    counts = _counts(_search(""))
    assert counts["level"] == {"ohne-abschluss": 3, "fachkraft": 3, "aufstieg": 1, "akademisch": 1}
    assert counts["funding"]["bildungsgutschein"] == 2  # the draft and the past offer are not counted
    assert counts["free"] == {"1": 2}


def test_facet_options_with_no_offers_stay_visible(catalogue):
    facet = next(f for f in _facets(_search("level=akademisch")) if f.name == "sector")
    empty = [o.value for o in facet.options if o.count == 0]
    assert "bau" in empty
    assert len(facet.options) == 13


def test_unknown_place_is_a_form_error_and_no_result_pretends_to_be_near_it(catalogue):
    filterset = _search("near=99999&level=fachkraft")
    assert slugs(filterset.qs) == set()
    assert counting.summary(filterset)["total"] == 0
    assert filterset.form.errors["near"] == [
        "Zu „99999“ haben wir keinen Ort gefunden. Bitte eine Postleitzahl oder einen Ortsnamen eingeben, z. B. 70173 "
        "oder Stuttgart."
    ]
    assert slugs(_search("level=fachkraft").qs) == {catalogue[k] for k in "bcd"}


def test_near_annotates_distance_of_the_nearest_run(catalogue):
    offer = _search("near=73728&radius=25").qs.get()
    assert offer.slug == catalogue["b"]
    assert 9 < offer.distance_km < 11  # Esslingen to Stuttgart centre


def test_near_excludes_runs_just_outside_the_radius(catalogue):
    assert slugs(_search("near=73728&radius=5").qs) == set()
    assert slugs(_search("near=73728&radius=25").qs) == {catalogue["b"]}


def test_start_until_before_start_from_is_a_form_error(catalogue):
    filterset = _search(f"start_from={days(40)}&start_until={days(20)}")
    assert not filterset.form.is_valid()
    assert filterset.form.errors["start_until"] == ["Das Enddatum liegt vor dem Anfangsdatum."]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("sort=title", ["d", "b", "c", "a"][::-1]), ("sort=start", ["d", "c", "a", "b"]), ("", ["d", "c", "a", "b"])],
)
def test_sort_orders_end_with_pk(catalogue, query, expected):
    # Titles: Externenprüfung… (a) < Industriemeister (b) < Pflegehelfer (c) < Qualifizierungsberatung (d)
    if query == "sort=title":
        expected = ["a", "b", "c", "d"]
    ordered = _search(query).ordered()
    assert [o.slug for o in ordered] == [catalogue[k] for k in expected]
    assert ordered.query.order_by[-1] == "pk"


def test_relaxations_suggest_filters_to_drop(catalogue):
    filterset = _search("level=akademisch&sector=metall-elektro")
    suggestions = display.relaxations(filterset, counting.summary(filterset))
    assert {(name, count) for name, _label, count in suggestions} == {("level", 2), ("sector", 1)}
    assert suggestions[0][0] == "level"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "funding=bildungsgutschein",
        "level=fachkraft&sector=metall-elektro&funding=bildungsgutschein",
        "level=ohne-abschluss&sector=metall-elektro&sector=pflege-gesundheit&azav=1",
        "kind=umschulung&kind=externenpruefung&free=1&schedule=vollzeit",
        "learning_form=praesenz&level=ohne-abschluss&next=fachkraft&target_group=migration",
        "q=Mechatroniker&sector=metall-elektro",
        "near=70173&radius=50&level=fachkraft",
    ],
)
def test_every_facet_count_equals_the_result_of_choosing_that_option(catalogue, query):
    """Counted in one query (offers.search.facets), checked against the filters themselves: choosing an option
    instead of that facet's current choice finds exactly as many offers as the option said."""
    for facet in _facets(_search(query)):
        for option in facet.options:
            data = QueryDict(query, mutable=True)
            data.setlist(facet.name, [option.value])
            found = OfferFilter(data, queryset=Offer.objects.listed()).qs.count()
            assert (facet.name, option.value, option.count) == (facet.name, option.value, found)


def _sampled_catalogue(catalogue) -> list[Offer]:
    """12 listed offers, every other one (by id) in the lower half of the sample range, and no others."""
    for _ in range(8):
        OfferFactory(sectors=["logistik"])
    listed = list(Offer.objects.listed().order_by("pk"))
    Offer.objects.exclude(pk__in=[offer.pk for offer in listed]).delete()  # the draft and the ended offer
    for i, offer in enumerate(listed):
        Offer.objects.filter(pk=offer.pk).update(sample=1000 if i % 2 == 0 else 9000)
    Offer.objects.all().refresh_facet_tokens()  # the sample's bucket is a token too: a text search's count reads it
    _gather_statistics()
    return listed


def _gather_statistics() -> None:
    """PostgreSQL takes a search's size from the planner (SQLite counts it): give it the statistics autovacuum keeps
    for a live catalogue. For a table of a dozen offers that are all listed, its estimate is then exact."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE offers_offer, partners_partner")


def _sample(settings, *, above: int, size: int, min_sampled: int = 200) -> None:
    """Search a dozen offers as if they were a large catalogue (the thresholds are settings read at every search)."""
    settings.SEARCH_SAMPLE_ABOVE, settings.SEARCH_SAMPLE_SIZE = above, size
    settings.SEARCH_MIN_SAMPLED = min_sampled


def test_huge_searches_are_counted_on_the_sample_and_say_so(catalogue, settings):
    listed = _sampled_catalogue(catalogue)
    _sample(settings, above=5, size=6, min_sampled=1)  # 6 of 12: the offers with sample < 5000
    summary = counting.summary(_search(""))
    in_sample = listed[::2]
    logistik = sum(1 for offer in in_sample if offer.sectors.filter(slug="logistik").exists())
    free = sum(1 for offer in in_sample if offer.price == 0)
    assert (summary["total"], summary["total_estimated"]) == (12, True)
    assert summary["facets"]["sector"]["logistik"] == 2 * logistik
    assert summary["facets"]["free"] == {"1": 2 * free}
    assert summary["estimated"] == sorted(FACETS)


def test_a_sampled_total_too_small_to_trust_is_counted_exactly(catalogue, settings):
    _sampled_catalogue(catalogue)
    _sample(settings, above=5, size=6, min_sampled=200)
    summary = counting.summary(_search("sector=logistik"))
    assert (summary["total"], summary["total_estimated"]) == (8, False)
    assert summary["estimated"] == sorted(FACETS)  # the options are still estimates


@postgres_only
def test_a_total_too_small_to_trust_is_counted_through_the_bitmaps_of_the_indexes(catalogue, settings):
    """PostgreSQL takes the filters' facet tokens for independent conditions and, expecting thousands of offers where
    the sample found a few, walked a covering index through the whole catalogue to count them (887 ms at a million
    offers); through bitmaps of the indexes only it asks the tokens' GIN index (15 ms)."""
    _sampled_catalogue(catalogue)
    _sample(settings, above=5, size=6, min_sampled=200)
    with CaptureQueriesContext(connection) as queries:
        summary = counting.summary(_search("sector=logistik"))
    statements = [query["sql"] for query in queries.captured_queries]
    count = next(index for index, sql in enumerate(statements) if sql.startswith('SELECT COUNT(*) AS "__count"'))
    assert statements[count - 1] == (
        "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true), "
        "set_config('enable_indexonlyscan', 'off', true)"
    )
    assert statements[count + 1] == statements[count - 1].replace("'off'", "'on'")
    assert (summary["total"], summary["total_estimated"]) == (8, False)


@postgres_only
def test_a_count_through_bitmaps_only_reads_no_table_whole_and_no_index_row_by_row(catalogue):
    """Which index's bitmap PostgreSQL takes depends on its statistics (at a million offers the tokens' GIN index; in a
    table of a few offers the listing index); a walk through the whole catalogue it can no longer take."""
    offers = _search("sector=logistik&level=fachkraft").qs.order_by().values("pk")
    sql, params = offers.query.sql_with_params()
    with bitmap_scans_only("default"), connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Heap Scan on offers_offer" in plan
    assert "Seq Scan" not in plan and "Index Scan" not in plan.replace("Bitmap Index Scan", "")
    with connection.cursor() as cursor:  # the test's own transaction goes on with the planner as it was
        cursor.execute(
            "SELECT "
            + ", ".join(f"current_setting('enable_{scan}')" for scan in ("seqscan", "indexscan", "indexonlyscan"))
        )
        assert cursor.fetchone() == ("on", "on", "on")


@postgres_only
def test_near_a_place_a_narrow_total_is_counted_as_the_planner_chooses(catalogue):
    """There the runs' covering index is the better way (54 → 134 ms at a million offers without it)."""
    with CaptureQueriesContext(connection) as queries:
        total = counting._total(_search("near=70173&radius=50&sector=metall-elektro"), 3, 0.5)
    assert not [query for query in queries.captured_queries if "set_config" in query["sql"]]
    assert total == {"total": 1, "total_estimated": False}


def test_a_narrow_search_in_a_huge_catalogue_is_counted_exactly(catalogue, settings):
    """The first sample holds too little of it (under a quarter of SEARCH_SAMPLE_SIZE): counted again, exactly, as
    the sample puts it under SEARCH_SAMPLE_ABOVE offers."""
    _sampled_catalogue(catalogue)
    _sample(settings, above=5, size=8)  # 8 of 12: the offers with sample < 6667, every other one
    summary = counting.summary(_search("q=Mechatroniker&level=fachkraft"))
    assert (summary["total"], summary["total_estimated"], summary["estimated"]) == (0, False, [])
    assert summary["facets"]["level"] == {"ohne-abschluss": 1}, summary


def test_a_filter_expected_to_keep_few_is_counted_once_on_the_larger_sample(catalogue, settings):
    """Filters alone, which the planner expects to keep under a quarter of SEARCH_SAMPLE_SIZE: no statement counts
    the first sample, the larger one is counted at once (here all twelve offers, exactly)."""
    _sampled_catalogue(catalogue)
    _sample(settings, above=5, size=8)  # 8 of 12: the offers with sample < 6667, every other one
    settings.SEARCH_MAX_COUNTED = 12
    with CaptureQueriesContext(connection) as queries:
        summary = counting.summary(_search("kind=externenpruefung"))
    facet_statements = [query["sql"] for query in queries if query["sql"].startswith("WITH rows AS")]
    assert len(facet_statements) == 1
    assert (summary["total"], summary["total_estimated"], summary["estimated"]) == (1, False, [])
    assert summary["facets"]["kind"]["externenpruefung"] == 1


def test_a_text_with_a_filter_is_counted_on_the_first_sample_before_a_larger_one(catalogue, settings):
    """With a text (or place or dates) the planner cannot tell how many offers the base keeps: the first sample's
    count decides whether a larger one is counted."""
    _sampled_catalogue(catalogue)
    _sample(settings, above=5, size=8)
    settings.SEARCH_MAX_COUNTED = 12
    with CaptureQueriesContext(connection) as queries:
        summary = counting.summary(_search("q=Mechatroniker&kind=externenpruefung"))
    facet_statements = [query["sql"] for query in queries if query["sql"].startswith("WITH rows AS")]
    assert len(facet_statements) == 2
    assert (summary["total"], summary["total_estimated"]) == (1, False)


def test_small_searches_are_counted_exactly(catalogue):
    summary = counting.summary(_search(""))
    assert (summary["total"], summary["total_estimated"], summary["estimated"]) == (4, False, [])


def test_estimate_scales_and_rounds_to_two_digits():
    assert (estimate(7, 1), estimate(0, 0.05), estimate(3, 1 / 17), estimate(1234, 1 / 17)) == (7, 0, 51, 21000)


def test_an_estimated_total_that_fits_on_the_page_is_shown_exactly(catalogue, settings, client):
    _sampled_catalogue(catalogue)
    _sample(settings, above=5, size=6, min_sampled=1)
    response = client.get("/angebote/")
    assert counting.summary(OfferFilter({}, queryset=Offer.objects.listed()))["total_estimated"]
    assert "12 Angebote gefunden" in response.content.decode()
    assert "ca. 12" not in response.content.decode()


def _estimating(catalogue, settings, in_sample: int) -> list[Offer]:
    """12 listed offers of which the first `in_sample` (by id) lie in the counted half of the sample range, so the
    total is estimated at 2 × in_sample; five results to a page."""
    listed = _sampled_catalogue(catalogue)
    Offer.objects.filter(pk__in=[offer.pk for offer in listed[in_sample:]]).update(sample=9000)
    Offer.objects.filter(pk__in=[offer.pk for offer in listed[:in_sample]]).update(sample=1000)
    Offer.objects.all().refresh_facet_tokens()
    _gather_statistics()  # after the last write: the planner scales its row count by the table's growth
    _sample(settings, above=5, size=6, min_sampled=1)
    settings.OFFERS_PER_PAGE = 5
    return listed


def _page(client, number: int) -> tuple[str, list[str], bool]:
    response = client.get("/angebote/", {"page": number, "sort": "title"})
    page = response.context["page_obj"]
    heading = response.content.decode().split('id="results-heading">')[1].split("<")[0]
    return heading, [offer.slug for offer in page.object_list], page.has_next()


def test_paging_a_total_estimated_too_low_reaches_every_offer(catalogue, settings, client):
    listed = _estimating(catalogue, settings, in_sample=3)  # estimated at 6 of 12
    first, second, third = _page(client, 1), _page(client, 2), _page(client, 3)
    assert (first[0], len(first[1]), first[2]) == ("ca. 6 Angebote gefunden", 5, True)
    assert (len(second[1]), second[2]) == (5, True)
    assert (third[0], len(third[1]), third[2]) == ("12 Angebote gefunden", 2, False)  # the end is known: exact
    assert sorted(first[1] + second[1] + third[1]) == sorted(offer.slug for offer in listed)


def test_an_estimated_page_sorts_the_results_once(catalogue, settings, client):
    """Looking one result past the page must not sort the search a second time (a rank or distance sort is the
    costly part of a cold search)."""
    _estimating(catalogue, settings, in_sample=3)
    with CaptureQueriesContext(connection) as queries:
        client.get("/angebote/", {"sort": "title"})
    sorted_ids = [q["sql"] for q in queries if q["sql"].startswith('SELECT "offers_offer"."id" AS "pk"')]
    assert len(sorted_ids) == 1
    assert sorted_ids[0].endswith("LIMIT 6")


def test_a_page_past_a_total_estimated_too_high_shows_the_real_last_page(catalogue, settings, client):
    _estimating(catalogue, settings, in_sample=9)  # estimated at 18 of 12: four pages of five
    heading, slugs, more = _page(client, 4)
    assert (heading, len(slugs), more) == ("12 Angebote gefunden", 2, False)


def test_a_narrow_result_in_a_wide_base_is_counted_again_on_no_more_base_rows_than_allowed(settings):
    """A filter that keeps few of a text's or place's many offers: the second sample is sized for the result but
    reads at most SEARCH_MAX_COUNTED rows of the base."""
    settings.SEARCH_SAMPLE_ABOVE, settings.SEARCH_SAMPLE_SIZE, settings.SEARCH_MAX_COUNTED = 5000, 2000, 5000
    assert counting._wider(0.01, seen=1000, total=5) == pytest.approx(0.05)  # 1000 of 100,000: five times that
    assert counting._wider(0.01, seen=100, total=20) == pytest.approx(0.5)  # 5,000 of the base's 10,000 rows
    assert counting._wider(0.002, seen=1600, total=84) == 0.0062  # 4,960 of 800,000 base rows: in whole steps


def test_a_larger_sample_that_reaches_every_offer_is_no_sample(settings):
    """0.0024 * 5,000 / 12 is a hair under 1 in floating point: unrounded, the base's twelve sampled rows asked for a
    "sample" of the whole range, read through every sample bucket's token and shown as "ca."."""
    settings.SEARCH_SAMPLE_ABOVE, settings.SEARCH_SAMPLE_SIZE, settings.SEARCH_MAX_COUNTED = 5000, 2000, 5000
    assert counting._wider(0.0024, seen=12, total=2) == 1.0
    base = Offer.objects.search("Mechatroniker")
    assert sampled(base, counting._wider(0.0024, seen=12, total=2), text=True) is base
