"""Sampling for the counts of very large results.

Counting a million offers exactly on every search is the work the facet counts avoid: past SEARCH_SAMPLE_ABOVE
offers they are counted on a uniform sample (Offer.sample, an indexed random number below SAMPLE_RANGE) and scaled
up. The size of a search is taken from the planner on PostgreSQL, which costs no scan.
"""

from __future__ import annotations

import json
import math
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.models import ExpressionWrapper, F, IntegerField, Value

from offers.models import SAMPLE_RANGE, facet_tokens

# The planner's scans but the bitmap scan, in one statement, for the transaction only (set_config's third argument,
# like SET LOCAL).
SCANS = "SELECT " + ", ".join(
    f"set_config('enable_{scan}', %s, true)" for scan in ("seqscan", "indexscan", "indexonlyscan")
)


def planned_size(queryset) -> int:
    """How many offers `queryset` holds: the planner's estimate on PostgreSQL, counted on SQLite."""
    if connection.vendor != "postgresql":
        return queryset.count()
    sql, params = queryset.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


def narrow_count(offers, *, near_place: bool) -> int:
    """The exact size of a search whose sample found only a few of its offers. PostgreSQL takes the facet tokens of
    its filters for independent conditions: expecting tens of thousands of offers where there are a few, it walks a
    covering index through the whole catalogue, or hashes every current run, instead of asking the tokens' GIN index
    for the few. At 1,000,000 offers "akademisch" with "führt zu: Aufstieg" 237 → 14 ms, with a start date as well
    887 → 15 ms; the counts of 289 narrow filter searches 6.1 → 3.5 s in all (4 of them 4–6 ms slower). Near a
    place the runs' covering index is the better way (54 → 134 ms without it), so there the planner chooses."""
    if near_place:
        return offers.count()
    with bitmap_scans_only(offers.db):
        return offers.count()


@contextmanager
def bitmap_scans_only(alias: str):
    """For the statements inside, PostgreSQL reads its tables through bitmaps of their indexes (sequential, index and
    index-only scans off); on other databases nothing changes."""
    database = connections[alias]
    if database.vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=alias), database.cursor() as cursor:
        cursor.execute(SCANS, ["off"] * 3)
        yield
        # Back for the statements after it, where the block runs inside a longer transaction.
        cursor.execute(SCANS, ["on"] * 3)


def fraction_for(size: float) -> float:
    """The share of the offers to count (a multiple of 1 / SAMPLE_RANGE) for a base of about `size` offers."""
    if size <= settings.SEARCH_SAMPLE_ABOVE:
        return 1.0
    return max(1, math.ceil(SAMPLE_RANGE * settings.SEARCH_SAMPLE_SIZE / size)) / SAMPLE_RANGE


def sampled(queryset, fraction: float, *, text: bool = False):
    """The offers of `queryset` in a sample of `fraction` of the catalogue. With a `text` (on PostgreSQL) also through
    the tokens of their sample buckets, which the text's GIN index intersects with the text, so that only the sampled
    matches are read; without one the bound alone, which the sample's covering index answers from the index."""
    if fraction >= 1:
        return queryset
    bound = round(fraction * SAMPLE_RANGE)
    if not (text and facet_tokens.in_use()):
        return queryset.filter(sample__lt=bound)
    # The exact bound on an expression: on the column PostgreSQL would add a bitmap of the sample index as well, all
    # offers below the bound (44,000 rows and 8 ms for a text with a fifth of them sampled, at a million offers).
    number = ExpressionWrapper(F("sample") + Value(0), output_field=IntegerField())
    sampled_buckets = queryset.filter(facet_tokens.in_sample_below(bound))
    return sampled_buckets.alias(sample_number=number).filter(sample_number__lt=bound)


def estimate(counted: int, fraction: float) -> int:
    """A count on a sample of `fraction` of the offers, scaled up and rounded to two significant digits (exact
    when nothing was sampled)."""
    if fraction >= 1 or not counted:
        return counted
    scaled = round(counted / fraction)
    return round(scaled, -max(len(str(scaled)) - 2, 0))
