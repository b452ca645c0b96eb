"""An offer's title and summary in another interface language, written by the provider's editors."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from multilingual.columns import other_languages


class OfferTranslation(models.Model):
    offer = models.ForeignKey("offers.Offer", on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("Sprache"), max_length=8, choices=other_languages())
    title = models.CharField(_("Titel"), max_length=200)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=300, blank=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("Übersetzung")
        verbose_name_plural = _("Übersetzungen")
        constraints = [models.UniqueConstraint(fields=["offer", "language"], name="one_translation_per_language")]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"
