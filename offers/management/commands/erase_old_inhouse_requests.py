import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from offers.models import InhouseRequest

ERASED = "–"


class Command(BaseCommand):
    help = (
        "Clears the company's contact data and every free text of in-house requests older than CASE_RETENTION_DAYS "
        "(run daily); the offer, the number of participants, the dates and the read log stay."
    )

    def handle(self, *args, **options):
        cutoff = timezone.now() - datetime.timedelta(days=settings.CASE_RETENTION_DAYS)
        old = InhouseRequest.objects.filter(created_at__lt=cutoff).exclude(company=ERASED)
        count = old.update(
            company=ERASED, contact_name=ERASED, email="", phone="", site_postcode="", site_city="", period="",
            message="", answer_text="",
        )  # fmt: skip
        self.stdout.write(self.style.SUCCESS(f"{count} Inhouse-Anfragen gelöscht (Kontaktdaten und Texte)."))
