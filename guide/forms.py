from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from guide.admission import WorkPeriod
from guide.eligibility import NO_QUALIFICATION, Goal, Situation, Who, land_for_postcode
from guide.models import Occupation
from multilingual.choices import ListedChoiceIterator
from multilingual.text import translated
from multilingual.widgets import (
    FastRadioSelect,
    FastSelect,
    MarkedCheckboxSelectMultiple,
    MarkedRadioSelect,
    MarkedSelect,
)
from offers.costs import Situation as CostSituation
from offers.costs import Status as CostStatus
from offers.models import QualificationStep, Sector
from offers.vocabulary_choices import VocabularyChoiceIterator
from partners.models import Language
from places.validators import validate_postcode

WHO_CHOICES = [
    (Who.COMPANY, _("Ich frage für ein Unternehmen")),
    (Who.EMPLOYED, _("Ich bin beschäftigt")),
    (Who.JOBSEEKER, _("Ich bin arbeitsuchend")),
    (Who.TRAINING, _("Ich bin in Ausbildung oder Schule")),
]
GOAL_CHOICES = [
    (Goal.QUALIFICATION, _("Berufsabschluss nachholen")),
    (Goal.ADVANCE, _("Aufsteigen (Meister, Techniker, Fachwirt, Studium)")),
    (Goal.ADAPT, _("Kenntnisse anpassen")),
    (Goal.GERMAN, _("Deutsch für den Beruf")),
    (Goal.STAFF, _("Beschäftigte qualifizieren")),
    (Goal.RECOGNITION, _("Ausländischen Berufsabschluss anerkennen lassen")),
    (Goal.BUSINESS, _("Eigenes Unternehmen führen")),
]
# Each class stands for an employee count inside it; the rules only change at 50, 250 and 500.
SIZE_CHOICES = [
    ("1-9", _("1 bis 9 Beschäftigte")),
    ("10-49", _("10 bis 49 Beschäftigte")),
    ("50-249", _("50 bis 249 Beschäftigte")),
    ("250-499", _("250 bis 499 Beschäftigte")),
    ("500-", _("500 und mehr Beschäftigte")),
]
SIZE_EMPLOYEES = {"1-9": 1, "10-49": 10, "50-249": 50, "250-499": 250, "500-": 500}
# The same for ages: the rules change at 25 (Weiterbildungsstipendium) and 45 (§ 82 SGB III).
AGE_CHOICES = [("unter-25", _("unter 25")), ("25-44", _("25 bis 44")), ("ab-45", _("45 und älter"))]
AGE_YEARS = {"unter-25": 24, "25-44": 25, "ab-45": 45}
YEARS_CHOICES = [("unter-2", _("vor weniger als 2 Jahren")), ("ab-2", _("vor 2 Jahren oder länger"))]
YEARS_SINCE = {"unter-2": 1, "ab-2": 2}


