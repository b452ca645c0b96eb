import pytest
from django.db import connection

from offers.models import Offer
from offers.search.estimates import sampled
from offers.search.query import among
from partners.models import Partner
from tests.factories import OfferFactory, PartnerFactory, slugs

pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite fallback")


@pytest.fixture
def texts():
    saz = PartnerFactory(name="Schweriner Ausbildungszentrum e.V.")
    return {
        "mechatronik": OfferFactory(
            provider=saz, title="Externenprüfung Mechatroniker/in", summary="Berufsbegleitend zum Abschluss."
        ).slug,
        "lager": OfferFactory(
            title="Fachkraft für Lagerlogistik",
            summary="Umschulung mit Praxis.",
            description="Mit Staplerschein und Praktikum in der Logistik.",
        ).slug,
        "pflege": OfferFactory(
            title="Pflegehelfer/in", summary="Kurs für die Pflege.", description="Praktikum in der Altenpflege."
        ).slug,
        "hidden": OfferFactory(provider=saz, title="Mechatroniker Entwurf", status=Offer.Status.DRAFT).slug,
    }


def _search(q: str) -> set[str]:
    return slugs(Offer.objects.listed().search(q))


def test_search_with_empty_query_returns_everything(texts):
    assert _search("  ") == {texts["mechatronik"], texts["lager"], texts["pflege"]}


def test_search_finds_title_summary_description_and_provider_words(texts):
    assert _search("Mechatroniker") == {texts["mechatronik"]}
    assert _search("Staplerschein") == {texts["lager"]}
    assert _search("Schweriner") == {texts["mechatronik"]}
    assert _search("Praktikum") == {texts["lager"], texts["pflege"]}


def test_search_folds_feminine_job_titles(texts):
    assert _search("Mechatronikerin") == {texts["mechatronik"]}


@sqlite_only
def test_sqlite_search_needs_every_word(texts):
    assert _search("Praktikum Logistik") == {texts["lager"]}
    assert _search("Praktikum Mechatroniker") == set()


@sqlite_only
def test_sqlite_search_treats_like_and_fts_syntax_as_text(texts):
    assert _search("%") == {texts["mechatronik"], texts["lager"], texts["pflege"]}  # no word: no filter
    assert _search('"Pflege*') == {texts["pflege"]}  # an unbalanced quote would break a raw FTS5 query


@pytest.mark.postgres
def test_postgres_search_stems_german_words(texts):
    assert _search("Mechatronikerin") == {texts["mechatronik"]}
    assert _search("Praktikums Staplerscheins") == {texts["lager"]}


@pytest.mark.postgres
def test_postgres_search_ranks_title_above_description(texts):
    title = OfferFactory(title="Staplerschein kompakt", summary="Drei Tage.").slug
    ranked = [offer.slug for offer in Offer.objects.listed().search("Staplerschein").order_by("-rank", "pk")]
    assert ranked == [title, texts["lager"]]


@pytest.mark.postgres
def test_postgres_search_tolerates_typos_in_titles(texts):
    assert _search("Mechatronikr") == {texts["mechatronik"]}
    assert _search("Lagerlogistk") == {texts["lager"]}


@pytest.mark.postgres
def test_postgres_search_understands_websearch_syntax(texts):
    assert _search("Praktikum -Staplerschein") == {texts["pflege"]}
    assert _search('"Fachkraft für Lagerlogistik"') == {texts["lager"]}
    assert _search('"Lagerlogistik für Fachkraft"') == set()
    assert _search("Staplerschein or Altenpflege") == {texts["lager"], texts["pflege"]}


@pytest.mark.postgres
def test_postgres_search_highlights_matches_in_snippet(client, texts):
    html = client.get("/angebote/", {"q": "Staplerschein"}).content.decode()
    assert "<mark>Staplerschein</mark>" in html


@pytest.mark.postgres
def test_postgres_search_vector_follows_provider_renames(texts):
    partner = Partner.objects.get(name="Schweriner Ausbildungszentrum e.V.")
    partner.name = "Bildungswerk Nord"
    partner.save()
    assert _search("Bildungswerk") == {texts["mechatronik"]}
    assert _search("Schweriner") == set()


@pytest.mark.postgres
def test_postgres_search_indexes_exist():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'offers_offer'")
        names = {row[0] for row in cursor.fetchall()}
    assert {"offer_text_facets_gin", "offer_title_trgm_gin"} <= names
    assert "offer_search_vector_gin" not in names  # the text is the new index's first column


@pytest.mark.postgres
def test_postgres_sampled_text_search_bounds_the_sample_by_tokens_the_texts_index_holds(texts):
    """The sample's buckets are a condition on the facet tokens, which share a GIN index with the text, so that a
    large catalogue reads only the sampled matches; the exact bound is tested on the rows of the last bucket."""
    Offer.objects.filter(slug=texts["mechatronik"]).update(sample=244)  # in the last bucket, under the bound
    Offer.objects.filter(slug=texts["hidden"]).update(sample=245)  # in the same bucket, at the bound
    Offer.objects.all().refresh_facet_tokens()  # a sample number is drawn once and never changed by the app
    offers = sampled(Offer.objects.search("Mechatroniker"), 0.0245, text=True)
    sql = str(offers.query)
    assert '"offers_offer"."search_vector" @@' in sql
    buckets = "x0 | x1 | y20 | y21 | y22 | y23 | y24"  # two hundredths, then thousandths
    assert f'"offers_offer"."facet_tokens" @@ (to_tsquery(simple::regconfig, {buckets}))' in sql
    assert slugs(offers) == {texts["mechatronik"]}


def test_a_sampled_search_without_text_is_bounded_by_the_sample_number_alone(texts):
    where = str(sampled(Offer.objects.filter(status=Offer.Status.PUBLISHED), 0.025).query).split(" WHERE ")[1]
    assert '"offers_offer"."sample" < 250' in where and "facet_tokens" not in where


def test_search_page_escapes_marked_snippets(client):
    OfferFactory(title="Kurs <b>fett</b>", summary="<script>alert(1)</script> Staplerschein")
    html = client.get("/angebote/", {"q": "Staplerschein"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<b>fett</b>" not in html


def test_among_selects_exactly_the_offers_of_a_list_or_a_subquery(texts):
    """query.among: the offers a text search ranks, named by a list (one array parameter on PostgreSQL) or a
    subquery."""
    mechatronik, lager, pflege = (Offer.objects.get(slug=texts[key]) for key in ("mechatronik", "lager", "pflege"))
    listed = among(Offer, [mechatronik.pk, pflege.pk])
    assert set(listed) == {mechatronik, pflege}
    assert ("= ANY(" in str(listed.query)) == (connection.vendor == "postgresql")
    subquery = among(Offer, Offer.objects.filter(title__startswith="Fachkraft").values("pk"))
    assert list(subquery) == [lager]
    assert list(among(Offer, [])) == []
