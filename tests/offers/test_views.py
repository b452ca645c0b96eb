import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from offers.models import Offer, Run
from tests.conftest import verified_login
from tests.factories import OfferFactory, PartnerFactory, RunFactory, days, editor

pytestmark = pytest.mark.django_db
SEARCH = "/angebote/"


def _listed_offer(**fields):
    return OfferFactory(levels=["fachkraft"], funding=["bildungsgutschein"], sectors=["logistik"], **fields)


def test_search_page_lists_offers_with_total_and_facets(client):
    offer = _listed_offer(title="Fachkraft für Lagerlogistik")
    response = client.get(SEARCH)
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 Angebot gefunden" in html
    assert offer.get_absolute_url() in html
    assert 'name="level" value="fachkraft"' in html
    assert "Logistik" in html


def test_search_page_shows_active_filters_as_removable_chips_and_reset(client):
    _listed_offer()
    response = client.get(SEARCH, {"level": ["fachkraft", "aufstieg"], "free": "1", "sort": "title"})
    chips = dict(response.context["chips"])
    assert chips["Offen für (meine Stufe): Fachkraft mit Berufsabschluss"] == "?level=aufstieg&free=1&sort=title"
    assert chips["kostenlos"] == "?level=fachkraft&level=aufstieg&sort=title"
    assert "Alle Filter zurücksetzen" in response.content.decode()


def test_page_and_sort_links_keep_every_filter(client):
    for _ in range(21):
        _listed_offer()
    response = client.get(SEARCH, {"level": "fachkraft", "sector": "logistik", "sort": "newest"})
    html = response.content.decode()
    assert 'href="?level=fachkraft&amp;sector=logistik&amp;sort=newest&amp;page=2"' in html
    assert 'href="?level=fachkraft&amp;sector=logistik&amp;sort=title"' in html
    page2 = client.get(SEARCH, {"level": "fachkraft", "sector": "logistik", "sort": "newest", "page": "2"})
    assert len(page2.context["offers"]) == 1


def test_empty_result_suggests_filter_to_drop_and_links_counselling(client):
    _listed_offer()
    response = client.get(SEARCH, {"level": "fachkraft", "kind": "studium"})
    html = response.content.decode()
    assert "0 Angebote gefunden" in html
    assert "kein passendes Angebot" in html
    assert response.context["relaxations"] == [("Art des Angebots", 1, "?level=fachkraft")]
    assert reverse("counselling:request") in html


def test_what_each_filter_keeps_out_of_an_empty_result_is_counted_once(client):
    _listed_offer(kind=Offer.Kind.ANPASSUNG)
    params = {"level": "fachkraft", "kind": "umschulung"}
    client.get(SEARCH, params)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(SEARCH, params)
    assert again.context["relaxations"] == [("Art des Angebots", 1, "?level=fachkraft")]
    assert [query["sql"] for query in queries if "COUNT(" in query["sql"].upper()] == []


def test_result_links_carry_the_search_and_detail_links_back_to_it(client):
    offer = _listed_offer()
    response = client.get(SEARCH, {"level": "fachkraft", "sector": "logistik"})
    link = f"{offer.get_absolute_url()}?suche=level%3Dfachkraft%26sector%3Dlogistik"
    assert link in response.content.decode()
    detail = client.get(link)
    assert '<a href="/angebote/?level=fachkraft&amp;sector=logistik">' in detail.content.decode()


def test_result_links_on_a_funding_page_lead_back_to_that_page(client):
    offer = _listed_offer()
    page = reverse("funding:detail", args=["bildungsgutschein"])
    plain = client.get(page).content.decode()
    filtered = client.get(page, {"level": "fachkraft"}).content.decode()
    assert f"{offer.get_absolute_url()}?programm=bildungsgutschein" in plain
    link = f"{offer.get_absolute_url()}?suche=level%3Dfachkraft&amp;programm=bildungsgutschein"
    assert link in filtered
    detail = client.get(link.replace("&amp;", "&"))
    assert detail.context["back_url"] == f"{page}?level=fachkraft"


