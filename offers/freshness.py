"""How current each partner's offers are, and the reminder to their editors (docs/operations.md, "Freshness").

Used by `remind_stale_offers` (the weekly job) and by the coordinators' freshness page in the admin
(`OfferAdmin.freshness_view`), so both count and word the same."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Count, Max, Prefetch, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from offers.models import Offer
from partners.models import Membership, Partner
from partners.selectors import editor_emails


@dataclass(frozen=True)
class PartnerFreshness:
    partner: Partner
    offers: int
    stale: int
    last_confirmed: datetime | None
    editors: list  # active editors' accounts
    reachable: bool  # any of them has an e-mail address


def partner_freshness() -> list[PartnerFreshness]:
    """Every active partner with published offers: counts, last confirmation, editors; in two queries."""
    published = Q(offers__status=Offer.Status.PUBLISHED)
    stale = published & Q(offers__in=Offer.objects.stale())
    editors = Membership.objects.filter(role=Membership.Role.EDITOR, user__is_active=True).select_related("user")
    partners = (
        Partner.objects.active()
        .annotate(
            n_offers=Count("offers", filter=published, distinct=True),
            n_stale=Count("offers", filter=stale, distinct=True),
            last_confirmed=Max("offers__last_confirmed_at", filter=published),
        )
        .filter(n_offers__gt=0)
        .prefetch_related(Prefetch("memberships", queryset=editors.order_by("user__username"), to_attr="editors"))
        .order_by("name", "pk")
    )
    return [_row(partner) for partner in partners]


def _row(partner: Partner) -> PartnerFreshness:
    users = [membership.user for membership in partner.editors]
    return PartnerFreshness(
        partner=partner,
        offers=partner.n_offers,
        stale=partner.n_stale,
        last_confirmed=partner.last_confirmed,
        editors=users,
        reachable=any(user.email for user in users),
    )


def stale_offers_by_partner() -> dict:
    """{partner: [stale offers]} for the published offers that their providers have not confirmed in time."""
    grouped = defaultdict(list)
    for offer in Offer.objects.published().stale().select_related("provider").order_by("provider__name", "title"):
        grouped[offer.provider].append(offer)
    return grouped


def reminder_subject(count: int) -> str:
    return ngettext(
        "Bitte prüfen: %(count)d Angebot nicht mehr bestätigt",
        "Bitte prüfen: %(count)d Angebote nicht mehr bestätigt",
        count,
    ) % {"count": count}


def reminder_text(partner: Partner, offers: list[Offer], base_url: str = "") -> str:
    intro = ngettext(
        "dieses Angebot von %(partner)s wurde seit mehr als %(days)d Tagen nicht bestätigt. Bitte prüfen Sie es in "
        "der Verwaltung und bestätigen Sie es mit der Aktion „Als weiterhin aktuell bestätigen“ – oder archivieren "
        "Sie es, wenn es das Angebot nicht mehr gibt:",
        "diese Angebote von %(partner)s wurden seit mehr als %(days)d Tagen nicht bestätigt. Bitte prüfen Sie sie in "
        "der Verwaltung und bestätigen Sie sie mit der Aktion „Als weiterhin aktuell bestätigen“ – oder archivieren "
        "Sie sie, wenn es sie nicht mehr gibt:",
        len(offers),
    ) % {"partner": partner.name, "days": settings.OFFER_STALE_AFTER_DAYS}
    lines = [_("Guten Tag,"), "", intro, ""]
    for offer in offers:
        confirmed = formats.date_format(timezone.localtime(offer.last_confirmed_at), "SHORT_DATE_FORMAT")
        link = base_url + reverse("admin:offers_offer_change", args=[offer.pk])
        lines.append(f"- {offer.title} ({_('zuletzt bestätigt')} {confirmed}): {link}")
    lines += ["", _("Vielen Dank!"), settings.SITE_NAME]
    return "\n".join(lines)


def send_stale_reminder(*, partner: Partner, base_url: str) -> int:
    """Mails the partner's editors their stale offers; the number of offers named (0: nothing stale or nobody to
    mail)."""
    offers = list(Offer.objects.published().stale().filter(provider=partner).order_by("title"))
    recipients = editor_emails(partner)
    if not offers or not recipients:
        return 0
    send_mail(reminder_subject(len(offers)), reminder_text(partner, offers, base_url.rstrip("/")), None, recipients)
    return len(offers)
