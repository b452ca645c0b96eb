"""PostgreSQL: the link and run facets counted from the facet tokens (offers.models.facet_tokens).

Counting a link facet by joining its link table to the counted rows costs an index lookup per row and facet (five
link tables and the runs: 50–100 ms for 2,000 sampled offers); every offer row already carries those values as
tokens. So the rows' tokens are unnested and counted in one grouped pass, by token and by the set filters the rows
pass (count_select); Python then adds each group to its facet where its rows pass every set filter but that facet's
own (add_counts). A run facet counts an offer's runs that had not ended when its tokens were last written (the daily
date refresh rewrites them), where the filter itself asks the runs.

Where no facet filter is set, every facet counts the same rows and every facet's values are tokens: then the whole
count is one ts_stat() over the rows' tokens (stat_counts), no counting statement at all.
"""

from __future__ import annotations

import re
from functools import cache

from django.db import connection

from offers.models import Offer, Run, facet_tokens
from offers.models.offer import PRICE_BANDS
from offers.search.facet_kinds import BOOLEAN_FACETS, LINK_FACETS, RUN_FACETS

# The name of the token rows in the counting statement's result (facets.facet_counts).
TOKENS = "~tokens"
SAMPLE_TOKEN = re.compile(rf"{facet_tokens.SAMPLE_BUCKET}\d+")


@cache
def prefixes() -> dict[str, str]:
    """Facet → its tokens' prefix, for the link and run facets."""
    links = {name: facet_tokens.LINKS[field] for name, field in LINK_FACETS.items()}
    return links | {name: facet_tokens.RUNS[field] for name, field in RUN_FACETS.items()}


def counted_here(shown: list[str]) -> list[str]:
    """The shown facets this module counts (on PostgreSQL; SQLite joins the links)."""
    return [name for name in shown if name in prefixes()] if facet_tokens.in_use() else []


def count_select(flag_columns: list[str]) -> str:
    """One grouped SELECT of (TOKENS, "token|flags", offers): how many base rows carry each token, by the set
    filters they pass ("10": the first passes, the second not; the flag columns of `base`, in order).

    Which facet a token counts for, and whether its rows pass every filter but that facet's own, is decided in
    Python on these few hundred groups (add_counts) rather than per token in SQL: at 100,000 offers a text search's
    2,300 base rows carry 25,000 tokens, and splitting and testing each of them cost 40 of the statement's 60 ms.
    """
    bits = " || ".join(f"CASE WHEN b.{column} THEN '1' ELSE '0' END" for column in flag_columns) or "''"
    grouped = "".join(f", b.{column}" for column in flag_columns)
    return (
        f"SELECT '{TOKENS}', t || '|' || {bits}, COUNT(*) "
        f"FROM base b, unnest(tsvector_to_array(b.facet_tokens)) AS t GROUP BY t{grouped}"
    )


def add_counts(counts: dict, names: list[str], flag_names: list[str], token_flags: str, offers: int) -> None:
    """Adds one row of count_select to counts[facet][value], if its token belongs to one of the facets `names` and
    its rows pass every set filter (`flag_names`, in the order of the flags) but that facet's own."""
    token, flags = token_flags.rsplit("|", 1)
    name = _facet_of(token)
    if name not in names:
        return
    if any(flag == "0" and other != name for other, flag in zip(flag_names, flags, strict=True)):
        return
    value = value_of(name, token[len(prefixes()[name]) :])
    counts[name][value] = counts[name].get(value, 0) + offers


def _facet_of(token: str) -> str | None:
    """The facet of a token: the runs' prefixes begin with r and have two letters, every other prefix one."""
    return _facets_by_prefix().get(token[:2] if token.startswith("r") else token[:1])


@cache
def _facets_by_prefix() -> dict[str, str]:
    return {prefix: name for name, prefix in prefixes().items()}


def value_of(name: str, token_value: str) -> str:
    """A link facet's token value is the vocabulary id; a run facet's is the choice with only [a-z0-9] kept."""
    if name not in RUN_FACETS:
        return token_value
    return _run_values(RUN_FACETS[name]).get(token_value, token_value)


@cache
def _run_values(field: str) -> dict[str, str]:
    choices = Run._meta.get_field(field).choices
    return _by_token_value(value for value, _label in choices)


def counts_everything(active: dict) -> bool:
    """Whether stat_counts() can count a search: on PostgreSQL, where no facet filter is set (every facet then counts
    the same rows, and every facet's values are tokens)."""
    return facet_tokens.in_use() and not active


def stat_counts(base, shown: list[str]) -> dict[str, dict[str, int]]:
    """facets.facet_counts() of a search without facet filters, from one ts_stat() over the base rows' tokens: it
    counts each token's rows in C, where the grouped unnest took twice the time (a text search's 6,400 rows 98 → 50
    ms, a sample of 2,400 of "Pflegefachfrau" 57 → 25 ms, at a million offers). Every offer has one sample bucket
    token, so their rows add up to the total."""
    sql, params = base.order_by().values("facet_tokens").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SELECT word, ndoc FROM ts_stat(%s)", [connection.ops.compose_sql(sql, params)])
        stats = cursor.fetchall()
    total = sum(offers for token, offers in stats if SAMPLE_TOKEN.fullmatch(token))
    # A checkbox's count is there even when nothing has its token, as the counting statement's COUNT(*) is.
    counts: dict[str, dict[str, int]] = {name: {"1": 0} if name in BOOLEAN_FACETS else {} for name in shown}
    counts[""], counts["*"] = {"": total}, {"": total}
    for token, offers in stats:
        for name, value in options_of(token):
            if name in counts:
                counts[name][value] = offers
    return counts


def options_of(token: str) -> list[tuple[str, str]]:
    """The (facet, value) options a token stands for: "pkostenlos" is a price band and the "kostenlos" checkbox."""
    if token == facet_tokens.AZAV:
        return [("azav", "1")]
    prefix, value = token[:1], token[1:]
    if prefix == facet_tokens.KIND:
        return [("kind", _row_values("kind").get(value, value))]
    if prefix == facet_tokens.NEXT:
        return [("next", value)]
    if prefix == facet_tokens.PRICE:
        band = _row_values("price").get(value, value)
        return [("price", band), *([("free", "1")] if band == "kostenlos" else [])]
    name = _facet_of(token)
    return [(name, value_of(name, token[len(prefixes()[name]) :]))] if name else []


@cache
def _row_values(name: str) -> dict[str, str]:
    """The kind or price band as stored, by its token's value (only [a-z0-9] kept)."""
    return _by_token_value(Offer.Kind.values if name == "kind" else PRICE_BANDS)


def _by_token_value(values) -> dict[str, str]:
    """Each stored value by the value its token carries (facet_tokens.token without a prefix)."""
    return {facet_tokens.token("", value): value for value in values}
