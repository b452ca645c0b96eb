"""Facet tokens (offers.models.facet_tokens): on PostgreSQL every filter goes through them, so each write that
changes a filterable value must change them at once; the plain conditions keep the result exact."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from offers.models import SAMPLE_RANGE, Offer, QualificationStep, Run, Sector, facet_tokens
from offers.search import counting, token_facets
from offers.search.estimates import sampled
from offers.search.filterset import OfferFilter
from tests.factories import OfferFactory, RunFactory, SectorFactory, days, slugs

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the tokens are PostgreSQL's")


def _found(query: str) -> set[str]:
    return slugs(OfferFilter(QueryDict(query), queryset=Offer.objects.listed()).qs)


def _tokens(offer) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tsvector_to_array(facet_tokens) FROM offers_offer WHERE id = %s", [offer.pk])
        return set(cursor.fetchone()[0] or [])


@postgres_only
def test_tokens_hold_every_filterable_value_of_the_offer():
    offer = OfferFactory(kind="sprachkurs", price=Decimal("6000"), azav=True, levels=["fachkraft"],
                         sectors=["pflege"], runs__learning_form="online-live", runs__schedule="teilzeit")  # fmt: skip
    fachkraft = offer.entry_levels.get().pk
    pflege = Sector.objects.get(slug="pflege").pk
    run = offer.runs.get()
    expected = {"ksprachkurs", "pmehr", "azav", f"l{fachkraft}", f"s{pflege}", "rlonlinelive", "rsteilzeit",
                f"rd{run.duration_band.replace('-', '')}"}  # fmt: skip
    assert expected <= _tokens(offer)


@postgres_only
def test_a_combination_of_filters_is_one_condition_on_the_tokens():
    sector = SectorFactory().slug
    sql = str(OfferFilter(QueryDict(f"level=fachkraft&kind=sprachkurs&price=mehr&sector={sector}"),
                          queryset=Offer.objects.listed()).qs.query)  # fmt: skip
    assert sql.count('"offers_offer"."facet_tokens" @@') == 4
    assert "offers_offer_entry_levels" not in sql and "offers_offer_sectors" not in sql


def test_links_added_removed_and_set_change_the_filters_at_once():
    offer = OfferFactory(sectors=[])
    pflege = SectorFactory(slug="pflege")
    offer.sectors.add(pflege)
    assert _found("sector=pflege") == {offer.slug}
    offer.sectors.remove(pflege)
    assert _found("sector=pflege") == set()
    offer.sectors.set([pflege])
    assert _found("sector=pflege") == {offer.slug}
    offer.sectors.clear()
    assert _found("sector=pflege") == set()


def test_row_values_saved_change_the_filters_at_once():
    offer = OfferFactory(kind="sprachkurs", price=Decimal("0"), azav=False)
    assert _found("kind=sprachkurs&free=1") == {offer.slug}
    offer.kind, offer.price, offer.azav = "anpassung", Decimal("900"), True
    offer.save()
    assert _found("kind=sprachkurs") == set()
    assert _found("kind=anpassung&price=bis-1000&azav=1") == {offer.slug}


def test_runs_changed_or_ended_change_the_run_filters_at_once():
    offer = OfferFactory(runs__learning_form="praesenz")
    extra = RunFactory(offer=offer, learning_form="online-live")
    assert _found("learning_form=online-live") == {offer.slug}
    extra.learning_form = "blended"
    extra.save()
    assert _found("learning_form=online-live") == set()
    assert _found("learning_form=blended") == {offer.slug}
    # A run that ended since the tokens were written: its token is left over, the runs decide.
    Run.objects.filter(pk=extra.pk).update(
        start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2020, 2, 1), rolling_start=False
    )
    assert _found("learning_form=blended") == set()


@postgres_only
def test_link_and_run_facets_are_counted_from_the_tokens_without_joining_the_links():
    OfferFactory(sectors=["pflege"], runs__learning_form="online-live")
    OfferFactory(sectors=["pflege", "bau"], runs__learning_form="praesenz")
    filterset = OfferFilter(QueryDict("sector=pflege"), queryset=Offer.objects.listed())
    with CaptureQueriesContext(connection) as queries:
        summary = counting.count(filterset)
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "unnest(tsvector_to_array" in sql and "offers_offer_sectors" not in sql and "offers_run" not in sql
    assert summary["facets"]["sector"] == {"pflege": 2, "bau": 1}
    assert summary["facets"]["learning_form"] == {"online-live": 1, "praesenz": 1}


@postgres_only
def test_a_run_facets_flag_reads_the_tokens_before_it_asks_the_runs():
    """A flag is a column of the counting statement, which PostgreSQL evaluates left to right: with the tokens first
    it asks the runs only of the offers whose tokens match (a duration filter's count at a million offers: 41 → 32
    ms)."""
    OfferFactory(runs__learning_form="online-live")
    filterset = OfferFilter(QueryDict("learning_form=online-live&kind=umschulung"), queryset=Offer.objects.listed())
    with CaptureQueriesContext(connection) as queries:
        counting.count(filterset)
    statement = next(query["sql"] for query in queries.captured_queries if query["sql"].startswith("WITH rows AS"))
    flag = statement[: statement.index('AS "flag_learning_form"')]
    flag = re.split(r'AS "[a-z_]{2,}", ', flag)[-1]  # from the end of the column before it
    assert "'rlonlinelive'" in flag and "EXISTS" in flag
    assert flag.index("'rlonlinelive'") < flag.index("EXISTS")


@postgres_only
@pytest.mark.parametrize(
    "index",
    ["offer_sample_cover_idx", "offer_provider_cover_idx", "offer_published_id_cover_idx", "offer_start_cover_idx"],
)
def test_the_covering_indexes_of_the_counted_rows_carry_the_tokens(index):
    """Counting a sampled search, a partner's offers or the offers of the runs near a place, and walking the offers
    by start date for a page, read these indexes alone (an index-only scan) only if they hold every column the
    filters read, the tokens included (migrations 0029, 0032, 0033)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [index])
        definition = cursor.fetchone()[0]
    assert "facet_tokens" in definition.split("INCLUDE")[1]


