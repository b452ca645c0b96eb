"""Offers as rows of the import template (docs/import.md), so that export → import changes nothing.

The first column names the partner (its slug). Choices are written as their German labels, vocabularies as slugs
(language codes), several joined by "|". An offer without a Kursnummer gets "LD-<id>"; importing that file gives the
offer this Kursnummer (plan.py)."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import F, Prefetch
from django.utils import translation

from offers.imports.cells import LIST_SEPARATOR
from offers.imports.plan import OWN_KEY_PREFIX
from offers.imports.template import CHOICE, HEADERS, MANY, OFFER_COLUMNS, ONE, PARTNER_COLUMN, RUN_COLUMNS, Column
from offers.models import Offer, Run

CHUNK = 2000


def own_key(offer: Offer) -> str:
    return offer.external_id or f"{OWN_KEY_PREFIX}{offer.pk}"


def _entry_key(entry) -> str:
    return getattr(entry, "slug", None) or entry.code


def _value(column: Column, source):
    value = getattr(source, column.field)
    if column.kind == CHOICE:
        return str(dict(column.choices).get(value, value))
    if column.kind == ONE:
        return _entry_key(value) if value else ""
    if column.kind == MANY:
        return LIST_SEPARATOR.join(sorted(_entry_key(entry) for entry in value.all()))
    return value


def offer_rows(offer: Offer) -> Iterator[list]:
    """One row per run, rolling starts first on every database (one row with empty run columns for an offer
    without runs)."""
    cells = [offer.provider.slug, *(_value(column, offer) for column in OFFER_COLUMNS)]
    cells[1] = own_key(offer)
    runs = list(offer.runs.all()) or [None]
    for run in runs:
        yield cells + [("" if run is None else _value(column, run)) for column in RUN_COLUMNS]


def catalogue_offers(offers) -> Iterator[Offer]:
    """`offers` (a queryset) one by one with everything an export writes, read in chunks with a constant number of
    queries each, so that a whole catalogue is never in memory at once."""
    offers = offers.select_related("provider", "leads_to").prefetch_related(
        "entry_levels", "sectors", "target_groups", "funding_programmes", "languages",
        Prefetch("runs", queryset=Run.objects.order_by(F("start_date").asc(nulls_first=True), "pk")),
    ).order_by("provider_id", "external_id", "pk")  # fmt: skip
    for start in range(0, offers.count(), CHUNK):
        yield from offers[start : start + CHUNK]


def export_rows(offers) -> Iterator[list]:
    """The header and the rows of `offers` (a queryset)."""
    yield [PARTNER_COLUMN, *HEADERS]  # the partner's column keeps a whole-catalogue file out of one partner's import
    with translation.override("de"):  # labels in the template's language, whatever the user's
        for offer in catalogue_offers(offers):
            yield from offer_rows(offer)
