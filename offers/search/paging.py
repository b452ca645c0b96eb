"""A page of a search's results: sorted ids first, then the cards of those ids only.

Paging is bounded: only the first MAX_RESULTS results of a search can be paged to, so no page number makes the
database skip more rows than that (a deeper page shows the deepest one with a message to narrow the search).
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from offers.models import Offer
from offers.search import query
from offers.search.cards import Card, PageOfCards

# Nobody reads further, and a deeper OFFSET walks that many rows of the sort index (docs/search.md).
MAX_RESULTS = 2_000
CARD_ANNOTATIONS = ("distance_km", "headline")
PAGE_SECONDS = 3600


class BoundedPaginator(Paginator):
    """Counts `total` results but pages only through the first `most` (max_results)."""

    def __init__(self, rows, per_page: int, total: int, most: int = MAX_RESULTS):
        super().__init__(rows, per_page)
        self.total = total
        self.most = most

    @cached_property
    def count(self) -> int:
        return self.total

    @cached_property
    def num_pages(self) -> int:
        return min(super().num_pages, deepest_page(self.per_page, self.most))


def is_large(total: int) -> bool:
    """More results than can be paged to: query.ordered sorts such a result by title or newest among its soonest
    offers only, and the paging stops with them (max_results). Decided here, so that both agree."""
    return total > MAX_RESULTS


def max_results(sort: str, *, large: bool = True) -> int:
    """How many results of a search can be paged to: MAX_RESULTS, or the offers query.ordered puts in order where it
    orders only the soonest ones: by relevance always, by title or newest where the result is `large` (more than
    MAX_RESULTS). A result of fewer is sorted whole by title or newest, so all of it can be paged to."""
    if sort == "relevance" or (large and sort in ("title", "newest")):
        return min(MAX_RESULTS, query.RANKED_RESULTS)
    return MAX_RESULTS


def deepest_page(per_page: int, most: int = MAX_RESULTS) -> int:
    """The last page that starts within the first `most` results."""
    return max(1, -(-most // per_page))


def paginate(
    rows: CardsInOrder, total: int, estimated: bool, number: int, *, exact, most: int = MAX_RESULTS
) -> tuple[BoundedPaginator, bool]:
    """The paginator over `rows` and whether its total is still an estimate; `number` is the page about to be shown
    (at most deepest_page), `exact` counts the results (up to MAX_RESULTS and one) where the estimate was too high,
    `most` is how many can be paged to (max_results)."""
    if estimated:
        total, estimated = bound_estimate(rows, total, number, exact=exact, window=most)
        rows.total = total
    return BoundedPaginator(rows, rows.per_page, total, most), estimated


def bound_estimate(
    rows: CardsInOrder, estimate: int, number: int, *, exact, window: int = MAX_RESULTS
) -> tuple[int, bool]:
    """(total, still estimated) for paging through a result whose total was estimated on a sample.

    Looks one offer past the requested page: a page that is not full ends the result, so the total is exact; a full
    one has a next page even where the estimate says otherwise; an empty page past the first means the estimate was
    too high, and only then are the results counted (`exact`, which stops at MAX_RESULTS and one). `rows` that end
    with the `window` that can be paged to (the ranked matches of a text search) may have more results after it.
    """
    start = (number - 1) * rows.per_page
    found = rows.count_from(start)
    if found > rows.per_page or start + found >= window:
        return max(estimate, start + found), True
    if found or number == 1:
        return start + found, False
    counted = exact()
    return counted, counted > MAX_RESULTS


def page_numbers(page) -> list[int | None]:
    """First, last and two pages either side of the current one; None for a gap. Never loops over every page."""
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return [number if isinstance(number, int) else None for number in numbers]


class CardsInOrder:
    """The sorted result list, sliced by Paginator like a QuerySet: a page of ids first, then only their cards.

    The sort runs on the offer ids alone, so that the wide rows and their joins do not pass through it; its result
    is cached like the counts, under the catalogue version, the date and the search. `sorted_ids(start, stop)`
    reads the ids of one page in the search's order, and is called only where that page is not cached;
    `annotated` (the search's queryset) has the annotations a card shows (distance, snippet).
    """

    ordered = True

    def __init__(
        self,
        sorted_ids: Callable[[int, int], list[int]],
        annotated: QuerySet,
        total: int,
        cache_key: str,
        per_page: int,
        *,
        known_empty: bool = False,
    ):
        self.sorted_ids = sorted_ids
        self.known_empty = known_empty
        self.annotated = annotated
        self.total = total
        self.cache_key = cache_key
        self.per_page = per_page

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def _ids_from(self, start: int) -> list[int]:
        """The ids of one page from position `start` and of one more result (so a page knows whether one follows):
        one sorted query, cached. No query where the search is known to find nothing (`known_empty`): sorting an empty
        result can be the slowest query of all, since with no offer to stop at, the walk along the sort index reads
        the whole catalogue."""
        if self.known_empty:
            return []
        page_key = f"offers:page:{self.cache_key}:{start}:{self.per_page}"
        ids = cache.get(page_key)
        if ids is None:
            ids = self.sorted_ids(start, start + self.per_page + 1)
            cache.set(page_key, ids, PAGE_SECONDS)
        return ids

    def count_from(self, start: int) -> int:
        """How many results there are from position `start` on, counting no further than one page and one."""
        return len(self._ids_from(start))

    def __getitem__(self, key: slice) -> list[Card]:
        ids = self._ids_from(key.start)[: key.stop - key.start]
        return PageOfCards(ids, self._cards).cards()

    def _cards(self, ids: list[int]) -> dict[int, Offer]:
        # The ids were chosen under the same catalogue version and date: their cards need the search's annotations
        # (distance, snippet), not its filters again.
        annotations = {name: self.annotated.query.annotations.get(name) for name in CARD_ANNOTATIONS}
        cards = Offer.objects.filter(pk__in=ids).annotate(**{k: v for k, v in annotations.items() if v is not None})
        return cards.card_data().in_bulk(ids)
