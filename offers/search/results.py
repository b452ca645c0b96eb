"""The one function every list of offers calls: `search()`.

The search page, the funding pages, the partner profile and the API call it; the Atom feed, the CSV download and
the guide use the same FilterSet. So a page and the API given the same parameters can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.paginator import Page
from django.http import QueryDict

from offers.models import Offer
from offers.search import counting, display, paging
from offers.search.display import Facet
from offers.search.filterset import OfferFilter
from offers.search.nearest import nearest_ids


@dataclass
class Results:
    filterset: OfferFilter
    page: Page
    total_estimated: bool
    too_deep: bool  # a page past max_results was asked for; the deepest page is shown
    max_results: int  # how many results can be paged to (paging.max_results)
    fragment_version: str  # what cached fragments of this search depend on
    summary: dict  # counting.summary(): the total and the facet counts

    @property
    def form(self):
        return self.filterset.form

    def facets(self) -> list[Facet]:
        return display.facets(self.filterset, self.summary)

    def chips(self) -> list[tuple[str, str, str]]:
        return display.active_filters(self.filterset)

    def relaxations(self) -> list[tuple[str, str, int]]:
        return display.relaxations(self.filterset, self.summary) if not self.page.paginator.count else []


def search(data, base, *, hide: tuple[str, ...] = (), per_page: int | None = None) -> Results:
    """The search `data` (the URL's parameters) over the offers `base`: one page of results in the search's order,
    its total (estimated on very large results) and everything to show its facets."""
    return results_of(OfferFilter(data, queryset=base, hide=hide), per_page=per_page)


def results_of(filterset: OfferFilter, *, per_page: int | None = None) -> Results:
    """search() for a FilterSet the caller has already validated (the API answers bad input before counting)."""
    per_page = per_page or settings.OFFERS_PER_PAGE
    asked = filterset.cleaned.get("page") or 1
    version = counting.fragment_version()
    key = counting.search_key(filterset, version)
    summary = counting.summary(filterset, key)
    most = paging.max_results(filterset.sort_key, large=paging.is_large(summary["total"]))
    number = min(asked, paging.deepest_page(per_page, most))
    rows = paging.CardsInOrder(
        partial(sorted_ids, filterset, summary["total"]),
        filterset.qs,
        summary["total"],
        f"{key}:{filterset.sort_key}",
        per_page,
        known_empty=not summary["total"] and not summary["total_estimated"],  # counted exactly: nothing found
    )
    exact = filterset.qs.order_by().values("pk")[: paging.MAX_RESULTS + 1].count
    paginator, estimated = paging.paginate(
        rows, summary["total"], summary["total_estimated"], number, exact=exact, most=most
    )
    too_deep = asked > number and paginator.num_pages == number
    return Results(filterset, paginator.get_page(number), estimated, too_deep, most, version, summary)


def sorted_ids(filterset: OfferFilter, total: int, start: int, stop: int) -> list[int]:
    """The ids of the results `start` to `stop` of a search whose `total` was counted (or estimated), in its order.
    Called only where the page is not cached: choosing the offers a text search ranks can take a query of its own."""
    criteria = filterset.criteria
    if filterset.sort_key == "distance":
        return nearest_ids(filterset.unplaced(), criteria.place, criteria.radius, start, stop)
    ordered = filterset.ordered(large=paging.is_large(total), expected=total)
    return list(ordered.values_list("pk", flat=True)[start:stop])


def first_ids(filterset: OfferFilter, limit: int, languages: list[str] = ()) -> list[int]:
    """The ids of the first `limit` results of a search, those taught in one of `languages` (ISO codes) first: the
    guide's few offers, without counting or paging the search."""
    if filterset.sort_key != "distance":
        first = filterset.ordered().taught_in_first(languages)
        return list(first.values_list("pk", flat=True)[:limit])
    criteria = filterset.criteria
    unplaced = filterset.unplaced()
    groups = [unplaced.taught_in_any(languages), unplaced.taught_in_any(languages, taught=False)]
    ids = []
    for offers in groups if languages else [unplaced]:
        if len(ids) < limit:
            ids += nearest_ids(offers, criteria.place, criteria.radius, 0, limit - len(ids))
    return ids


def catalogue_summary() -> dict:
    """The total and the facet counts of the whole listed catalogue: the unfiltered search's summary (see
    counting.summary), so the home page and the funding list count no more than a search does, and share its
    cache entry."""
    return counting.summary(OfferFilter(QueryDict(), queryset=Offer.objects.listed()))