@pytest.mark.parametrize("programme", ["gibt-es-nicht", "//x.example", "a" * 300])
def test_back_link_to_an_unknown_or_crafted_programme_leads_to_the_search(client, programme):
    offer = _listed_offer()
    response = client.get(offer.get_absolute_url(), {"suche": "level=fachkraft", "programm": programme})
    assert response.status_code == 200
    assert response.context["back_url"] == "/angebote/?level=fachkraft"


def test_back_link_drops_unknown_parameters(client):
    offer = _listed_offer()
    response = client.get(offer.get_absolute_url(), {"suche": "level=fachkraft&evil=1&next=//x.example"})
    assert response.context["back_url"] == "/angebote/?level=fachkraft&next=%2F%2Fx.example"


@pytest.mark.parametrize("count", [1, 50])
def test_search_query_count_does_not_grow_with_results(client, count, postcodes):
    for _ in range(count):
        offer = _listed_offer()
        RunFactory(
            offer=offer,
            learning_form=Run.LearningForm.PRAESENZ,
            city="Stuttgart",
            postcode="70173",
            latitude=48.78,
            longitude=9.18,
        )
    params = {
        "level": "fachkraft",
        "sector": "logistik",
        "funding": "bildungsgutschein",
        "near": "70173",
        "q": "Kurs",
        "free": "0",
        "learning_form": "praesenz",
    }
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, params)
    assert response.context["page_obj"].paginator.count == count
    assert len(queries) == EXPECTED_SEARCH_QUERIES - (connection.vendor == "postgresql")  # links from facet tokens
    with CaptureQueriesContext(connection) as queries:
        again = client.get(SEARCH, params)
    assert again.context["page_obj"].paginator.count == count
    assert len(queries) == EXPECTED_CACHED_SEARCH_QUERIES


# The catalogue version (read once a request), the 5 vocabularies (the process's copy, offers.vocabulary_rows: read
# here because the test's writes changed the version), 1 postcode; widening the query's words
# (offers.textsearch.expansion): the thesaurus and the words table; the counts: the size of the search's base (EXPLAIN
# on PostgreSQL, COUNT on SQLite) to decide on sampling, then the total and every facet in one query; the page sorted
# by relevance on the ids, the slugs and titles of its offers (offers.search.cards), its cards, their links to levels,
# funding and languages (one query on SQLite; on PostgreSQL none, the cards' facet tokens hold them:
# offers.vocabulary_rows.attach) and their runs (translations only on a page not in German:
# offers.models.offer.in_page_language).
EXPECTED_SEARCH_QUERIES = 16
# The same search again: total, facet counts, the page's ids in relevance order and the widened query come from the
# cache, the vocabularies from the process's copy. Left: the catalogue version, the postcode and the slugs and titles
# of the page's offers for the Merkliste buttons: the cards themselves are cached fragments, so their data is not read.
EXPECTED_CACHED_SEARCH_QUERIES = 3


GARBAGE = [
    "page=abc",
    "page=-1",
    "page=0",
    "page=99999",
    "page=1.5",
    "radius=x",
    "radius=-5&near=70173",
    "start_from=2024-13-45",
    "start_until=gestern",
    "start_from=99999-01-01",
    "level=%3Cscript%3Ealert(1)%3C/script%3E",
    "sector=' OR 1=1 --",
    "funding=&kind=&target_group=",
    "kind=studium&kind=studium&kind=nope",
    "sort=drop table",
    "sort=distance",
    "sort=relevance",
    "near=%3Cimg src=x onerror=alert(1)%3E",
    "near=70173%00",
    "q=%00",
    "q=" + "x" * 10_000,
    "q=%22unclosed",
    "q=-",
    "q=' OR 1=1; DROP TABLE offers_offer; --",
    "q=%3Cscript%3Ealert(1)%3C/script%3E",
    "free=ja&azav=maybe",
    "learning_form=mond&schedule=nie",
    "level=" + "&level=".join(["fachkraft"] * 500),
]


