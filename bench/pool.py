"""The long tail of `make bench`: pools of distinct, realistic public URLs, one pool per kind of visit.

Real visitors make thousands of different searches a day while partners edit, so most requests find nothing
cached; a scenario that repeats one URL measures the cache instead. Each builder below turns the catalogue under
test (bench/catalogue.py) into candidate URLs with the public URL parameters; a pool keeps the first `size`
distinct ones. Pure functions of the catalogue and a seed: the same database gives the same pools.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from itertools import chain, pairwise
from typing import TYPE_CHECKING
from urllib.parse import urlencode

if TYPE_CHECKING:  # the catalogue is read with Django; building the pools needs none
    from bench.catalogue import Catalogue

KINDS = ["text", "typo", "radius", "filters", "deep", "offer", "partner", "pages"]
RADII = (10, 25, 50)
DEEP_FROM, DEEP_TO = 50, 5000
PER_PAGE = 20  # offers per page of the search and of a partner's profile
DIRECTORY_PER_PAGE = 24
# The search's filters that a visitor combines, in the order the search form sends them.
FILTERS = ["level", "next", "sector", "funding", "kind", "target_group", "duration", "price", "language", "free",
           "start_from"]  # fmt: skip
# Values of the filters whose values are fixed bands or codes rather than the catalogue's vocabulary.
BANDS = {"duration": ["bis-1-monat", "bis-6-monate", "laenger"], "price": ["kostenlos", "bis-1000", "bis-5000", "mehr"],
         "language": ["de", "en"]}  # fmt: skip
SORTS = ("newest", "title")
KEYBOARD = "qwertzuiopü asdfghjklöä yxcvbnm"  # German rows: a slip hits a neighbour in the same row
# A random builder that keeps producing URLs already taken has run out of new ones.
PATIENCE = 500


def build_pools(catalogue: Catalogue, size: int, seed: int = 1) -> dict[str, list[str]]:
    return {kind: BUILDERS[kind](catalogue, random.Random(f"{seed}:{kind}"), size) for kind in KINDS}


def distinct(candidates: Iterable[str], size: int) -> list[str]:
    """The first `size` different candidates (fewer if they run out, or stop coming after PATIENCE repeats)."""
    seen: dict[str, None] = {}
    repeats = 0
    for url in candidates:
        if url in seen:
            repeats += 1
            if repeats >= PATIENCE:
                break
            continue
        seen[url] = None
        repeats = 0
        if len(seen) == size:
            break
    return list(seen)


def interleave(lists: list[list[str]]) -> list[str]:
    """One entry of each list in turn (equal parts), until the longest one ends."""
    rounds = max((len(entries) for entries in lists), default=0)
    return [entries[i] for i in range(rounds) for entries in lists if i < len(entries)]


def _shuffled(items: Iterable, rng: random.Random) -> list:
    items = list(items)
    rng.shuffle(items)
    return items


def _search(params) -> str:
    return f"/angebote/?{urlencode(params)}"


def _last_page(count: int, per_page: int = PER_PAGE) -> int:
    return max(1, math.ceil(count / per_page))


# --- text and typos ------------------------------------------------------------------------------------------
def _phrases(catalogue: Catalogue, rng: random.Random) -> Iterator[str]:
    """Single title words, then neighbouring words of a title, then a title word with any other word."""
    yield from _shuffled(catalogue.title_words, rng)
    yield from _shuffled(sorted({f"{a} {b}" for words in catalogue.titles for a, b in pairwise(words)}), rng)
    others = catalogue.title_words + catalogue.summary_words
    while catalogue.title_words:
        yield f"{rng.choice(catalogue.title_words)} {rng.choice(others)}"


def _text(catalogue: Catalogue, rng: random.Random, size: int) -> list[str]:
    return distinct((_search({"q": phrase}) for phrase in _phrases(catalogue, rng)), size)


def typo(word: str, rng: random.Random) -> str:
    """The word with one slip of the finger: a letter dropped, doubled, swapped with the next or replaced by its
    neighbour on the keyboard; never the first letter, which people rarely get wrong."""
    while True:
        i = rng.randrange(1, len(word))
        slip = rng.choice(("drop", "double", "swap", "replace"))
        if slip == "drop":
            changed = word[:i] + word[i + 1 :]
        elif slip == "double":
            changed = word[:i] + word[i] + word[i:]
        elif slip == "swap" and i + 1 < len(word):
            changed = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        else:
            changed = word[:i] + _neighbour(word[i], rng) + word[i + 1 :]
        if changed != word:
            return changed


def _neighbour(letter: str, rng: random.Random) -> str:
    at = KEYBOARD.find(letter.lower())
    near = [KEYBOARD[j] for j in (at - 1, at + 1) if at >= 0 and 0 <= j < len(KEYBOARD) and KEYBOARD[j] != " "]
    return rng.choice(near or ["e"])


def _typos(catalogue: Catalogue, rng: random.Random, size: int) -> list[str]:
    """Each search of the text pool with one slip in its longest word; a slip that makes another real word
    ("Betriebe" → "Betrieb") is no typo."""
    known = {word.lower() for word in catalogue.title_words + catalogue.summary_words}

    def candidates():
        for phrase in _phrases(catalogue, rng):
            words = phrase.split()
            longest = max(range(len(words)), key=lambda i: len(words[i]))
            slipped = typo(words[longest], rng)
            if len(words[longest]) >= 5 and slipped.lower() not in known:
                words[longest] = slipped
                yield _search({"q": " ".join(words)})

    return distinct(candidates(), size)


# --- place, filters, deep pages --------------------------------------------------------------------------------
def _radius(catalogue: Catalogue, rng: random.Random, size: int) -> list[str]:
    """Every postcode and town with each radius, then the same sorted otherwise or on the next page."""
    places = [{"near": place, "radius": km} for place in catalogue.postcodes + catalogue.cities for km in RADII]
    extras = [{"sort": "start"}, {"sort": "title"}, {"page": 2}, {"sort": "newest"}, {"page": 3}]
    tiers = [_shuffled(places, rng)] + [_shuffled([place | extra for place in places], rng) for extra in extras]
    return distinct((_search(params) for params in chain(*tiers)), size)


def _filter_value(name: str, catalogue: Catalogue, rng: random.Random) -> str:
    if name == "free":
        return "1"
    if name == "start_from":
        return (date.today() + timedelta(days=rng.randint(0, 180))).isoformat()
    if name in BANDS:
        return rng.choice(BANDS[name])
    return rng.choice(catalogue.vocabulary[name])


def _filters(catalogue: Catalogue, rng: random.Random, size: int) -> list[str]:
    def candidates():
        while True:
            names = rng.sample(FILTERS, rng.randint(1, 3))
            yield _search([(name, _filter_value(name, catalogue, rng)) for name in FILTERS if name in names])

    return distinct(candidates(), size)


def _deep(catalogue: Catalogue, rng: random.Random, size: int) -> list[str]:
    """Pages DEEP_FROM to DEEP_TO (as deep as they go in a small catalogue) of the broad searches, in any sort."""
    searches = [(query, _last_page(count)) for query, count in catalogue.broad.items() if count > PER_PAGE]

    def candidates():
        while searches:
            query, last = rng.choice(searches)
            page = rng.randint(min(DEEP_FROM, last), min(DEEP_TO, last))
            sort = rng.choice(("", *SORTS))
            yield "/angebote/?" + "&".join(part for part in (query, sort and f"sort={sort}", f"page={page}") if part)

    return distinct(candidates(), size)


# --- offer and partner pages -----------------------------------------------------------------------------------
def _offer(catalogue: Catalogue, rng: random.Random, size: int) -> list[str]:
    """Each sampled offer's page, then the same as reached from a search (the result links carry it back)."""
    plain = [f"/angebote/{slug}/" for slug in catalogue.offers]
    from_search = [
        f"/angebote/{slug}/?{urlencode({'suche': urlencode({'q': rng.choice(catalogue.title_words)})})}"
        for slug in catalogue.offers
        if catalogue.title_words
    ]
    return distinct(chain(plain, from_search), size)


