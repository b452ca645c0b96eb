"""Writing the demand record: what the public pages report (offers.demand) becomes a count per day of known values.

Nothing typed is stored as typed: filters and answers are kept only where they are vocabulary slugs or choices, a
place only as its NUTS-3 district, and a search word only when it is a word of the catalogue (a listed offer's title,
a sector, target group or ladder step) or at least `COMMON_WORD_VISITORS` different visitors searched it that day.
Those visitors are counted in the cache under a salted hash; the salt is random, lives only for that day and is
never written to the database, so yesterday's hashes cannot be linked to anyone (docs/domain.md)."""

from __future__ import annotations

import collections
import hashlib
import logging
import re
import secrets

from django.core.cache import cache
from django.db import DatabaseError, connections, router
from django.utils import timezone

from accounts.addresses import client_address
from counselling.models import ClientKind, Goal, Topic
from network.models import DemandCount, validate_nuts3
from offers.demand import GUIDE, REQUEST, SEARCH
from offers.models import FundingProgramme, Offer, QualificationStep, SearchWord, Sector, TargetGroup
from offers.search.text import fold_gender
from offers.textsearch.words import stem

logger = logging.getLogger(__name__)

COMMON_WORD_VISITORS = 5
DAY_SECONDS = 24 * 60 * 60
WORD = re.compile(r"^[^\W\d_][\w\-]{2,39}$")
# The guide's answers to "who" (guide.eligibility.Who) and the request form's kinds (counselling.ClientKind).
WHO = {"unternehmen", "beschaeftigt", "arbeitsuchend", "ausbildung", *ClientKind.values}
VOCABULARIES = {
    "level": QualificationStep,
    "next": QualificationStep,
    "sector": Sector,
    "funding": FundingProgramme,
    "target_group": TargetGroup,
}


VOCABULARY_SECONDS = 10 * 60  # a new sector or programme is counted at most ten minutes late


def _known_slug(model, slug: str) -> bool:
    """Whether `slug` is in the vocabulary `model`; the slugs are read once and kept in the cache."""
    if not slug:
        return False
    key = f"network:slugs:{model._meta.label_lower}"
    known = cache.get_or_set(key, lambda: set(model.objects.values_list("slug", flat=True)), VOCABULARY_SECONDS)
    return slug in known


def _district(code: str) -> str:
    try:
        validate_nuts3(code)
    except Exception:  # noqa: BLE001 - anything that is not a district code is dropped
        return ""
    return code


def _answer_fields(facts: dict) -> dict:
    """Guide answers and request facts, each kept only if it is one of the known values."""
    step, sector = facts.get("step", ""), facts.get("sector", "")
    return {
        "who": facts.get("who", "") if facts.get("who") in WHO else "",
        "step": step if _known_slug(QualificationStep, step) else "",
        "goal": facts.get("goal", "") if facts.get("goal") in Goal.values else "",
        "sector": sector if _known_slug(Sector, sector) else "",
        "topic": facts.get("topic", "") if facts.get("topic") in Topic.values else "",
    }


def _search_fields(facts: dict) -> dict:
    """The search's filters as "name=slug&…" of known slugs; a single ladder step or sector also in its column."""
    kept = {}
    for name, values in sorted(facts.items()):
        model = VOCABULARIES.get(name)
        known = [v for v in values if (v in Offer.Kind.values if name == "kind" else _known_slug(model, v))]
        if known:
            kept[name] = sorted(known)
    filters = "&".join(f"{name}={value}" for name, values in kept.items() for value in values)[:300]
    levels, sectors = kept.get("level", []), kept.get("sector", [])
    return {
        "filters": filters,
        "step": levels[0] if len(levels) == 1 else "",
        "sector": sectors[0] if len(sectors) == 1 else "",
    }


DIMENSIONS = ("district_code", "who", "step", "goal", "sector", "topic", "filters", "word")


