"""Counselling records. The audit log (AuditEntry) holds no personal data. Sessions, plan steps and referrals keep
their earlier versions (simple_history) so a correction never loses what was recorded; erasure clears those too."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from counselling.querysets import (
    AuditQuerySet,
    CaseQuerySet,
    CompanyQuerySet,
    InquiryQuerySet,
    SessionQuerySet,
)
from locking.models import VersionedModel
from offers.models import FundingProgramme, Offer, QualificationPath, QualificationStep, Sector, TargetGroup
from partners.models import Language, Partner
from places.validators import validate_phone, validate_postcode


class ClientKind(models.TextChoices):
    PERSON = "person", _("Person")
    COMPANY = "company", _("Unternehmen")


class Goal(models.TextChoices):
    """What a person wants, in the guide's own terms (the slugs of guide.eligibility.Goal), so that a case, a guide
    answer and a company's need can be matched and counted together."""

    QUALIFICATION = "abschluss", _("Berufsabschluss nachholen")
    ADVANCE = "aufstieg", _("Aufsteigen (Meister, Techniker, Fachwirt, Studium)")
    ADAPT = "anpassen", _("Kenntnisse anpassen")
    GERMAN = "deutsch", _("Deutsch für den Beruf")
    STAFF = "beschaeftigte", _("Beschäftigte qualifizieren")


class Topic(models.TextChoices):
    """What a public counselling request is about: the guide's goals and the two questions offices hear most."""

    QUALIFICATION = "abschluss", _("Berufsabschluss nachholen")
    ADVANCE = "aufstieg", _("Aufsteigen (Meister, Techniker, Fachwirt, Studium)")
    ADAPT = "anpassen", _("Kenntnisse anpassen")
    GERMAN = "deutsch", _("Deutsch für den Beruf")
    STAFF = "beschaeftigte", _("Beschäftigte qualifizieren")
    FUNDING = "foerderung", _("Förderung und Kosten")
    RECOGNITION = "anerkennung", _("Anerkennung eines ausländischen Abschlusses")
    OTHER = "sonstiges", _("etwas anderes")


class Consent(models.Model):
    consent_given_at = models.DateTimeField(_("Einwilligung erteilt am"))
    consent_version = models.CharField(_("Version des Einwilligungstexts"), max_length=20)

    class Meta:
        abstract = True


class Inquiry(Consent):
    class Status(models.TextChoices):
        NEW = "new", _("neu")
        CONVERTED = "converted", _("in Fall übernommen")
        CLOSED = "closed", _("erledigt")

    office = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="inquiries", verbose_name=_("Stelle"))
    kind = models.CharField(_("Wer fragt an"), max_length=10, choices=ClientKind.choices, default=ClientKind.PERSON)
    name = models.CharField(_("Name"), max_length=200)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True, validators=[validate_phone])
    postcode = models.CharField(_("Postleitzahl"), max_length=5, blank=True, validators=[validate_postcode])
    message = models.TextField(_("Worum geht es?"))
    topic = models.CharField(_("Thema"), max_length=15, choices=Topic.choices, blank=True)
    language = models.ForeignKey(
        Language,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Bevorzugte Sprache für das Gespräch"),
    )
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.NEW)
    created_at = models.DateTimeField(_("eingegangen"), default=timezone.now)
    anonymised_at = models.DateTimeField(_("anonymisiert am"), null=True, blank=True)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Anfrage")
        verbose_name_plural = _("Anfragen")

    def __str__(self) -> str:
        return f"{_('Anfrage')} {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("counselling:inquiry", args=[self.pk])


