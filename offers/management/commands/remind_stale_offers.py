from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils.translation import gettext as _

from offers.models import Offer
from partners.selectors import editor_emails


def stale_offers_by_partner() -> dict:
    """{partner: [stale offers]} for the published offers that their providers have not confirmed in time."""
    grouped = defaultdict(list)
    for offer in Offer.objects.published().stale().select_related("provider").order_by("provider__name", "title"):
        grouped[offer.provider].append(offer)
    return grouped


def reminder_text(partner, offers, base_url: str = "") -> str:
    lines = [
        _("Guten Tag,"),
        "",
        _(
            "diese Angebote von %(partner)s wurden seit mehr als %(days)d Tagen nicht bestätigt. "
            "Bitte prüfen Sie sie in der Verwaltung und bestätigen Sie sie mit der Aktion „Als weiterhin aktuell "
            "bestätigen“ – oder archivieren Sie sie, wenn es sie nicht mehr gibt:"
        )
        % {"partner": partner.name, "days": settings.OFFER_STALE_AFTER_DAYS},
        "",
    ]
    for offer in offers:
        confirmed = offer.last_confirmed_at.date().isoformat()
        lines.append(f"- {offer.title} ({_('zuletzt bestätigt')} {confirmed}): {base_url}{_admin_path(offer)}")
    lines += ["", _("Vielen Dank!"), settings.SITE_NAME]
    return "\n".join(lines)


def _admin_path(offer) -> str:
    return reverse("admin:offers_offer_change", args=[offer.pk])


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
            subject = _("Bitte prüfen: %(count)d Angebote nicht mehr bestätigt") % {"count": len(offers)}
            body = reminder_text(partner, offers, base_url.rstrip("/"))
            if dry_run:
                self.stdout.write(f"To: {', '.join(recipients)}\nSubject: {subject}\n\n{body}\n")
            else:
                send_mail(subject, body, None, recipients)
                self.stdout.write(f"{partner.name}: {len(offers)} stale offer(s), reminder queued")
            sent += 1
        verb = "would send" if dry_run else "sent"
        self.stdout.write(self.style.SUCCESS(f"{verb} {sent} reminder(s)."))
