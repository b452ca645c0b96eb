"""German text from data (offer texts, vocabulary names) is marked lang="de" on pages in other languages."""

import pytest
from django.conf import settings
from django.urls import reverse


@pytest.fixture
def arabic(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    return client


def test_offer_card_marks_title_provider_summary_and_vocabulary_as_german(arabic, catalogue):
    body = arabic.get(reverse("offers:search")).content.decode()

    assert f'<a href="{catalogue.get_absolute_url()}" lang="de">Umschulung Fachkraft für Lagerlogistik</a>' in body
    assert '<span class="offer-provider" lang="de">Bildungswerk Rostock gGmbH</span>' in body
    assert '<p lang="de">In zwei Jahren zum Berufsabschluss im Lager.</p>' in body
    assert '<dd lang="de">Fachkraft mit Berufsabschluss</dd>' in body
    assert '<dd lang="de">Bildungsgutschein</dd>' in body


def test_offer_page_marks_its_german_texts(arabic, catalogue):
    body = arabic.get(catalogue.get_absolute_url()).content.decode()

    assert '<h1 lang="de">Umschulung Fachkraft für Lagerlogistik</h1>' in body
    assert '<span lang="de">Bildungswerk Rostock gGmbH</span>' in body
    assert '<p class="lead" lang="de">In zwei Jahren zum Berufsabschluss im Lager.</p>' in body
    assert '<div lang="de"><p>Praxis im Betrieb und Unterricht.</p></div>' in body
    assert '<ul class="plain" lang="de">' in body
