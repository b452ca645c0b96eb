"""SQLite: an FTS5 index of the offers' stemmed text, ranked with bm25, and a trigram FTS5 index of the words
table for close spellings. Both are virtual tables the migration creates on SQLite only; the writes that keep the
PostgreSQL vector write them too (OfferQuerySet.update_search_vectors)."""

from __future__ import annotations

from django.db import connection
from django.db.models import F, FloatField, QuerySet, Value
from django.db.models.expressions import RawSQL

from offers.models.thesaurus import SearchWord
from offers.textsearch.words import CLOSE, stems

OFFER_INDEX = "offers_offer_fts"
WORD_INDEX = "offers_searchword_trigram"
CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {OFFER_INDEX} USING fts5(title, summary, description, provider, "
    "tokenize='unicode61 remove_diacritics 0')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {WORD_INDEX} USING fts5(word, tokenize='trigram')",
]
DROP = [f"DROP TABLE IF EXISTS {OFFER_INDEX}", f"DROP TABLE IF EXISTS {WORD_INDEX}"]
# bm25 weights of title, summary, description and provider: as the PostgreSQL vector's A > B > C.
WEIGHTS = "10.0, 4.0, 1.0, 1.0"
# As on PostgreSQL: every word as typed first, then every word as typed or nearly, then loose matches.
EXACT_BONUS, NEAR_BONUS = 10.0, 1.0
BATCH = 500


def write(offers: QuerySet) -> None:
    """(Re)index the offers: their stemmed text in the offer index, new title and summary words in the words."""
    rows = offers.values_list("pk", "title", "summary", "description", "provider__name")
    batch = []
    for row in rows.iterator(chunk_size=BATCH):
        batch.append(row)
        if len(batch) == BATCH:
            _write_batch(batch)
            batch = []
    _write_batch(batch)


def _write_batch(rows: list[tuple]) -> None:
    if not rows:
        return
    indexed = [(pk, *(" ".join(stems(_words_of(text))) for text in texts)) for pk, *texts in rows]
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {OFFER_INDEX} WHERE rowid = %s", [(row[0],) for row in indexed])
        cursor.executemany(f"INSERT INTO {OFFER_INDEX} (rowid, title, summary, description, provider) "
                           "VALUES (%s, %s, %s, %s, %s)", indexed)  # fmt: skip
    add_words({stem for _, title, summary, *rest in indexed for stem in f"{title} {summary}".split()})


def _words_of(text: str | None) -> str:
    # "Mechatroniker/in" is two words, as in the PostgreSQL vector.
    return (text or "").replace("/", " ")


def add_words(found: set[str]) -> None:
    found = {word for word in found if word.isalpha() and len(word) <= 60}
    known = set(SearchWord.objects.filter(word__in=found).values_list("word", flat=True))
    new = sorted(found - known)
    SearchWord.objects.bulk_create([SearchWord(word=word) for word in new], ignore_conflicts=True)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {WORD_INDEX} (word) VALUES (%s)", [(word,) for word in new])


def words_sharing_trigrams(stem: str, limit: int) -> list[str]:
    """Words of the words table sharing a trigram with `stem`, most shared first (the caller scores them)."""
    grams = sorted({stem[index : index + 3] for index in range(len(stem) - 2)})
    if not grams:
        return []
    match = " OR ".join(f'"{gram}"' for gram in grams)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT word FROM {WORD_INDEX} WHERE {WORD_INDEX} MATCH %s ORDER BY rank LIMIT %s",
            [match, limit],
        )
        return [word for (word,) in cursor.fetchall()]


def match_expression(groups: list[list[tuple[str, ...]]]) -> str:
    """FTS5 syntax: AND over the query's words, OR over each word's alternatives."""
    return " AND ".join("(" + " OR ".join(_phrase(alternative) for alternative in group) + ")" for group in groups)


def _phrase(stems_: tuple[str, ...]) -> str:
    if stems_[0] == CLOSE:
        return f'({{title summary}} : "{stems_[1]}")'
    return "(" + " AND ".join(f'"{stem}"' for stem in stems_) + ")"


def search(offers: QuerySet, expansion) -> QuerySet:
    widened = match_expression(expansion.groups())
    exact = match_expression(expansion.exact_groups())
    near = match_expression(expansion.near_groups())
    table = offers.model._meta.db_table
    matching = RawSQL(f"SELECT rowid FROM {OFFER_INDEX} WHERE {OFFER_INDEX} MATCH %s", [widened])
    # bm25 is negative, better the lower: -bm25 / (1 - bm25) maps it onto [0, 1).
    score = RawSQL(
        f"SELECT -bm25({OFFER_INDEX}, {WEIGHTS}) / (1 - bm25({OFFER_INDEX}, {WEIGHTS})) FROM {OFFER_INDEX} "
        f'WHERE {OFFER_INDEX} MATCH %s AND rowid = "{table}"."id"',
        [widened],
        output_field=FloatField(),
    )
    matches = f'EXISTS (SELECT 1 FROM {OFFER_INDEX} WHERE {OFFER_INDEX} MATCH %s AND rowid = "{table}"."id")'
    bonus = RawSQL(
        f"SELECT CASE WHEN {matches} THEN {EXACT_BONUS} WHEN {matches} THEN {NEAR_BONUS} ELSE 0.0 END",
        [exact, near],
        output_field=FloatField(),
    )
    return (
        offers.filter(pk__in=matching)
        .annotate(text_score=score, exact_bonus=bonus)
        .annotate(rank=F("text_score") + F("exact_bonus"), headline=Value(""))
    )
