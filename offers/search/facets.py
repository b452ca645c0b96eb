"""Facet counts of a search in one SQL statement.

A facet's options are counted over the offers that pass every filter but the facet's own (OR within a facet, AND
across facets). Instead of one query per facet and per set filter, each of which would filter the catalogue again,
the base (the text, place and dates of the search, possibly sampled) is read once: every row carries one flag per
set facet filter, rows failing more than one of them are dropped, and each facet counts the rows whose other flags
hold. Links and current runs are joined to those rows only.
"""

from __future__ import annotations

import datetime

from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper

from offers.models import Offer, Run
from offers.models.offer import (
    azav_q,
    current_run_with,
    free_q,
    in_price_bands_q,
    leads_to_q,
    links_exist,
    of_kind_q,
    price_band,
)
from offers.search import token_facets
from offers.search.facet_kinds import BOOLEAN_FACETS, COLUMN_FACETS, LINK_FACETS, RUN_FACETS


def facet_condition(name: str, value):
    """The condition of one set facet filter on an offer row; OfferQuerySet's filter methods apply the same."""
    if name in LINK_FACETS:
        return links_exist(LINK_FACETS[name], value)
    if name in RUN_FACETS:
        return current_run_with(RUN_FACETS[name], value)
    if name == "next":
        return leads_to_q(value)
    if name == "price":
        return in_price_bands_q(value)
    if name == "kind":
        return of_kind_q(value)
    return azav_q() if name == "azav" else free_q()


def q(name: str) -> str:
    return connection.ops.quote_name(name)


def facet_counts(base, active: dict, shown: list[str], *, today: datetime.date) -> dict[str, dict[str, int]]:
    """{facet: {value: offers}} for the `shown` facets, plus {"": {"": total}} and {"*": {"": offers in base}}.

    `base` is the offer queryset without the facet filters; `active` maps each set facet filter to its condition.
    Link and ladder values come back as ids (as strings), the others as stored.
    """
    if token_facets.counts_everything(active):
        return token_facets.stat_counts(base, shown)
    flags = {name: f"flag_{name}" for name in active}
    by_tokens = token_facets.counted_here(shown)
    parts, params = _base_rows(base, active, shown, flags, with_tokens=bool(by_tokens))
    selects = ["SELECT '*', '', COUNT(*) FROM rows", f"SELECT '', '', COUNT(*) FROM base b WHERE {_passing(flags)}"]
    selects += [_count_select(name, _passing(flags, but=name)) for name in shown if name not in by_tokens]
    if by_tokens:
        selects.append(token_facets.count_select([q(flag) for flag in flags.values()]))
    if any(name in RUN_FACETS and name not in by_tokens for name in shown):
        runs_part, runs_params = _current_runs(today)
        parts.append(runs_part)
        params += runs_params
    with connection.cursor() as cursor:
        cursor.execute("WITH " + ", ".join(parts) + " " + " UNION ALL ".join(selects), params)
        result = cursor.fetchall()
    counts: dict[str, dict[str, int]] = {name: {} for name in shown}
    counts[""], counts["*"] = {"": 0}, {"": 0}
    for name, value, n in result:
        if name == token_facets.TOKENS:
            token_facets.add_counts(counts, by_tokens, list(flags), value, n)
        else:
            counts[name][value] = n
    return counts


def _materialized() -> str:
    return "MATERIALIZED " if connection.vendor == "postgresql" else ""


def _base_rows(base, active: dict, shown: list[str], flags: dict, *, with_tokens: bool) -> tuple[list[str], list]:
    """The common table expressions `rows` (the base with one column per flag) and `base` (the rows that fail at
    most one set filter: a facet's own filter is the one allowed to fail)."""
    columns = {flags[name]: condition for name, condition in active.items()}
    columns |= {f"is_{name}": BOOLEAN_FACETS[name] for name in shown if name in BOOLEAN_FACETS}
    rows = base.annotate(
        price_band=price_band(),
        **{column: ExpressionWrapper(condition, output_field=BooleanField()) for column, condition in columns.items()},
    )
    rows = rows.order_by().values("id", *COLUMN_FACETS.values(), *columns, *(["facet_tokens"] if with_tokens else []))
    sql, params = rows.query.sql_with_params()
    failed = " + ".join(f"CASE WHEN s.{q(flag)} THEN 0 ELSE 1 END" for flag in flags.values())
    keep = f" WHERE {failed} <= 1" if len(flags) > 1 else ""
    parts = [f"rows AS {_materialized()}({sql})", f"base AS {_materialized()}(SELECT * FROM rows s{keep})"]
    return parts, list(params)


def _passing(flags: dict, but: str | None = None) -> str:
    """Rows that pass every set filter but `but`'s."""
    return " AND ".join(f"b.{q(flag)}" for other, flag in flags.items() if other != but) or "1 = 1"


def _count_select(name: str, where: str) -> str:
    """The SELECT counting one facet's options among the rows passing `where`."""
    if name in COLUMN_FACETS:
        column = f"b.{q(COLUMN_FACETS[name])}"
        return (
            f"SELECT '{name}', CAST({column} AS TEXT), COUNT(*) FROM base b "
            f"WHERE {where} AND {column} IS NOT NULL AND CAST({column} AS TEXT) <> '' GROUP BY {column}"
        )
    if name in BOOLEAN_FACETS:
        return f"SELECT '{name}', '1', COUNT(*) FROM base b WHERE {where} AND b.{q('is_' + name)}"
    if name in LINK_FACETS:
        relation = Offer._meta.get_field(LINK_FACETS[name])
        through = relation.remote_field.through._meta
        target = q(through.get_field(relation.m2m_reverse_field_name()).column)
        return (
            f"SELECT '{name}', CAST(l.{target} AS TEXT), COUNT(*) FROM base b "
            f"JOIN {q(through.db_table)} l ON l.{q('offer_id')} = b.{q('id')} WHERE {where} GROUP BY l.{target}"
        )
    # Offers with a current run of each learning form / schedule: the runs are joined once (_current_runs).
    column = q("run_" + name)
    return (
        f"SELECT '{name}', b.{column}, COUNT(DISTINCT b.{q('id')}) FROM base_runs b WHERE {where} GROUP BY b.{column}"
    )


def _current_runs(today: datetime.date) -> tuple[str, list]:
    runs = Run.objects.current(today).values("offer_id", *RUN_FACETS.values()).order_by()
    sql, params = runs.query.sql_with_params()
    columns = ", ".join(f"r.{q(field)} AS {q('run_' + name)}" for name, field in RUN_FACETS.items())
    joined = f"SELECT b.*, {columns} FROM base b JOIN ({sql}) r ON r.{q('offer_id')} = b.{q('id')}"
    part = f"base_runs AS {_materialized()}({joined})"
    return part, list(params)
