"""Leichte Sprache: the home page, the guide (questions and result) and the funding overview, German on every
interface, reachable from every page, with the guide's own rules."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.guide.test_migrant_routes import BUSINESS, rostock  # noqa: F401 (fixture)

EASY_PAGES = [reverse("leichte_sprache"), reverse("guide:easy_start"), reverse("funding:easy")]


@pytest.mark.parametrize("path", EASY_PAGES)
def test_easy_pages_are_german_and_marked_so_on_an_arabic_interface(client, db, path):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"

    body = client.get(path).content.decode()

    assert '<html lang="ar" dir="rtl">' in body
    assert '<div class="easy-language" lang="de" dir="ltr">' in body


def test_every_page_links_to_leichte_sprache(client, db):
    for path in (reverse("home"), reverse("offers:search"), reverse("funding:list"), reverse("guide:start")):
        assert f'href="{reverse("leichte_sprache")}"' in client.get(path).content.decode()


def test_easy_home_leads_to_the_easy_guide_and_funding(client, db):
    body = client.get(reverse("leichte_sprache")).content.decode()

    assert f'href="{reverse("guide:easy_start")}"' in body
    assert f'href="{reverse("funding:easy")}"' in body


def test_easy_guide_result_uses_the_guides_rules(client, rostock):  # noqa: F811
    plain = client.get(reverse("guide:result"), {**BUSINESS, "languages": "ar"}).context
    easy = client.get(reverse("guide:easy_result"), {**BUSINESS, "languages": "ar"})

    assert [o.pk for o in easy.context["offers"].offers] == [o.pk for o in plain["offers"].offers]
    assert [p.pk for p in easy.context["contact_points"]] == [p.pk for p in plain["contact_points"]]
    assert "Hier spricht man: Arabisch, Deutsch, Russisch." in easy.content.decode()


def test_easy_guide_result_stays_german_on_another_interface(client, rostock):  # noqa: F811
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(reverse("guide:easy_result"), BUSINESS)

    assert response.context["next_step"].title.startswith("Eigenes Unternehmen führen")


def test_easy_guide_without_the_first_answer_asks_again(client, db):
    response = client.get(reverse("guide:easy_result"), {"goal": "anerkennung"})
    body = response.content.decode()

    assert "Bitte beantworten Sie die erste Frage." in body
    assert 'value="anerkennung" id="easy-goal-5" checked' in body


def test_easy_funding_lists_the_plain_explanations(client, db):
    body = client.get(reverse("funding:easy")).content.decode()

    assert "Mit dem Bildungsgutschein bezahlt die Agentur für Arbeit" in body
    assert "WeGebAU" not in body  # a former programme
