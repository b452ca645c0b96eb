from django.db import models
from django.utils.translation import gettext_lazy as _

from places.validators import validate_postcode


class Postcode(models.Model):
    """A German postcode with the coordinates of one place it serves (GeoNames; a code can serve several)."""

    code = models.CharField(_("Postleitzahl"), max_length=5, db_index=True, validators=[validate_postcode])
    city = models.CharField(_("Ort"), max_length=100, db_index=True)
    latitude = models.FloatField(_("Breitengrad"))
    longitude = models.FloatField(_("Längengrad"))
    # The NUTS-3 district (Kreis / kreisfreie Stadt) the postcode lies in: the unit the network's regions are made of.
    district_code = models.CharField(_("Kreis (NUTS-3-Code)"), max_length=5, blank=True, db_index=True)
    district = models.CharField(_("Kreis"), max_length=100, blank=True)

    class Meta:
        ordering = ["code", "city"]
        constraints = [models.UniqueConstraint(fields=["code", "city"], name="unique_postcode_city")]
        verbose_name = _("Postleitzahl")
        verbose_name_plural = _("Postleitzahlen")

    def __str__(self) -> str:
        return f"{self.code} {self.city}"
