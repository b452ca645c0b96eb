"""The message catalogues: complete for every language, compiled, and with each language's plural forms."""

import gettext
from pathlib import Path

import polib
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


def untranslated(po: polib.POFile) -> list[str]:
    """Entries without a translation, fuzzy ones included. The .po file is parsed, not searched as text: a wrapped
    (multi-line) msgstr starts with an empty line and must not count as empty, an empty one must."""
    return [entry.msgid for entry in po if not entry.obsolete and (not entry.translated() or entry.fuzzy)]


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_has_no_fuzzy_or_empty_translations(language):
    po = polib.pofile(str(catalogue(language) / "django.po"))

    assert untranslated(po) == []
    assert all(all(form.strip() for form in entry.msgstr_plural.values()) for entry in po if entry.msgid_plural)


def test_wrapped_translation_counts_as_translated_and_empty_one_does_not():
    po = polib.pofile(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Ein langer Satz"\nmsgstr ""\n"A long "\n"sentence"\n\n'
        'msgid "Leer"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Geraten"\nmsgstr "Guessed"\n'
    )

    assert untranslated(po) == ["Leer", "Geraten"]


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
