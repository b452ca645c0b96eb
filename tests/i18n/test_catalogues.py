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


def entries(po: str) -> list[dict[str, str]]:
    """The .po file's entries as {keyword: joined text}, continuation lines ("...") joined to their keyword, so a
    translation wrapped over several lines counts as what it is."""
    parsed = []
    for block in po.split("\n\n"):
        entry, keyword = {}, None
        for line in block.splitlines():
            if line.startswith("#"):
                entry.setdefault("flags", "")
                entry["flags"] += line
            elif line.startswith('"') and keyword:
                entry[keyword] += line[1:-1]
            elif " " in line:
                keyword, text = line.split(" ", 1)
                entry[keyword] = text[1:-1]
        if "msgid" in entry:
            parsed.append(entry)
    return parsed


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_has_no_fuzzy_or_empty_translations(language):
    po = (catalogue(language) / "django.po").read_text(encoding="utf-8")
    translated = [entry for entry in entries(po) if entry["msgid"]]  # the header's msgid is empty

    assert len(translated) > 1000
    assert [entry["msgid"] for entry in translated if "fuzzy" in entry.get("flags", "")] == []
    assert [
        entry["msgid"]
        for entry in translated
        if any(not text for keyword, text in entry.items() if keyword.startswith("msgstr"))
    ] == []


def test_wrapped_translations_count_as_translated_and_empty_ones_do_not():
    po = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "a"\nmsgid_plural "b"\nmsgstr[0] ""\n"x"\nmsgstr[1] ""\n'
    (entry,) = [entry for entry in entries(po) if entry["msgid"]]
    assert entry["msgstr[0]"] == "x" and entry["msgstr[1]"] == ""


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
