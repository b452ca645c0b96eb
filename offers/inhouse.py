"""Writes for in-house requests: receive one (its private link, the mails to the provider's editors and to the
company), log each read of the company's contact data, and answer it."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from offers.models import INHOUSE_LINK_DAYS, InhouseRequest, InhouseRequestRead
from partners.selectors import editor_emails


def answer_url(token: str, base_url: str) -> str:
    return base_url.rstrip("/") + reverse("offers:inhouse_answer", args=[token])


@transaction.atomic
def inhouse_request_receive(*, request: InhouseRequest, consent_version: str, base_url: str) -> str:
    """Saves the request with its consent and a new private link, then tells the provider's editors (no personal
    data in that mail: they read it in the admin) and sends the company its link. Returns the link's token."""
    request.consent_given_at = timezone.now()
    request.consent_version = consent_version
    token = request.issue_token()
    request.save()
    offer = request.offer
    admin_link = base_url.rstrip("/") + reverse("admin:offers_inhouserequest_change", args=[request.pk])
    recipients = editor_emails(offer.provider)
    if recipients:
        # Queued, not sent here (operations.mail): a refused or hanging mail server cannot lose the request.
        send_mail(
            _("Neue Inhouse-Anfrage zu „%(offer)s“") % {"offer": offer.title},
            _("Ein Unternehmen fragt das Angebot als Inhouse-Schulung an. Die Anfrage: %(link)s")
            % {"link": admin_link},
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
    send_mail(
        _("Ihre Inhouse-Anfrage zu „%(offer)s“") % {"offer": offer.title},
        _(
            "Vielen Dank für Ihre Anfrage an %(provider)s. Die Antwort des Anbieters lesen Sie unter diesem "
            "persönlichen Link (%(days)s Tage gültig, bitte nicht weitergeben): %(link)s"
        )
        % {"provider": offer.provider.name, "days": INHOUSE_LINK_DAYS, "link": answer_url(token, base_url)},
        settings.DEFAULT_FROM_EMAIL,
        [request.email],
    )
    return token


def inhouse_read(*, request: InhouseRequest, by, action: str = InhouseRequestRead.Action.VIEW) -> None:
    InhouseRequestRead.objects.create(request=request, user=by, actor=by.get_username(), action=action)


@transaction.atomic
def inhouse_answer(*, request: InhouseRequest, by) -> InhouseRequest:
    """Marks the request answered (the form saved date, price and text) and tells the company; the answer is read
    at the link of the first mail (only its hash is stored, so the link cannot be sent again)."""
    request.answered_at = timezone.now()
    request.answered_by = by
    request.save(update_fields=["answered_at", "answered_by"])
    inhouse_read(request=request, by=by, action=InhouseRequestRead.Action.ANSWER)
    send_mail(
        _("Antwort auf Ihre Inhouse-Anfrage zu „%(offer)s“") % {"offer": request.offer.title},
        _(
            "%(provider)s hat Ihre Anfrage beantwortet. Sie lesen die Antwort unter dem persönlichen Link aus "
            "unserer ersten E-Mail."
        )
        % {"provider": request.offer.provider.name},
        settings.DEFAULT_FROM_EMAIL,
        [request.email],
    )
    return request
