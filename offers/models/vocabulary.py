"""The fixed vocabularies an offer is described with: the qualification ladder, sectors, target groups and funding
programmes."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from multilingual.columns import translatable


@translatable("name", "who", "next_step")
class QualificationStep(models.Model):
    """One step of the qualification ladder (Quali-Lift "Paternoster"); slugs are fixed."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("Name"), max_length=100)
    who = models.CharField(_("Wer hier steht"), max_length=300, blank=True)
    next_step = models.CharField(_("Nächster Schritt"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), unique=True)

    class Meta:
        ordering = ["order"]
        verbose_name = _("Qualifizierungsstufe")
        verbose_name_plural = _("Qualifizierungsstufen")

    def __str__(self) -> str:
        return self.name


@translatable("name")
class Sector(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("Name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Branche")
        verbose_name_plural = _("Branchen")

    def __str__(self) -> str:
        return self.name


@translatable("name")
class TargetGroup(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("Name"), max_length=150)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")

    def __str__(self) -> str:
        return self.name


@translatable("name", "short_name", "eligible", "pays", "description")
class FundingProgramme(models.Model):
    class Region(models.TextChoices):
        BUND = "bund", _("bundesweit")
        BW = "bw", _("Baden-Württemberg")
        MV = "mv", _("Mecklenburg-Vorpommern")

    name = models.CharField(_("Name"), max_length=200)
    short_name = models.CharField(_("Kurzname"), max_length=60)
    slug = models.SlugField(unique=True)
    sponsor = models.CharField(_("Träger"), max_length=200, blank=True)
    legal_basis = models.CharField(_("Rechtsgrundlage"), max_length=200, blank=True)
    eligible = models.TextField(_("Wer gefördert wird"), blank=True)
    pays = models.TextField(_("Was gefördert wird"), blank=True)
    description = models.TextField(_("Erklärung in einfacher Sprache"), blank=True)
    url = models.URLField(_("Offizielle Seite"), blank=True)
    region = models.CharField(_("Region"), max_length=10, choices=Region.choices, default=Region.BUND)
    active = models.BooleanField(_("aktiv"), default=True)
    rules_checked_on = models.DateField(
        _("Stand der Regeln"),
        null=True,
        blank=True,
        help_text=_("Wann die Fördersätze zuletzt an der Rechtsgrundlage geprüft wurden (zeigt der Kostenrechner)."),
    )
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)  # the sitemap's lastmod

    class Meta:
        ordering = ["name"]
        verbose_name = _("Förderprogramm")
        verbose_name_plural = _("Förderprogramme")

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("funding:detail", args=[self.slug])