def test_a_start_week_is_counted_in_whole_weeks_from_a_monday():
    monday = facet_tokens.WEEK_ONE + datetime.timedelta(weeks=1400)
    assert facet_tokens.week_of(monday) == 1400
    assert facet_tokens.week_of(monday + datetime.timedelta(days=6)) == 1400  # Sunday
    assert facet_tokens.week_of(monday + datetime.timedelta(days=7)) == 1401


def test_the_weeks_between_two_days_are_one_condition_with_a_token_for_each_week():
    monday = facet_tokens.WEEK_ONE + datetime.timedelta(weeks=1400)
    condition = facet_tokens.starting_between(monday + datetime.timedelta(days=6), monday + datetime.timedelta(days=15))
    ((lookup, query),) = condition.children
    assert lookup == "facet_tokens"
    assert query.get_source_expressions()[-1].value == "w1400 | w1401 | w1402"


@postgres_only
def test_the_token_of_the_start_week_follows_the_next_start():
    offer = OfferFactory(runs__start_date=days(10))
    assert f"w{facet_tokens.week_of(days(10))}" in _tokens(offer)
    run = offer.runs.get()
    run.start_date = days(40)
    run.save()
    tokens = _tokens(offer)
    assert f"w{facet_tokens.week_of(days(40))}" in tokens
    assert f"w{facet_tokens.week_of(days(10))}" not in tokens


@postgres_only
def test_the_tokens_of_the_sample_buckets_are_the_hundredth_and_the_thousandth_of_the_sample_range():
    offer = OfferFactory()
    Offer.objects.filter(pk=offer.pk).update(sample=9999)
    Offer.objects.filter(pk=offer.pk).refresh_facet_tokens()
    assert {"x99", "y999"} <= _tokens(offer)
    Offer.objects.filter(pk=offer.pk).update(sample=100)
    Offer.objects.filter(pk=offer.pk).refresh_facet_tokens()
    tokens = _tokens(offer)
    assert {"x1", "y10"} <= tokens and not {"x99", "y999"} & tokens


@pytest.mark.parametrize(
    "bound, buckets",
    [
        (24, "y0 | y1 | y2"),  # the first sample of a text search at a million offers: 30 numbers read, not 100
        (250, "x0 | x1 | y20 | y21 | y22 | y23 | y24"),
        (251, "x0 | x1 | y20 | y21 | y22 | y23 | y24 | y25"),
        (300, "x0 | x1 | x2"),
    ],
)
def test_the_buckets_below_a_bound_are_whole_hundredths_then_thousandths_the_last_one_in_part(bound, buckets):
    ((lookup, query),) = facet_tokens.in_sample_below(bound).children
    assert query.get_source_expressions()[-1].value == buckets


@postgres_only
def test_a_sample_counted_through_its_buckets_holds_exactly_the_offers_below_its_bound():
    offers = [OfferFactory() for _ in range(4)]
    for offer, sample in zip(offers, [5, 23, 24, 95], strict=True):
        Offer.objects.filter(pk=offer.pk).update(sample=sample)
    Offer.objects.all().refresh_facet_tokens()
    in_buckets = Offer.objects.filter(facet_tokens.in_sample_below(24))
    assert set(in_buckets.values_list("sample", flat=True)) == {5, 23, 24}  # y0–y2: the bound tests the last one
    assert set(sampled(Offer.objects.all(), 24 / SAMPLE_RANGE, text=True).values_list("sample", flat=True)) == {5, 23}


