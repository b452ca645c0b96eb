"""The demand record: what each public page reports, and that nothing personal or typed ever reaches it."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from counselling.models import Inquiry
from network.models import DemandCount
from network.recording import catalogue_words
from tests.factories import OfferFactory, SectorFactory

SECRETS = ["zora", "geheimnis", "0176", "example.org", "19053", "schlossstr"]


def _row_texts() -> list[str]:
    return [
        " ".join(str(value) for value in row).lower()
        for row in DemandCount.objects.values_list(
            "district_code", "who", "step", "goal", "sector", "topic", "filters", "word"
        )
    ]


def _request_post(office) -> dict:
    return {
        "kind": "person", "name": "Zora Geheimnis", "email": "zora@example.org", "phone": "0176 1234567",
        "postcode": "19053", "topic": "abschluss", "office": office.slug, "consent": "on", "website": "",
        "message": "Zora Geheimnis, Schlossstr. 1, 19053 Schwerin, möchte einen Abschluss.",
    }  # fmt: skip


def test_personal_data_through_every_public_form_and_search_reaches_no_demand_table(
    client, regions, counsellor_n, office_n
):
    OfferFactory(title="Mechatroniker Externenprüfung", levels=["ohne-abschluss"])
    typed = "Zora Geheimnis 0176 1234567 zora@example.org Schlossstr"
    assert client.get("/angebote/", {"q": typed, "near": "19053", "sector": "metall-elektro"}).status_code == 200
    assert client.get("/foerderung/bildungsgutschein/", {"q": typed}).status_code in (200, 404)
    guide = {"who": "beschaeftigt", "step": "ohne-abschluss", "goal": "abschluss", "postcode": "19053"}
    assert client.get("/lotse/ergebnis/", guide).status_code == 200
    assert client.post("/beratung/anfragen/", _request_post(office_n)).status_code == 302
    assert Inquiry.objects.count() == 1  # the request itself was stored where it belongs

    kinds = sorted(DemandCount.objects.values_list("kind", flat=True))
    assert {"guide", "request", "search"} <= set(kinds)
    for text in _row_texts():
        for secret in SECRETS:
            assert secret not in text, (secret, text)
    # The place is kept as its district only.
    assert set(DemandCount.objects.values_list("district_code", flat=True)) <= {"DE804", ""}


def test_a_search_without_results_keeps_its_known_filters_and_district(client, regions):
    client.get("/angebote/", {"q": "Zora", "near": "19053", "sector": ["metall-elektro", "erfunden"], "level": "x"})
    row = DemandCount.objects.get(kind="search")
    assert (row.district_code, row.filters, row.sector, row.step, row.count) == (
        "DE804", "sector=metall-elektro", "metall-elektro", "", 1
    )  # fmt: skip
    assert not DemandCount.objects.filter(kind="search-word").exists()  # "zora": neither known nor common


def test_a_guide_answer_is_counted_by_slugs(client, regions):
    client.get("/lotse/ergebnis/", {"who": "unternehmen", "step": "fachkraft", "goal": "beschaeftigte",
                                    "postcode": "70173"})  # fmt: skip
    row = DemandCount.objects.get(kind="guide")
    assert (row.who, row.step, row.goal, row.district_code, row.count) == (
        "unternehmen", "fachkraft", "beschaeftigte", "DE111", 1
    )  # fmt: skip


def test_a_request_is_counted_by_topic_and_district(client, regions, counsellor_n, office_n):
    client.post("/beratung/anfragen/", _request_post(office_n))
    row = DemandCount.objects.get(kind="request")
    assert (row.topic, row.who, row.district_code, row.count) == ("abschluss", "person", "DE804", 1)


def test_a_catalogue_word_is_recorded_at_once(client, db):
    OfferFactory(title="Externenprüfung Mechatroniker/in", runs__start_date=None, runs__rolling_start=True,
                 status="draft")  # fmt: skip
    OfferFactory(title="Mechatroniker/in Vorbereitung", levels=["aufstieg"])
    client.get("/angebote/", {"q": "Mechatronikerin", "level": "akademisch"})  # a listed title's word, no result
    assert list(DemandCount.objects.filter(kind="search-word").values_list("word", "count")) == [("mechatroniker", 1)]


def _search_from(address: str, q: str) -> None:
    Client(REMOTE_ADDR=address).get("/angebote/", {"q": q})


@pytest.mark.parametrize("visitors", [4, 5, 6])
def test_an_unknown_word_needs_five_different_visitors_that_day(db, visitors):
    for n in range(visitors):
        _search_from(f"192.0.2.{n + 1}", "Wasserstoffschweißen")
    words = DemandCount.objects.filter(kind="search-word", word="wasserstoffschweißen")
    assert list(words.values_list("count", flat=True)) == ([] if visitors < 5 else [visitors])


def test_one_visitor_searching_five_times_is_one_visitor(db):
    for _ in range(5):
        _search_from("192.0.2.9", "Wasserstoffschweißen")
    assert not DemandCount.objects.filter(kind="search-word").exists()


def test_which_words_are_the_catalogues_is_one_lookup_not_a_scan_of_the_offers(db):
    OfferFactory(title="Schweißtechnik", summary="MAG und WIG im Stahlbau")
    SectorFactory(slug="pflege-gesundheit", name="Pflege und Gesundheit")
    words = ["stahlbau", "schweißtechnik", "wasserstoffschweißen", "pflege"]  # a summary's, a title's, none, a sector's
    with CaptureQueriesContext(connection) as queries:
        assert catalogue_words(words) == {"stahlbau", "schweißtechnik", "pflege"}
    assert not any('"offers_offer"' in query["sql"] for query in queries.captured_queries)
    searched = [query["sql"] for query in queries.captured_queries if '"offers_searchword"' in query["sql"]]
    assert len(searched) == 1
    with CaptureQueriesContext(connection) as queries:  # the vocabulary's names are kept in the cache
        assert catalogue_words(["wasserstoffschweißen", "pflege"]) == {"pflege"}
    assert len(queries.captured_queries) == 1


def test_a_search_without_results_writes_its_counts_in_one_statement_and_adds_to_todays_rows(client, db):
    OfferFactory(title="Schweißtechnik", summary="MAG und WIG im Stahlbau", levels=["aufstieg"])
    search = {"q": "Schweißtechnik Stahlbau", "level": "akademisch"}  # two catalogue words, no result
    with CaptureQueriesContext(connection) as queries:
        client.get("/angebote/", search)
    writes = [query["sql"] for query in queries.captured_queries if '"network_demandcount"' in query["sql"]]
    assert len(writes) == 1 and writes[0].startswith('INSERT INTO "network_demandcount"')
    client.get("/angebote/", search)
    rows = DemandCount.objects.order_by("kind", "word").values_list("kind", "filters", "word", "count")
    assert list(rows) == [
        ("search", "level=akademisch", "", 2),
        ("search-word", "", "schweißtechnik", 2),
        ("search-word", "", "stahlbau", 2),
    ]