@dataclass(frozen=True)
class Answers:
    """The answers the guide understood; anything missing or garbled is None (a wider result)."""

    who: str | None = None
    step: QualificationStep | None = None
    goal: str | None = None
    sector: Sector | None = None
    postcode: str | None = None
    size: str | None = None
    age: str | None = None
    years: str | None = None
    change: bool = False
    occupation: Occupation | None = None
    experience_years: int | None = None
    experience_months: int | None = None
    experience_hours: Decimal | None = None
    abroad_years: int | None = None
    abroad_months: int | None = None
    abroad_hours: Decimal | None = None
    languages: tuple[Language, ...] = ()

    @property
    def language_codes(self) -> list[str]:
        """The languages to rank by: German is everyone's here, so it ranks nothing."""
        return [language.code for language in self.languages if language.code != settings.LANGUAGE_CODE]

    def work_periods(self) -> list[WorkPeriod]:
        """The work experience lines the visitor filled in (years or months), for the admission check."""
        lines = [
            (self.experience_years, self.experience_months, self.experience_hours, False),
            (self.abroad_years, self.abroad_months, self.abroad_hours, True),
        ]
        return [
            WorkPeriod((years or 0) * 12 + (months or 0), hours, abroad=abroad)
            for years, months, hours, abroad in lines
            if years is not None or months is not None
        ]

    def cost_situation(self) -> CostSituation:
        """The answers the cost in euros needs (offers.costs); the guide does not ask for the wage."""
        if self.who == Who.JOBSEEKER:
            status = CostStatus.JOBSEEKER
        elif self.who in (Who.EMPLOYED, Who.COMPANY):
            unqualified = self.step is not None and self.step.slug == NO_QUALIFICATION
            status = CostStatus.UNQUALIFIED if unqualified else CostStatus.EMPLOYED
        else:
            status = None
        return CostSituation(employees=SIZE_EMPLOYEES.get(self.size), age=AGE_YEARS.get(self.age), status=status)

    def situation(self) -> Situation:
        return Situation(
            who=self.who,
            step=self.step.slug if self.step else None,
            goal=self.goal,
            employees=SIZE_EMPLOYEES.get(self.size),
            age=AGE_YEARS.get(self.age),
            years_since_qualification=YEARS_SINCE.get(self.years),
            land=land_for_postcode(self.postcode),
            structural_change=self.change,
        )


class VocabularyChoiceField(forms.ModelChoiceField):
    """A vocabulary's rows under their names in the page's language (German where none is stored)."""

    iterator = VocabularyChoiceIterator

    def label_from_instance(self, obj: QualificationStep) -> str:
        return translated(obj, "name")


class LanguagesField(forms.ModelMultipleChoiceField):
    iterator = VocabularyChoiceIterator

    def label_from_instance(self, obj: Language) -> str:
        return translated(obj, "name")


class OccupationChoiceField(forms.ModelChoiceField):
    iterator = ListedChoiceIterator

    def label_from_instance(self, obj: Occupation) -> str:
        return obj.name


def count_field(label, *, maximum: int, message) -> forms.IntegerField:
    """A whole number the visitor types (years or months); any garbage gets `message` next to the field."""
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=maximum,
        error_messages=dict.fromkeys(("invalid", "min_value", "max_value"), message),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 3}),
    )


def hours_field(label) -> forms.DecimalField:
    message = _("Bitte Wochenstunden von 1 bis 80 angeben, z. B. 19,5.")
    codes = ("invalid", "min_value", "max_value", "max_decimal_places")
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=1,
        max_value=80,
        decimal_places=1,
        localize=True,  # "19,5" as Germans write it
        help_text=_("leer lassen bei Vollzeit (39 Stunden)"),
        error_messages=dict.fromkeys(codes, message),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 4}),
    )


YEARS_MESSAGE = _("Bitte eine ganze Zahl von 0 bis 50 angeben, z. B. 6.")
MONTHS_MESSAGE = _("Bitte eine ganze Zahl von 0 bis 11 angeben.")


