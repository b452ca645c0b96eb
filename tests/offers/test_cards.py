"""A result page reads its cards' data only when a card is not in the fragment cache (offers.search.cards)."""

import re
from unittest import mock

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from offers.models import Offer
from offers.search.cards import PageOfCards
from tests.factories import OfferFactory

pytestmark = pytest.mark.django_db
SEARCH = "/angebote/"
CARD_TABLES = ('"offers_run"', '"offers_offer_entry_levels"', '"offers_offer_funding_programmes"')


def _get(client, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries]


def _without_csrf_tokens(response) -> str:
    """The page with the CSRF tokens blanked: each response masks the token anew."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def _card_reads(queries: list[str]) -> list[str]:
    return [sql for sql in queries if any(table in sql for table in CARD_TABLES)]


def test_a_repeated_search_shows_the_same_page_without_reading_the_cards(client):
    cache.clear()
    OfferFactory(title="Schweißen Grundlagen", levels=["fachkraft"], funding=["bildungsgutschein"])
    OfferFactory(title="Schweißen Aufbau", levels=["fachkraft"])

    first, first_queries = _get(client, {"q": "Schweißen"})
    again, again_queries = _get(client, {"q": "Schweißen"})

    assert _card_reads(first_queries) != []
    assert _card_reads(again_queries) == []
    assert _without_csrf_tokens(again) == _without_csrf_tokens(first)
    titles = [offer.title for offer in again.context["offers"]]
    assert titles == [offer.title for offer in first.context["offers"]]
    assert sorted(titles) == ["Schweißen Aufbau", "Schweißen Grundlagen"]


def test_the_merkliste_buttons_beside_cached_cards_name_their_offers(client):
    cache.clear()
    offer = OfferFactory(title="Gabelstapler Schein")
    _get(client, {"q": "Gabelstapler"})

    again, _queries = _get(client, {"q": "Gabelstapler"})

    html = again.content.decode()
    assert f'<input type="hidden" name="offer" value="{offer.slug}">' in html
    assert 'Auf die Merkliste<span class="visually-hidden">: Gabelstapler Schein</span>' in html


def test_an_offer_deleted_since_its_id_was_read_is_left_out():
    kept, deleted = OfferFactory(title="Bleibt"), OfferFactory(title="Gelöscht")
    ids = [deleted.pk, kept.pk]
    Offer.objects.filter(pk=deleted.pk).delete()

    cards = PageOfCards(ids, lambda ids: Offer.objects.in_bulk(ids)).cards()

    assert [(card.pk, card.slug, card.title) for card in cards] == [(kept.pk, kept.slug, "Bleibt")]
    assert cards[0].get_absolute_url() == reverse("offers:detail", args=[kept.slug])


def test_every_other_attribute_reads_the_whole_cards_of_the_page_once():
    first, second = OfferFactory(title="Eins", price=100), OfferFactory(title="Zwei", price=200)
    loads = []

    def load(ids):
        loads.append(list(ids))
        return Offer.objects.in_bulk(ids)

    cards = PageOfCards([second.pk, first.pk], load).cards()
    assert loads == []
    assert [card.price for card in cards] == [200, 100]
    assert loads == [[second.pk, first.pk]]


def test_the_cards_of_a_page_are_read_from_the_cache_in_one_round_trip(client):
    cache.clear()
    OfferFactory.create_batch(3, title="Kalkulation im Handwerk")
    _get(client, {"q": "Kalkulation"})
    default = caches["default"]

    with (
        mock.patch.object(default, "get_many", wraps=default.get_many) as get_many,
        mock.patch.object(default, "set_many", wraps=default.set_many) as set_many,
    ):
        _get(client, {"q": "Kalkulation"})

    card_reads = [call.args[0] for call in get_many.call_args_list if call.args[0][0].startswith("offers:card:")]
    assert [len(keys) for keys in card_reads] == [3]
    assert set_many.call_args_list == []  # every card was cached by the first request


def test_a_card_cached_in_one_language_is_not_shown_in_another(client, settings):
    cache.clear()
    OfferFactory(title="Kalkulation im Handwerk")
    german, _queries = _get(client, {"q": "Kalkulation"})

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english, _queries = _get(client, {"q": "Kalkulation"})

    assert "<dt>Kosten</dt>" in german.content.decode()
    assert "<dt>Costs</dt>" in english.content.decode()
    assert "<dt>Kosten</dt>" not in english.content.decode()


def test_german_cards_read_no_translation_and_other_languages_read_theirs(client, settings):
    """Offers are written in German and translated into the other languages: a German page has none to read."""
    offer = OfferFactory(title="Gastronomie-Grundkurs")
    offer.translations.create(language="en", title="Catering basics", summary="Kitchen and service")

    german, german_queries = _get(client, {"q": "Gastronomie"})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english, english_queries = _get(client, {"q": "Gastronomie"})

    def translation_reads(queries):
        return [sql for sql in queries if sql.startswith('SELECT "offers_offertranslation"')]

    assert "Gastronomie-Grundkurs</a>" in german.content.decode() and translation_reads(german_queries) == []
    assert "Catering basics</a>" in english.content.decode() and len(translation_reads(english_queries)) == 1