def _partner(catalogue: Catalogue, rng: random.Random, size: int) -> list[str]:
    """The biggest provider's profile first, then every profile and every further page of it, shuffled."""
    profiles = [f"/partner/{slug}/" for slug, _count in catalogue.partners]
    pages = [
        f"/partner/{slug}/?page={page}"
        for slug, count in catalogue.partners
        for page in range(2, _last_page(count) + 1)
    ]
    return distinct(chain(profiles[:1], _shuffled(profiles[1:] + pages, rng)), size)


# --- the other public pages, in equal parts ----------------------------------------------------------------------
def _funding_pages(catalogue: Catalogue, rng: random.Random) -> Iterator[str]:
    while catalogue.programmes:
        slug = rng.choice(catalogue.programmes)
        last = _last_page(catalogue.broad.get(f"funding={slug}", 0))
        options = [("free", "1")] + ([("page", rng.randint(2, last))] if last > 1 else [])
        for name, values in (("level", catalogue.vocabulary["level"]), ("sector", catalogue.vocabulary["sector"]),
                             ("near", catalogue.postcodes), ("q", catalogue.title_words)):  # fmt: skip
            options += [(name, rng.choice(values))] if values else []
        chosen = sorted(rng.sample(options, rng.randint(0, 2)))
        yield f"/foerderung/{slug}/" + (f"?{urlencode(chosen)}" if chosen else "")


