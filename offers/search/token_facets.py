"""PostgreSQL: the link and run facets counted from the facet tokens (offers.models.facet_tokens).

Counting a link facet by joining its link table to the counted rows costs an index lookup per row and facet (five
link tables and the runs: 50–100 ms for 2,000 sampled offers); every offer row already carries those values as
tokens. So the rows' tokens are unnested once, each split into its prefix and value, and one grouped pass counts
every such facet over the rows that pass all set filters but that facet's own. A run facet counts an offer's runs that
had not ended when its tokens were last written (the daily date refresh rewrites them), where the filter itself asks
the runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from offers.models import Run, facet_tokens
from offers.search.facet_kinds import LINK_FACETS, RUN_FACETS

# Only the runs' prefixes begin with r, and they have two letters; every other prefix is one letter. (Plain string
# functions: a regular expression per token cost 75 ms for the 70,000 tokens of 5,000 offers.)
TOKEN_PARTS = """
    tokens AS MATERIALIZED (
        SELECT {flags}CASE WHEN left(t, 1) = 'r' THEN left(t, 2) ELSE left(t, 1) END AS tp,
               CASE WHEN left(t, 1) = 'r' THEN substr(t, 3) ELSE substr(t, 2) END AS tv
        FROM base b, unnest(tsvector_to_array(b.facet_tokens)) AS t
        WHERE left(t, 1) IN ({initials})
    )"""


@cache
def prefixes() -> dict[str, str]:
    """Facet → its tokens' prefix, for the link and run facets."""
    links = {name: facet_tokens.LINKS[field] for name, field in LINK_FACETS.items()}
    return links | {name: facet_tokens.RUNS[field] for name, field in RUN_FACETS.items()}


def counted_here(shown: list[str]) -> list[str]:
    """The shown facets this module counts (on PostgreSQL; SQLite joins the links)."""
    return [name for name in shown if name in prefixes()] if facet_tokens.in_use() else []


def tokens_part(flag_columns: list[str]) -> str:
    """The common table expression `tokens`: one row per token of each base row, with the row's filter flags."""
    initials = ", ".join(sorted({f"'{prefix[0]}'" for prefix in prefixes().values()}))
    return TOKEN_PARTS.format(flags="".join(f"b.{column}, " for column in flag_columns), initials=initials)


def count_select(names: list[str], passing: Callable[[str], str]) -> str:
    """One grouped SELECT of (facet, value, offers) for these facets; `passing(name)` is the condition on a row
    passing every set filter but that facet's own."""
    prefix = prefixes()
    chosen = ", ".join(f"'{prefix[name]}'" for name in names)
    facet = " ".join(f"WHEN '{prefix[name]}' THEN '{name}'" for name in names)
    condition = " ".join(f"WHEN '{prefix[name]}' THEN {passing(name)}" for name in names)
    return (
        f"SELECT CASE b.tp {facet} END, b.tv, COUNT(*) FROM tokens b "
        f"WHERE b.tp IN ({chosen}) AND CASE b.tp {condition} END GROUP BY b.tp, b.tv"
    )


def value_of(name: str, token_value: str) -> str:
    """A link facet's token value is the vocabulary id; a run facet's is the choice with only [a-z0-9] kept."""
    if name not in RUN_FACETS:
        return token_value
    return _run_values(RUN_FACETS[name]).get(token_value, token_value)


@cache
def _run_values(field: str) -> dict[str, str]:
    choices = Run._meta.get_field(field).choices
    return {re.sub(r"[^a-z0-9]", "", value.lower()): value for value, _label in choices}
