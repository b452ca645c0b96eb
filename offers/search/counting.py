"""The total and the facet counts of a search, cached per catalogue version, day and search.

A facet's options are counted over the offers that pass every filter but the facet's own (OR within a facet, AND
across), all in one statement (offers.search.facets). Past SEARCH_SAMPLE_ABOVE offers in the search's base (its
text, place and dates) everything is counted on a uniform sample of about SEARCH_SAMPLE_SIZE of them and shown as
"ca."; a total that small a sample cannot tell reliably (under SEARCH_MIN_SAMPLED offers in it) is counted exactly.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from offers.models import SAMPLE_RANGE, CatalogueVersion
from offers.search.estimates import estimate, fraction_for, narrow_count, planned_size, sampled
from offers.search.facet_kinds import FACETS
from offers.search.facets import facet_condition, facet_counts
from offers.search.query import filtered

SUMMARY_SECONDS = 3600
# An empty result offers to drop one filter; how many results that would bring is counted up to this many.
MAX_WITHOUT = 1000


def fragment_version() -> str:
    """The catalogue version and today's date: what cached counts, result pages and fragments depend on."""
    return f"{CatalogueVersion.current()}:{timezone.localdate()}"


def search_key(filterset, version: str | None = None) -> str:
    """The catalogue version, today and the normalised search (not the page or the sort) over the FilterSet's
    base queryset."""
    search = {name: value for name, value in filterset.cleaned.items() if name not in ("page", "sort")}
    search = {name: sorted(value) if isinstance(value, list) else value for name, value in search.items()}
    place = filterset.criteria.place
    if place is not None:
        search["near"] = (place.pk, place.latitude, place.longitude)
        search["radius"] = filterset.criteria.radius
    elif filterset.criteria.place_unresolved:  # the form dropped it: the key must still differ from no place
        search["near"] = ("unresolved", filterset.criteria.place_unresolved)
    sql, params = filterset.queryset.query.sql_with_params()
    raw = repr((sorted(search.items()), sql, params, sorted(filterset.hidden)))
    digest = hashlib.sha256(raw.encode()).hexdigest()[:32]
    return f"offers:summary:{version or fragment_version()}:{digest}"


def summary(filterset, key: str | None = None) -> dict:
    """{"total", "total_estimated", "facets": {facet: {slug: count}}, "estimated": [facet], "without"}; cached, so
    a repeated search costs one cache read instead of the aggregates."""
    key = key or search_key(filterset)
    data = cache.get(key)
    if data is None:
        data = count(filterset)
        cache.set(key, data, SUMMARY_SECONDS)
    return data


def count(filterset) -> dict:
    """The summary, counted: on a sample where the catalogue is large, on a larger one or exactly where the search
    turns out narrow (the planner knows the catalogue's size well, a text or place search's size badly)."""
    shown = [name for name in FACETS if name not in filterset.hidden]
    active = {name: facet_condition(name, value) for name, value in filterset.criteria.filters.items()}
    base = filtered(filterset.queryset, filterset.criteria, skip=frozenset(FACETS))  # text, place, dates
    fraction = _first_fraction(filterset, active)
    text = bool(filterset.criteria.q)
    counted = facet_counts(sampled(base, fraction, text=text), active, shown, today=timezone.localdate())
    seen = counted.pop("*")[""]
    if fraction < 1 and counted[""][""] < settings.SEARCH_SAMPLE_SIZE // 4:
        wider = _wider(fraction, seen, counted[""][""])
        if wider > fraction:
            fraction = wider
            counted = facet_counts(sampled(base, fraction, text=text), active, shown, today=timezone.localdate())
            del counted["*"]
    total = counted.pop("", {}).get("", 0)
    data = {
        **_total(filterset, total, fraction),
        "facets": {name: _by_slug(filterset, name, values, fraction) for name, values in counted.items()},
        "estimated": sorted(shown) if fraction < 1 else [],
    }
    if not data["total"]:  # an empty result shows what each filter keeps out: counted here, so it is cached too
        data["without"] = without_counts(filterset)
    return data


def _first_fraction(filterset, active: dict) -> float:
    """The share of the catalogue counted first: about SEARCH_SAMPLE_SIZE offers of it. Where the search has only
    facet filters (its base is the catalogue) and the planner expects them to keep too few of those, at once the
    larger sample a count of them would ask for (_wider): that spares the statement counting the smaller one. A text,
    place or dates make the base smaller by an amount the planner knows badly, so there the count decides."""
    size = planned_size(filterset.queryset)
    fraction = fraction_for(size)
    criteria = filterset.criteria
    place = criteria.place is not None or criteria.place_unresolved
    narrowed = criteria.q or place or criteria.start_from or criteria.start_until
    if fraction >= 1 or not active or narrowed:
        return fraction
    expected = planned_size(filterset.qs) * fraction  # the search itself: its filters alone here
    if expected >= settings.SEARCH_SAMPLE_SIZE // 4:
        return fraction
    return max(fraction, _wider(fraction, round(size * fraction), expected))


def _wider(fraction: float, seen: int, total: float) -> float:
    """A larger sample for a search the first one found narrow: large enough for about SEARCH_SAMPLE_SIZE of its
    results, but reading no more than SEARCH_MAX_COUNTED rows of its base (text, place and dates), of which the
    first sample read `seen`."""
    wanted = fraction_for(max(total, 1) / fraction)
    affordable = fraction * settings.SEARCH_MAX_COUNTED / max(seen, 1)
    # In whole steps of the sample numbers, as fraction_for's: 0.0024 * 5000 / 12 is a hair under 1, which sampled
    # the whole range through every bucket's token and showed an exact count as "ca.".
    return min(wanted, round(affordable * SAMPLE_RANGE) / SAMPLE_RANGE)


def _total(filterset, counted: int, fraction: float) -> dict:
    if fraction >= 1:
        return {"total": counted, "total_estimated": False}
    if counted < settings.SEARCH_MIN_SAMPLED:
        near_place = filterset.criteria.place is not None
        return {"total": narrow_count(filterset.qs, near_place=near_place), "total_estimated": False}
    return {"total": estimate(counted, fraction), "total_estimated": True}


def _by_slug(filterset, name: str, values: dict, fraction: float) -> dict[str, int]:
    """Link and ladder facets are counted by vocabulary id; the page speaks slugs."""
    slugs = filterset.slugs.get(name)
    if slugs is not None:
        return {slugs.get(int(value), str(value)): estimate(n, fraction) for value, n in values.items()}
    return {str(value): estimate(n, fraction) for value, n in values.items()}


def without_counts(filterset) -> dict[str, int]:
    """{parameter: results without it, up to MAX_WITHOUT} for every active filter: one bounded count each."""
    criteria = filterset.criteria
    names = [*criteria.filters, *(["q"] if criteria.q else []), *(["near"] if criteria.place is not None else [])]
    counts = {name: _bounded_count(filterset, name) for name in names if name not in filterset.hidden}
    if criteria.start_from or criteria.start_until:
        count = _bounded_count(filterset, "start")
        counts.update({name: count for name in ("start_from", "start_until") if filterset.cleaned.get(name)})
    return counts


def _bounded_count(filterset, skip: str) -> int:
    offers = filtered(filterset.queryset, filterset.criteria, skip=frozenset({skip}))
    return offers.order_by().values("pk")[:MAX_WITHOUT].count()
