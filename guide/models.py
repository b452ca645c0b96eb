from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Regular training periods run from two to three and a half years (§ 5 Abs. 1 Nr. 2 BBiG); the wider bounds only
# catch typing errors such as years entered as months.
MIN_TRAINING_MONTHS = 12
MAX_TRAINING_MONTHS = 48


class OccupationQuerySet(models.QuerySet):
    def active(self) -> OccupationQuerySet:
        return self.filter(active=True)


class Occupation(models.Model):
    """A recognised occupation (Ausbildungsberuf) with the regular training period the Externenprüfung rule needs."""

    class Chamber(models.TextChoices):
        IHK = "ihk", _("Industrie- und Handelskammer (IHK)")
        HWK = "hwk", _("Handwerkskammer (HWK)")
        OTHER = "other", _("andere zuständige Stelle")

    name = models.CharField(_("Name"), max_length=150, unique=True)
    slug = models.SlugField(unique=True)
    training_months = models.PositiveSmallIntegerField(
        _("Regelausbildungszeit in Monaten"),
        validators=[MinValueValidator(MIN_TRAINING_MONTHS), MaxValueValidator(MAX_TRAINING_MONTHS)],
        help_text=_("laut Ausbildungsordnung, z. B. 36 für drei Jahre"),
    )
    chamber = models.CharField(_("Prüfende Stelle"), max_length=10, choices=Chamber.choices, default=Chamber.IHK)
    active = models.BooleanField(_("aktiv"), default=True, help_text=_("Nur aktive Berufe bietet der Lotse an."))

    objects = OccupationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Ausbildungsberuf")
        verbose_name_plural = _("Ausbildungsberufe")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(training_months__gte=MIN_TRAINING_MONTHS, training_months__lte=MAX_TRAINING_MONTHS),
                name="occupation_training_months_in_range",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_handwerk(self) -> bool:
        """Crafts are examined under the Handwerksordnung, every other occupation under the BBiG."""
        return self.chamber == self.Chamber.HWK
