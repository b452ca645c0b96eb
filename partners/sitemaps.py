"""The sitemap section of the partner profiles (assembled in pages/sitemaps.py)."""

from django.contrib.sitemaps import Sitemap

from partners.models import Partner


class PartnerSitemap(Sitemap):
    def items(self):
        return Partner.objects.active().order_by("pk").only("slug", "updated_at")

    def lastmod(self, partner: Partner):
        return partner.updated_at
