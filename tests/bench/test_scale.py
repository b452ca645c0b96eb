import io
from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from offers.models import Offer, Run
from offers.scale import generate
from partners.models import Partner
from tests.factories import Postcode

pytestmark = pytest.mark.django_db


def _generated():
    return Offer.objects.filter(slug__startswith="gen-")


def test_generate_creates_exactly_n_offers_with_one_to_three_runs():
    generate(50, stdout=io.StringIO(), seed=1)

    offers = _generated().annotate(n_runs=Count("runs", distinct=True))
    assert offers.count() == 50
    assert {offer.n_runs for offer in offers} <= {1, 2, 3}
    assert Run.objects.filter(offer__in=offers).count() == sum(offer.n_runs for offer in offers)


def test_generate_links_every_offer_to_levels_sectors_and_languages():
    generate(50, stdout=io.StringIO(), seed=2)

    offers = _generated().annotate(
        levels=Count("entry_levels", distinct=True),
        n_sectors=Count("sectors", distinct=True),
        n_languages=Count("languages", distinct=True),
    )
    assert all(offer.levels >= 1 and offer.n_sectors >= 1 and offer.n_languages >= 1 for offer in offers)


def test_generate_spreads_over_vocabularies_providers_and_prices():
    generate(300, stdout=io.StringIO(), seed=3)

    offers = _generated()
    assert offers.values("kind").distinct().count() >= 5
    assert offers.values("provider").distinct().count() >= 20
    assert offers.values("sectors").distinct().count() >= 3
    assert offers.values("funding_programmes").exclude(funding_programmes=None).distinct().count() >= 2
    assert offers.values("entry_levels").distinct().count() == 4
    assert offers.filter(price=0).exists() and offers.filter(price__gt=0).exists()
    assert offers.filter(status=Offer.Status.PUBLISHED).count() > offers.exclude(status=Offer.Status.PUBLISHED).count()
    assert Run.objects.values("learning_form").distinct().count() == 5


def test_generate_puts_venues_on_known_postcodes_inside_germany():
    generate(100, stdout=io.StringIO(), seed=4)

    venues = Run.objects.exclude(postcode="")
    known = {(p.code, p.city): p for p in Postcode.objects.all()}
    assert venues.exists()
    for run in venues:
        assert (run.postcode, run.city) in known
        assert 47.27 <= run.latitude <= 55.06 and 5.87 <= run.longitude <= 15.04
    assert venues.values("city").distinct().count() >= 10


def test_generate_spreads_run_dates_from_60_days_ago_to_400_days_ahead():
    generate(100, stdout=io.StringIO(), seed=5)

    dated = Run.objects.exclude(start_date=None)
    today = date.today()
    assert dated.filter(start_date__lt=today).exists() and dated.filter(start_date__gt=today + timedelta(180)).exists()
    assert not dated.filter(start_date__lt=today - timedelta(60)).exists()
    assert not dated.filter(start_date__gt=today + timedelta(400)).exists()


def test_generate_twice_adds_offers_without_slug_clashes_or_more_partners():
    generate(5, stdout=io.StringIO(), seed=6)
    partners = Partner.objects.count()

    generate(5, stdout=io.StringIO(), seed=6)

    assert _generated().count() == 10
    assert Partner.objects.count() == partners


def test_generate_query_count_does_not_grow_with_n():
    generate(5, stdout=io.StringIO(), seed=7)  # creates the partners and postcodes once
    with CaptureQueriesContext(connection) as small:
        generate(10, stdout=io.StringIO(), seed=8)
    with CaptureQueriesContext(connection) as large:
        generate(400, stdout=io.StringIO(), seed=9)

    assert len(large) == len(small)


def test_generate_fills_the_denormalised_run_dates_like_a_save_would():
    generate(40, stdout=io.StringIO(), seed=12)
    stored = {offer.pk: (offer.listed_until, offer.next_start) for offer in _generated()}

    Offer.objects.filter(pk__in=stored).refresh_dates()

    assert {offer.pk: (offer.listed_until, offer.next_start) for offer in _generated()} == stored
    assert sum(until is not None for until, _ in stored.values()) > len(stored) // 2


@pytest.mark.postgres
def test_generate_fills_the_search_vector_so_text_search_finds_generated_offers():
    generate(200, stdout=io.StringIO(), seed=13)

    assert not _generated().filter(search_vector=None).exists()
    expected = set(_generated().filter(title__icontains="Mechatroniker").values_list("pk", flat=True))
    assert expected
    assert expected <= set(_generated().search("Mechatroniker").values_list("pk", flat=True))


def test_generate_draws_each_offer_a_sample_number_spread_over_the_whole_range():
    """Offer.sample is what the facet counts sample by: generated offers must spread over 0..9999 like saved ones."""
    generate(400, stdout=io.StringIO(), seed=5)

    samples = list(_generated().values_list("sample", flat=True))
    assert min(samples) >= 0 and max(samples) < 10_000
    assert len(set(samples)) > 350  # 400 draws from 10,000 values: a few repeats at most
    assert 0.35 < sum(1 for value in samples if value < 5_000) / len(samples) < 0.65


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("jit", "off"),  # the JIT cost up to a second per cold count at 1,000,000 offers
        ("max_parallel_workers_per_gather", "0"),  # a parallel worker takes a core from the other requests under load
    ],
)
def test_the_app_sets_its_postgresql_connections_for_short_queries_under_load(setting, value):
    """README, Benchmark."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {setting}")
        assert cursor.fetchone()[0] == value