@postgres_only
def test_offers_added_to_and_cleared_from_a_sector_change_their_tokens(settings):
    """The reverse side of a link (a sector's offers) keeps the tokens of the offers it touches too. No page edits
    links from that side, and django-simple-history cannot record it (its handler takes the sector for an offer and
    fails), so its history is switched off here."""
    settings.SIMPLE_HISTORY_ENABLED = False
    offer = OfferFactory(sectors=[])
    other = OfferFactory(sectors=[])
    pflege = SectorFactory(slug="pflege")
    pflege.offers.add(offer, other)
    assert f"s{pflege.pk}" in _tokens(offer) and f"s{pflege.pk}" in _tokens(other)
    pflege.offers.remove(other)
    assert f"s{pflege.pk}" in _tokens(offer) and f"s{pflege.pk}" not in _tokens(other)
    pflege.offers.clear()
    assert f"s{pflege.pk}" not in _tokens(offer)


@postgres_only
def test_the_daily_refresh_drops_the_tokens_of_a_run_that_has_ended():
    offer = OfferFactory(runs__learning_form="praesenz")
    ended = RunFactory(offer=offer, learning_form="blended", start_date=days(1), end_date=days(2))
    assert "rlblended" in _tokens(offer)
    Run.objects.filter(pk=ended.pk).update(start_date=days(-9), end_date=days(-2))  # time passed, no save
    assert "rlblended" in _tokens(offer)  # left over until the next refresh; the filter asks the runs meanwhile
    call_command("refresh_offer_dates", stdout=io.StringIO())
    assert "rlblended" not in _tokens(offer) and "rlpraesenz" in _tokens(offer)


def _counted(query: str) -> tuple[dict, list[str]]:
    filterset = OfferFilter(QueryDict(query), queryset=Offer.objects.listed())
    with CaptureQueriesContext(connection) as queries:
        summary = counting.count(filterset)
    return summary, [query["sql"] for query in queries.captured_queries]


@postgres_only
def test_without_facet_filters_every_count_is_one_ts_stat_of_the_tokens():
    fachkraft = QualificationStep.objects.get(slug="fachkraft")
    OfferFactory(title="Pflege Grundkurs", kind="sprachkurs", price=Decimal("0"), azav=True, sectors=["pflege"],
                 runs__learning_form="online-live", leads_to=fachkraft)  # fmt: skip
    OfferFactory(title="Pflege Aufbaukurs", kind="anpassung", price=Decimal("900"), azav=False,
                 sectors=["pflege", "bau"], runs__learning_form="praesenz")  # fmt: skip
    OfferFactory(title="Maurer", kind="anpassung", price=Decimal("9000"), sectors=["bau"])
    summary, statements = _counted("q=Pflege")
    assert [sql for sql in statements if "ts_stat(" in sql or sql.startswith("WITH rows AS")] == [
        next(sql for sql in statements if sql.startswith("SELECT word, ndoc FROM ts_stat("))
    ]
    facets = summary["facets"]
    assert (summary["total"], summary["total_estimated"]) == (2, False)
    assert facets["kind"] == {"sprachkurs": 1, "anpassung": 1}
    assert facets["price"] == {"kostenlos": 1, "bis-1000": 1}
    assert (facets["free"], facets["azav"]) == ({"1": 1}, {"1": 1})
    assert facets["next"] == {"fachkraft": 1}
    assert facets["sector"] == {"pflege": 2, "bau": 1}
    assert facets["learning_form"] == {"online-live": 1, "praesenz": 1}


@postgres_only
@pytest.mark.parametrize("query", ["", "q=Pflege", "q=Maurer", "q=nichtsdergleichen", "start_from=2020-01-01"])
def test_the_counts_from_ts_stat_are_those_of_the_counting_statement(query, monkeypatch):
    OfferFactory(title="Pflege Grundkurs", kind="sprachkurs", price=Decimal("0"), azav=True, levels=["fachkraft"],
                 sectors=["pflege"], runs__learning_form="online-live", runs__schedule="teilzeit")  # fmt: skip
    OfferFactory(title="Pflege Aufbaukurs", kind="anpassung", price=Decimal("4000"), sectors=["pflege", "bau"])
    OfferFactory(title="Maurer", price=Decimal("9000"), sectors=["bau"], runs__learning_form="praesenz")
    by_stat, statements = _counted(query)
    assert any("ts_stat(" in sql for sql in statements)
    monkeypatch.setattr(token_facets, "counts_everything", lambda active: False)
    by_statement, statements = _counted(query)
    assert not any("ts_stat(" in sql for sql in statements)
    assert by_stat == by_statement
