"""Sitemap sections of the catalogue: listed offers and the funding programmes (assembled in pages/sitemaps.py)."""

import math
from types import SimpleNamespace

from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max, Min
from django.utils.functional import cached_property

from offers.models import FundingProgramme, Offer, QualificationPath

OFFERS_PER_PAGE = 5_000  # URLs per sitemap page (search engines accept up to 50,000)


class IdRangePaginator:
    """Pages by primary-key ranges instead of OFFSET: page n holds the rows with
    start + (n-1)·size ≤ pk < start + n·size, where start is the lowest id.

    With OFFSET, a deep page of a million offers would make the database step over every row before it, and
    counting the pages would count the catalogue. Here the number of pages comes from the lowest and highest id (two
    index lookups) and each page is one index range; a page whose range holds no listed offer is simply empty.
    """

    def __init__(self, queryset, per_page: int, first_id: int, last_id: int):
        self.queryset = queryset
        self.per_page = per_page
        self.first_id = first_id
        self.last_id = last_id

    @cached_property
    def num_pages(self) -> int:
        return max(1, math.ceil((self.last_id - self.first_id + 1) / self.per_page))

    @property
    def page_range(self) -> range:
        return range(1, self.num_pages + 1)

    def validate_number(self, number) -> int:
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(number) from None
        if not 1 <= number <= self.num_pages:
            raise EmptyPage(number)
        return number

    def page(self, number) -> SimpleNamespace:
        low = self.first_id + (self.validate_number(number) - 1) * self.per_page
        rows = self.queryset.filter(pk__gte=low, pk__lt=low + self.per_page).order_by("pk")
        return SimpleNamespace(object_list=rows, number=number)


class OfferSitemap(Sitemap):
    limit = OFFERS_PER_PAGE

    def items(self):
        return Offer.objects.listed().only("slug", "updated_at")

    def lastmod(self, offer: Offer):
        return offer.updated_at

    @cached_property
    def paginator(self) -> IdRangePaginator:
        ids = Offer.objects.aggregate(first=Min("pk"), last=Max("pk"))
        return IdRangePaginator(self.items(), self.limit, ids["first"] or 1, ids["last"] or 0)

    def get_latest_lastmod(self):
        # The index would otherwise read every listed offer for one date; each URL carries its own lastmod.
        return None


class FundingSitemap(Sitemap):
    def items(self):
        return FundingProgramme.objects.order_by("pk").only("slug", "updated_at")

    def lastmod(self, programme: FundingProgramme):
        return programme.updated_at


class PathSitemap(Sitemap):
    def items(self):
        return QualificationPath.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, path: QualificationPath):
        return path.updated_at
