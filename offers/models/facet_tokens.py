"""Facet tokens: every filterable value of an offer as one word of a `tsvector` column (PostgreSQL).

A search combines filters freely ("Fachkraft, Sprachkurs, more than 5,000 €"). With one B-tree per column and a
link table per vocabulary, a rare combination of common values makes PostgreSQL visit every row of the most
selective single value to find the few that match them all: work that grows with the catalogue. With all values of
an offer in one indexed `tsvector`, any combination is one `tsquery` ("(s12 | s14) & l3 & kspr…"), answered by
intersecting the GIN index's lists of offer ids; the planner estimates it from the column's statistics, so it
still walks the sort index when the filters keep most offers.

The tokens are a copy, kept by OfferQuerySet.refresh_facet_tokens() (called from refresh_dates, which every save of
an offer or a run, every import and the daily date refresh run, and on every change of an offer's links). Filters
on the links and on the values of the offer row (kind, price, the next step, AZAV) are the tokens alone: a plain
condition beside them would be redundant, and the planner, taking the two for independent, would expect a hundredth
of the rows and choose its plan for that. A filter on the runs keeps its EXISTS over the current runs, so a token
left over from a run that has ended since the last refresh admits nothing it should not. On SQLite the column stays
empty and the filters are the plain conditions.
"""

from __future__ import annotations

import datetime
import re

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q

from offers.models.run import Run

# Token prefix of each filter: a letter or two, then the value (an id, or a choice with only [a-z0-9] kept).
LINKS = {"entry_levels": "l", "sectors": "s", "funding_programmes": "f", "target_groups": "t", "languages": "g"}
KIND, NEXT, PRICE, AZAV = "k", "n", "p", "azav"
RUNS = {"learning_form": "rl", "schedule": "rs", "duration_band": "rd"}
# The week of the next start, counted from a Monday: no filter of its own, but the start-date window of a text
# search (offers.search.soonest) is then intersected with the text inside one GIN index. With the start dates in a
# B-tree PostgreSQL either built a bitmap of a fifth of the catalogue for it (28 ms at 1,000,000 offers) or, where it
# underestimated the text's matches, read all of them from the table (26,000 pages, 82 ms).
START_WEEK = "w"
WEEK_ONE = datetime.date(2000, 1, 3)
# The hundredth of the sample range (Offer.sample) an offer is in: with the text in one GIN index, a text search's
# sampled count reads only the sampled matches (offers.search.estimates.sampled) instead of all of them.
SAMPLE_BUCKET = "x"
BUCKETS = 100
# And the thousandth, for the part of a hundredth a sample ends in: a text search's first sample at a million offers
# holds the numbers below 24, and through the hundredths alone read four times its rows from the table.
FINE_BUCKET = "y"
FINE_BUCKETS = 1000
# Offer.sample is drawn below this (here, not in the offer's module, which imports this one).
SAMPLE_RANGE = 10_000


def token(prefix: str, value) -> str:
    return prefix + re.sub(r"[^a-z0-9]", "", str(value).lower())


def in_use() -> bool:
    return connection.vendor == "postgresql"


def any_of(prefix: str, values) -> Q:
    """Offers with a token of one of `values` under `prefix` (OR within one filter); matches nothing without
    values."""
    return _any_token(sorted({token(prefix, value) for value in values}))


def _any_token(tokens: list[str]) -> Q:
    if not tokens:
        return Q(pk__in=[])
    query = " | ".join(tokens)
    return Q(facet_tokens=SearchQuery(query, config="simple", search_type="raw"))


def week_of(day: datetime.date) -> int:
    return (day - WEEK_ONE).days // 7


def starting_between(first: datetime.date, last: datetime.date) -> Q:
    """Offers whose next start falls in a week from `first`'s to `last`'s (the weeks around the two dates whole)."""
    return any_of(START_WEEK, range(week_of(first), week_of(last) + 1))


def in_sample_below(bound: int) -> Q:
    """Offers in the sample buckets that hold the sample numbers below `bound`: the whole hundredths below it, then
    the thousandths up to it (the last one possibly in part)."""
    coarse, fine = SAMPLE_RANGE // BUCKETS, SAMPLE_RANGE // FINE_BUCKETS
    whole = bound // coarse
    rest = range(whole * coarse // fine, -(-bound // fine))
    return _any_token([token(SAMPLE_BUCKET, n) for n in range(whole)] + [token(FINE_BUCKET, n) for n in rest])


def refresh(offers, today) -> None:
    """Writes the tokens of `offers` (a queryset) in one UPDATE; runs count that have not ended by `today`."""
    if not in_use():
        return
    ids_sql, ids_params = offers.order_by().values("pk").query.sql_with_params()
    sql = f"""
        UPDATE offers_offer o SET facet_tokens = array_to_tsvector(ARRAY(
            SELECT DISTINCT t FROM ({_token_rows(offers.model)}) tokens(t) WHERE t IS NOT NULL AND t <> ''
        ))
        WHERE o.id IN ({ids_sql})
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [today, today, today, today, today, today, *ids_params])


def _token_rows(offer_model) -> str:
    """The token of every filterable value of the offer `o`, one row each. The model is passed in: this module is
    imported by the offer's own (its filters)."""

    def clean(column: str) -> str:
        return f"regexp_replace(lower({column}), '[^a-z0-9]', '', 'g')"

    rows = [
        f"SELECT '{KIND}' || {clean('o.kind')}",
        f"SELECT '{NEXT}' || o.leads_to_id WHERE o.leads_to_id IS NOT NULL",
        f"SELECT '{PRICE}' || {_price_band_sql()} WHERE o.price IS NOT NULL",
        f"SELECT '{AZAV}' WHERE o.azav",
        f"SELECT '{START_WEEK}' || ((o.next_start - DATE '{WEEK_ONE.isoformat()}') / 7) WHERE o.next_start IS NOT NULL",
        f"SELECT '{SAMPLE_BUCKET}' || (o.sample / {SAMPLE_RANGE // BUCKETS})",
        f"SELECT '{FINE_BUCKET}' || (o.sample / {SAMPLE_RANGE // FINE_BUCKETS})",
    ]
    for field, prefix in LINKS.items():
        relation = offer_model._meta.get_field(field)
        through = relation.remote_field.through._meta
        target = through.get_field(relation.m2m_reverse_field_name()).column
        rows.append(f"SELECT '{prefix}' || x.{target} FROM {through.db_table} x WHERE x.offer_id = o.id")
    cancelled = Run.Status.CANCELLED.value
    not_over = "(r.rolling_start OR r.end_date >= %s OR (r.end_date IS NULL AND r.start_date >= %s))"
    for field, prefix in RUNS.items():
        rows.append(
            f"SELECT '{prefix}' || {clean('r.' + field)} FROM {Run._meta.db_table} r "
            f"WHERE r.offer_id = o.id AND r.status <> '{cancelled}' AND {not_over} AND r.{field} IS NOT NULL"
        )
    return " UNION ALL ".join(rows)


def _price_band_sql() -> str:
    """The price band's value as offers.models.offer.PRICE_BANDS defines it, with only [a-z0-9] kept."""
    return (
        "CASE WHEN o.price = 0 THEN 'kostenlos' WHEN o.price <= 1000 THEN 'bis1000' "
        "WHEN o.price <= 5000 THEN 'bis5000' ELSE 'mehr' END"
    )
