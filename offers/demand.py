"""The one call the public pages make to report demand: a search that found nothing (here), a guide answer (guide), a
counselling request (counselling). The network app records it, anonymously and per day (docs/domain.md, the demand
record). This module lives in the lowest app that reports demand, so every reporting app can import it and none
needs to know the network app; without the network app installed nothing is recorded."""

import re

from django.dispatch import Signal

# Sent with: request, district (the NUTS-3 code of a postcode or place given, else ""), facts (field → value; the
# receiver keeps only known values) and words (search words; the receiver keeps only known or common ones).
demand_noted = Signal()

SEARCH = "search"
GUIDE = "guide"
REQUEST = "request"
SLUG_FILTERS = ("level", "next", "sector", "funding", "kind", "target_group")
MAX_WORDS = 8


def district_of(place) -> str:
    return getattr(place, "district_code", "") or ""


def note_search_without_results(*, request, filters: dict, place) -> None:
    """`filters`: the search form's cleaned data (unknown slugs already dropped); `place`: the located Postcode."""
    facts = {name: sorted(filters[name]) for name in SLUG_FILTERS if filters.get(name)}
    words = re.findall(r"\w[\w\-]*", (filters.get("q") or "").lower())[:MAX_WORDS]
    demand_noted.send(sender=SEARCH, request=request, district=district_of(place), facts=facts, words=words)


def note_guide_answers(*, request, facts: dict, place) -> None:
    demand_noted.send(sender=GUIDE, request=request, district=district_of(place), facts=facts, words=[])


def note_request(*, request, facts: dict, place) -> None:
    demand_noted.send(sender=REQUEST, request=request, district=district_of(place), facts=facts, words=[])
