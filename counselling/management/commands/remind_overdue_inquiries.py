from itertools import groupby

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from counselling.models import Inquiry
from partners.selectors import coordinator_emails


def overdue_text(inquiries: list[Inquiry]) -> str:
    """Per office, the numbers and days of the requests waiting too long; no names (docs/domain.md, "Requests")."""
    lines = [
        _("Guten Tag,"),
        "",
        _(
            "diese Anfragen sind seit mehr als drei Werktagen unbeantwortet. Bitte klären Sie mit der Stelle, wer sie "
            "übernimmt:"
        ),  # fmt: skip
    ]
    for office, waiting in groupby(inquiries, key=lambda inquiry: inquiry.office):
        lines += ["", f"{office.name}:"]
        lines += [
            _("- Anfrage %(number)d vom %(day)s")
            % {"number": inquiry.pk, "day": formats.date_format(inquiry.created_at, "SHORT_DATE_FORMAT")}
            for inquiry in waiting
        ]
    lines += ["", settings.SITE_NAME]
    return "\n".join(lines)


class Command(BaseCommand):
    help = "E-mails the coordination the requests unanswered for more than three working days (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="print the e-mail instead of sending it")

    def handle(self, *args, dry_run: bool = False, **options):
        inquiries = list(Inquiry.objects.overdue().select_related("office").order_by("office__name", "created_at"))
        if not inquiries:
            self.stdout.write("No overdue requests.")
            return
        recipients = coordinator_emails()
        if not recipients:
            self.stderr.write(f"{len(inquiries)} overdue request(s), but no coordinator with an e-mail address")
            return
        subject = ngettext(
            "%(count)d Anfrage seit über drei Werktagen unbeantwortet",
            "%(count)d Anfragen seit über drei Werktagen unbeantwortet",
            len(inquiries),
        ) % {"count": len(inquiries)}
        if dry_run:
            self.stdout.write(f"To: {', '.join(recipients)}\nSubject: {subject}\n\n{overdue_text(inquiries)}\n")
            return
        send_mail(subject, overdue_text(inquiries), None, recipients)
        self.stdout.write(self.style.SUCCESS(f"sent the list of {len(inquiries)} overdue request(s)."))