def _directory_pages(catalogue: Catalogue, rng: random.Random) -> Iterator[str]:
    last = _last_page(len(catalogue.partners), DIRECTORY_PER_PAGE)
    while True:
        names = sorted(rng.sample(sorted(catalogue.directory), rng.randint(0, 2)))
        params = [(name, rng.choice(catalogue.directory[name])) for name in names if catalogue.directory[name]]
        if not params and last > 1:
            params = [("page", rng.randint(2, last))]
        yield "/partner/" + (f"?{urlencode(params)}" if params else "")


def _guide_results(catalogue: Catalogue, rng: random.Random) -> Iterator[str]:
    """The guide's answers: who always, each other answer given or skipped (the form allows both)."""
    values = catalogue.guide | {"postcode": catalogue.postcodes}
    optional = [name for name in ("step", "goal", "sector", "postcode", "size", "age", "years") if values[name]]
    while True:
        params = [("who", rng.choice(values["who"]))]
        params += [(name, rng.choice(values[name])) for name in optional if rng.random() < 0.5]
        yield f"/lotse/ergebnis/?{urlencode(params)}"


def _comparisons(catalogue: Catalogue, rng: random.Random) -> Iterator[str]:
    """The Merkliste comparison of two to four offers, in the address form its page links to."""
    while len(catalogue.offers) >= 2:
        chosen = rng.sample(catalogue.offers, rng.randint(2, min(4, len(catalogue.offers))))
        yield f"/merkliste/vergleich/?{urlencode([('offer', slug) for slug in chosen])}"


PAGE_BUILDERS: list[Callable[[Catalogue, random.Random], Iterator[str]]] = [
    _funding_pages,
    _directory_pages,
    _guide_results,
    _comparisons,
]


def _pages(catalogue: Catalogue, rng: random.Random, size: int) -> list[str]:
    """Home, funding list, funding pages, partner directory, guide result and Merkliste comparison in turn. Home and
    the funding list have one address each, so they are the only URLs of a pool that repeat."""
    share = math.ceil(size / (len(PAGE_BUILDERS) + 2))
    varied = [distinct(builder(catalogue, rng), share) for builder in PAGE_BUILDERS]
    return interleave([["/"] * share, ["/foerderung/"] * share, *varied])[:size]


BUILDERS = {
    "text": _text,
    "typo": _typos,
    "radius": _radius,
    "filters": _filters,
    "deep": _deep,
    "offer": _offer,
    "partner": _partner,
    "pages": _pages,
}


def sample(pool: list[str], n: int) -> list[str]:
    """The last n URLs of a pool: the ones a run reaches last, so probing them first warms the least."""
    return pool[-n:]
