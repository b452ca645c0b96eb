"""Full-text search of the catalogue, backend-aware: German stemming, compounds, typos and the thesaurus on both
backends (offers.textsearch), web-search syntax, ranking and highlighted snippets on PostgreSQL.
OfferQuerySet.search applies it; OfferQuerySet.update_search_vectors stores the vectors it searches."""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, QuerySet, TextField, Value
from django.db.models.functions import Coalesce, Concat, Replace

from offers.textsearch import MARK_START, MARK_STOP, matching

# Quotes, a leading minus or "or": PostgreSQL's web-search syntax, left to its parser.
SEARCH_SYNTAX = re.compile(r"[\"]|(^|\s)-\w|\bor\b", flags=re.IGNORECASE)
SEARCH_CONFIG = "german"
# Folds feminine job titles onto the stem of the masculine form ("Mechatronikerin" → "Mechatroniker"); the
# German Snowball stemmer keeps them apart, and titles are usually written "Mechatroniker/in".
FEMININE = re.compile(r"(?<=\w{3})(er|ist|ant|ent|irt|eur)in(nen)?\b", flags=re.IGNORECASE)


def fold_gender(text: str) -> str:
    return FEMININE.sub(lambda match: match.group(1), text)


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _searchable(field: str):
    """Splits "Mechatroniker/in" into words before the text reaches the German parser."""
    text = Coalesce(F(field), Value(""), output_field=TextField())
    return Replace(text, Value("/"), Value(" "), output_field=TextField())


def search_vector(provider_name):
    """The stored vector of an offer: title > summary > description and its provider's name."""
    return (
        SearchVector(_searchable("title"), weight="A", config=SEARCH_CONFIG)
        + SearchVector(_searchable("summary"), weight="B", config=SEARCH_CONFIG)
        + SearchVector(_searchable("description"), weight="C", config=SEARCH_CONFIG)
        + SearchVector(Coalesce(provider_name, Value("")), weight="C", config=SEARCH_CONFIG)
    )


def text_search(offers: QuerySet, q: str) -> QuerySet:
    """The offers matching `q`, annotated with `rank` and a highlighted snippet (`headline`).

    Plain words go to offers.textsearch (compounds, typos, thesaurus, both backends); web-search syntax (quotes,
    a minus, "or") to PostgreSQL's own parser.
    """
    q = " ".join((q or "").split())[:200]
    if not q:
        return offers
    if is_postgres() and SEARCH_SYNTAX.search(q):
        return _search_postgres(offers, q)
    return matching.search(offers, q)


def _search_postgres(offers: QuerySet, q: str) -> QuerySet:
    query = SearchQuery(q, config=SEARCH_CONFIG, search_type="websearch")
    folded = fold_gender(q)
    if folded != q:
        query |= SearchQuery(folded, config=SEARCH_CONFIG, search_type="websearch")
    return offers.filter(search_vector=query).annotate(
        rank=SearchRank(F("search_vector"), query, cover_density=False),
        headline=SearchHeadline(
            Concat(_searchable("summary"), Value(" … "), _searchable("description"), output_field=TextField()),
            query,
            config=SEARCH_CONFIG,
            start_sel=MARK_START,
            stop_sel=MARK_STOP,
            max_words=30,
            min_words=12,
        ),
    )
