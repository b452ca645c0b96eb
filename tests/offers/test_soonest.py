"""The soonest-starting offers a text search ranks: through a start-date window where it holds enough of them,
else by walking the start-date index, with the same offers either way (offers/search/soonest.py)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import QuerySet

from offers.models import Offer, facet_tokens
from offers.search import soonest
from tests.factories import OfferFactory, PartnerFactory, days

pytestmark = pytest.mark.django_db
on_postgres = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="the window needs the planner's estimate")


@pytest.fixture
def courses(db):
    """Six welding courses starting in 1 to 6 weeks and two other courses starting sooner."""
    provider = PartnerFactory()
    OfferFactory(provider=provider, title="Buchhaltung", runs__start_date=days(1))
    OfferFactory(provider=provider, title="Lagerlogistik", runs__start_date=days(2))
    welding = [
        OfferFactory(provider=provider, title=f"Schweißen {n}", runs__start_date=days(7 * n)).pk for n in range(1, 7)
    ]
    return welding


def _welding():
    return Offer.objects.listed().filter(title__startswith="Schweißen")


def _dates_from_today(last_day: int) -> list:
    """A hundred quantiles of start dates spread evenly from today to today + last_day."""
    return [days(last_day * (i + 1) // 100) for i in range(100)]


@on_postgres
def test_a_window_holding_enough_matches_gives_the_soonest_ones_as_a_list(courses, monkeypatch):
    monkeypatch.setattr(soonest, "start_quantiles", lambda: (1000, _dates_from_today(600)))
    ids = soonest.soonest_ids(_welding(), 3, expected=60)  # a share of 2 * 3 / 60: the window ends on day 66
    assert ids == courses[:3]


@on_postgres
def test_a_window_holding_too_few_matches_falls_back_to_the_walk(courses, monkeypatch):
    monkeypatch.setattr(soonest, "start_quantiles", lambda: (1000, _dates_from_today(100)))
    ids = soonest.soonest_ids(_welding(), 3, expected=60)  # the window ends on day 11: one course starts by then
    assert isinstance(ids, QuerySet)
    assert [row["pk"] for row in ids] == courses[:3]


@on_postgres
def test_a_result_of_a_large_share_of_the_catalogue_is_walked(monkeypatch):
    monkeypatch.setattr(soonest, "start_quantiles", lambda: (1000, _dates_from_today(60)))
    assert soonest.window_end(limit=10, expected=100) == days(12)  # 2 * 10 / 100 of the dates: the 21st hundredth
    assert soonest.window_end(limit=10, expected=101) is None  # over a tenth of the listed offers
    assert soonest.window_end(limit=10, expected=5) is None  # the whole result is needed


def test_without_a_planner_there_is_no_window(courses, monkeypatch):
    monkeypatch.setattr(connection, "vendor", "sqlite")
    assert soonest.window_end(limit=3, expected=6) is None
    assert [row["pk"] for row in soonest.soonest_ids(_welding(), 3, expected=6)] == courses[:3]


def test_the_quantiles_are_the_listed_offers_start_dates(courses, settings):
    settings.SEARCH_SAMPLE_ABOVE = 100  # all eight offers are counted
    listed, quantiles = soonest.start_quantiles()
    assert len(quantiles) == 100
    assert (quantiles[0], quantiles[12], quantiles[24], quantiles[99]) == (days(1), days(2), days(7), days(42))
    if connection.vendor == "sqlite":
        assert listed == 8  # counted; PostgreSQL's figure is the planner's


def test_no_offer_starts_before_the_earliest_start_nor_is_it_later_than_today(courses):
    assert soonest.earliest_start() == days(0)  # the soonest course starts tomorrow; one saved today may start today
    Offer.objects.filter(pk=courses[0]).update(next_start=days(-3))  # not refreshed since its course began
    cache.clear()
    assert soonest.earliest_start() == days(-3)


@on_postgres
def test_the_window_takes_the_offers_by_their_start_weeks_up_to_the_exact_day(courses):
    window = soonest.in_window(_welding(), days(14))
    weeks = range(facet_tokens.week_of(days(0)), facet_tokens.week_of(days(14)) + 1)
    assert " | ".join(f"w{week}" for week in weeks) in str(window.query)
    assert sorted(window.values_list("pk", flat=True)) == courses[:2]  # days 7 and 14; day 21 is a week later
    assert sorted(soonest.in_window(_welding(), days(13)).values_list("pk", flat=True)) == courses[:1]
