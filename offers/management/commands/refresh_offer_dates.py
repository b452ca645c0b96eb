from django.core.management.base import BaseCommand

from offers.models import Offer


class Command(BaseCommand):
    help = "Recomputes each offer's next start date and visibility end from its runs (run daily, e.g. by cron)."

    def handle(self, *args, **options):
        count = Offer.objects.refresh_dates()
        self.stdout.write(self.style.SUCCESS(f"{count} Angebote aktualisiert."))
