"""What a search selects and in which order: the filters, the text, the place and the sort.

Every filter is one OfferQuerySet method, so the page, the API, the feed, the export and the facet counts select
exactly the same offers. OR within one parameter, AND across parameters.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, F
from django.db.models.expressions import RawSQL

from offers.search.soonest import soonest_ids

DEFAULT_RADIUS = 25
# A text search is ranked among this many of its matches, the soonest to start, and a large result sorted by title or
# newest is sorted among them (see ordered()).
RANKED_RESULTS = 500
SORTS = {
    "relevance": (F("rank").desc(), F("next_start").asc(nulls_last=True), "pk"),
    "start": (F("next_start").asc(nulls_last=True), "pk"),
    "newest": ("-created_at", "pk"),
    "title": ("title", "pk"),
    "distance": (F("distance_km").asc(nulls_last=True), "pk"),
}
# Parameter → the OfferQuerySet method applying it. Vocabulary parameters arrive as ids (see OfferFilter.criteria).
FILTERS = {
    "level": lambda offers, ids: offers.for_level(ids),
    "next": lambda offers, ids: offers.leading_to(ids),
    "sector": lambda offers, ids: offers.in_sectors(ids),
    "funding": lambda offers, ids: offers.fundable_by(ids),
    "kind": lambda offers, kinds: offers.of_kind(kinds),
    "target_group": lambda offers, ids: offers.for_target_groups(ids),
    "learning_form": lambda offers, forms: offers.with_learning_form(forms),
    "schedule": lambda offers, schedules: offers.with_schedule(schedules),
    "duration": lambda offers, bands: offers.lasting(bands),
    "price": lambda offers, bands: offers.in_price_bands(bands),
    "language": lambda offers, ids: offers.taught_in(ids),
    "azav": lambda offers, chosen: offers.azav_approved(),
    "free": lambda offers, chosen: offers.free(),
}


@dataclass(frozen=True)
class Criteria:
    """A validated search: what the FilterSet understood of the URL, vocabulary slugs already turned into ids."""

    filters: dict = field(default_factory=dict)  # parameter of FILTERS → its chosen values (True for a checkbox)
    q: str = ""
    place: object = None  # a places.Postcode, or None
    place_unresolved: str = ""  # a place typed but not found, or not chosen among several towns
    radius: int = DEFAULT_RADIUS
    start_from: datetime.date | None = None
    start_until: datetime.date | None = None
    sort: str = ""  # as asked for; see sort_key()


def filtered(offers, criteria: Criteria, *, skip: frozenset[str] = frozenset()):
    """The offers matching `criteria`, except the parameters in `skip` ("start" for both dates, "near" for the
    place, "q" for the text)."""
    applied = {name: value for name, value in criteria.filters.items() if name not in skip}
    for name, value in applied.items():
        offers = FILTERS[name](offers, value)
    if excluding_each_other(applied):
        # PostgreSQL cannot see that such filters leave nothing and, expecting thousands of offers, walks an index
        # to its end to count them ("bis 5.000 €", "Deutsch" and "kostenlos": 378 ms at a million offers); a
        # condition no row meets it answers at once (21 ms).
        offers = offers.filter(pk__isnull=True)
    if "q" not in skip and criteria.q:
        offers = offers.search(criteria.q)
    if "start" not in skip and (criteria.start_from or criteria.start_until):
        offers = offers.starting_between(criteria.start_from, criteria.start_until)
    if "near" not in skip and criteria.place is not None:
        offers = offers.near(criteria.place, criteria.radius)
    elif "near" not in skip and criteria.place_unresolved:
        # No result may pretend to be near a place that was not found. (Not .none(): the facet counts compile the
        # query to SQL, which an empty .none() cannot be.)
        offers = offers.filter(pk__isnull=True)
    return offers


def excluding_each_other(applied: dict) -> bool:
    """Whether these filters leave no offer whatever the catalogue: "kostenlos" (free) with price bands none of which
    is "kostenlos"."""
    return "free" in applied and "price" in applied and "kostenlos" not in applied["price"]


def sort_key(criteria: Criteria) -> str:
    """The sort asked for where it applies, else the default: relevance with a text, distance with a place, else
    the next start."""
    applicable = sort_names(criteria)
    if criteria.sort in applicable:
        return criteria.sort
    return "relevance" if criteria.q else "distance" if criteria.place is not None else "start"


def sort_names(criteria: Criteria) -> list[str]:
    names = ["start", "newest", "title"]
    if criteria.q:
        names.insert(0, "relevance")
    if criteria.place is not None:
        names.append("distance")
    return names


def ordered(offers, criteria: Criteria, *, large: bool = False, expected: int = 0):
    """The offers in the search's order. By relevance, and by title or newest where the result is `large` (more than
    can be paged to), only the RANKED_RESULTS soonest-starting offers are put in that order: one walk of the
    start-date index, then the rank or the sort of those alone. Ranking every match of a common word would compute a
    rank for each of a hundred thousand offers at a million, and walking the title index for a filter whose offers
    all sort late (the titles of a kind begin alike) reads most of the catalogue. The paging stops there too
    (paging.max_results). `expected` is the estimated size of the result (offers.search.soonest)."""
    key = sort_key(criteria)
    if key == "relevance" or (large and key in ("title", "newest")):
        soonest = soonest_ids(offers, RANKED_RESULTS, expected)
        offers = among(offers.model, soonest).annotate(**offers.query.annotations)
    return offers.order_by(*SORTS[key])


def among(model, ids):
    """The rows of `model` whose id is in `ids`. A list goes to PostgreSQL as one array: two thousand ids as as many
    parameters cost more to send, parse and plan (15 ms) than ranking those offers does; a subquery (or SQLite) as
    `IN`."""
    if not isinstance(ids, list) or connection.vendor != "postgresql":
        return model.objects.filter(pk__in=ids)
    column = f"{connection.ops.quote_name(model._meta.db_table)}.{connection.ops.quote_name(model._meta.pk.column)}"
    listed = RawSQL(f"{column} = ANY(%s)", (ids,), output_field=BooleanField())
    return model.objects.alias(among_ids=listed).filter(among_ids=True)
