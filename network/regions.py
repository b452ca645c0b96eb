"""From a postcode to the network's region: postcode → NUTS-3 district (places.Postcode) → Region (coordinators')."""

from __future__ import annotations

from collections.abc import Iterable

from network.models import Region, RegionDistrict
from places.models import Postcode

NO_REGION = ""  # districts no region includes, and places not known


def districts_of_postcodes(codes: Iterable[str]) -> dict[str, str]:
    """{postcode: NUTS-3 code} for the given postcodes, in one query (a code serving several places: the first)."""
    result: dict[str, str] = {}
    rows = Postcode.objects.filter(code__in={code for code in codes if code}).exclude(district_code="")
    for code, district in rows.order_by("code", "city").values_list("code", "district_code"):
        result.setdefault(code, district)
    return result


def region_slugs_of_districts() -> dict[str, str]:
    """{NUTS-3 code: region slug} of every district some region includes."""
    return dict(RegionDistrict.objects.values_list("code", "region__slug"))


class RegionMap:
    """Looks up the region of postcodes and districts, with two queries for a whole report."""

    def __init__(self, postcodes: Iterable[str] = ()):
        self.by_district = region_slugs_of_districts()
        self.by_postcode = districts_of_postcodes(postcodes)
        self.regions = {region.slug: region for region in Region.objects.all()}

    def of_district(self, district: str) -> str:
        return self.by_district.get(district or "", NO_REGION)

    def of_postcode(self, postcode: str) -> str:
        return self.of_district(self.by_postcode.get(postcode or "", ""))

    def name(self, slug: str) -> str:
        region = self.regions.get(slug)
        return region.name if region else ""
