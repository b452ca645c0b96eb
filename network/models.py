"""The network's regions and its demand record. Nothing here is personal: the demand record holds counts per day of
vocabulary slugs, NUTS-3 district codes and words many visitors searched (docs/domain.md, the demand record)."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

validate_nuts3 = RegexValidator(r"^DE[0-9A-G][0-9A-Z]{2}$", _("Bitte einen NUTS-3-Code wie DE804 angeben."))


class Region(models.Model):
    """A region of the network, made of NUTS-3 districts (Kreise, kreisfreie Städte); coordinators define them."""

    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Region")
        verbose_name_plural = _("Regionen")

    def __str__(self) -> str:
        return self.name


class RegionDistrict(models.Model):
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="districts")
    code = models.CharField(_("Kreis (NUTS-3-Code)"), max_length=5, unique=True, validators=[validate_nuts3])

    class Meta:
        ordering = ["code"]
        verbose_name = _("Kreis der Region")
        verbose_name_plural = _("Kreise der Region")

    def __str__(self) -> str:
        return self.code


class DemandCount(models.Model):
    """How often something was asked for on one day. Every column is a known value (a vocabulary slug, a choice, a
    district code) or a word at least five visitors searched that day, never text as typed."""

    class Kind(models.TextChoices):
        SEARCH = "search", _("Suche ohne Treffer")
        SEARCH_WORD = "search-word", _("Suchwort ohne Treffer")
        GUIDE = "guide", _("Antwort im Lotsen")
        REQUEST = "request", _("Beratungsanfrage")

    day = models.DateField(_("Tag"), db_index=True)
    kind = models.CharField(_("Art"), max_length=15, choices=Kind.choices)
    district_code = models.CharField(_("Kreis (NUTS-3-Code)"), max_length=5, blank=True)
    who = models.CharField(_("Wer"), max_length=20, blank=True)
    step = models.CharField(_("Stufe"), max_length=50, blank=True)
    goal = models.CharField(_("Ziel"), max_length=20, blank=True)
    sector = models.CharField(_("Branche"), max_length=50, blank=True)
    topic = models.CharField(_("Thema"), max_length=20, blank=True)
    filters = models.CharField(_("Filter"), max_length=300, blank=True)
    word = models.CharField(_("Suchwort"), max_length=40, blank=True)
    count = models.PositiveIntegerField(_("Anzahl"), default=0)

    class Meta:
        ordering = ["-day", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "kind", "district_code", "who", "step", "goal", "sector", "topic", "filters", "word"],
                name="one_demand_count_per_day_and_kind",
            )
        ]
        verbose_name = _("Nachfrage (Tageszählung)")
        verbose_name_plural = _("Nachfrage (Tageszählungen)")

    def __str__(self) -> str:
        return f"{self.day} {self.get_kind_display()}: {self.count}"
