"""Text matching on both backends (offers.textsearch): compound words, typos without false friends, the thesaurus,
exact hits above widened ones, and the index kept in step with the offers' text."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from offers.models import Offer, ThesaurusEntry
from offers.textsearch.words import parts, query_stems
from tests.conftest import commit_test_writes
from tests.factories import SCHWERIN, OfferFactory, PartnerFactory, PostcodeFactory, slugs

pytestmark = pytest.mark.django_db


def _search(q: str) -> set[str]:
    return slugs(Offer.objects.listed().search(q))


def _ranked(q: str) -> list[str]:
    return [offer.slug for offer in Offer.objects.listed().search(q).order_by("-rank", "pk")]


@pytest.fixture
def schwerin():
    """Courses that only take place in Schwerin or are offered by a Schwerin provider, and one welding course."""
    PostcodeFactory(place=SCHWERIN)
    saz = PartnerFactory(name="Schweriner Ausbildungszentrum e.V.")
    return {
        "aevo": OfferFactory(title="Ausbildereignung kompakt – Schwerin", runs__place=SCHWERIN).slug,
        "saz": OfferFactory(title="Industriemeister Metall", provider=saz, runs__place=SCHWERIN).slug,
        "weld": OfferFactory(title="Schweißtechnik im Metallbau", summary="MAG und WIG.").slug,
    }


def test_misspelt_word_never_matches_a_place_name(schwerin):
    assert _search("Schweiß") == {schwerin["weld"]}
    assert _search("Schwerinn") == set()
    assert _search("Schwerim") == set()


def test_misspelt_word_never_matches_a_provider_name():
    provider = PartnerFactory(name="Bildungswerk Nordstern")
    offer = OfferFactory(title="Lagerlogistik", provider=provider).slug
    assert _search("Nordstern") == {offer}  # the provider's name itself is searchable
    assert _search("Nordsterm") == set()
    assert _search("Bildungswerg") == set()


def test_place_and_provider_names_are_asked_about_never_read_whole(schwerin):
    """The search asks the names table about the stems it considers; it reads neither the postcode table nor the
    partners, so its work does not grow with the number of towns and providers."""
    with CaptureQueriesContext(connection) as queries:
        assert _search("Schwerinn") == set()
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert '"places_postcode"' not in tables
    assert 'FROM "partners_partner"' not in tables
    assert '"offers_nameword"' in tables


def test_a_renamed_partner_and_a_new_town_are_names_at_once():
    provider = PartnerFactory(name="Bildungswerk Alpha")
    OfferFactory(title="Nordsternwarte Führung", provider=provider)
    OfferFactory(title="Lagerhausen und Logistik")
    assert _search("Nordsternwarde") != set()  # a close spelling of a title word
    assert _search("Lagerhausn") != set()
    provider.name = "Nordsternwarte gGmbH"
    provider.save()
    PostcodeFactory(code="99998", city="Lagerhausen")
    commit_test_writes()  # as the editor's commit would: the catalogue version changes
    assert _search("Nordsternwarde") == set()  # now also a provider's name: no longer widened to
    assert _search("Lagerhausn") == set()


def test_word_finds_compounds_containing_it_ranked_below_exact_hits():
    compound = OfferFactory(title="Lücken aus dem Anerkennungsbescheid schließen").slug
    exact = OfferFactory(title="Beratung zur Anerkennung").slug
    OfferFactory(title="Stärken erkennen")  # "erkennen" is inside "Anerkennung" but no part of the compound
    assert _ranked("Anerkennung") == [exact, compound]


def test_compound_finds_offers_with_its_parts():
    bookkeeping = OfferFactory(title="Buchhaltung für Einsteiger").slug
    assert _search("Finanzbuchhaltung") == {bookkeeping}
    assert _search("Schweißtechnik") == set()


def test_typo_finds_close_title_words_and_exact_hits_come_first():
    typo_target = OfferFactory(title="Externenprüfung Mechatroniker/in").slug
    assert _search("Mechatronikr") == {typo_target}
    assert _search("Mechatronikerin") == {typo_target}
    assert _search("Lagerlogistk") == set()


def test_query_whose_words_all_match_gets_no_fuzzy_extras_above_exact_hits():
    exact = OfferFactory(title="Lagerlogistik kompakt").slug
    close = OfferFactory(title="Lagerlogistiker Prüfung").slug
    ranked = _ranked("Lagerlogistik")
    assert ranked[0] == exact
    assert set(ranked) <= {exact, close}


def test_typo_matches_only_title_and_summary_words_not_the_description():
    OfferFactory(title="Kurs A", description="Mit Gabelstapler-Praxis.")
    summary = OfferFactory(title="Kurs B", summary="Gabelstapler fahren.").slug
    assert _search("Gabelstabler") == {summary}


def test_thesaurus_synonyms_and_broader_terms_find_offers():
    stapler = OfferFactory(title="Gabelstaplerführerschein").slug
    care = OfferFactory(title="Pflege im Alltag").slug
    ThesaurusEntry.objects.create(term="Hubwagenschein", synonyms="Gabelstaplerführerschein")
    ThesaurusEntry.objects.create(term="Seniorenbetreuung", broader_terms="Pflege")
    assert _search("Hubwagenschein") == {stapler}
    assert _search("Seniorenbetreuung") == {care}


def test_thesaurus_hits_rank_below_exact_hits():
    exact = OfferFactory(title="Existenzgründung Schritt für Schritt").slug
    synonym = OfferFactory(title="Gründungsseminar").slug
    assert _ranked("Existenzgründung") == [exact, synonym]  # the seeded entry: "Gründung", "Gründungsseminar"


def test_search_page_says_what_else_it_searched(client):
    OfferFactory(title="Gründungsseminar")
    html = client.get("/angebote/", {"q": "Existenzgründung"}).content.decode()
    assert "auch gesucht:" in html
    assert ">Gründungsseminar</a>" in html
    assert "auch gesucht:" not in client.get("/angebote/", {"q": "Gründungsseminar"}).content.decode()


def test_thesaurus_entry_keys_on_stems():
    entry = ThesaurusEntry.objects.create(
        term="Seniorenpflege", synonyms="Seniorenpflege, Pflegehilfe", broader_terms="Pflege"
    )
    assert entry.key == "seniorenpfleg"
    assert entry.alternatives() == ["Pflegehilfe", "Pflege"]


def test_index_follows_title_edits():
    offer = OfferFactory(title="Schweißtechnik")
    offer.title = "Gabelstapler kompakt"
    offer.save()
    assert _search("Gabelstapler") == {offer.slug}
    assert _search("Schweißtechnik") == set()


def test_compound_parts_are_heads_and_tails():
    assert {"anerkenn", "bescheid"} <= set(parts("anerkennungsbescheid"))
    assert "erkenn" not in parts("anerkenn")
    assert query_stems("Verkäuferin") == query_stems("Verkäufer") == ["verkauf"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite index")
def test_sqlite_fts5_tables_exist():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
        names = {row[0] for row in cursor.fetchall()}
    assert {"offers_offer_fts", "offers_searchword_trigram"} <= names


@pytest.mark.postgres
def test_postgres_words_table_has_trigram_index():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'offers_searchword'")
        names = {row[0] for row in cursor.fetchall()}
    assert "offers_searchword_trgm_gin" in names
