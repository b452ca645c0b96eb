"""The soonest-starting offers of a large result, which a text search ranks (and a large one sorts by title or
newest): read through a start-date window rather than by walking the start-date index.

Walking the start-date index and testing each offer finds the first RANKED_RESULTS matches of a search that keeps
one offer in forty only after reading 80,000 offers (200 ms at a million). Most of the soonest matches start before
some date, though: the matches starting up to that date are a few thousand offers, sorted in memory. On PostgreSQL
the window is the tokens of its start weeks (offers.models.facet_tokens), which the text's GIN index intersects with
the text itself, so only the offers in the window are read from the table. The date is where, judged by the
catalogue's start dates, about WINDOW_MARGIN times the needed share of the result begins. Should the window hold
fewer than RANKED_RESULTS matches after all (the estimate was high, or the result starts late), the walk reads
them instead, so the result is always exactly the soonest ones.
"""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.db import connection
from django.db.models import DateField, ExpressionWrapper, F, Value
from django.utils import timezone

from offers.models import Offer, facet_tokens
from offers.search.estimates import fraction_for, planned_size, sampled

# The window is this many times as wide as the share of the result that the estimate says is needed.
WINDOW_MARGIN = 2
# A result holding more than this share of the catalogue is walked: the walk finds its soonest offers after reading
# a few times as many, while the window around them would hold a large part of the catalogue.
WALKED_ABOVE = 0.1
QUANTILES = 100
# A window over more weeks than this (start dates years apart) is left to the start-date index alone.
MAX_WINDOW_WEEKS = 160
QUANTILES_SECONDS = 24 * 3600


def soonest_ids(offers, limit: int, expected: int = 0):
    """The ids of the `limit` soonest-starting offers of `offers` (ties by id); `expected` is the estimated
    size of the result. A list where a window found them all, else the walk as a subquery."""
    by_start = offers.order_by(F("next_start").asc(nulls_last=True), "pk").values("pk")
    cutoff = window_end(limit, expected) if expected > limit else None
    if cutoff is None:
        return by_start[:limit]
    # Sorting on an expression, not on the column, keeps the planner from walking the start-date index up to the
    # cutoff (the walk this module avoids); it reads the window through the text's index instead (in_window).
    window = in_window(offers, cutoff).order_by(_start(), "pk").values_list("pk", flat=True)
    ids = list(window[:limit])
    return ids if len(ids) == limit else by_start[:limit]


def in_window(offers, cutoff: datetime.date):
    """The offers of `offers` starting by `cutoff`; on PostgreSQL also through the tokens of their start weeks from
    the earliest start of any offer on, which the text's GIN index intersects with the text (facet_tokens)."""
    earliest = earliest_start()
    if not facet_tokens.in_use() or (cutoff - earliest).days > MAX_WINDOW_WEEKS * 7:
        return offers.filter(next_start__lte=cutoff)
    # The exact date on the expression: on the column PostgreSQL would still add the start-date index's bitmap.
    weeks = facet_tokens.starting_between(earliest, cutoff)
    return offers.filter(weeks).alias(start=_start()).filter(start__lte=cutoff)


def _start():
    return ExpressionWrapper(F("next_start") + Value(0), output_field=DateField())


def earliest_start() -> datetime.date:
    """No offer starts before this date: the earliest next start of all offers, or today if that is later (an offer
    saved today starts today at the earliest); cached for the day."""
    today = timezone.localdate()
    key = f"offers:earliest-start:{today}"
    earliest = cache.get(key)
    if earliest is None:
        starts = Offer.objects.exclude(next_start=None).order_by("next_start").values_list("next_start", flat=True)
        earliest = min([*starts[:1], today])
        cache.set(key, earliest, QUANTILES_SECONDS)
    return earliest


def window_end(limit: int, expected: int) -> datetime.date | None:
    """The start date up to which about WINDOW_MARGIN * `limit` of `expected` results begin, judged by the listed
    offers' start dates; None where the walk is the better plan (a result of a large share of the catalogue, or a
    backend without an estimate of its size)."""
    if connection.vendor != "postgresql":
        return None
    listed, quantiles = start_quantiles()
    share = WINDOW_MARGIN * limit / expected
    if not quantiles or share >= 1 or expected > WALKED_ABOVE * listed:
        return None
    return quantiles[min(int(share * QUANTILES), QUANTILES - 1)]


def start_quantiles() -> tuple[int, list[datetime.date]]:
    """The number of listed offers and the start dates at every hundredth of them, from a sample; cached for the
    day (a day's edits hardly move them, and a window that turns out too narrow only costs the walk)."""
    today = timezone.localdate()
    key = f"offers:start-quantiles:{today}"
    known = cache.get(key)
    if known is None:
        listed = Offer.objects.listed(today)
        size = planned_size(listed)
        starts = sampled(listed, fraction_for(size)).exclude(next_start=None).order_by("next_start")
        known = (size, quantiles(list(starts.values_list("next_start", flat=True))))
        cache.set(key, known, QUANTILES_SECONDS)
    return known


def quantiles(dates: list[datetime.date]) -> list[datetime.date]:
    """QUANTILES dates of the sorted `dates`: the one at each hundredth, the last for the last hundredth."""
    if not dates:
        return []
    return [dates[min(len(dates) * (i + 1) // QUANTILES, len(dates) - 1)] for i in range(QUANTILES)]
