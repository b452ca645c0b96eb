import datetime
import random
import secrets

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from offers.querysets import OfferQuerySet, RunQuerySet
from partners.models import ContactPerson, Language, Partner


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


class Sector(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("Name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Branche")
        verbose_name_plural = _("Branchen")

    def __str__(self) -> str:
        return self.name


class TargetGroup(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("Name"), max_length=150)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")

    def __str__(self) -> str:
        return self.name


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
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)  # the sitemap's lastmod

    class Meta:
        ordering = ["name"]
        verbose_name = _("Förderprogramm")
        verbose_name_plural = _("Förderprogramme")

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("funding:detail", args=[self.slug])


class Postcode(models.Model):
    code = models.CharField(_("Postleitzahl"), max_length=5, db_index=True)
    city = models.CharField(_("Ort"), max_length=100, db_index=True)
    latitude = models.FloatField(_("Breitengrad"))
    longitude = models.FloatField(_("Längengrad"))

    class Meta:
        ordering = ["code", "city"]
        constraints = [models.UniqueConstraint(fields=["code", "city"], name="unique_postcode_city")]
        verbose_name = _("Postleitzahl")
        verbose_name_plural = _("Postleitzahlen")

    def __str__(self) -> str:
        return f"{self.code} {self.city}"


SAMPLE_RANGE = 10_000


def random_sample() -> int:
    return random.randrange(SAMPLE_RANGE)


