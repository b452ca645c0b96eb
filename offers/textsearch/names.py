"""The stems of place and provider names, which a query word must never be widened to (NameWord).

Kept when the names change: a postcode import stems every town once; saving a postcode or a partner adds the stems
of its one name. A search then asks only about the stems it considers, so its work does not grow with the number
of towns and partners.
"""

from __future__ import annotations

from collections.abc import Iterable

from offers.models.thesaurus import NameWord
from offers.textsearch.words import stems

PLACE, PROVIDER = NameWord.Kind.PLACE, NameWord.Kind.PROVIDER
MAX_LENGTH = NameWord._meta.get_field("word").max_length


def remember(kind: str, names: Iterable[str]) -> None:
    """Adds the stems of `names` (town or partner names) of this kind."""
    words = {stem for name in names for stem in stems(name) if len(stem) <= MAX_LENGTH}
    rows = [NameWord(word=word, kind=kind) for word in sorted(words)]
    NameWord.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)


def among(words: Iterable[str], kinds: Iterable[str] = (PLACE, PROVIDER)) -> set[str]:
    """Those of `words` that are a stem of a name of these kinds: one indexed lookup of just these words."""
    words = set(words)
    if not words:
        return set()
    found = NameWord.objects.filter(word__in=words, kind__in=list(kinds))
    return set(found.values_list("word", flat=True))
