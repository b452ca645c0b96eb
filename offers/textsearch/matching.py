"""The one entry point the catalogue search calls: match and rank plain words, write the index of offers."""

from __future__ import annotations

from django.db import connection
from django.db.models import FloatField, QuerySet, Value
from django.db.models.functions import Cast

from offers.textsearch import postgres, sqlite
from offers.textsearch.expansion import Expansion, expand


def search(offers: QuerySet, q: str) -> QuerySet:
    """The offers matching every word of `q` (widened), annotated with `rank` (exact matches of every word first)
    and `headline`. A query without a word (only stop words or signs) filters nothing."""
    expansion = expand(q)
    if not expansion.terms:
        # A cast, not a bare constant: PostgreSQL refuses to ORDER BY a constant.
        return offers.annotate(rank=Cast(Value(0.0), FloatField()), headline=Value(""))
    if connection.vendor == "postgresql":
        return postgres.search(offers, expansion)
    return sqlite.search(offers, expansion)


def also_searched(q: str) -> list[str]:
    """The thesaurus's terms a search for `q` looks for as well, for "auch gesucht: …"."""
    return expand(q).also_searched if q and q.strip() else []


def index(offers: QuerySet) -> None:
    """Bring the text index of `offers` in step with their text (the PostgreSQL vector is written by the caller)."""
    if connection.vendor == "postgresql":
        postgres.collect_words(offers)
    else:
        sqlite.write(offers)


__all__ = ["Expansion", "also_searched", "index", "search"]