@pytest.mark.parametrize("query", GARBAGE)
def test_garbage_parameters_answer_200_and_nothing_is_echoed_unescaped(client, query, postcodes):
    _listed_offer(title="Stapler")
    response = client.get(f"{SEARCH}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html


def test_long_query_is_a_form_error_and_the_other_filters_still_apply(client):
    offer = _listed_offer()
    OfferFactory(levels=["aufstieg"])
    response = client.get(SEARCH, {"q": "x" * 10_000, "level": "fachkraft"})
    assert [o.slug for o in response.context["offers"]] == [offer.slug]
    assert "höchstens 200 Zeichen" in response.content.decode()


@pytest.mark.parametrize("path", ["/angebote/gibt-es-nicht/", "/foerderung/gibt-es-nicht/", "/angebote/%3Cx%3E/"])
def test_unknown_slugs_answer_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("state", ["draft", "archived", "past", "cancelled"])
def test_detail_of_offers_that_are_not_listed_answers_404(client, state):
    if state in ("draft", "archived"):
        offer = OfferFactory(status=state)
    else:
        run = {"past": {"start_date": days(-30), "end_date": days(-1)}, "cancelled": {"status": "cancelled"}}[state]
        offer = OfferFactory(runs=0)
        RunFactory(offer=offer, **run)
    assert client.get(offer.get_absolute_url()).status_code == 404
    assert offer.slug not in client.get(SEARCH).content.decode()


def test_detail_shows_runs_confirmation_date_and_provider_contact(client, contact):
    offer = OfferFactory(
        provider=contact.partner, runs=0, contact_person=contact, certificate="Mechatroniker/in (IHK)", dqr_level=4
    )
    RunFactory(
        offer=offer,
        start_date=days(12),
        end_date=days(100),
        learning_form="praesenz",
        street="Werkstraße 4",
        postcode="19061",
        city="Schwerin",
        start_guaranteed=True,
    )
    RunFactory(offer=offer, start_date=None, end_date=None, rolling_start=True)
    html = client.get(offer.get_absolute_url()).content.decode()
    assert f"zuletzt bestätigt am {offer.last_confirmed_at.astimezone():%d.%m.%Y}" in html
    assert f"{days(12):%d.%m.%Y}" in html
    assert "laufender Einstieg" in html
    assert "Kerstin Wegner" in html
    assert "DQR-Niveau 4" in html
    assert f'<link rel="canonical" href="http://testserver{offer.get_absolute_url()}">' in html


def test_detail_json_ld_parses_and_names_provider_and_runs(client, contact):
    offer = OfferFactory(provider=contact.partner, runs=0, price=390)
    RunFactory(offer=offer, start_date=days(12), end_date=days(14))
    RunFactory(offer=offer, start_date=days(20), end_date=days(24), status=Run.Status.CANCELLED)
    html = client.get(offer.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "Course"
    assert data["provider"]["name"] == "Schweriner Ausbildungszentrum e.V."
    assert [run["startDate"] for run in data["hasCourseInstance"]] == [days(12).isoformat()]
    assert data["offers"] == {"@type": "Offer", "price": "390.00", "priceCurrency": "EUR", "category": "Paid"}


def test_detail_json_ld_cannot_be_closed_by_offer_text(client):
    offer = OfferFactory(title="</script><script>alert(1)</script>")
    html = client.get(offer.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html


def test_detail_is_404_for_drafts_of_other_partners_but_previewable_by_own_editor(client):
    draft = OfferFactory(status=Offer.Status.DRAFT)
    own_editor = editor(draft.provider)
    stranger = editor(PartnerFactory())
    verified_login(client, stranger)
    assert client.get(draft.get_absolute_url()).status_code == 404
    verified_login(client, own_editor)
    assert "Vorschau" in client.get(draft.get_absolute_url()).content.decode()


def test_funding_list_shows_programmes_with_basis_and_counts(client):
    _listed_offer()
    html = client.get("/foerderung/").content.decode()
    assert "§ 81 SGB III" in html
    assert "1 passendes Angebot zu Bildungsgutschein" in html
    assert "https://www.arbeitsagentur.de/karriere-und-weiterbildung/bildungsgutschein" in html
    assert "Frühere Programme" in html


def test_funding_list_does_not_count_offers_of_inactive_partners(client):
    _listed_offer()
    OfferFactory(provider__active=False, funding=["bildungsgutschein"])
    html = client.get("/foerderung/").content.decode()
    assert "1 passendes Angebot zu Bildungsgutschein" in html


def test_funding_detail_lists_only_offers_it_funds_with_filters(client):
    funded = _listed_offer()
    other_level = OfferFactory(levels=["aufstieg"], funding=["bildungsgutschein"])
    OfferFactory(levels=["fachkraft"], funding=["aufstiegs-bafoeg"])
    response = client.get("/foerderung/bildungsgutschein/")
    assert {o.slug for o in response.context["offers"]} == {funded.slug, other_level.slug}
    response = client.get("/foerderung/bildungsgutschein/", {"level": "fachkraft"})
    assert [o.slug for o in response.context["offers"]] == [funded.slug]
    assert "funding" not in {facet.name for facet in response.context["facets"]}


def test_radius_search_lists_nearest_first_with_distance_across_pages(client, postcodes):
    far, near = _listed_offer(title="Fern", runs=0), _listed_offer(title="Nah", runs=0)
    RunFactory(offer=far, learning_form=Run.LearningForm.PRAESENZ, city="Esslingen", latitude=48.74, longitude=9.31)
    RunFactory(offer=near, learning_form=Run.LearningForm.PRAESENZ, city="Stuttgart", latitude=48.78, longitude=9.18)
    for _ in range(20):
        _listed_offer(runs=0)  # online only: outside every radius
    response = client.get(SEARCH, {"near": "70173", "radius": "25"})
    offers = response.context["offers"]
    assert [offer.slug for offer in offers] == [near.slug, far.slug]
    assert offers[0].distance_km < 1 < offers[1].distance_km
    assert response.context["page_obj"].paginator.count == 2


def test_the_offer_page_reads_no_search_vector_and_its_links_from_the_facet_tokens(client):
    """The widest column no page shows; the offer's links to levels, sectors, ... come with its row on PostgreSQL (its
    facet tokens, some 160 bytes) and from the link tables in one query on SQLite."""
    offer = _listed_offer()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("offers:detail", args=[offer.slug]))
    assert response.status_code == 200
    offer_reads = [q["sql"] for q in queries if q["sql"].startswith('SELECT "offers_offer"."id"')]
    assert offer_reads != []
    assert [sql for sql in offer_reads if "search_vector" in sql] == []
    link_reads = [q["sql"] for q in queries if '"offers_offer_sectors"' in q["sql"]]
    assert len(link_reads) == (0 if connection.vendor == "postgresql" else 1)
    assert [sector.name for sector in response.context["offer"].sectors.all()] == [
        row.name for row in offer.sectors.all()
    ]


def test_the_offer_page_reads_translations_and_path_modules_only_of_an_offer_that_has_some(client):
    """Most offers are German only and teach no module of a path: their page spares those two queries."""
    german_only = _listed_offer()
    translated = _listed_offer(title="Lagerlogistik")
    translated.translations.create(language="en", title="Warehouse logistics", summary="Storage")

    def tables_read(offer) -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("offers:detail", args=[offer.slug])).status_code == 200
        read = [re.match(r'SELECT "(\w+)"\.', query["sql"]) for query in queries]  # the first column's table
        return sorted({match.group(1) for match in read if match} & {"offers_offertranslation", "offers_moduleoffer"})

    assert tables_read(german_only) == []
    assert tables_read(translated) == ["offers_offertranslation"]
    client.cookies["django_language"] = "en"
    assert "Warehouse logistics" in client.get(reverse("offers:detail", args=[translated.slug])).content.decode()
