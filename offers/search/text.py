"""Full-text search of the catalogue, backend-aware: on PostgreSQL German stemming, web-search syntax, ranking,
highlighted snippets and typo tolerance; on SQLite every word somewhere in the text. OfferQuerySet.search applies
it; OfferQuerySet.update_search_vectors stores the vectors it searches."""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector, TrigramWordSimilarity
from django.db import connection
from django.db.models import F, FloatField, Q, QuerySet, TextField, Value
from django.db.models.functions import Coalesce, Concat, Replace

MAX_SEARCH_WORDS = 12
# Headline markers that cannot occur in text typed by editors; the view escapes the text, then swaps them for <mark>.
MARK_START, MARK_STOP = "\x02", "\x03"
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
    """The offers matching `q`, annotated with `rank` and a highlighted snippet (`headline`)."""
    q = " ".join((q or "").split())[:200]
    if not q:
        return offers
    if is_postgres():
        return _search_postgres(offers, q)
    return _search_plain(offers, q)


def _search_plain(offers: QuerySet, q: str) -> QuerySet:
    for word in re.findall(r"\w[\w\-.]*", fold_gender(q))[:MAX_SEARCH_WORDS]:
        offers = offers.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(description__icontains=word)
            | Q(provider__name__icontains=word)
        )
    return offers.annotate(rank=Value(0.0, output_field=FloatField()), headline=Value(""))


def _search_postgres(offers: QuerySet, q: str) -> QuerySet:
    query = SearchQuery(q, config=SEARCH_CONFIG, search_type="websearch")
    folded = fold_gender(q)
    if folded != q:
        query |= SearchQuery(folded, config=SEARCH_CONFIG, search_type="websearch")
    matches = Q(search_vector=query)
    similarity = Value(0.0, output_field=FloatField())
    if not re.search(r"[\"\-]|\bor\b", q, flags=re.IGNORECASE):
        # Plain words: also accept titles that look alike ("Mechatronikr" finds "Mechatroniker").
        similarity = TrigramWordSimilarity(Value(q), "title")
        matches |= Q(title__trigram_word_similar=q)
    return offers.filter(matches).annotate(
        rank=SearchRank(F("search_vector"), query, cover_density=False) + similarity * Value(0.1),
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
