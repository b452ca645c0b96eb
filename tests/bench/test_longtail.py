import io
import time

import pytest

from bench.longtail import Walk, write_pool_file
from bench.scenarios import LONG_TAIL, SCENARIOS, WRITING
from bench.writer import PartnerWriter, offers_of, save_offer
from offers.models import CatalogueVersion, Offer
from offers.scale import generate
from tests.conftest import commit_test_writes


def test_long_tail_has_one_scenario_per_kind_a_mix_and_a_mix_with_a_writer():
    assert list(LONG_TAIL) == [
        "tail_text", "tail_typo", "tail_radius", "tail_filters", "tail_deep", "tail_offer", "tail_partner",
        "tail_pages", "tail_mix", "tail_mix_writer",
    ]  # fmt: skip
    assert LONG_TAIL["tail_mix"] == LONG_TAIL["tail_mix_writer"] == [kind for [kind] in list(LONG_TAIL.values())[:8]]
    assert sorted(WRITING) == ["tail_mix_writer"]
    assert "healthz" in SCENARIOS and not set(SCENARIOS) & set(LONG_TAIL)


def test_walk_takes_the_kinds_in_turn_from_where_each_pool_was_left():
    walk = Walk({"text": ["t1", "t2", "t3", "t4"], "radius": ["r1", "r2"]})

    assert walk.urls(["text"]) == ["t1", "t2", "t3", "t4"]
    assert walk.advance(["text"], 3) == 0
    assert walk.urls(["text", "radius"]) == ["t4", "r1", "t1", "r2", "t2", "r1", "t3", "r2"]


def test_walk_counts_the_requests_that_reused_a_url():
    walk = Walk({"text": ["t1", "t2", "t3"], "radius": ["r1", "r2"]})
    walk.advance(["text"], 2)

    reused = walk.advance(["text", "radius"], 7)  # text takes 4 (1 fresh), radius 3 (2 fresh)

    assert reused == 3 + 1
    assert walk.used == {"text": 6, "radius": 3}


def test_walk_skips_an_empty_pool():
    walk = Walk({"text": ["t1"], "deep": []})

    assert walk.urls(["text", "deep"]) == ["t1"]
    assert walk.advance(["text", "deep"], 1) == 0


def test_write_pool_file_writes_one_url_a_line(tmp_path):
    path = write_pool_file(tmp_path / "pool.txt", ["/a", "/angebote/?q=Pflege"])

    assert path.read_text() == "/a\n/angebote/?q=Pflege\n"


@pytest.mark.django_db
def test_save_offer_changes_the_price_note_and_the_catalogue_version():
    generate(10, stdout=io.StringIO(), seed=8)
    offer = Offer.objects.listed().order_by("pk").first()
    commit_test_writes()
    before = CatalogueVersion.current()

    save_offer(offer.pk)
    commit_test_writes()

    offer.refresh_from_db()
    assert offer.price_note.startswith("Preise Stand ")
    assert CatalogueVersion.current() != before


@pytest.mark.django_db
def test_offers_of_gives_a_few_listed_offers_of_the_provider():
    generate(40, stdout=io.StringIO(), seed=9)
    provider = Offer.objects.listed().order_by("pk").first().provider

    offers = offers_of(provider.slug)

    assert offers and len(offers) <= 10
    assert set(Offer.objects.filter(pk__in=offers).values_list("provider", flat=True)) == {provider.pk}
    assert Offer.objects.listed().filter(pk__in=offers).count() == len(offers)


def test_partner_writer_saves_in_turn_and_stops_by_itself():
    saved = []

    with PartnerWriter([7, 8], seconds=0.25, every=0.05, save=saved.append) as writer:
        time.sleep(0.5)
        count = writer.saves

    assert 3 <= count <= 6 and writer.saves == count
    assert saved == [7, 8, 7, 8, 7, 8][:count]


def test_partner_writer_stops_when_the_scenario_ends():
    saved = []

    with PartnerWriter([1], seconds=60, every=0.05, save=saved.append):
        time.sleep(0.12)
    count = len(saved)
    time.sleep(0.15)

    assert 1 <= count <= 4 and len(saved) == count
