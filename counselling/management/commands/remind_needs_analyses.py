from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from counselling.models import Company
from counselling.selectors import office_counsellor_emails
from partners.models import Partner


def reminder_text(office: Partner, count: int) -> str:
    """How many companies are due and where to see them; no company names in a mail."""
    return "\n".join([
        _("Guten Tag,"),
        "",
        ngettext(
            "bei %(count)d Unternehmen der Stelle %(office)s ist die nächste Bedarfsanalyse fällig.",
            "bei %(count)d Unternehmen der Stelle %(office)s ist die nächste Bedarfsanalyse fällig.",
            count,
        ) % {"count": count, "office": office.name},
        _("Die Liste steht auf der Übersicht der Beratung: %(link)s") % {"link": settings.SITE_URL.rstrip("/")
                                                                        + reverse("counselling:desk")},
        "",
        settings.SITE_NAME,
    ])  # fmt: skip


class Command(BaseCommand):
    help = "E-mails each office's counsellors how many companies are due for their next needs analysis (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="print the e-mails instead of sending them")

    def handle(self, *args, dry_run: bool = False, **options):
        due = Company.objects.analysis_due().values_list("office", flat=True)
        offices = Partner.objects.filter(pk__in=due).order_by("name")
        if not offices:
            self.stdout.write("No needs analyses due.")
            return
        for office in offices:
            count = Company.objects.for_office(office).analysis_due().count()
            recipients = office_counsellor_emails(office)
            subject = _("Bedarfsanalysen fällig: %(office)s") % {"office": office.name}
            if dry_run or not recipients:
                self.stdout.write(f"To: {', '.join(recipients) or '-'}\nSubject: {subject}\n\n"
                                  f"{reminder_text(office, count)}\n")  # fmt: skip
                continue
            send_mail(subject, reminder_text(office, count), None, recipients)
            self.stdout.write(self.style.SUCCESS(f"{office.slug}: reminded of {count} due needs analyses."))