class Offer(models.Model):
    class Kind(models.TextChoices):
        ANPASSUNG = "anpassung", _("Anpassungsweiterbildung")
        TEILQUALIFIZIERUNG = "teilqualifizierung", _("Teilqualifizierung")
        EXTERNENPRUEFUNG = "externenpruefung", _("Vorbereitung auf die Externenprüfung")
        UMSCHULUNG = "umschulung", _("Umschulung")
        AUFSTIEG = "aufstiegsfortbildung", _("Aufstiegsfortbildung")
        STUDIUM = "studium", _("Berufsbegleitendes Studium")
        SPRACHKURS = "sprachkurs", _("Berufsbezogener Sprachkurs")
        BERATUNG = "beratung", _("Beratung / Kompetenzfeststellung")
        INHOUSE = "inhouse", _("Inhouse-Schulung")

    class CertificateKind(models.TextChoices):
        TEILNAHME = "teilnahme", _("Teilnahmebescheinigung")
        ZERTIFIKAT = "zertifikat", _("Zertifikat des Anbieters")
        KAMMER = "kammer", _("Kammerprüfung / staatlich anerkannter Abschluss")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        PUBLISHED = "published", _("veröffentlicht")
        ARCHIVED = "archived", _("archiviert")

    provider = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="offers", verbose_name=_("Anbieter"))
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=220, unique=True)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=300)
    description = models.TextField(_("Beschreibung"), blank=True)
    kind = models.CharField(_("Art"), max_length=30, choices=Kind.choices)
    entry_levels = models.ManyToManyField(
        QualificationStep, related_name="offers_open", verbose_name=_("Offen für (Stufe)")
    )
    leads_to = models.ForeignKey(
        QualificationStep,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offers_leading",
        verbose_name=_("Führt zu (Stufe)"),
    )
    dqr_level = models.PositiveSmallIntegerField(
        _("DQR-Niveau"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, _("Das DQR-Niveau liegt zwischen 1 und 8.")),
            MaxValueValidator(8, _("Das DQR-Niveau liegt zwischen 1 und 8.")),
        ],
        help_text=_("Nur angeben, wenn das Angebot auf einen DQR-zugeordneten Abschluss vorbereitet."),
    )
    certificate = models.CharField(_("Abschluss / Zertifikat"), max_length=200, blank=True)
    certificate_kind = models.CharField(
        _("Art des Abschlusses"), max_length=20, choices=CertificateKind.choices, default=CertificateKind.ZERTIFIKAT
    )
    sectors = models.ManyToManyField(Sector, related_name="offers", verbose_name=_("Branchen"), blank=True)
    target_groups = models.ManyToManyField(
        TargetGroup, related_name="offers", verbose_name=_("Zielgruppen"), blank=True
    )
    funding_programmes = models.ManyToManyField(
        FundingProgramme, related_name="offers", verbose_name=_("Förderprogramme"), blank=True
    )
    azav = models.BooleanField(_("AZAV-zugelassen"), default=False)
    teaching_hours = models.PositiveIntegerField(_("Unterrichtseinheiten (UE)"), null=True, blank=True)
    duration_text = models.CharField(_("Dauer"), max_length=200, blank=True)
    price = models.DecimalField(
        _("Preis in Euro"),
        max_digits=9,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0, _("Der Preis darf nicht negativ sein (0 = kostenlos)."))],
    )
    price_note = models.CharField(_("Hinweis zum Preis"), max_length=300, blank=True)
    languages = models.ManyToManyField(Language, verbose_name=_("Unterrichtssprachen"), blank=True)
    inhouse_possible = models.BooleanField(_("auch als Inhouse-Schulung"), default=False)
    accessibility_notes = models.TextField(_("Hinweise zur Barrierefreiheit"), blank=True)
    contact_person = models.ForeignKey(
        ContactPerson, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("Ansprechperson")
    )
    registration_url = models.URLField(_("Link zur Anmeldung"), blank=True)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)
    last_confirmed_at = models.DateTimeField(_("zuletzt bestätigt"), default=timezone.now)
    # Kept up to date from the runs by OfferQuerySet.refresh_dates (signals in offers.signals), so that
    # listing and sorting by start date stay single-table operations at 100,000+ offers.
    listed_until = models.DateField(_("sichtbar bis"), null=True, blank=True, editable=False)
    next_start = models.DateField(_("nächster Beginn"), null=True, blank=True, editable=False)
    # PostgreSQL only (stays empty on SQLite); GIN index in migration 0003.
    search_vector = SearchVectorField(null=True, editable=False)
    # A random number in [0, SAMPLE_RANGE) drawn once per offer: facet counts of a very large search are taken on
    # the offers with sample < k (an index range, see offers.filters), a uniform sample of any filtered set.
    sample = models.PositiveSmallIntegerField(default=random_sample, editable=False)
    history = HistoricalRecords(
        m2m_fields=[entry_levels, sectors, target_groups, funding_programmes],
        excluded_fields=["search_vector", "listed_until", "next_start", "sample"],
    )

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")
        indexes = [
            models.Index(fields=["status", "listed_until"], name="offer_listed_idx"),
            models.Index(fields=["next_start", "id"], name="offer_next_start_idx"),
            models.Index(fields=["-created_at", "id"], name="offer_newest_idx"),
            models.Index(fields=["title", "id"], name="offer_title_idx"),
            models.Index(fields=["kind"], name="offer_kind_idx"),
            models.Index(fields=["last_confirmed_at"], name="offer_confirmed_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("offers:detail", args=[self.slug])

    @property
    def is_free(self) -> bool:
        return self.price == 0

    @property
    def is_stale(self) -> bool:
        """Not confirmed by its provider for more than OFFER_STALE_AFTER_DAYS days."""
        limit = timezone.now() - datetime.timedelta(days=settings.OFFER_STALE_AFTER_DAYS)
        return self.last_confirmed_at < limit

    def refresh_dates(self) -> None:
        Offer.objects.filter(pk=self.pk).refresh_dates()
        self.listed_until, self.next_start = (
            Offer.objects.filter(pk=self.pk).values_list("listed_until", "next_start").get()
        )

    def clean(self) -> None:
        if self.contact_person_id and self.provider_id and self.contact_person.partner_id != self.provider_id:
            raise ValidationError(
                {"contact_person": _("Die Ansprechperson muss zum Anbieter dieses Angebots gehören.")}
            )


class Run(models.Model):
    """A dated run of an offer (schema.org CourseInstance, KURSNET "Termin")."""

    class Schedule(models.TextChoices):
        VOLLZEIT = "vollzeit", _("Vollzeit")
        TEILZEIT = "teilzeit", _("Teilzeit")
        BERUFSBEGLEITEND = "berufsbegleitend", _("berufsbegleitend (abends / Wochenende)")
        FLEXIBEL = "flexibel", _("flexibel")

    class LearningForm(models.TextChoices):
        PRAESENZ = "praesenz", _("Präsenz")
        ONLINE_LIVE = "online-live", _("Online live (virtuelles Klassenzimmer)")
        SELBSTLERNEN = "selbstlernen", _("Online Selbstlernen")
        BLENDED = "blended", _("Blended / Hybrid")
        FERNUNTERRICHT = "fernunterricht", _("Fernunterricht")

    class Status(models.TextChoices):
        OPEN = "open", _("Anmeldung offen")
        FEW = "few", _("wenige Plätze")
        FULL = "full", _("ausgebucht")
        CANCELLED = "cancelled", _("abgesagt")

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="runs", verbose_name=_("Angebot"))
    rolling_start = models.BooleanField(_("laufender Einstieg"), default=False)
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    application_deadline = models.DateField(_("Anmeldeschluss"), null=True, blank=True)
    schedule = models.CharField(_("Zeitform"), max_length=20, choices=Schedule.choices)
    learning_form = models.CharField(_("Lernform"), max_length=20, choices=LearningForm.choices)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=5, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    latitude = models.FloatField(_("Breitengrad"), null=True, blank=True)
    longitude = models.FloatField(_("Längengrad"), null=True, blank=True)
    seats = models.PositiveIntegerField(_("Plätze"), null=True, blank=True)
    status = models.CharField(_("Platzstatus"), max_length=10, choices=Status.choices, default=Status.OPEN)
    start_guaranteed = models.BooleanField(_("Durchführung garantiert"), default=False)
    history = HistoricalRecords()

    objects = RunQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")
        indexes = [
            models.Index(fields=["offer", "start_date"], name="run_offer_start_idx"),
            models.Index(fields=["start_date"], name="run_start_idx"),
            models.Index(fields=["latitude", "longitude"], name="run_place_idx"),
        ]

    def __str__(self) -> str:
        when = _("laufender Einstieg") if self.rolling_start else (self.start_date or "–")
        return f"{self.offer} – {when}"

    def save(self, *args, **kwargs):
        self.locate_venue()
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        run = super().from_db(db, field_names, values, **kwargs)
        run._loaded_postcode = run.__dict__.get("postcode")
        return run

    def locate_venue(self) -> None:
        """Coordinates follow the venue's postcode, however the run is saved: radius search must not find a run
        at a place it has left. Coordinates given with a new venue (more exact than the postcode) are kept."""
        moved = self.postcode != getattr(self, "_loaded_postcode", self.postcode)
        if not self.postcode:
            if moved:  # the venue was given up (e.g. the run went online)
                self.latitude = self.longitude = None
            return
        if moved or self.latitude is None or self.longitude is None:
            place = Postcode.objects.filter(code=self.postcode).order_by("pk").first()
            self.latitude, self.longitude = (place.latitude, place.longitude) if place else (None, None)

    def clean(self) -> None:
        errors = {}
        if not self.rolling_start and not self.start_date:
            errors["start_date"] = _("Bitte einen Beginn angeben oder „laufender Einstieg“ ankreuzen.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Das Ende darf nicht vor dem Beginn liegen.")
        if self.start_date and self.application_deadline and self.application_deadline > self.start_date:
            errors["application_deadline"] = _("Der Anmeldeschluss darf nicht nach dem Beginn liegen.")
        needs_venue = self.learning_form in (self.LearningForm.PRAESENZ, self.LearningForm.BLENDED)
        if needs_venue and not (self.postcode and self.city):
            errors["city"] = _("Für einen Präsenz- oder Hybridtermin bitte Postleitzahl und Ort des Lernorts angeben.")
        if errors:
            raise ValidationError(errors)


class CatalogueVersion(models.Model):
    """A single row whose token changes with every edit that can change what the public search shows.

    Cached facet counts and totals are keyed by it (offers.filters), so an edit by any process invalidates
    them in every process, whatever the cache backend. A random token rather than a counter: a rolled-back
    transaction cannot make an old number, and with it an old cache entry, valid again.
    """

    token = models.CharField(max_length=32, default="")

    def __str__(self) -> str:
        return self.token

    @classmethod
    def current(cls) -> str:
        return cls.objects.filter(pk=1).values_list("token", flat=True).first() or "-"

    @classmethod
    def bump(cls) -> None:
        token = secrets.token_hex(8)
        if not cls.objects.filter(pk=1).update(token=token):
            cls.objects.update_or_create(pk=1, defaults={"token": token})
        SearchSummary.objects.all().delete()  # keyed by the old token: never read again


class SearchSummary(models.Model):
    """Totals and facet counts of one search under one catalogue version and day (key as in OfferFilter), shared by
    all processes: the first process computes them while the others wait for it (an advisory lock on PostgreSQL),
    instead of each one counting a large catalogue at the same time. Emptied whenever the version changes."""

    key = models.CharField(max_length=120, primary_key=True)
    data = models.JSONField()

    def __str__(self) -> str:
        return self.key
