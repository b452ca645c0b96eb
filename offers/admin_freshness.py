"""The coordinators' freshness page in the admin: per partner its offers, the stale ones, the last confirmation,
the editors and whether any can be mailed, with a button to send the reminder now (docs/operations.md,
"Freshness")."""

import logging
import smtplib

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from offers.freshness import partner_freshness, send_stale_reminder
from partners.models import Partner
from partners.scoping import is_coordinator

logger = logging.getLogger(__name__)


class FreshnessAdminMixin:
    """For OfferAdmin: two coordinator-only URLs before the admin's own (whose `<object_id>/` would catch them)."""

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("aktualitaet/", wrap(self.freshness_view), name="offers_offer_freshness"),
            path("aktualitaet/<int:partner_pk>/erinnern/", wrap(self.remind_view), name="offers_offer_remind"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        # templates/admin/offers/offer/change_list.html links the page for those who may open it.
        extra_context = {**(extra_context or {}), "show_freshness": is_coordinator(request.user)}
        return super().changelist_view(request, extra_context)

    def freshness_view(self, request: HttpRequest) -> HttpResponse:
        _require_coordinator(request)
        rows = partner_freshness()
        # Only where it matters today: the stale offers of these partners get no reminder.
        unreachable = [row for row in rows if row.stale and not row.reachable]
        if unreachable:
            self.message_user(request, _unreachable_warning(unreachable), messages.WARNING)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Aktualität der Angebote"),
            "opts": self.model._meta,
            "rows": rows,
            "stale_days": settings.OFFER_STALE_AFTER_DAYS,
        }
        return TemplateResponse(request, "admin/offers/offer/freshness.html", context)

    def remind_view(self, request: HttpRequest, partner_pk: int) -> HttpResponse:
        _require_coordinator(request)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        partner = get_object_or_404(Partner.objects.active(), pk=partner_pk)
        try:
            count = send_stale_reminder(partner=partner, base_url=settings.SITE_URL or request.build_absolute_uri("/"))
        except (OSError, smtplib.SMTPException):
            logger.exception("Could not send the stale-offer reminder to partner %s", partner.pk)
            self.message_user(
                request, _("Die E-Mail konnte nicht gesendet werden. Bitte später erneut versuchen."), messages.ERROR
            )
            return redirect("admin:offers_offer_freshness")
        self.message_user(request, *_reminder_result(partner, count))
        return redirect("admin:offers_offer_freshness")


def _require_coordinator(request: HttpRequest) -> None:
    # Editors see only their own partners; this page compares all of them.
    if not is_coordinator(request.user):
        raise PermissionDenied


def _unreachable_warning(rows) -> str:
    names = ", ".join(row.partner.name for row in rows)
    return ngettext(
        "%(count)d Partner mit nicht bestätigten Angeboten kann nicht erinnert werden, weil keine Redaktion mit "
        "E-Mail-Adresse eingetragen ist: %(names)s",
        "%(count)d Partner mit nicht bestätigten Angeboten können nicht erinnert werden, weil keine Redaktion mit "
        "E-Mail-Adresse eingetragen ist: %(names)s",
        len(rows),
    ) % {"count": len(rows), "names": names}


def _reminder_result(partner: Partner, count: int) -> tuple[str, int]:
    if not count:
        text = _("Keine Erinnerung gesendet: %(partner)s hat kein nicht bestätigtes Angebot oder keine Redaktion mit "
                 "E-Mail-Adresse.")  # fmt: skip
        return text % {"partner": partner.name}, messages.WARNING
    text = ngettext(
        "Erinnerung an die Redaktion von %(partner)s gesendet: %(count)d nicht bestätigtes Angebot.",
        "Erinnerung an die Redaktion von %(partner)s gesendet: %(count)d nicht bestätigte Angebote.",
        count,
    )
    return text % {"partner": partner.name, "count": count}, messages.SUCCESS
