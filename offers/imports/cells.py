"""Cell values as a partner's spreadsheet holds them, turned into Python values; a bad value raises CellError with
a plain German message."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

LIST_SEPARATOR = "|"
YES = {"ja", "j", "x", "1", "wahr", "true", "yes"}
NO = {"nein", "n", "0", "falsch", "false", "no", ""}
GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class CellError(ValueError):
    pass


def parse_date(text: str) -> datetime.date | None:
    if not text:
        return None
    if match := GERMAN_DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise CellError(_("„%(value)s“ ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT).") % {"value": text})
    try:
        return datetime.date(year, month, day)
    except ValueError as error:
        raise CellError(_("Den Tag „%(value)s“ gibt es nicht.") % {"value": text}) from error


def parse_decimal(text: str) -> Decimal | None:
    """German "1.250,50" and plain "1250.50" alike."""
    if not text:
        return None
    normal = text.replace(" ", "").replace("€", "")
    if "," in normal:
        normal = normal.replace(".", "").replace(",", ".")
    try:
        return Decimal(normal)
    except InvalidOperation as error:
        raise CellError(_("„%(value)s“ ist keine Zahl.") % {"value": text}) from error


def parse_int(text: str) -> int | None:
    if not text:
        return None
    if not re.fullmatch(r"-?\d+", text):
        raise CellError(_("„%(value)s“ ist keine ganze Zahl.") % {"value": text})
    return int(text)


def parse_bool(text: str) -> bool:
    if text.casefold() in YES:
        return True
    if text.casefold() in NO:
        return False
    raise CellError(_("„%(value)s“ ist weder „ja“ noch „nein“.") % {"value": text})


def parse_choice(text: str, choices) -> str:
    """A choice by its stored value or its German label, case-insensitive; empty stays empty."""
    if not text:
        return ""
    wanted = text.casefold()
    for value, label in choices:
        if wanted in (str(value).casefold(), str(label).casefold()):
            return value
    allowed = ", ".join(str(label) for _value, label in choices)
    raise CellError(_("Unbekannter Wert „%(value)s“. Erlaubt: %(allowed)s.") % {"value": text, "allowed": allowed})


def split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]


class Vocabulary:
    """Entries of one vocabulary model by slug and by name, both case-insensitive (one query per import)."""

    def __init__(self, queryset, keys: tuple[str, ...] = ("slug",)):
        self.by_text = {}
        for entry in queryset:
            for key in ("name", *keys):
                if getattr(entry, key):
                    self.by_text.setdefault(str(getattr(entry, key)).casefold(), entry)

    def one(self, text: str):
        if not text:
            return None
        try:
            return self.by_text[text.casefold()]
        except KeyError:
            raise CellError(_("Unbekannter Wert „%(value)s“.") % {"value": text}) from None

    def many(self, text: str) -> list:
        return sorted({self.one(part) for part in split_list(text)}, key=lambda entry: entry.pk)
