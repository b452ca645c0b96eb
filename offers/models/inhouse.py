"""In-house requests: a company asks a provider for a course at its own site for N employees. The provider's
editors read the request and answer it in the admin; the company reads the answer at a private link (no account)
whose token is stored only as a hash and stops working after INHOUSE_LINK_DAYS days."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from offers.models.offer import Offer
from partners.models import Partner
from places.validators import validate_phone, validate_postcode

INHOUSE_LINK_DAYS = 90


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InhouseRequestQuerySet(models.QuerySet):
    def by_token(self, token: str) -> InhouseRequest | None:
        """The request of a private link, or None for a token that was never issued (however it looks)."""
        if not token or len(token) > 100:
            return None
        return self.select_related("offer__provider").filter(token_hash=token_hash(token)).first()


class InhouseRequest(models.Model):
    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="inhouse_requests", verbose_name=_("Angebot")
    )
    company = models.CharField(_("Unternehmen"), max_length=200)
    contact_name = models.CharField(_("Ansprechperson"), max_length=200)
    email = models.EmailField(_("E-Mail"))
    phone = models.CharField(_("Telefon"), max_length=40, blank=True, validators=[validate_phone])
    site_postcode = models.CharField(_("Postleitzahl des Standorts"), max_length=5, validators=[validate_postcode])
    site_city = models.CharField(_("Ort des Standorts"), max_length=100)
    participants = models.PositiveIntegerField(
        _("Zahl der Beschäftigten im Kurs"),
        validators=[
            MinValueValidator(1, _("Bitte 1 bis 500 Teilnehmende angeben.")),
            MaxValueValidator(500, _("Bitte 1 bis 500 Teilnehmende angeben.")),
        ],
    )
    period = models.CharField(_("Gewünschter Zeitraum"), max_length=200, blank=True)
    message = models.TextField(_("Nachricht"), blank=True)
    counselling_office = models.ForeignKey(
        Partner,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Auch an die Beratungsstelle"),
    )
    consent_given_at = models.DateTimeField(_("Einwilligung am"))
    consent_version = models.CharField(_("Fassung der Einwilligung"), max_length=20)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("eingegangen"), default=timezone.now, db_index=True)
    answer_date = models.DateField(_("Vorgeschlagener Termin"), null=True, blank=True)
    answer_price = models.DecimalField(
        _("Preis in Euro"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("Der Preis darf nicht negativ sein (0 = kostenlos)."))],
    )
    answer_text = models.TextField(_("Antwort an das Unternehmen"), blank=True)
    answered_at = models.DateTimeField(_("beantwortet am"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = InhouseRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Inhouse-Anfrage")
        verbose_name_plural = _("Inhouse-Anfragen")

    def __str__(self) -> str:
        return f"{self.company} – {self.offer}"

    def issue_token(self) -> str:
        """A new unguessable token for the private link; only its hash is kept."""
        token = secrets.token_urlsafe(32)
        self.token_hash = token_hash(token)
        return token

    @property
    def expires_at(self) -> datetime.datetime:
        return self.created_at + datetime.timedelta(days=INHOUSE_LINK_DAYS)

    @property
    def expired(self) -> bool:
        return timezone.now() >= self.expires_at


class InhouseRequestRead(models.Model):
    """Who opened or answered an in-house request with the company's contact data, and when (least access: the
    provider's editors only, each read logged)."""

    class Action(models.TextChoices):
        VIEW = "view", _("angesehen")
        ANSWER = "answer", _("beantwortet")

    request = models.ForeignKey(InhouseRequest, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    actor = models.CharField(_("Wer"), max_length=150)
    at = models.DateTimeField(_("Zeitpunkt"), default=timezone.now)
    action = models.CharField(_("Aktion"), max_length=10, choices=Action.choices)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("Zugriff auf eine Inhouse-Anfrage")
        verbose_name_plural = _("Zugriffe auf Inhouse-Anfragen")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.get_action_display()}"
