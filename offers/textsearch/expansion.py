"""What a query's words are widened to before matching: the thesaurus's synonyms and broader terms, compounds
that contain a word or the words a compound is made of, and, for a word that occurs nowhere, close spellings.

Only words of titles and summaries (SearchWord) are candidates, and never one that is (part of) a place or
provider name: a search for "Schweißen" must not find courses because they take place in Schwerin.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Q

from offers.models.catalogue import CatalogueVersion
from offers.models.thesaurus import SearchWord, ThesaurusEntry
from offers.textsearch import names, sqlite
from offers.textsearch.words import CLOSE, MIN_PART, parts, query_stems, stems, words

MAX_WORDS = 12
# How many compounds or close spellings one word may widen to: enough for a catalogue's variants of a word.
MAX_WIDENED = 30
# Shortest query stem looked for inside longer words ("pfleg" finds "altenpfleg"; "bau" would find everything).
MIN_INSIDE = 4
# pg_trgm's word similarity, computed the same way on both backends.
MIN_SIMILARITY = 0.5
CLOSE_CANDIDATES = 200
CANDIDATE_SIMILARITY = 0.4
# A part of a typed word at least this share of its length is a near match ("industriemechan" of the misspelt
# "industriemechanikr"); a shorter one ("industri") only a loose one.
NEAR_SHARE = 0.75
EXPANSION_SECONDS = 3600


@dataclass
class Term:
    """One typed word and what it stands for, each alternative a tuple of stems that must all occur: `exact` (the
    word itself), `near` (thesaurus, compounds containing it, close spellings, parts nearly as long as it) and
    `loose` (shorter parts of it). Each rank above the next."""

    typed: str
    exact: list[tuple[str, ...]]
    near: list[tuple[str, ...]] = field(default_factory=list)
    loose: list[tuple[str, ...]] = field(default_factory=list)

    def alternatives(self) -> list[tuple[str, ...]]:
        return list(dict.fromkeys([*self.exact, *self.near, *self.loose]))

    def near_alternatives(self) -> list[tuple[str, ...]]:
        return list(dict.fromkeys([*self.exact, *self.near]))


@dataclass
class Expansion:
    terms: list[Term]
    # The thesaurus's terms looked for as well, for "auch gesucht: …".
    also_searched: list[str] = field(default_factory=list)

    def exact_groups(self) -> list[list[tuple[str, ...]]]:
        return [term.exact for term in self.terms]

    def near_groups(self) -> list[list[tuple[str, ...]]]:
        return [term.near_alternatives() for term in self.terms]

    def groups(self) -> list[list[tuple[str, ...]]]:
        return [term.alternatives() for term in self.terms]


def expand(q: str) -> Expansion:
    """The widened query, cached per catalogue version: one search counts its facets with it several times."""
    q = " ".join(q.split())[:200]
    version = CatalogueVersion.current()
    key = f"search-expansion:{version}:{hashlib.sha256(q.encode()).hexdigest()[:32]}"
    expansion = cache.get(key)
    if expansion is None:
        expansion = Expansion([])
        for word in words(q)[:MAX_WORDS]:
            _add_term(expansion, word)
        cache.set(key, expansion, EXPANSION_SECONDS)
    return expansion


def _add_term(expansion: Expansion, word: str) -> None:
    term = Term(typed=word, exact=[(stem,) for stem in query_stems(word)])
    typed = [stem for (stem,) in term.exact]
    for text, alternative in _thesaurus(typed):
        term.near.append(alternative)
        expansion.also_searched.append(text)
    bases = [alternative[0] for alternative in term.alternatives() if len(alternative) == 1]
    shortest_near = NEAR_SHARE * max(len(stem) for stem in typed)
    widened, close = _widened(bases, typed)
    for stem in widened:
        if close:
            term.near.append((CLOSE, stem))
        else:
            (term.near if len(stem) >= shortest_near else term.loose).append((stem,))
    expansion.terms.append(term)


def _thesaurus(query_stems_: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """(text, its stems) of every synonym and broader term of the entries for these stems."""
    found = []
    for entry in ThesaurusEntry.objects.filter(key__in=query_stems_):
        found += [(text, tuple(stems(text))) for text in entry.alternatives() if stems(text)]
    return found


def _widened(bases: list[str], typed: list[str]) -> tuple[list[str], bool]:
    """Compounds containing a base and words a typed stem is made of, never a place name; for a typed stem that
    occurs nowhere and has neither, close spellings, never of a place or provider name (and whether they are)."""
    candidates = {part for stem in typed for part in parts(stem)}
    known = set(SearchWord.objects.filter(word__in=candidates | set(typed)).values_list("word", flat=True))
    found = _containing(bases) + sorted(known - set(typed), key=len, reverse=True)[:MAX_WIDENED]
    if not known & set(typed) and not found:
        close = list(dict.fromkeys(_close(typed)))
        taken = names.among(close)
        return [stem for stem in close if stem not in taken], True
    places = names.among(found, kinds=[names.PLACE])
    return [stem for stem in dict.fromkeys(found) if stem not in bases and stem not in places], False


def _containing(bases: list[str]) -> list[str]:
    found = []
    for base in bases:
        if len(base) >= MIN_INSIDE:
            inside = SearchWord.objects.filter(word__contains=base).exclude(word=base)
            found += inside.order_by("word").values_list("word", flat=True)[:MAX_WIDENED]
    return found


def _close(typed: list[str]) -> list[str]:
    found = []
    for stem in typed:
        scored = [(closeness(stem, word), word) for word in _close_candidates(stem)]
        found += [word for score, word in sorted(scored, reverse=True) if score >= MIN_SIMILARITY][:MAX_WIDENED]
    return found


def _close_candidates(stem: str) -> list[str]:
    if connection.vendor != "postgresql":
        return sqlite.words_sharing_trigrams(stem, CLOSE_CANDIDATES)
    alike = Q(word__trigram_similar=stem) | Q(word__trigram_word_similar=stem)
    with transaction.atomic(), connection.cursor() as cursor:
        # The trigram operators' thresholds (defaults 0.3 and 0.6) for this query only; the GIN index serves both.
        cursor.execute(f"SET LOCAL pg_trgm.word_similarity_threshold = {CANDIDATE_SIMILARITY}")
        found = list(SearchWord.objects.filter(alike).values_list("word", flat=True)[:CLOSE_CANDIDATES])
        cursor.execute("SET LOCAL pg_trgm.word_similarity_threshold = DEFAULT")
    return found


def trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[index : index + 3] for index in range(len(padded) - 2)}


def similarity(one: str, other: str) -> float:
    """pg_trgm's similarity of two single words: shared trigrams over all trigrams of both."""
    first, second = trigrams(one), trigrams(other)
    return len(first & second) / len(first | second)


def closeness(stem: str, word: str) -> float:
    """How alike `stem` is to `word` or to the head or tail of it ("buchalt" to "finanzbuchhalt")."""
    pieces = [word] + [word[start:] for start in range(1, len(word) - MIN_PART + 1)]
    pieces += [word[:end] for end in range(MIN_PART, len(word))]
    return max(similarity(stem, piece) for piece in pieces)
