"""The catalogue version read once a request, and the process's copy of the vocabularies kept under it."""

import re

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext

from offers import vocabulary_rows
from offers.models import CatalogueVersion, Offer, Sector
from tests.conftest import commit_test_writes
from tests.factories import STUTTGART, OfferFactory, PostcodeFactory, sector

pytestmark = pytest.mark.django_db
VOCABULARY_TABLES = ("offers_qualificationstep", "offers_sector", "offers_targetgroup", "offers_fundingprogramme",
                     "partners_language")  # fmt: skip


def _reads_of(table: str, queries) -> int:
    return sum(f'FROM "{table}"' in query["sql"] for query in queries.captured_queries)


@pytest.fixture
def catalogue(db):
    PostcodeFactory(place=STUTTGART)
    return OfferFactory(title="Lagerlogistik", sectors=["logistik"], runs__place=STUTTGART)


def test_a_search_reads_the_catalogue_version_once(client, catalogue):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/angebote/", {"q": "Lager", "near": STUTTGART.postcode}).status_code == 200
    assert _reads_of("offers_catalogueversion", queries) == 1


def test_a_second_search_of_the_process_reads_no_vocabulary(client, catalogue):
    client.get("/angebote/", {"q": "Lager"})
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/angebote/", {"sector": "logistik"})
    assert [offer.title for offer in response.context["offers"]] == ["Lagerlogistik"]
    assert [table for table in VOCABULARY_TABLES if _reads_of(table, queries)] == []


def test_a_renamed_sector_is_read_again_once_the_version_changes(client, catalogue):
    assert "Lager und Transport" not in client.get("/angebote/").content.decode()
    renamed = sector("logistik")
    renamed.name = "Lager und Transport"
    renamed.save()
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/angebote/").content.decode()
    assert "Lager und Transport" in html
    assert _reads_of("offers_sector", queries) == 1


def test_outside_a_request_the_version_is_read_every_time(catalogue):
    first = CatalogueVersion.current()
    CatalogueVersion.bump()
    commit_test_writes()
    with CaptureQueriesContext(connection) as queries:
        assert CatalogueVersion.current() != first
        CatalogueVersion.current()
    assert len(queries) == 2


def test_a_request_that_writes_reads_the_new_version_after_its_commit(catalogue):
    # As Django's test client starts a request: without closing the test's database connection.
    request_started.disconnect(close_old_connections)
    request_started.send(sender=None)
    request_started.connect(close_old_connections)
    try:
        before = CatalogueVersion.current()
        assert CatalogueVersion.current() == before  # kept: no second query needed
        CatalogueVersion.bump()
        commit_test_writes()
        assert CatalogueVersion.current() not in (before, "-")
    finally:
        request_finished.disconnect(close_old_connections)
        request_finished.send(sender=None)
        request_finished.connect(close_old_connections)


def test_the_rows_are_the_models_own_order_and_a_copy_per_version(catalogue):
    rows = vocabulary_rows.rows(Sector)
    assert list(rows.values()) == list(Sector.objects.all())
    with CaptureQueriesContext(connection) as queries:
        assert vocabulary_rows.rows(Sector) is rows
    assert _reads_of("offers_sector", queries) == 0
    Sector.objects.create(slug="neu", name="Aaa neu")
    commit_test_writes()  # the sector's signal bumped the version
    assert next(iter(vocabulary_rows.rows(Sector).values())).name == "Aaa neu"


@pytest.mark.parametrize("read", ["whole rows", "without facet tokens"])
def test_linked_rows_are_each_offers_own_in_the_vocabularys_order(catalogue, read):
    both = OfferFactory(sectors=["logistik", "handwerk"], levels=["fachkraft", "ohne-abschluss"])
    none = OfferFactory(sectors=[], levels=[])
    offers = Offer.objects.filter(pk__in=[catalogue.pk, both.pk, none.pk])
    if read == "without facet tokens":
        offers = offers.defer("facet_tokens")
    with CaptureQueriesContext(connection) as queries:
        offers = offers.with_vocabulary_links("sectors", "entry_levels").in_bulk()
        links = {
            pk: ([s.slug for s in o.sectors.all()], [s.slug for s in o.entry_levels.all()]) for pk, o in offers.items()
        }
    assert links == {
        catalogue.pk: (["logistik"], [step.slug for step in catalogue.entry_levels.all()]),
        both.pk: (
            [row.slug for row in Sector.objects.filter(slug__in=["logistik", "handwerk"])],
            ["ohne-abschluss", "fachkraft"],
        ),
        none.pk: ([], []),
    }
    tables = [re.search(r'FROM "(\w+)"', query["sql"]).group(1) for query in queries.captured_queries]
    # The offers, their links (from the facet tokens the rows carry on PostgreSQL, else from the link tables in one
    # query), each vocabulary once (and, outside a request, the version for each).
    by_tokens = read == "whole rows" and connection.vendor == "postgresql"
    assert [table for table in tables if table != "offers_catalogueversion"] == [
        "offers_offer", *([] if by_tokens else ["offers_offer_sectors"]), "offers_sector", "offers_qualificationstep"
    ]  # fmt: skip


def test_a_link_added_or_removed_shows_on_the_next_card_at_once(catalogue):
    offer = OfferFactory(sectors=["logistik"], funding=["bildungsgutschein"])
    offer.sectors.add(sector("handwerk"))
    offer.funding_programmes.clear()
    card = Offer.objects.filter(pk=offer.pk).card_data().with_vocabulary_links("sectors").get()
    assert sorted(row.slug for row in card.sectors.all()) == ["handwerk", "logistik"]
    assert list(card.funding_programmes.all()) == []


def test_other_reads_of_the_queryset_are_left_alone(catalogue):
    offers = Offer.objects.filter(pk=catalogue.pk).with_vocabulary_links("sectors")
    assert list(offers.values_list("title", flat=True)) == ["Lagerlogistik"]
    assert offers.count() == 1
    assert [sector.slug for sector in offers.get().sectors.all()] == ["logistik"]


def test_a_funding_programme_no_longer_active_is_named_on_no_card_and_no_offer_page(client):
    offer = OfferFactory(title="Schweißen", funding=["bildungsgutschein", "wegebau"])  # WeGebAU has ended
    card = Offer.objects.filter(pk=offer.pk).card_data().get()
    assert [programme.slug for programme in card.funding_programmes.all()] == ["bildungsgutschein"]
    page = client.get(offer.get_absolute_url()).content.decode()
    assert "/foerderung/bildungsgutschein/" in page
    assert "/foerderung/wegebau/" not in page
    search = client.get("/angebote/", {"q": "Schweißen"}).content.decode()
    assert "WeGebAU" not in search.split('id="results"')[-1]
