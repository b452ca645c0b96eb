"""Choice lists from vocabulary tables (the guide's questions, the partner directory's filters) mark a name that
has no translation yet with lang="de" dir="ltr": on the <option> itself, or around a radio button's or checkbox's
text. Translated names stay unmarked."""

import pytest
from django.conf import settings
from django.urls import reverse

from offers.models import QualificationStep
from partners.models import Language, Service
from tests.factories import LanguageFactory, SectorFactory, ServiceFactory


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def untranslated(db):
    """One entry of each vocabulary without an English name: a coordinator's new rows, an emptied translation."""
    QualificationStep.objects.filter(slug="ohne-abschluss").update(name="Ohne Berufsabschluss", name_en="")
    SectorFactory(slug="fischerei", name="Fischerei")
    LanguageFactory(code="ku", name="Kurdisch")
    ServiceFactory(slug="schuldnerberatung", name="Schuldnerberatung")


def page(client, url: str) -> str:
    """The page with its whitespace runs collapsed, so the markup reads as one line."""
    return " ".join(client.get(url).content.decode().split())


def test_guide_marks_untranslated_step_sector_and_language(english, untranslated):
    body = page(english, reverse("guide:start"))
    index = list(Language.objects.exclude(code="de").values_list("code", flat=True)).index("ku")

    assert (
        '<label for="id_step_0"><input type="radio" name="step" value="ohne-abschluss" id="id_step_0"> '
        '<span lang="de" dir="ltr">Ohne Berufsabschluss</span></label>'
    ) in body
    assert '<option value="fischerei" lang="de" dir="ltr">Fischerei</option>' in body
    assert (
        f'<input type="checkbox" name="languages" value="ku" id="id_languages_{index}"> '
        '<span lang="de" dir="ltr">Kurdisch</span></label>'
    ) in body
    # Translated names are the page's language and carry no marks.
    assert '<option value="gastgewerbe">Hospitality and catering</option>' in body
    assert 'value="ar" id="id_languages_0"> Arabic</label>' in body


def test_guide_in_german_marks_nothing(client, untranslated):
    body = page(client, reverse("guide:start"))

    assert '<option value="fischerei">Fischerei</option>' in body
    assert 'value="ohne-abschluss" id="id_step_0"> Ohne Berufsabschluss</label>' in body
    assert '<span lang="de"' not in body


def test_partner_directory_marks_untranslated_service_and_language(english, untranslated):
    body = page(english, reverse("partners:directory"))
    index = list(Service.objects.order_by("name").values_list("slug", flat=True)).index("schuldnerberatung")

    assert (
        f'<label class="check"><input type="checkbox" name="service" value="schuldnerberatung" '
        f'id="id_service_{index}"> <span lang="de" dir="ltr">Schuldnerberatung</span></label>'
    ) in body
    assert '<option value="ku" lang="de" dir="ltr">Kurdisch</option>' in body
    assert '<option value="ar">Arabic</option>' in body
    assert "> Funding advice</label>" in body


def test_search_chip_marks_the_untranslated_name_and_the_feed_title_stays_plain_text(english, untranslated):
    search = {"sector": ["fischerei", "gastgewerbe"]}

    body = page(english, reverse("offers:search") + "?sector=fischerei&sector=gastgewerbe")
    feed = english.get(reverse("offers:feed"), search).content.decode()

    assert (
        '<a class="chip" href="?sector=gastgewerbe">Sector: <span lang="de" dir="ltr">Fischerei</span> '
        '<span aria-hidden="true">×</span>'
    ) in body
    assert '<a class="chip" href="?sector=fischerei">Sector: Hospitality and catering <span' in body
    assert "<title>New training offers: Sector: Fischerei; Sector: Hospitality and catering</title>" in feed
