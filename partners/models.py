from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from locking.models import VersionedModel
from multilingual.columns import translatable
from places.distance import LocatedQuerySet
from places.validators import validate_phone, validate_postcode


@translatable("name")
class Service(models.Model):
    """What a partner offers: Qualifizierungsberatung, Fördermittelberatung, …"""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("Name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Leistung")
        verbose_name_plural = _("Leistungen")

    def __str__(self) -> str:
        return self.name


@translatable("name")
class Language(models.Model):
    """A language spoken by a partner's staff or used for teaching (ISO 639-1 code)."""

    code = models.SlugField(_("Code"), max_length=8, unique=True)
    name = models.CharField(_("Name"), max_length=60)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")

    def __str__(self) -> str:
        return self.name


class PartnerQuerySet(LocatedQuerySet):
    def active(self) -> PartnerQuerySet:
        return self.filter(active=True)

    def contact_points(self) -> PartnerQuerySet:
        """The active contact points of the Lotsennetzwerk, by name (the nearest first: with_distance_from(place),
        then order by distance_km)."""
        return self.active().filter(is_contact_point=True).order_by("name", "pk")

    def advising_on(self, service: str | None) -> PartnerQuerySet:
        """The contact points and, where a question needs a special advice (the chambers' start-up advice), every
        active partner that gives it."""
        advising = models.Q(is_contact_point=True)
        if service:
            advising |= models.Q(models.Exists(self._services_of_row().filter(service__slug=service)))
        return self.active().filter(advising).order_by("name", "pk")

    def within_reach(self, place, km: float) -> PartnerQuerySet:
        """Partners at most `km` from `place` and, wherever they are, those that advise by phone or video; annotated
        with distance_km."""
        located = self.with_distance_from(place)
        return located.filter(models.Q(distance_km__lte=km) | models.Q(advises_remotely=True))

    def ranked(self, *, languages: list[str], service: str | None) -> PartnerQuerySet:
        """Those speaking one of `languages` (ISO codes) first, then those giving `service`, in the current order."""
        first = {}
        if languages:
            first["speaks"] = models.Exists(self._languages_of_row().filter(language__code__in=languages))
        if service:
            first["gives"] = models.Exists(self._services_of_row().filter(service__slug=service))
        if not first:
            return self
        order = self.query.order_by or ("name", "pk")
        return self.alias(**first).order_by(*(models.F(name).desc() for name in first), *order)

    def _services_of_row(self):
        return Partner.services.through.objects.filter(partner_id=models.OuterRef("pk"))

    def _languages_of_row(self):
        return Partner.languages.through.objects.filter(partner_id=models.OuterRef("pk"))

    def taking_requests(self) -> PartnerQuerySet:
        """Partners where an active counsellor reads the requests on the desk: the only offices the public request
        form offers, so that every request reaches a person (docs/domain.md, "Requests")."""
        counsellors = Membership.objects.filter(
            partner=models.OuterRef("pk"), role=Membership.Role.COUNSELLOR, user__is_active=True
        )
        return self.filter(models.Exists(counsellors))


def validate_web_address(value: str) -> None:
    if urlsplit(value).scheme.lower() not in ("http", "https"):
        raise ValidationError(_("Bitte eine Adresse mit http:// oder https:// angeben."), code="scheme")


class Partner(VersionedModel):
    class Kind(models.TextChoices):
        IHK = "ihk", _("IHK")
        HWK = "hwk", _("Handwerkskammer")
        AGENTUR = "agentur", _("Agentur für Arbeit")
        JOBCENTER = "jobcenter", _("Jobcenter")
        TRAEGER = "traeger", _("Bildungsträger")
        BERATUNG = "beratung", _("Beratungsstelle")
        HOCHSCHULE = "hochschule", _("Hochschule")
        UNTERNEHMEN = "unternehmen", _("Unternehmen")
        VERBAND = "verband", _("Verband / Gewerkschaft")
        SOZIALVERSICHERUNG = "sozialversicherung", _("Sozialversicherung")
        NETZWERK = "netzwerk", _("Netzwerk / Initiative")

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=200, unique=True)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("Beschreibung"), blank=True)
    services = models.ManyToManyField(Service, verbose_name=_("Leistungen"), blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=5, blank=True, validators=[validate_postcode])
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    latitude = models.FloatField(_("Breitengrad"), null=True, blank=True)
    longitude = models.FloatField(_("Längengrad"), null=True, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True, validators=[validate_phone])
    email = models.EmailField(_("E-Mail"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    # Fetched once a day and imported like an uploaded file (offers/imports/partner_feeds.py, docs/import.md).
    feed_url = models.URLField(
        _("Adresse des eigenen Katalog-Exports"),
        max_length=500,
        blank=True,
        validators=[validate_web_address],
        help_text=_(
            "CSV, XLSX (Importvorlage) oder open-Qcat-XML unter http:// oder https://. Der Katalog wird täglich "
            "abgerufen und übernommen; bei einem Fehler wird nichts geändert und die Redaktion erhält den Bericht."
        ),
    )
    opening_hours = models.TextField(_("Öffnungszeiten"), blank=True)
    languages = models.ManyToManyField(Language, verbose_name=_("Gesprochene Sprachen"), blank=True)
    accessibility = models.TextField(_("Barrierefreiheit"), blank=True)
    advises_remotely = models.BooleanField(
        _("berät auch per Telefon oder Video"),
        default=False,
        help_text=_("Der Lotse nennt solche Anlaufstellen auch Ratsuchenden, die weiter weg wohnen."),
    )
    is_contact_point = models.BooleanField(_("Anlaufstelle des Lotsennetzwerks"), default=False)
    active = models.BooleanField(_("aktiv"), default=True)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)
    history = HistoricalRecords(m2m_fields=[services, languages])

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("Partner")
        verbose_name_plural = _("Partner")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partners:detail", args=[self.slug])

    @property
    def map_url(self) -> str:
        """A link to the address on OpenStreetMap (a link only: our pages make no external requests)."""
        if self.latitude is not None and self.longitude is not None:
            lat, lon = f"{self.latitude:.5f}", f"{self.longitude:.5f}"
            return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        address = " ".join(part for part in (self.street, self.postcode, self.city) if part)
        return f"https://www.openstreetmap.org/search?{urlencode({'query': address})}" if address else ""


class ContactPerson(models.Model):
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="contact_persons", verbose_name=_("Partner")
    )
    name = models.CharField(_("Name"), max_length=200)
    position = models.CharField(_("Funktion"), max_length=200, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True, validators=[validate_phone])
    email = models.EmailField(_("E-Mail"), blank=True)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name", "pk"]
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")

    def __str__(self) -> str:
        return f"{self.name} ({self.partner})"


class Membership(models.Model):
    class Role(models.TextChoices):
        EDITOR = "editor", _("Redaktion")
        COUNSELLOR = "counsellor", _("Beratung")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("Konto")
    )
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "partner", "role"], name="unique_membership")]
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")

    def __str__(self) -> str:
        return f"{self.user} – {self.partner} ({self.get_role_display()})"
