"""The message catalogues: complete for every language, compiled, and with each language's plural forms."""

import gettext
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

TRANSLATED = ["en", "ar", "uk", "tr", "ru"]


def catalogue(language: str) -> Path:
    return Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES"


def compiled_msgids(language: str) -> set:
    with (catalogue(language) / "django.mo").open("rb") as mo:
        keys = gettext.GNUTranslations(mo)._catalog
    # Plural entries are stored once per form, as (msgid, form index).
    return {key[0] if isinstance(key, tuple) else key for key in keys} - {""}


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_has_no_fuzzy_or_empty_translations(language):
    po = (catalogue(language) / "django.po").read_text(encoding="utf-8")
    header_end = po.index("\n\n")

    assert "#, fuzzy" not in po
    assert 'msgstr ""\n\n' not in po[header_end:] and not po.endswith('msgstr ""\n')
    assert 'msgstr[0] ""\n' not in po


@pytest.mark.parametrize("language", ["ar", "uk", "tr", "ru"])
def test_compiled_catalogue_covers_every_interface_string(language):
    assert compiled_msgids(language) == compiled_msgids("en")


@pytest.mark.parametrize(
    ("language", "counts", "expected"),
    [
        ("uk", [1, 3, 5, 11, 21, 22], ["пропозиція", "пропозиції", "пропозицій", "пропозицій", "пропозиція",
                                       "пропозиції"]),
        ("ru", [1, 3, 5, 11, 21, 22], ["предложение", "предложения", "предложений", "предложений", "предложение",
                                       "предложения"]),
        ("ar", [0, 1, 2, 3, 11, 100], ["عرض", "عرض", "عرضان", "عروض", "عرضًا", "عرض"]),
        ("tr", [1, 5], ["teklif", "teklif"]),
        ("en", [1, 5], ["offer", "offers"]),
    ],
)  # fmt: skip
def test_plural_forms_follow_the_language(language, counts, expected):
    with translation.override(language):
        rendered = [translation.ngettext("%(counter)s Angebot", "%(counter)s Angebote", n) % {"counter": n}
                    for n in counts]  # fmt: skip

    assert rendered == [f"{n} {word}" for n, word in zip(counts, expected, strict=True)]


@pytest.mark.parametrize("language", ["ar", "uk", "tr", "ru"])
def test_placeholders_survive_translation(language):
    with translation.override(language):
        text = translation.gettext("Umkreis %(radius)s km um %(place)s") % {"radius": 25, "place": "Rostock"}

    assert "25" in text and "Rostock" in text and "Umkreis" not in text
