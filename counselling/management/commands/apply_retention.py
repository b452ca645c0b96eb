from django.conf import settings
from django.core.management.base import BaseCommand

from counselling.services import (
    case_anonymise,
    cases_past_retention,
    inquiries_past_retention,
    inquiry_anonymise,
    retention_cutoff,
)


class Command(BaseCommand):
    help = (
        "Anonymises counselling cases closed longer ago than CASE_RETENTION_DAYS (default: three years), "
        "and requests that never became a case and are that old."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only list the cases that would be anonymised")

    def handle(self, *args, dry_run: bool = False, **options):
        cases = list(cases_past_retention().select_related("office"))
        cutoff = retention_cutoff()
        self.stdout.write(
            f"Retention {settings.CASE_RETENTION_DAYS} days: cases closed before {cutoff:%Y-%m-%d}: {len(cases)}"
        )
        for case in cases:
            self.stdout.write(f"  {case.reference} ({case.office.slug}), closed {case.closed_at:%Y-%m-%d}")
            if not dry_run:
                case_anonymise(case=case)
        inquiries = list(inquiries_past_retention().select_related("office"))
        self.stdout.write(f"Requests without a case received before {cutoff:%Y-%m-%d}: {len(inquiries)}")
        for inquiry in inquiries:
            self.stdout.write(f"  request {inquiry.pk} ({inquiry.office.slug}), received {inquiry.created_at:%Y-%m-%d}")
            if not dry_run:
                inquiry_anonymise(inquiry=inquiry)
        if dry_run:
            self.stdout.write("Dry run: nothing changed.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Anonymised {len(cases)} case(s) and {len(inquiries)} request(s)."))
