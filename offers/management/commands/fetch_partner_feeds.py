"""python manage.py fetch_partner_feeds [--partner SLUG]

A daily job (settings.DAILY_JOBS): fetches and imports every active partner's registered feed
(offers/imports/partner_feeds.py). A failed feed is reported to its editors and does not stop the others."""

from django.core.management.base import BaseCommand, CommandError

from offers.imports.partner_feeds import import_feed
from offers.imports.report import counts_line
from partners.models import Partner


class Command(BaseCommand):
    help = "Ruft die registrierten Katalog-Feeds der Partner ab und importiert sie."

    def add_arguments(self, parser):
        parser.add_argument("--partner", help="nur den Feed dieses Anbieters (Kurzname)")

    def handle(self, *args, partner: str | None = None, **options):
        partners = Partner.objects.filter(active=True).exclude(feed_url="").order_by("slug")
        if partner:
            partners = partners.filter(slug=partner)
            if not partners:
                raise CommandError(f"No active partner {partner!r} with a feed address.")
        for each in partners:
            log = import_feed(each)
            if log.problems:
                self.stdout.write(f"{each.slug}: {log.problems} problem(s), nothing imported; editors informed")
            else:
                counts = {"new": log.created, "changed": log.changed, "unchanged": log.unchanged, "archived": 0}
                self.stdout.write(f"{each.slug}: {counts_line(counts)}")
        self.stdout.write(self.style.SUCCESS(f"{len(partners)} feed(s) fetched."))
