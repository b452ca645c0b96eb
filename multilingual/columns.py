"""Translatable data in tables: one column per interface language beside the German original.

A column per language keeps a translated name on the same row as the original, so a list of cards or facet options
reads its texts without a query more; German stays the source and the fallback."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


def other_languages() -> list[tuple[str, str]]:
    """(code, name) of every interface language but the source language, German."""
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def column_name(field: str, language: str) -> str:
    return f"{field}_{language}"


def translatable(*fields: str):
    """Class decorator: add a blank `<field>_<language>` column for each named field and each other language."""

    def add_columns(model: type[models.Model]) -> type[models.Model]:
        for field_name in fields:
            for code, name in other_languages():
                model.add_to_class(column_name(field_name, code), _column(model._meta.get_field(field_name), name))
        model.translatable_fields = (*getattr(model, "translatable_fields", ()), *fields)
        return model

    return add_columns


def _column(original: models.Field, language_name: str) -> models.Field:
    """A blank copy of the original field for one language (not unique: most stay empty)."""
    _name, _path, args, kwargs = original.deconstruct()
    for key in ("unique", "db_index", "null", "primary_key"):
        kwargs.pop(key, None)
    kwargs.update(
        blank=True,
        default="",
        verbose_name=format_lazy("{} ({})", original.verbose_name, language_name),
        help_text=_("leer lassen: die Seite zeigt den deutschen Text"),
    )
    return type(original)(*args, **kwargs)
