"""The accounts' own audit: changes to a user's second factor, which no coordinator may make."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccountAuditEntry(models.Model):
    class Action(models.TextChoices):
        FACTOR_SET_UP = "factor_set_up", _("Zweiten Faktor eingerichtet")
        FACTOR_RESET = "factor_reset", _("Zweiten Faktor zurückgesetzt")

    at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True)
    # Names are kept as text as well, so the entry outlives a deleted account.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("durch")
    )
    actor_name = models.CharField(_("durch (Benutzername)"), max_length=150)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("Konto")
    )
    subject_name = models.CharField(_("Konto (Benutzername)"), max_length=150)
    action = models.CharField(_("Aktion"), max_length=20, choices=Action.choices)
    address = models.GenericIPAddressField(_("Adresse"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("Kontoprotokoll-Eintrag")
        verbose_name_plural = _("Kontoprotokoll")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name}: {self.get_action_display()} ({self.subject_name})"


class KeptForm(models.Model):
    """A form a staff member sent after the idle logout, kept until they are back (accounts/kept_forms.py).

    It may hold personal data (a session note), so it belongs to one user, is found only by its random token and
    expires after KEPT_FORM_HOURS."""

    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Addresses of any length (a long search on the page), so text fields.
    action = models.TextField(_("Ziel des Formulars"))
    page = models.TextField(_("Seite des Formulars"))
    data = models.JSONField(_("Eingaben"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("aufbewahrte Eingabe")
        verbose_name_plural = _("aufbewahrte Eingaben")

    def __str__(self) -> str:
        return self.page
