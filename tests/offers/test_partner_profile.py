"""The partner profile pages and filters the partner's own offers like the search, so its work does not grow with
the partner's catalogue (docs/urls.md)."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import OfferFactory, PartnerFactory, days

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def partner():
    return PartnerFactory(name="Bildungswerk Nord", slug="bildungswerk-nord")


def _profile(client, partner, **params):
    return client.get(reverse("partners:detail", args=[partner.slug]), params)


def _offers_starting_in_order(partner, count: int) -> list:
    """`count` offers of `partner`, the first starting soonest."""
    return [OfferFactory(provider=partner, title=f"Kurs {n:02}", runs__start_date=days(10 + n)) for n in range(count)]


def _titles(response) -> list[str]:
    return [offer.title for offer in response.context["offers"]]


def test_profile_shows_twenty_offers_a_page_soonest_first(client, partner):
    offers = _offers_starting_in_order(partner, 25)
    OfferFactory(title="Fremdes Angebot")

    first, second = _profile(client, partner), _profile(client, partner, page=2)

    assert _titles(first) == [offer.title for offer in offers[:20]]
    assert _titles(second) == [offer.title for offer in offers[20:]]
    assert first.context["page_obj"].paginator.count == 25
    assert "25 Angebote gefunden" in first.text
    assert 'href="?page=2" rel="next"' in first.text
    assert "Fremdes Angebot" not in first.text + second.text


def test_profile_filters_the_partners_offers_by_level_sector_and_funding(client, partner):
    welding = OfferFactory(provider=partner, title="Schweißen", levels=["ohne-abschluss"], sectors=["metall"])
    OfferFactory(provider=partner, title="Lager", levels=["ohne-abschluss"], sectors=["logistik"])
    care = OfferFactory(provider=partner, title="Pflegehilfe", funding=["bildungsgutschein"])
    OfferFactory(title="Fremdes Metall", levels=["ohne-abschluss"], sectors=["metall"])

    by_sector = _profile(client, partner, level="ohne-abschluss", sector="metall")
    by_funding = _profile(client, partner, funding="bildungsgutschein")
    unfiltered = _profile(client, partner)

    assert _titles(by_sector) == [welding.title]
    assert _titles(by_funding) == [care.title]
    counts = {
        facet.name: {o.value: o.count for o in facet.options if o.count} for facet in unfiltered.context["facets"]
    }
    assert counts["sector"] == {"metall": 1, "logistik": 1}  # the partner's own offers, not the foreign one
    assert counts["level"] == {"ohne-abschluss": 2}
    assert counts["funding"] == {"bildungsgutschein": 1}
    assert list(counts) == ["level", "next", "sector", "funding", "kind"]


def test_profile_with_a_bad_place_keeps_the_input_and_says_why(client, partner):
    OfferFactory(provider=partner)

    response = _profile(client, partner, near="Atlantis")

    assert "Zu „Atlantis“ haben wir keinen Ort gefunden." in response.text
    assert 'value="Atlantis"' in response.text


def test_profile_without_listed_offers_says_so_without_a_search_form(client, partner):
    response = _profile(client, partner)

    assert "Zurzeit sind keine Angebote mit Terminen eingetragen." in response.text
    assert 'role="search"' not in response.text


def _queries(client, partner, **params) -> list[str]:
    cache.clear()  # every request counts from scratch: no figure comes from an earlier one
    with CaptureQueriesContext(connection) as queries:
        assert _profile(client, partner, **params).status_code == 200
    return [query["sql"] for query in queries]


def test_profile_query_count_does_not_grow_with_the_partners_offers(client, partner):
    OfferFactory(provider=partner)
    one = _queries(client, partner)
    _offers_starting_in_order(partner, 45)
    many = _queries(client, partner)

    assert len(many) == len(one)


def _page_query(queries: list[str]) -> str:
    """The one query that picks a page of offer ids (the cards are then loaded by id)."""
    [sql] = [sql for sql in queries if re.search(r"LIMIT \d+", sql) and "next_start" in sql.split("ORDER BY")[-1]]
    return sql


@pytest.mark.parametrize("page", ["3", "99999"])
def test_profile_past_the_last_page_shows_the_last_one_with_one_bounded_query(client, partner, page):
    offers = _offers_starting_in_order(partner, 45)

    queries = _queries(client, partner, page=page)
    response = _profile(client, partner, page=page)

    assert _titles(response) == [offer.title for offer in offers[40:]]
    assert re.search(r"LIMIT 21 OFFSET 40\b", _page_query(queries))


def test_profile_page_number_over_the_limit_is_refused_and_shows_the_first_page(client, partner):
    offers = _offers_starting_in_order(partner, 21)

    response = _profile(client, partner, page="100001")

    assert response.status_code == 200
    assert _titles(response) == [offer.title for offer in offers[:20]]


def test_result_links_on_a_partner_page_lead_back_to_that_page(client, partner):
    offer = OfferFactory(provider=partner, sectors=["metall"])
    profile = reverse("partners:detail", args=[partner.slug])

    plain = _profile(client, partner)
    filtered = _profile(client, partner, sector="metall")
    link = f"{offer.get_absolute_url()}?suche=sector%3Dmetall&amp;partner=bildungswerk-nord"
    detail = client.get(link.replace("&amp;", "&"))

    assert f"{offer.get_absolute_url()}?partner=bildungswerk-nord" in plain.text
    assert link in filtered.text
    assert detail.context["back_url"] == f"{profile}?sector=metall"


@pytest.mark.parametrize("slug", ["gibt-es-nicht", "geschlossen", "//x.example", "a" * 300])
def test_back_link_to_an_unknown_inactive_or_crafted_partner_leads_to_the_search(client, slug):
    PartnerFactory(slug="geschlossen", active=False)
    offer = OfferFactory()

    response = client.get(offer.get_absolute_url(), {"suche": "sector=metall", "partner": slug})

    assert response.status_code == 200
    assert response.context["back_url"] == "/angebote/?sector=metall"
