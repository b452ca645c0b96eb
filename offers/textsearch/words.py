"""Words of a text as the search compares them: lower case, German stop words left out, German Snowball stems.

The stemmer is the algorithm PostgreSQL's `german` configuration uses, so a stem computed here for a query matches
the lexemes PostgreSQL stores in the search vector, and the SQLite index is written with the very same stems.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import snowballstemmer

# PostgreSQL's list (tsearch_data/german.stop), so both backends drop the same words.
STOP_WORDS_FILE = Path(__file__).resolve().parent / "german.stop"
WORD = re.compile(r"[^\W_]+")
# Folds feminine job titles onto the masculine form ("Mechatronikerin" → "Mechatroniker"); the German Snowball
# stemmer keeps them apart, and titles are usually written "Mechatroniker/in".
FEMININE = re.compile(r"(?<=\w{3})(er|ist|ant|ent|irt|eur)in(nen)?\b", flags=re.IGNORECASE)
# Shortest word part a compound is split into: shorter parts ("grund" of "existenzgrund", "bau") match too
# much by accident.
MIN_PART = 6
MIN_REST = 3
# Marks a close spelling's alternative (CLOSE, stem): it may match titles and summaries only, where the words table
# has it from (a description or a provider's name that merely looks alike must not make an offer match).
CLOSE = "~"


@cache
def stop_words() -> frozenset[str]:
    return frozenset(STOP_WORDS_FILE.read_text(encoding="utf-8").split())


@cache
def _stemmer():
    return snowballstemmer.stemmer("german")


def fold_gender(text: str) -> str:
    return FEMININE.sub(lambda match: match.group(1), text)


def words(text: str) -> list[str]:
    """The words of `text` in lower case, without stop words and digits-only tokens."""
    found = WORD.findall((text or "").lower())
    return [word for word in found if word not in stop_words() and not word.isdigit()]


def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


def stems(text: str) -> list[str]:
    """The stems of `text` in order, repeated as often as they occur (the SQLite index ranks by frequency)."""
    return [stem(word) for word in words(text)]


def query_stems(word: str) -> list[str]:
    """The stems a query word stands for: its own and that of its masculine form."""
    found = [stem(word), stem(fold_gender(word))]
    return list(dict.fromkeys(found))


def parts(word_stem: str) -> list[str]:
    """The heads and tails of a stem at least MIN_PART long that leave MIN_REST letters or more: the candidates
    for the words a compound is made of ("anerkennungsbescheid" → "anerkenn", "bescheid"; not "erkenn" of
    "anerkenn", which leaves only "an")."""
    length = len(word_stem)
    heads = {word_stem[:end] for end in range(MIN_PART, length - MIN_REST + 1)}
    tails = {word_stem[start:] for start in range(MIN_REST, length - MIN_PART + 1)}
    return sorted(heads | tails)
