"""Qualification paths: a recognised qualification reached step by step, through modules (Teilqualifizierungen or
the parts of an exam preparation) whose offers may come from several providers, ending in the chamber's exam."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from offers.models.offer import Offer


class QualificationPathQuerySet(models.QuerySet):
    def published(self) -> QualificationPathQuerySet:
        return self.filter(published=True)


class QualificationPath(models.Model):
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=120, unique=True)
    qualification = models.CharField(_("Ziel-Abschluss"), max_length=200)
    dqr_level = models.PositiveSmallIntegerField(
        _("DQR-Niveau"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, _("Das DQR-Niveau liegt zwischen 1 und 8.")),
            MaxValueValidator(8, _("Das DQR-Niveau liegt zwischen 1 und 8.")),
        ],
    )
    chamber = models.CharField(_("Prüfende Kammer"), max_length=200, blank=True)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=300)
    description = models.TextField(_("Beschreibung"), blank=True)
    duration_text = models.CharField(_("Dauer"), max_length=200, blank=True)
    exam = models.TextField(_("Die Prüfung"), blank=True, help_text=_("Zulassung, Form und Ort der Abschlussprüfung."))
    example = models.TextField(
        _("Beispiel aus der Praxis"),
        blank=True,
        help_text=_("Ein Beispiel, wie der Weg schon gefördert wurde; wird als Text gezeigt, nicht berechnet."),
    )
    published = models.BooleanField(_("veröffentlicht"), default=False)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    objects = QualificationPathQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("Qualifizierungsweg")
        verbose_name_plural = _("Qualifizierungswege")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("paths:detail", args=[self.slug])


class PathModule(models.Model):
    path = models.ForeignKey(
        QualificationPath, on_delete=models.CASCADE, related_name="modules", verbose_name=_("Qualifizierungsweg")
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), validators=[MinValueValidator(1)])
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Inhalt"), blank=True)
    offers = models.ManyToManyField(
        Offer, through="ModuleOffer", related_name="path_modules", verbose_name=_("Angebote"), blank=True
    )

    class Meta:
        ordering = ["path", "position", "pk"]
        verbose_name = _("Modul")
        verbose_name_plural = _("Module")
        constraints = [
            models.UniqueConstraint(
                fields=["path", "position"],
                name="pathmodule_unique_position",
                violation_error_message=_("Dieser Weg hat schon ein Modul an dieser Stelle."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.path} – {self.position}. {self.title}"


class ModuleOffer(models.Model):
    """An offer that teaches a module; the provider's editors attach their own offers (admin scoped by provider)."""

    module = models.ForeignKey(PathModule, on_delete=models.CASCADE, related_name="links", verbose_name=_("Modul"))
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="module_links", verbose_name=_("Angebot"))

    class Meta:
        ordering = ["module", "offer__title", "pk"]
        verbose_name = _("Angebot zu einem Modul")
        verbose_name_plural = _("Angebote zu Modulen")
        constraints = [
            models.UniqueConstraint(
                fields=["module", "offer"],
                name="moduleoffer_unique",
                violation_error_message=_("Dieses Angebot ist diesem Modul schon zugeordnet."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.module}: {self.offer}"
