"""The body of a result card as offers.card_html writes it, for the offers the lists read with card_data()."""

import re

import pytest
from django.utils import translation

from offers.card_html import card_body
from offers.models import Offer, OfferTranslation, Run
from tests.factories import STUTTGART, LanguageFactory, OfferFactory, days

pytestmark = pytest.mark.django_db


def _card(offer: Offer, back_query: str = "", **annotations) -> str:
    loaded = Offer.objects.filter(pk=offer.pk).card_data().get()
    for name, value in annotations.items():
        setattr(loaded, name, value)
    return str(card_body(loaded, back_query))


def _facts(html: str) -> dict[str, str]:
    return dict(re.findall(r"<div><dt>(.*?)</dt><dd>(.*?)</dd></div>", html))


def test_a_card_links_back_to_the_search_and_lists_its_facts():
    offer = OfferFactory(
        title="Lager & Logistik", price=1250, levels=["fachkraft"], funding=["bildungsgutschein"], runs__place=STUTTGART
    )
    offer.languages.add(LanguageFactory(code="uk", name="Ukrainisch"))
    html = _card(offer, back_query="suche=q%3DLager&partner=x")
    assert html.startswith(
        f'<h3><a href="/angebote/{offer.slug}/?suche=q%3DLager&amp;partner=x">Lager &amp; Logistik</a>'
    )
    assert '<span class="offer-provider" lang="de" dir="ltr">' in html
    assert "<p>Ein Kurs.</p>" in html
    assert _facts(html) == {
        "Für": "Fachkraft mit Berufsabschluss",
        "Nächster Beginn": f"{days(30):%d.%m.%Y} · Stuttgart",
        "Kosten": "1.250 €",
        "Unterrichtssprache": "Ukrainisch",
        "Förderung": "Bildungsgutschein",
    }


def test_rolling_start_running_course_online_run_and_no_run():
    rolling = OfferFactory(price=0, runs__rolling_start=True, runs__start_date=None, runs__end_date=None)
    running = OfferFactory(runs__start_date=days(-10), runs__end_date=days(20))
    without = OfferFactory(runs=0)
    assert _facts(_card(rolling))["Nächster Beginn"] == "laufender Einstieg · Online live (virtuelles Klassenzimmer)"
    assert _facts(_card(rolling))["Kosten"] == "kostenlos"
    assert _facts(_card(running))["Nächster Beginn"].startswith("läuft bereits · ")
    assert _facts(_card(without))["Nächster Beginn"] == "–"
    assert "Für" in _facts(_card(without)) and "Förderung" not in _facts(_card(without))


def test_distance_and_the_highlighted_match_where_the_search_gives_them():
    offer = OfferFactory(runs__place=STUTTGART)
    assert _facts(_card(offer, distance_km=7.25))["Entfernung"] == "7,2 km"
    assert _facts(_card(offer, distance_km=12.6))["Entfernung"] == "13 km"
    html = _card(offer, headline="Kurs für \x02Lager\x03 <b>")
    assert '<p class="offer-snippet" lang="de" dir="ltr">Kurs für <mark>Lager</mark> &lt;b&gt;</p>' in html
    assert "Entfernung" not in _card(offer)


def test_on_an_english_page_the_labels_are_english_and_german_data_is_marked():
    offer = OfferFactory(title="Gabelstapler", levels=["fachkraft"], runs__place=STUTTGART)
    OfferTranslation.objects.create(offer=offer, language="en", title="Forklift", summary="")
    with translation.override("en"):
        html = _card(offer)
    assert f'<a href="/angebote/{offer.slug}/">Forklift</a>' in html
    assert '<p lang="de" dir="ltr">Ein Kurs.</p>' in html  # no English summary: the German one, marked
    facts = _facts(html)
    assert set(facts) == {"For", "Next start", "Costs"}
    assert facts["For"] == "Skilled worker with a vocational qualification"


def test_a_run_without_a_city_shows_its_learning_form():
    offer = OfferFactory(runs__learning_form=Run.LearningForm.SELBSTLERNEN)
    assert _facts(_card(offer))["Nächster Beginn"].endswith(f" · {Run.LearningForm.SELBSTLERNEN.label}")


def test_the_kind_and_learning_form_are_named_in_the_page_language_each_time():
    offer = OfferFactory(kind=Offer.Kind.UMSCHULUNG, runs__learning_form=Run.LearningForm.SELBSTLERNEN)
    german = _card(offer)
    with translation.override("en"):
        english = _card(offer)
    assert '<span class="badge">Umschulung</span>' in german
    assert _facts(german)["Nächster Beginn"].endswith(" · Online Selbstlernen")
    assert '<span class="badge">Retraining</span>' in english
    assert _facts(english)["Next start"].endswith(" · Online self-study")
    assert '<span class="badge">Umschulung</span>' in _card(offer)  # the labels are looked up again, not kept
