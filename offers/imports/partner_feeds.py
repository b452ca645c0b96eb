"""The daily import of each partner's own export (Partner.feed_url, docs/import.md): fetched within bounds
(fetch.py), checked, planned and written by the same steps as an uploaded file. On any problem nothing is written,
the import log records the failure and the partner's editors get the report by e-mail.

A feed is never read as the partner's complete catalogue: a partner system that serves half a file for a day must
not archive the other half. An offer leaves the portal through the feed by its status ("archiviert")."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from offers.imports.apply import apply_plan
from offers.imports.fetch import FetchError, fetch
from offers.imports.report import report_lines
from offers.imports.service import preview
from offers.imports.validate import Problem
from offers.models import ImportLog
from partners.selectors import editor_emails

MAILED_LINES = 100  # a report longer than this is cut in the e-mail; the admin's upload shows it all
logger = logging.getLogger(__name__)


def import_feed(partner) -> ImportLog:
    """Fetches and imports the partner's feed; returns the import log entry of this attempt."""
    try:
        data = fetch(partner.feed_url)
    except FetchError as error:
        return fail(partner, [Problem(0, "", str(error))])
    result = preview(data=data, partner=partner, complete=False)
    if result.plan is None:
        return fail(partner, result.problems)
    try:
        return apply_plan(plan=result.plan, by=None, file_name=partner.feed_url, source=ImportLog.Source.FEED)
    except Exception:  # apply_plan is one transaction: whatever went wrong, nothing was written
        logger.exception("Feed import of partner %s failed while writing", partner.slug)
        return fail(partner, [Problem(0, "", _("Beim Speichern ist ein Fehler aufgetreten."))])


def fail(partner, problems: list[Problem]) -> ImportLog:
    log = ImportLog.objects.create(
        partner=partner, file_name=partner.feed_url[:255], source=ImportLog.Source.FEED, problems=len(problems)
    )
    recipients = editor_emails(partner)
    if recipients:
        send_mail(failure_subject(partner), failure_text(partner, problems), None, recipients)
    else:
        logger.warning("Feed of partner %s failed, but it has no editor with an e-mail address", partner.slug)
    return log


def failure_subject(partner) -> str:
    return _("Katalog-Feed von %(partner)s nicht übernommen") % {"partner": partner.name}


def failure_text(partner, problems: list[Problem]) -> str:
    intro = ngettext(
        "der Katalog unter %(url)s wurde heute abgerufen, aber nicht übernommen: %(count)s Problem. Es wurde nichts "
        "gespeichert, Ihre Angebote im %(site)s sind unverändert.",
        "der Katalog unter %(url)s wurde heute abgerufen, aber nicht übernommen: %(count)s Probleme. Es wurde nichts "
        "gespeichert, Ihre Angebote im %(site)s sind unverändert.",
        len(problems),
    ) % {"url": partner.feed_url, "count": len(problems), "site": settings.SITE_NAME}
    lines = report_lines(problems)
    if len(lines) > MAILED_LINES:
        rest = len(lines) - MAILED_LINES
        lines = [*lines[:MAILED_LINES], _("… und %(count)s weitere.") % {"count": rest}]
    outro = _(
        "Bitte korrigieren Sie den Export; der nächste Abruf ist morgen. Wenn Sie die Datei in der Verwaltung unter "
        "„Importe“ → „Angebote importieren“ hochladen, sehen Sie den Bericht sofort."
    )
    return "\n".join([_("Guten Tag,"), "", intro, "", *lines, "", outro, "", settings.SITE_NAME])
