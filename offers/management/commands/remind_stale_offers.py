from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand

from offers.freshness import reminder_subject, reminder_text, stale_offers_by_partner
from partners.selectors import editor_emails


class Command(BaseCommand):
    help = "E-mails each partner's editors the list of their stale offers (--dry-run prints instead)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="print the e-mails instead of sending them")
        parser.add_argument(
            "--base-url",
            default=None,
            help="site address for the links in the e-mail (default: the SITE_URL setting), e.g. https://lotse.example.org",
        )

    def handle(self, *args, dry_run: bool = False, base_url: str | None = None, **options):
        base_url = settings.SITE_URL if base_url is None else base_url
        sent = 0
        for partner, offers in stale_offers_by_partner().items():
            recipients = editor_emails(partner)
            if not recipients:
                self.stderr.write(f"{partner.name}: {len(offers)} stale offers, but no editor with an e-mail address")
                continue
            subject = reminder_subject(len(offers))
            body = reminder_text(partner, offers, base_url.rstrip("/"))
            if dry_run:
                self.stdout.write(f"To: {', '.join(recipients)}\nSubject: {subject}\n\n{body}\n")
            else:
                send_mail(subject, body, None, recipients)
                self.stdout.write(f"{partner.name}: {len(offers)} stale offer(s), reminder queued")
            sent += 1
        verb = "would send" if dry_run else "sent"
        self.stdout.write(self.style.SUCCESS(f"{verb} {sent} reminder(s)."))