class GuideForm(forms.Form):
    label_suffix = ""

    who = forms.ChoiceField(
        label=_("Wer fragt?"),
        choices=WHO_CHOICES,
        widget=FastRadioSelect,
        error_messages={
            "required": _("Bitte wählen Sie aus, wer fragt."),
            "invalid_choice": _("Bitte wählen Sie aus, wer fragt."),
        },
    )
    step = VocabularyChoiceField(
        label=_("Welchen Abschluss haben Sie – oder Ihre Beschäftigten?"),
        queryset=QualificationStep.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=None,
        widget=MarkedRadioSelect,
        error_messages={"invalid_choice": _("Diese Stufe kennen wir nicht; wir zeigen Angebote für alle Stufen.")},
    )
    goal = forms.ChoiceField(
        label=_("Was ist das Ziel?"),
        choices=GOAL_CHOICES,
        required=False,
        widget=FastRadioSelect,
        error_messages={"invalid_choice": _("Dieses Ziel kennen wir nicht; wir zeigen Angebote für alle Ziele.")},
    )
    sector = VocabularyChoiceField(
        label=_("Branche"),
        queryset=Sector.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("alle Branchen"),
        widget=MarkedSelect,
        error_messages={"invalid_choice": _("Diese Branche kennen wir nicht; wir zeigen alle Branchen.")},
    )
    postcode = forms.CharField(
        label=_("Postleitzahl"),
        required=False,
        max_length=5,
        validators=[validate_postcode],
        help_text=_("für Angebote und Anlaufstellen in Ihrer Nähe"),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code", "size": 6}),
        error_messages={"max_length": _("Bitte eine fünfstellige Postleitzahl angeben, z. B. 70173.")},
    )
    size = forms.ChoiceField(
        label=_("Wie viele Beschäftigte hat der Betrieb?"),
        widget=FastSelect,
        choices=[("", _("keine Angabe")), *SIZE_CHOICES],
        required=False,
        help_text=_("für Unternehmen und Beschäftigte: die Förderung hängt von der Betriebsgröße ab"),
        error_messages={"invalid_choice": _("Diese Betriebsgröße kennen wir nicht.")},
    )
    age = forms.ChoiceField(
        label=_("Wie alt sind Sie?"),
        widget=FastSelect,
        choices=[("", _("keine Angabe")), *AGE_CHOICES],
        required=False,
        help_text=_("für Beschäftigte und Arbeitsuchende"),
        error_messages={"invalid_choice": _("Diese Altersgruppe kennen wir nicht.")},
    )
    years = forms.ChoiceField(
        label=_("Wann haben Sie Ihren letzten Berufsabschluss gemacht?"),
        widget=FastSelect,
        choices=[("", _("keine Angabe")), *YEARS_CHOICES],
        required=False,
        help_text=_("für Beschäftigte mit Berufsabschluss"),
        error_messages={"invalid_choice": _("Diese Angabe kennen wir nicht.")},
    )
    languages = LanguagesField(
        label=_("Welche Sprachen sprechen Sie?"),
        queryset=Language.objects.exclude(code=settings.LANGUAGE_CODE),
        to_field_name="code",
        required=False,
        widget=MarkedCheckboxSelectMultiple,
        help_text=_("Wir nennen zuerst Anlaufstellen und Angebote in Ihren Sprachen."),
        error_messages={"invalid_choice": _("Diese Sprache kennen wir nicht; wir zeigen alle Sprachen.")},
    )
    change = forms.BooleanField(
        label=_("Der Betrieb ist vom Strukturwandel betroffen (z. B. Umstieg auf Elektromobilität)"),
        required=False,
    )

    occupation = OccupationChoiceField(
        label=_("In welchem Beruf möchten Sie den Abschluss machen?"),
        widget=FastSelect,
        queryset=Occupation.objects.active(),
        to_field_name="slug",
        required=False,
        empty_label=_("bitte wählen"),
        help_text=_(
            "für das Ziel „Berufsabschluss nachholen“: ob die Externenprüfung für Sie offen ist; "
            "für „Berufsabschluss anerkennen lassen“: Ihr Beruf in Deutschland"
        ),
        error_messages={"invalid_choice": _("Diesen Beruf kennen wir nicht; bitte wählen Sie einen aus der Liste.")},
    )
    experience_years = count_field(_("Jahre im Beruf"), maximum=50, message=YEARS_MESSAGE)
    experience_months = count_field(_("Monate im Beruf"), maximum=11, message=MONTHS_MESSAGE)
    experience_hours = hours_field(_("Stunden pro Woche"))
    abroad_years = count_field(_("Jahre im Ausland"), maximum=50, message=YEARS_MESSAGE)
    abroad_months = count_field(_("Monate im Ausland"), maximum=11, message=MONTHS_MESSAGE)
    abroad_hours = hours_field(_("Stunden pro Woche im Ausland"))

    def answers(self) -> Answers:
        """The valid answers; call after is_valid(). Invalid fields are left out, so the result gets wider."""
        valid = {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}
        if "languages" in valid:
            valid["languages"] = tuple(valid["languages"])
        return Answers(**valid)
