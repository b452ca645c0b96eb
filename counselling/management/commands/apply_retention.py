from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from counselling.services import (
    case_anonymise,
    cases_past_retention,
    companies_past_retention,
    company_anonymise,
    inquiries_past_retention,
    inquiry_anonymise,
    retention_cutoff,
)


class Command(BaseCommand):
    help = (
        "Anonymises counselling cases closed longer ago than CASE_RETENTION_DAYS (default: three years), "
        "requests that never became a case and are that old, and clears contact and analysis notes of companies "
        "which have no case left that is not anonymised and no activity for that long."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only list what would be anonymised")

    def handle(self, *args, dry_run: bool = False, **options):
        cutoff = retention_cutoff()
        # All three lists before any change, so a dry run lists exactly what a real run changes.
        cases = list(cases_past_retention().select_related("office"))
        inquiries = list(inquiries_past_retention().select_related("office"))
        companies = list(companies_past_retention().select_related("office"))
        self.stdout.write(
            f"Retention {settings.CASE_RETENTION_DAYS} days: cases closed before {cutoff:%Y-%m-%d}: {len(cases)}"
        )
        for case in cases:
            self.stdout.write(f"  {case.reference} ({case.office.slug}), closed {case.closed_at:%Y-%m-%d}")
            if not dry_run:
                case_anonymise(case=case, clear_company=False)  # companies: by their own activity, below
        self.stdout.write(f"Requests without a case received before {cutoff:%Y-%m-%d}: {len(inquiries)}")
        for inquiry in inquiries:
            self.stdout.write(f"  request {inquiry.pk} ({inquiry.office.slug}), received {inquiry.created_at:%Y-%m-%d}")
            if not dry_run:
                inquiry_anonymise(inquiry=inquiry)
        self.stdout.write(f"Companies left without a case that is not anonymised, contact cleared: {len(companies)}")
        for company in companies:
            self.stdout.write(f"  company {company.pk} ({company.office.slug}), last active {last_active(company)}")
            if not dry_run:
                company_anonymise(company=company)
        if dry_run:
            self.stdout.write("Dry run: nothing changed.")
        else:
            done = f"{len(cases)} case(s), {len(inquiries)} request(s) and {len(companies)} company record(s)"
            self.stdout.write(self.style.SUCCESS(f"Anonymised {done}."))


def last_active(company) -> str:
    days = [timezone.localdate(company.created_at), company.last_analysis]
    days.append(timezone.localdate(company.last_closed) if company.last_closed else None)
    return f"{max(day for day in days if day):%Y-%m-%d}"
