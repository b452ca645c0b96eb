"""Every page type in every interface language: the right <html lang dir>, the language switch, translated text."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.conftest import verified_login

from .conftest import LANGUAGES, RTL

OWN_NAMES = [("de", "Deutsch"), ("en", "English"), ("ar", "العربيّة"), ("uk", "Українська"), ("tr", "Türkçe"),
             ("ru", "Русский")]  # fmt: skip

# (page type, path from the fixtures' offer and case, expected status, signed in as the counsellor)
PAGES = [
    ("home", lambda offer, case: reverse("home"), 200, False),
    ("search", lambda offer, case: reverse("offers:search"), 200, False),
    ("offer", lambda offer, case: offer.get_absolute_url(), 200, False),
    ("funding list", lambda offer, case: reverse("funding:list"), 200, False),
    ("funding programme", lambda offer, case: reverse("funding:detail", args=["bildungsgutschein"]), 200, False),
    ("partner directory", lambda offer, case: reverse("partners:directory"), 200, False),
    ("partner", lambda offer, case: reverse("partners:detail", args=[offer.provider.slug]), 200, False),
    ("guide", lambda offer, case: reverse("guide:start"), 200, False),
    ("guide result", lambda offer, case: reverse("guide:result") + "?who=beschaeftigt&step=fachkraft", 200, False),
    ("merkliste", lambda offer, case: reverse("merkliste:list"), 200, False),
    ("counselling request", lambda offer, case: reverse("counselling:request"), 200, False),
    ("request sent", lambda offer, case: reverse("counselling:request_done"), 200, False),
    ("imprint", lambda offer, case: reverse("impressum"), 200, False),
    ("privacy", lambda offer, case: reverse("datenschutz"), 200, False),
    ("accessibility", lambda offer, case: reverse("barrierefreiheit"), 200, False),
    ("easy language", lambda offer, case: reverse("leichte_sprache"), 200, False),
    ("login", lambda offer, case: reverse("login"), 200, False),
    ("not found", lambda offer, case: "/gibt-es-nicht/", 404, False),
    ("desk", lambda offer, case: reverse("counselling:desk"), 200, True),
    ("case list", lambda offer, case: reverse("counselling:cases"), 200, True),
    ("case", lambda offer, case: reverse("counselling:case", args=[case.pk]), 200, True),
]
HTML_TAG = re.compile(r"<html lang=\"([^\"]+)\" dir=\"([^\"]+)\">")
SELECTED = re.compile(r"<option value=\"(\w+)\" lang=\"\w+\" selected>")


def get_in(client, language: str, path: str):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(path)


def test_languages_are_offered_under_their_own_names():
    assert [(code, str(name)) for code, name in settings.LANGUAGES] == OWN_NAMES


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("page", "path_for", "status", "signed_in"), PAGES, ids=[p[0] for p in PAGES])
def test_page_type_renders_in_language_with_lang_dir_and_switch(
    client, counsellor_case, page, path_for, status, signed_in, language
):
    if signed_in:
        verified_login(client, counsellor_case.office.memberships.get().user)

    response = get_in(client, language, path_for(counsellor_case.office.offers.get(), counsellor_case))

    body = response.content.decode()
    assert response.status_code == status
    assert HTML_TAG.search(body).groups() == (language, "rtl" if language in RTL else "ltr")
    assert response["Content-Language"] == language
    assert SELECTED.findall(body) == [language]
    for code, name in OWN_NAMES:
        assert f'<option value="{code}" lang="{code}"' in body and f">{name}</option>" in body
    with translation.override(language):
        assert translation.gettext("Hauptnavigation") in body
        assert translation.gettext("Sprache") in body


@pytest.mark.parametrize("language", ["en", "ar", "uk", "tr", "ru"])
def test_interface_text_is_translated_not_german(client, db, language):
    response = get_in(client, language, reverse("home"))

    body = response.content.decode()
    with translation.override(language):
        skip_link = translation.gettext("Zum Inhalt springen")
    assert skip_link != "Zum Inhalt springen"
    assert f'href="#main">{skip_link}</a>' in body
    assert "Zum Inhalt springen" not in body


def test_switch_posts_the_language_remembers_it_and_returns_to_the_page(client, catalogue):
    response = client.post(reverse("set_language"), {"language": "ar", "next": "/angebote/?q=Lager"})

    assert response.status_code == 302
    assert response["Location"] == "/angebote/?q=Lager"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    page = client.get(response["Location"]).content.decode()
    assert HTML_TAG.search(page).groups() == ("ar", "rtl")


def test_switch_form_works_without_javascript(client, db):
    body = client.get(reverse("home")).content.decode()

    form = re.search(r"<form action=\"/i18n/setlang/\" method=\"post\" class=\"lang-switch\">(.*?)</form>", body, re.S)
    assert form is not None
    assert '<label for="language-select">Sprache</label>' in form.group(1)
    assert '<select id="language-select" name="language">' in form.group(1)
    assert '<button type="submit" class="lang-switch-submit">Wechseln</button>' in form.group(1)
    assert '<input name="next" type="hidden" value="/">' in form.group(1)


@pytest.mark.parametrize("cookie", ["fr", "", "ar-EG"])
def test_unknown_language_choice_falls_back_to_german(client, db, cookie):
    response = get_in(client, cookie, reverse("home"))

    assert HTML_TAG.search(response.content.decode()).groups() == ("de", "ltr")