class Company(VersionedModel):
    class Size(models.TextChoices):
        MICRO = "1-9", _("1–9 Beschäftigte")
        SMALL = "10-49", _("10–49 Beschäftigte")
        MEDIUM = "50-249", _("50–249 Beschäftigte")
        LARGE = "250-499", _("250–499 Beschäftigte")
        VERY_LARGE = "500+", _("500 und mehr Beschäftigte")
        # Recorded before the funding rules' split at 500; counted as 250–499 by the matching.
        LARGE_UNSPLIT = "250+", _("250 und mehr Beschäftigte (ohne genauere Angabe)")

    office = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="companies", verbose_name=_("Stelle"))
    name = models.CharField(_("Name des Unternehmens"), max_length=200)
    sector = models.ForeignKey(Sector, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("Branche"))
    size = models.CharField(_("Größe"), max_length=10, choices=Size.choices, blank=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=5, blank=True, validators=[validate_postcode])
    contact = models.CharField(_("Ansprechperson und Kontakt"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("angelegt"), default=timezone.now)

    objects = CompanyQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("Unternehmen")
        verbose_name_plural = _("Unternehmen")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("counselling:company", args=[self.pk])


class NeedsAnalysis(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="analyses")
    date = models.DateField(_("Datum"), default=timezone.localdate)
    notes = models.TextField(_("Notizen"), blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("Bedarfsanalyse")
        verbose_name_plural = _("Bedarfsanalysen")

    def __str__(self) -> str:
        return f"{self.company} – {self.date}"


class Need(models.Model):
    analysis = models.ForeignKey(NeedsAnalysis, on_delete=models.CASCADE, related_name="needs")
    step = models.ForeignKey(QualificationStep, on_delete=models.PROTECT, verbose_name=_("Stufe"))
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("Branche"))
    topic = models.CharField(_("Thema"), max_length=200, blank=True)
    employees = models.PositiveIntegerField(_("Zahl der betroffenen Beschäftigten"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Bedarf")
        verbose_name_plural = _("Bedarfe")

    def __str__(self) -> str:
        return f"{self.step} – {self.topic or self.sector or ''}"


class Case(VersionedModel, Consent):
    class Status(models.TextChoices):
        NEW = "new", _("neu")
        COUNSELLING = "counselling", _("in Beratung")
        PLAN = "plan", _("Qualifizierungsplan")
        QUALIFYING = "qualifying", _("in Qualifizierung")
        EXAM = "exam", _("Prüfung")
        CLOSED = "closed", _("abgeschlossen")

    class Outcome(models.TextChoices):
        EXTERNAL_EXAM = "external-exam", _("Berufsabschluss über Externenprüfung")
        PARTIAL = "partial-qualification", _("Teilqualifizierung abgeschlossen")
        TRAINING = "further-training", _("Weiterbildung abgeschlossen")
        JOB = "job", _("in Arbeit vermittelt")
        DROPPED = "dropped", _("abgebrochen")
        REFERRED = "referred", _("weitervermittelt")

    class Gender(models.TextChoices):
        FEMALE = "female", _("weiblich")
        MALE = "male", _("männlich")
        DIVERSE = "diverse", _("divers")
        UNKNOWN = "unknown", _("keine Angabe")

    office = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="cases", verbose_name=_("Stelle"))
    reference = models.CharField(_("Aktenzeichen"), max_length=20, unique=True, editable=False)
    client_kind = models.CharField(_("Art"), max_length=10, choices=ClientKind.choices, default=ClientKind.PERSON)
    name = models.CharField(_("Name oder Pseudonym"), max_length=200)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True, validators=[validate_phone])
    postcode = models.CharField(_("Postleitzahl"), max_length=5, blank=True, validators=[validate_postcode])
    gender = models.CharField(_("Geschlecht"), max_length=10, choices=Gender.choices, default=Gender.UNKNOWN)
    target_group = models.ForeignKey(
        TargetGroup, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("Zielgruppe")
    )
    company = models.ForeignKey(
        Company, on_delete=models.SET_NULL, null=True, blank=True, related_name="cases", verbose_name=_("Unternehmen")
    )
    step = models.ForeignKey(
        QualificationStep, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("aktuelle Stufe")
    )
    goal = models.TextField(_("Ziel"), blank=True)
    goal_kind = models.CharField(_("Ziel (Auswahl)"), max_length=15, choices=Goal.choices, blank=True)
    sector = models.ForeignKey(
        Sector, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("Branche")
    )
    target_qualification = models.CharField(_("angestrebte Qualifikation"), max_length=200, blank=True)
    # The qualification path the plan follows (its modules became plan steps, counselling.services.plan_follow_path).
    path = models.ForeignKey(
        QualificationPath,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Qualifizierungsweg"),
    )
    status = models.CharField(_("Status"), max_length=12, choices=Status.choices, default=Status.NEW)
    outcome = models.CharField(_("Ergebnis"), max_length=25, choices=Outcome.choices, blank=True)
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="counselling_cases",
        verbose_name=_("Beratung durch"),
    )
    notes = models.TextField(_("Notizen"), blank=True)
    inquiry = models.OneToOneField(
        Inquiry, on_delete=models.SET_NULL, null=True, blank=True, related_name="case", verbose_name=_("Anfrage")
    )
    opened_on = models.DateField(_("Beginn der Beratung"), default=timezone.localdate)
    closed_at = models.DateTimeField(_("abgeschlossen am"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymisiert am"), null=True, blank=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("Fall")
        verbose_name_plural = _("Fälle")

    def __str__(self) -> str:
        return self.reference

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = f"B-{timezone.localdate().year}-{secrets.token_hex(3).upper()}"
        if self.status == self.Status.CLOSED and not self.closed_at:
            self.closed_at = timezone.now()
        elif self.status != self.Status.CLOSED:
            self.closed_at = None
            self.outcome = ""
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("counselling:case", args=[self.pk])


class StatusChange(models.Model):
    """A case's status moved: forward by the work (a first talk, a plan, a started step) or corrected by hand.
    Shown on the case's timeline; `reason` is generated text without personal data."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_changes")
    old = models.CharField(_("bisher"), max_length=12, choices=Case.Status.choices)
    new = models.CharField(_("neu"), max_length=12, choices=Case.Status.choices)
    reason = models.CharField(_("Anlass"), max_length=100, blank=True)
    at = models.DateTimeField(_("Zeitpunkt"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("durch")
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("Statuswechsel")
        verbose_name_plural = _("Statuswechsel")

    def __str__(self) -> str:
        return f"{self.case}: {self.get_old_display()} → {self.get_new_display()}"


class Session(VersionedModel):
    class Channel(models.TextChoices):
        IN_PERSON = "in-person", _("persönlich")
        PHONE = "phone", _("Telefon")
        VIDEO = "video", _("Video")
        ON_SITE = "on-site", _("vor Ort im Betrieb")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("Datum"), default=timezone.localdate)
    minutes = models.PositiveIntegerField(_("Dauer in Minuten"))
    channel = models.CharField(_("Weg"), max_length=10, choices=Channel.choices, default=Channel.IN_PERSON)
    topics = models.CharField(_("Themen"), max_length=300, blank=True)
    notes = models.TextField(_("Notizen"), blank=True)
    next_steps = models.TextField(_("Nächste Schritte"), blank=True)
    follow_up = models.DateField(_("Wiedervorlage"), null=True, blank=True)
    follow_up_done_on = models.DateField(_("Wiedervorlage erledigt am"), null=True, blank=True)
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("Beratung durch")
    )
    history = HistoricalRecords()

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("Beratungsgespräch")
        verbose_name_plural = _("Beratungsgespräche")

    def __str__(self) -> str:
        return f"{self.case} – {self.date}"


class PlanStep(VersionedModel):
    """One step of a case's qualification plan: a catalogue offer or free text."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("geplant")
        REGISTERED = "registered", _("angemeldet")
        RUNNING = "running", _("läuft")
        DONE = "done", _("abgeschlossen")
        CANCELLED = "cancelled", _("abgebrochen")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="plan_steps")
    offer = models.ForeignKey(Offer, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("Angebot"))
    title = models.CharField(_("Bezeichnung"), max_length=200, blank=True)
    planned_start = models.DateField(_("geplanter Beginn"), null=True, blank=True)
    planned_end = models.DateField(_("geplantes Ende"), null=True, blank=True)
    funding = models.ForeignKey(
        FundingProgramme, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("Förderung")
    )
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    note = models.CharField(_("Notiz"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["planned_start", "pk"]
        verbose_name = _("Schritt im Qualifizierungsplan")
        verbose_name_plural = _("Qualifizierungsplan")

    def __str__(self) -> str:
        return self.title or str(self.offer or "")


class Milestone(VersionedModel):
    """A dated step of the way to a vocational qualification (admission to the external exam, the exam, the
    qualification gained), shown on the case's timeline and counted in the statistics."""

    class Kind(models.TextChoices):
        ADMISSION_APPLIED = "admission-applied", _("Zulassung beantragt")
        ADMISSION_GRANTED = "admission-granted", _("Zulassung erteilt")
        EXAM_DATE = "exam-date", _("Prüfungstermin")
        EXAM_RESULT = "exam-result", _("Prüfungsergebnis")
        QUALIFICATION_GAINED = "qualification-gained", _("Berufsabschluss erworben")

    class Result(models.TextChoices):
        PASSED = "passed", _("bestanden")
        FAILED = "failed", _("nicht bestanden")
        RETAKE = "retake", _("Wiederholung")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(_("Meilenstein"), max_length=25, choices=Kind.choices)
    date = models.DateField(_("Datum"), default=timezone.localdate)
    result = models.CharField(_("Ergebnis"), max_length=10, choices=Result.choices, blank=True)
    note = models.CharField(_("Notiz"), max_length=300, blank=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("Meilenstein")
        verbose_name_plural = _("Meilensteine")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date}"


class Referral(VersionedModel):
    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("vorgeschlagen")
        REFERRED = "referred", _("vermittelt")
        ACCEPTED = "accepted", _("angenommen")
        DECLINED = "declined", _("abgelehnt")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    partner = models.ForeignKey(Partner, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("Partner"))
    offer = models.ForeignKey(Offer, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("Angebot"))
    # A person put forward for a company's need (people and companies brought together).
    need = models.ForeignKey(
        Need, on_delete=models.SET_NULL, null=True, blank=True, related_name="referrals", verbose_name=_("Bedarf")
    )
    date = models.DateField(_("Datum"), default=timezone.localdate)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.SUGGESTED)
    note = models.CharField(_("Notiz"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("Vermittlung")
        verbose_name_plural = _("Vermittlungen")

    def __str__(self) -> str:
        return str(self.offer or self.partner or "")


class AuditEntry(models.Model):
    """Who did what with which personal-data record, when and from where. `what` is generated text without
    personal data. Every reference is a plain value, never a foreign key: an entry outlives the case, the record,
    the office and the account it names (docs/roles.md, personal data)."""

    class Action(models.TextChoices):
        VIEW = "view", _("angesehen")
        CREATE = "create", _("angelegt")
        CHANGE = "change", _("geändert")
        STATUS = "status", _("Status geändert")
        EXPORT = "export", _("exportiert")
        ANONYMISE = "anonymise", _("anonymisiert")
        DELETE = "delete", _("gelöscht")

    class ObjectType(models.TextChoices):
        INQUIRY = "inquiry", _("Anfrage")
        CASE = "case", _("Fall")
        SESSION = "session", _("Beratungsgespräch")
        PLAN_STEP = "planstep", _("Schritt im Qualifizierungsplan")
        REFERRAL = "referral", _("Vermittlung")
        COMPANY = "company", _("Unternehmen")
        NEEDS_ANALYSIS = "needsanalysis", _("Bedarfsanalyse")
        MILESTONE = "milestone", _("Meilenstein")

    office_pk = models.PositiveIntegerField(_("Stelle (Nummer)"), null=True, blank=True, db_index=True)
    case_pk = models.PositiveIntegerField(_("Fall (Nummer)"), null=True, blank=True, db_index=True)
    case_reference = models.CharField(_("Aktenzeichen"), max_length=20, blank=True)
    object_type = models.CharField(_("Art des Datensatzes"), max_length=15, choices=ObjectType.choices)
    object_pk = models.PositiveIntegerField(_("Datensatz (Nummer)"), null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    actor = models.CharField(_("Wer"), max_length=150, blank=True)
    address = models.GenericIPAddressField(_("Adresse"), null=True, blank=True)
    at = models.DateTimeField(_("Zeitpunkt"), default=timezone.now, db_index=True)
    action = models.CharField(_("Aktion"), max_length=10, choices=Action.choices)
    what = models.CharField(_("Was"), max_length=300, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokoll")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}"


class Draft(models.Model):
    """A long desk text being written (session or case notes), kept on the server per user until the form is saved
    (counselling/drafts.py); never in the browser's storage, as office PCs are shared."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="drafts")
    form = models.CharField(_("Formular"), max_length=20)
    field = models.CharField(_("Feld"), max_length=40)
    text = models.TextField(_("Text"))
    updated_at = models.DateTimeField(_("gespeichert"), auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "case", "form", "field"], name="one_draft_per_field")]
        verbose_name = _("Entwurf")
        verbose_name_plural = _("Entwürfe")

    def __str__(self) -> str:
        return f"{self.case} – {self.form}.{self.field}"
