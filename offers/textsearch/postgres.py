"""PostgreSQL: the widened query as a tsquery against the stored search vector, and the words table kept from the
same text (lexemes of titles and summaries, computed by PostgreSQL's own German stemmer)."""

from __future__ import annotations

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, QuerySet, TextField, Value, When
from django.db.models.functions import Concat, Replace

from offers.textsearch import MARK_START, MARK_STOP
from offers.textsearch.expansion import Expansion
from offers.textsearch.words import CLOSE

# Offers matching every typed word as typed rank above all others: their rank gets this on top.
EXACT_BONUS = 10.0
# Offers matching every word as typed or nearly (offers.textsearch.expansion.Term) rank above loose matches.
NEAR_BONUS = 1.0

COLLECT_WORDS = """
    INSERT INTO offers_searchword (word)
    SELECT DISTINCT lexeme FROM offers_offer o,
        unnest(tsvector_to_array(to_tsvector('german',
            replace(coalesce(o.title, '') || ' ' || coalesce(o.summary, ''), '/', ' ')))) AS lexeme
    WHERE o.id IN ({ids}) AND lexeme ~ '^[[:alpha:]]+$' AND length(lexeme) <= 60
    ON CONFLICT DO NOTHING
"""


def collect_words(offers: QuerySet) -> None:
    sql, params = offers.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(COLLECT_WORDS.format(ids=sql), params)


def tsquery(groups: list[list[tuple[str, ...]]]) -> str:
    """AND over the query's words, OR over each word's alternatives, AND inside a several-word alternative."""
    return " & ".join("(" + " | ".join(_phrase(alternative) for alternative in group) + ")" for group in groups)


def _phrase(stems: tuple[str, ...]) -> str:
    if stems[0] == CLOSE:  # title (A) and summary (B) only
        return f"'{stems[1]}':AB"
    return "(" + " & ".join(f"'{stem}'" for stem in stems) + ")"


def _searchable(field: str):
    return Replace(F(field), Value("/"), Value(" "), output_field=TextField())


def search(offers: QuerySet, expansion: Expansion) -> QuerySet:
    exact = SearchQuery(tsquery(expansion.exact_groups()), config="simple", search_type="raw")
    near = SearchQuery(tsquery(expansion.near_groups()), config="simple", search_type="raw")
    widened = SearchQuery(tsquery(expansion.groups()), config="simple", search_type="raw")
    bonus = Case(
        When(search_vector=exact, then=Value(EXACT_BONUS)),
        When(search_vector=near, then=Value(NEAR_BONUS)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    return offers.filter(search_vector=widened).annotate(
        rank=SearchRank(F("search_vector"), widened, cover_density=False) + bonus,
        headline=SearchHeadline(
            Concat(_searchable("summary"), Value(" … "), _searchable("description"), output_field=TextField()),
            widened,
            config="german",
            start_sel=MARK_START,
            stop_sel=MARK_STOP,
            max_words=30,
            min_words=12,
        ),
    )
