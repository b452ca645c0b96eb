"""/sitemap.xml: an index of paged sections, so it stays cheap however large the catalogue grows."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from offers.sitemaps import FundingSitemap, OfferSitemap, PathSitemap
from partners.sitemaps import PartnerSitemap

PUBLIC_PAGES = [
    "home",
    "offers:search",
    "funding:list",
    "paths:list",
    "partners:directory",
    "guide:start",
    "counselling:request",
    "impressum",
    "datenschutz",
    "barrierefreiheit",
    "leichte_sprache",
]


class PageSitemap(Sitemap):
    """The fixed public pages (they have no date of their own)."""

    def items(self) -> list[str]:
        return PUBLIC_PAGES

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {
    "seiten": PageSitemap,
    "angebote": OfferSitemap,
    "foerderung": FundingSitemap,
    "partner": PartnerSitemap,
    "wege": PathSitemap,
}
