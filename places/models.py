from django.db import models
from django.utils.translation import gettext_lazy as _

from places.districts import district_code, district_name
from places.names import search_key
from places.validators import validate_postcode_format


class Postcode(models.Model):
    """A German postcode with the coordinates of one place it serves (GeoNames; a code can serve several)."""

    code = models.CharField(_("Postleitzahl"), max_length=5, db_index=True, validators=[validate_postcode_format])
    city = models.CharField(_("Ort"), max_length=100, db_index=True)
    latitude = models.FloatField(_("Breitengrad"))
    longitude = models.FloatField(_("Längengrad"))
    # The NUTS-3 district (Kreis / kreisfreie Stadt) the postcode lies in: the unit the network's regions are made of.
    district_code = models.CharField(_("Kreis (NUTS-3-Code)"), max_length=5, blank=True, db_index=True)
    district = models.CharField(_("Kreis"), max_length=100, blank=True)
    # The town's name in one spelling (places.names), kept by save() and the import: a name typed in any spelling is
    # found by an indexed equality or prefix match, never by scanning the table.
    search_name = models.CharField(max_length=100, editable=False, db_index=True, default="")

    class Meta:
        ordering = ["code", "city"]
        constraints = [models.UniqueConstraint(fields=["code", "city"], name="unique_postcode_city")]
        verbose_name = _("Postleitzahl")
        verbose_name_plural = _("Postleitzahlen")

    def __str__(self) -> str:
        return f"{self.code} {self.city}"

    def save(self, *args, **kwargs):
        self.fill_derived_fields()
        super().save(*args, **kwargs)

    def fill_derived_fields(self) -> None:
        """The search key from the name; the district from the shipped mapping where none is given."""
        self.search_name = search_key(self.city)
        self.district_code = self.district_code or district_code(self.code)
        self.district = self.district or district_name(self.district_code)
