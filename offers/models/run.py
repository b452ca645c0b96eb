"""Runs: the dated sessions of an offer, each with its schedule, learning form and venue."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When
from django.db.models.lookups import GreaterThan, LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from places.distance import LocatedQuerySet
from places.lookup import locate
from places.validators import validate_postcode

# How long a run lasts, for the `duration` filter (docs/search.md): from its start and end where it has both, else
# from the offer's teaching hours. A calendar month has at most 31 days and six at most 184, so a run of exactly
# one (six) calendar month(s) always falls in the shorter band. A month of teaching is 160 UE (full time: 40 UE a
# week for four weeks).
MONTH_DAYS, SIX_MONTHS_DAYS = 31, 184
MONTH_HOURS = 160


class RunQuerySet(LocatedQuerySet):
    def not_cancelled(self) -> RunQuerySet:
        return self.exclude(status=Run.Status.CANCELLED)

    def not_ended(self, today: datetime.date | None = None) -> RunQuerySet:
        """Runs that have not ended, or start on a rolling basis."""
        today = today or timezone.localdate()
        return self.filter(
            Q(rolling_start=True) | Q(end_date__gte=today) | Q(end_date__isnull=True, start_date__gte=today)
        )

    def current(self, today: datetime.date | None = None) -> RunQuerySet:
        """Runs one can still take part in: not cancelled and not ended (or rolling start)."""
        return self.not_cancelled().not_ended(today)

    def refresh_duration_bands(self) -> int:
        """Recompute the denormalised duration_band from the dates and the offer's teaching hours, in one UPDATE."""
        offers = self.model._meta.get_field("offer").related_model.objects
        hours = Subquery(offers.filter(pk=OuterRef("offer_id")).values("teaching_hours")[:1])
        dated = Q(start_date__isnull=False, end_date__isnull=False)
        band = Case(
            When(
                dated & Q(end_date__lte=F("start_date") + datetime.timedelta(days=MONTH_DAYS)),
                then=Value("bis-1-monat"),
            ),
            When(
                dated & Q(end_date__lte=F("start_date") + datetime.timedelta(days=SIX_MONTHS_DAYS)),
                then=Value("bis-6-monate"),
            ),
            When(dated, then=Value("laenger")),
            When(LessThanOrEqual(hours, MONTH_HOURS), then=Value("bis-1-monat")),
            When(LessThanOrEqual(hours, 6 * MONTH_HOURS), then=Value("bis-6-monate")),
            When(GreaterThan(hours, 6 * MONTH_HOURS), then=Value("laenger")),
            default=Value(""),
        )
        return self.update(duration_band=band)


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

    class DurationBand(models.TextChoices):
        UP_TO_A_MONTH = "bis-1-monat", _("bis 1 Monat")
        UP_TO_SIX_MONTHS = "bis-6-monate", _("bis 6 Monate")
        LONGER = "laenger", _("länger als 6 Monate")

    class Status(models.TextChoices):
        OPEN = "open", _("Anmeldung offen")
        FEW = "few", _("wenige Plätze")
        FULL = "full", _("ausgebucht")
        CANCELLED = "cancelled", _("abgesagt")

    offer = models.ForeignKey("offers.Offer", on_delete=models.CASCADE, related_name="runs", verbose_name=_("Angebot"))
    rolling_start = models.BooleanField(_("laufender Einstieg"), default=False)
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    application_deadline = models.DateField(_("Anmeldeschluss"), null=True, blank=True)
    schedule = models.CharField(_("Zeitform"), max_length=20, choices=Schedule.choices)
    learning_form = models.CharField(_("Lernform"), max_length=20, choices=LearningForm.choices)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=5, blank=True, validators=[validate_postcode])
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    latitude = models.FloatField(_("Breitengrad"), null=True, blank=True)
    longitude = models.FloatField(_("Längengrad"), null=True, blank=True)
    seats = models.PositiveIntegerField(_("Plätze"), null=True, blank=True)
    status = models.CharField(_("Platzstatus"), max_length=10, choices=Status.choices, default=Status.OPEN)
    start_guaranteed = models.BooleanField(_("Durchführung garantiert"), default=False)
    # Kept by RunQuerySet.refresh_duration_bands() whenever the run or its offer is saved (OfferQuerySet.refresh_dates).
    duration_band = models.CharField(
        _("Dauer (Spanne)"), max_length=12, choices=DurationBand.choices, blank=True, default="", editable=False
    )
    history = HistoricalRecords(excluded_fields=["duration_band"])

    objects = RunQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")
        indexes = [
            models.Index(fields=["offer", "start_date"], name="run_offer_start_idx"),
            models.Index(fields=["start_date"], name="run_start_idx"),
            models.Index(fields=["latitude", "longitude"], name="run_place_idx"),
            models.Index(fields=["duration_band", "offer"], name="run_duration_idx"),
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
            place = locate(self.postcode)
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