def _add_counts(counts: list[tuple[str, int, dict]]) -> None:
    """Adds each `n` to today's row of its kind and values, all in one statement (an upsert, which both backends
    know): a search without results and with two words was three UPDATEs, each committed on its own."""
    totals = collections.Counter()
    for kind, n, fields in counts:  # one row may be named once only in an upsert
        totals[(kind, *(fields.get(name, "") for name in DIMENSIONS))] += n
    if not totals:
        return
    connection = connections[router.db_for_write(DemandCount)]
    quote = connection.ops.quote_name
    table, count = quote(DemandCount._meta.db_table), quote("count")
    key = ", ".join(quote(column) for column in ("day", "kind", *DIMENSIONS))
    day = connection.ops.adapt_datefield_value(timezone.localdate())
    row = f"({', '.join(['%s'] * (len(DIMENSIONS) + 3))})"
    sql = (
        f"INSERT INTO {table} ({key}, {count}) VALUES {', '.join([row] * len(totals))} "
        f"ON CONFLICT ({key}) DO UPDATE SET {count} = {table}.{count} + EXCLUDED.{count}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for values, n in totals.items() for value in (day, *values, n)])


def _daily_salt() -> str:
    return cache.get_or_set(f"network:salt:{timezone.localdate()}", secrets.token_hex(16), timeout=2 * DAY_SECONDS)


def _digest(salt: str, text: str) -> str:
    return hashlib.sha256(f"{salt}:{text}".encode()).hexdigest()[:32]


def catalogue_words(words: list[str]) -> set[str]:
    """Those of `words` (lower case) that are words of the catalogue's titles and summaries (the search's words table:
    one indexed lookup of their stems for all of them, never a scan of the offers) or of a vocabulary name."""
    stems = {word: stem(word) for word in words}
    listed = set(SearchWord.objects.filter(word__in=set(stems.values())).values_list("word", flat=True))
    named = _vocabulary_words()
    return {word for word in words if stems[word] in listed or word in named}


def _vocabulary_words() -> set[str]:
    """The words of the sectors', target groups' and ladder steps' names; read once and kept in the cache."""

    def read() -> set[str]:
        names = [*Sector.objects.values_list("name", flat=True), *TargetGroup.objects.values_list("name", flat=True)]
        names += list(QualificationStep.objects.values_list("name", flat=True))
        return {word for name in names for word in re.findall(r"\w+", fold_gender(name).lower())}

    return cache.get_or_set("network:vocabulary-words", read, VOCABULARY_SECONDS)


def new_visitors_of_word(request, word: str) -> int:
    """How many visitors the word now has today (counted once each); 0 when this visitor counted already."""
    salt = _daily_salt()
    word_key = _digest(salt, word)
    visitor = _digest(salt, client_address(request) or request.session.session_key or "")
    if not cache.add(f"network:seen:{word_key}:{visitor}", 1, timeout=DAY_SECONDS):
        return 0
    counter = f"network:visitors:{word_key}"
    cache.add(counter, 0, timeout=DAY_SECONDS)
    try:
        return cache.incr(counter)
    except ValueError:  # the cache lost the key (or is down): count nothing rather than guess
        return 0


def _word_counts(request, words: list[str]) -> list[tuple[str, int, dict]]:
    words = [word for word in dict.fromkeys(fold_gender(word).lower() for word in words) if WORD.match(word)]
    if not words:  # a search by filters or place alone: nothing to look up
        return []
    known = catalogue_words(words)
    counts = [(word, 1 if word in known else _common_word_count(request, word)) for word in words]
    return [(DemandCount.Kind.SEARCH_WORD, n, {"word": word}) for word, n in counts if n]


def _common_word_count(request, word: str) -> int:
    """What a word unknown to the catalogue adds: nothing before its fifth visitor of the day, then the five at
    once, then one for each new visitor."""
    visitors = new_visitors_of_word(request, word)
    if visitors < COMMON_WORD_VISITORS:
        return 0
    return COMMON_WORD_VISITORS if visitors == COMMON_WORD_VISITORS else 1


def record(*, kind: str, request, district: str, facts: dict, words: list[str]) -> None:
    district = _district(district)
    if kind == SEARCH:
        search = (DemandCount.Kind.SEARCH, 1, {"district_code": district, **_search_fields(facts)})
        _add_counts([search, *_word_counts(request, words)])
    elif kind in (GUIDE, REQUEST):
        kind = DemandCount.Kind.GUIDE if kind == GUIDE else DemandCount.Kind.REQUEST
        _add_counts([(kind, 1, {"district_code": district, **_answer_fields(facts)})])


def record_safely(**kwargs) -> None:
    """The visitor's page must never fail because the record could not be written."""
    try:
        record(**kwargs)
    except DatabaseError:
        logger.exception("demand record not written")
