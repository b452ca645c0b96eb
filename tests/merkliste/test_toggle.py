"""The Merkliste button beside an offer ({% merkliste_toggle %}): its exact markup on and off the list."""

import re

import pytest
from django.middleware.csrf import get_token
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def _toggle(offer, kept: set[int], request=None) -> str:
    template = engines["django"].from_string("{% load merkliste_tags %}{% merkliste_toggle offer %}")
    html = template.render({"offer": offer, "merkliste_ids": frozenset(kept), "request": request}, request)
    return re.sub(r'name="csrfmiddlewaretoken" value="\w+"', 'name="csrfmiddlewaretoken" value="…"', html)


def test_an_offer_not_on_the_list_gets_an_add_button_that_comes_back_to_the_page():
    offer = OfferFactory(title='Lager & "Logistik"')
    request = RequestFactory().get("/angebote/?q=Lager&sector=<x>")
    get_token(request)
    assert _toggle(offer, set(), request) == (
        '\n\n<form method="post" action="/merkliste/hinzufuegen/" class="merkliste-toggle">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="…">\n'
        f'  <input type="hidden" name="offer" value="{offer.slug}">\n'
        '  <input type="hidden" name="next" value="/angebote/?q=Lager&amp;sector=%3Cx%3E">\n'
        '  <button type="submit" class="button-secondary">Auf die Merkliste'
        '<span class="visually-hidden">: Lager &amp; &quot;Logistik&quot;</span></button>\n</form>\n\n'
    )


def test_an_offer_on_the_list_gets_a_remove_button_in_the_page_language():
    offer = OfferFactory(title="Gabelstapler")
    request = RequestFactory().get("/angebote/")
    with translation.override("en"):
        html = _toggle(offer, {offer.pk}, request)
    assert '<form method="post" action="/merkliste/entfernen/" class="merkliste-toggle">' in html
    assert '<button type="submit" class="button-secondary">Remove from saved list' in html
    assert '<span class="visually-hidden">: Gabelstapler</span></button>' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_without_a_request_the_button_has_no_csrf_field_and_no_page_to_come_back_to():
    html = _toggle(OfferFactory(), set())
    assert "csrfmiddlewaretoken" not in html
    assert '<input type="hidden" name="next" value="">' in html
