"""What an offer costs in euros after funding: one pure function per programme, no database.

For an offer's price and teaching hours and the visitor's situation (company size, age, employment status and,
optionally, the monthly gross wage) each rule answers how much of the course costs the programme probably pays,
what is left for the company and for the person, and any wage subsidy, line by line. The shares follow the Lotse's
funding rules (guide/eligibility.py, docs/domain.md); the agency for work, the Jobcenter or the chamber decides.
A number that depends on something we do not know (the net wage, a means test) is never guessed: its line says so
and its amount is None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from django.utils.translation import gettext as _

CENT = Decimal("0.01")
EMPLOYEE_TRAINING_MIN_HOURS = 120  # § 82 SGB III and Qualifizierungsgeld: "more than 120 hours"
AFBG_MIN_HOURS = 400
OLDER_EMPLOYEE_AGE = 45  # § 82 SGB III: the employer's share can be waived in firms under 250
ESF_OLDER_AGE = 55  # ESF Plus Fachkurse BW: the higher rate from 55
STIPEND_MAX_AGE = 25
STIPEND_LIMIT = Decimal("6000")  # Weiterbildungsstipendium: about 2,000 € a year for three years
# A wage subsidy pays the hours spent in the course: a teaching unit (UE) is 45 minutes, a full-time month has
# 39 hours × 52 weeks / 12 months = 169 hours.
HOURS_PER_UNIT = Decimal("0.75")
HOURS_PER_MONTH = Decimal(39 * 52) / 12


class Status(StrEnum):
    EMPLOYED = "beschaeftigt"
    UNQUALIFIED = "ohne-abschluss"  # employed, without a recognised vocational qualification
    JOBSEEKER = "arbeitsuchend"


EMPLOYED = (Status.EMPLOYED, Status.UNQUALIFIED)


@dataclass(frozen=True)
class Situation:
    """The visitor's answers; None means "not answered"."""

    employees: int | None = None
    age: int | None = None
    status: str | None = None
    monthly_wage: Decimal | None = None


@dataclass(frozen=True)
class Line:
    text: str
    amount: Decimal | None = None  # None: a line of reasoning, or an amount we cannot know


@dataclass(frozen=True)
class Estimate:
    programme: str  # FundingProgramme slug
    applies: bool
    reason: str
    funding: Decimal | None = None  # of the course costs
    company_pays: Decimal | None = None
    person_pays: Decimal | None = None
    wage_subsidy: Decimal | None = None  # paid to the company for the hours in the course
    lines: list[Line] = field(default_factory=list)


def euros(value: Decimal) -> Decimal:
    """Rounded to the cent, half up (as the agencies' notices do)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def percent_of(amount: Decimal, share: int) -> Decimal:
    return euros(amount * share / 100)


@dataclass(frozen=True)
class Course:
    price: Decimal
    hours: int | None


def _no(slug: str, reason: str) -> Estimate:
    return Estimate(slug, False, reason)


def _course_share(slug: str, course: Course, share: int, reason: str, *, rest_to_company: bool) -> Estimate:
    """The programme pays `share` % of the price; the rest falls to the company or to the person."""
    funding = percent_of(course.price, share)
    rest = course.price - funding
    lines = [
        Line(_("Preis des Angebots"), course.price),
        Line(_("Förderung: %(share)s %% der Lehrgangskosten") % {"share": share}, funding),
        Line(_("Rest für den Betrieb") if rest_to_company else _("Rest für Sie selbst"), rest),
    ]
    company, person = (rest, Decimal(0)) if rest_to_company else (Decimal(0), rest)
    return Estimate(slug, True, reason, funding, company, person, None, lines)


def wage_subsidy(course: Course, situation: Situation, share: int) -> tuple[Decimal | None, Line]:
    """The subsidy to the wage for the hours in the course: an amount with a known wage, else the share only."""
    if situation.monthly_wage is None or course.hours is None:
        text = _("Zuschuss zum Arbeitsentgelt: bis zu %(share)s %% des Lohns für die Stunden im Lehrgang")
        return None, Line(text % {"share": share} + " – " + _("ohne Angabe des Bruttolohns nicht zu beziffern"))
    hours = course.hours * HOURS_PER_UNIT
    amount = euros(situation.monthly_wage / HOURS_PER_MONTH * hours * share / 100)
    text = _(
        "Zuschuss zum Arbeitsentgelt: %(share)s %% von %(wage)s € Bruttolohn für %(hours)s Stunden im Lehrgang "
        "(%(units)s UE zu 45 Minuten, 169 Arbeitsstunden im Monat)"
    )
    values = {"share": share, "wage": situation.monthly_wage, "hours": hours.normalize(), "units": course.hours}
    return amount, Line(text % values, amount)


def _with_wage_subsidy(estimate: Estimate, course: Course, situation: Situation, share: int) -> Estimate:
    amount, line = wage_subsidy(course, situation, share)
    return Estimate(
        estimate.programme,
        True,
        estimate.reason,
        estimate.funding,
        estimate.company_pays,
        estimate.person_pays,
        amount,
        [*estimate.lines, line],
    )


def employee_training_share(*, employees: int | None, age: int | None = None) -> int | None:
    """§ 82 SGB III: share of course costs the agency pays, by company size (and age in small firms)."""
    if employees is None:
        return None
    if employees < 50:
        return 100
    if age is not None and age >= OLDER_EMPLOYEE_AGE and employees < 250:
        return 100
    return 50 if employees < 500 else 25


def employee_wage_share(employees: int) -> int:
    """§ 82 Abs. 3 SGB III: the wage subsidy for the hours in the course, by company size."""
    if employees < 50:
        return 75
    return 50 if employees < 500 else 25


def employee_training(course: Course, s: Situation) -> Estimate:
    """Beschäftigtenförderung, § 82 SGB III (Qualifizierungschancengesetz)."""
    slug = "qualifizierungschancengesetz"
    if s.status not in (*EMPLOYED, None):
        return _no(slug, _("Gefördert werden Beschäftigte, deren Betrieb die Weiterbildung unterstützt."))
    if course.hours is not None and course.hours <= EMPLOYEE_TRAINING_MIN_HOURS:
        return _no(slug, _("Der Lehrgang muss mehr als 120 Stunden umfassen."))
    if s.status == Status.UNQUALIFIED:
        reason = _("Ohne Berufsabschluss wird der Weg zum Abschluss unabhängig von der Betriebsgröße gefördert.")
        return _with_wage_subsidy(_course_share(slug, course, 100, reason, rest_to_company=True), course, s, 100)
    share = employee_training_share(employees=s.employees, age=s.age)
    if share is None:
        reason = _("Der Anteil hängt von der Betriebsgröße ab: Bitte geben Sie die Zahl der Beschäftigten an.")
        return Estimate(slug, True, reason, lines=[Line(_("Preis des Angebots"), course.price), Line(reason)])
    reason = _("Für Beschäftigte in Lehrgängen über 120 Stunden; der Anteil hängt von der Betriebsgröße ab.")
    estimate = _course_share(slug, course, share, reason, rest_to_company=True)
    return _with_wage_subsidy(estimate, course, s, employee_wage_share(s.employees))


def education_voucher(course: Course, s: Situation) -> Estimate:
    """Bildungsgutschein, § 81 SGB III: the course costs in full."""
    slug = "bildungsgutschein"
    if s.status not in (Status.JOBSEEKER, Status.UNQUALIFIED, None):
        return _no(slug, _("Nur für Arbeitsuchende, von Arbeitslosigkeit Bedrohte und Menschen ohne Berufsabschluss."))
    reason = _("Nach einer Beratung bei Agentur oder Jobcenter, für AZAV-zugelassene Angebote.")
    return _course_share(slug, course, 100, reason, rest_to_company=False)


def partial_qualification(course: Course, s: Situation) -> Estimate:
    """Teilqualifizierung, §§ 81/82 SGB III: course costs in full, a wage subsidy for employees."""
    slug = "teilqualifizierung"
    if s.status == Status.EMPLOYED:
        return _no(slug, _("Nur für Menschen ohne anerkannten Berufsabschluss."))
    reason = _("Ohne Berufsabschluss Schritt für Schritt zum Abschluss, beschäftigt oder arbeitsuchend.")
    estimate = _course_share(slug, course, 100, reason, rest_to_company=s.status in EMPLOYED)
    return _with_wage_subsidy(estimate, course, s, 100) if s.status in EMPLOYED else estimate


def aufstiegs_bafoeg(course: Course, s: Situation) -> Estimate:
    """Aufstiegs-BAföG: half as a grant, half as a loan of which half is waived on passing the exam."""
    slug = "aufstiegs-bafoeg"
    if course.hours is not None and course.hours < AFBG_MIN_HOURS:
        return _no(slug, _("Der Lehrgang muss mindestens 400 Unterrichtsstunden umfassen."))
    if s.status == Status.UNQUALIFIED:
        return _no(slug, _("Voraussetzung ist ein Berufsabschluss; der erste Schritt ist der Abschluss."))
    grant = percent_of(course.price, 50)
    loan = course.price - grant
    waived = percent_of(loan, 50)
    lines = [
        Line(_("Preis des Angebots"), course.price),
        # xgettext:no-python-format
        Line(_("Zuschuss: 50 % der Lehrgangs- und Prüfungsgebühren"), grant),
        Line(_("Darlehen der KfW über den Rest"), loan),
        Line(_("Bei bestandener Prüfung erlassen: die Hälfte des Darlehens"), waived),
        Line(_("Von Ihnen zurückzuzahlen nach bestandener Prüfung"), loan - waived),
        Line(_("Unterhalt bei Vollzeit: einkommensabhängig, hier nicht berechnet")),
    ]
    reason = _("Für Fortbildungen zu Meister, Techniker, Fachwirt und Ähnlichem ab 400 Stunden, ohne Altersgrenze.")
    return Estimate(slug, True, reason, grant + waived, Decimal(0), loan - waived, None, lines)


def esf_courses_bw(course: Course, s: Situation) -> Estimate:
    """ESF Plus Fachkurse Baden-Württemberg: 30 %, 70 % for people from 55 or without a qualification."""
    slug = "esf-fachkurse-bw"
    if s.status == Status.JOBSEEKER:
        return _no(slug, _("Für Beschäftigte, Selbstständige und Berufsrückkehrende."))
    if course.hours is not None and not 8 <= course.hours <= 160:
        return _no(slug, _("Gefördert werden Kurse von 8 bis 160 Unterrichtseinheiten."))
    higher = s.status == Status.UNQUALIFIED or (s.age is not None and s.age >= ESF_OLDER_AGE)
    # xgettext:no-python-format
    reason = _("70 % ab 55 Jahren und ohne Berufsabschluss, sonst 30 % der Kursgebühren.")
    return _course_share(slug, course, 70 if higher else 30, reason, rest_to_company=s.status in EMPLOYED)


def qualification_allowance(course: Course, s: Situation) -> Estimate:
    """Qualifizierungsgeld: a wage replacement; the course costs stay with the company."""
    slug = "qualifizierungsgeld"
    if s.status not in (*EMPLOYED, None):
        return _no(slug, _("Nur für Betriebe, deren Beschäftigte wegen des Strukturwandels umlernen müssen."))
    lines = [
        Line(_("Preis des Angebots, vom Betrieb zu tragen"), course.price),
        # xgettext:no-python-format
        Line(_("Lohnersatz: 60 % (mit Kind 67 %) des Nettolohns – hängt vom Nettolohn ab, hier nicht berechnet")),
    ]
    reason = _("Bei Strukturwandel ersetzt die Agentur während der Weiterbildung einen Teil des Lohns.")
    return Estimate(slug, True, reason, Decimal(0), course.price, Decimal(0), None, lines)


def weiterbildungsstipendium(course: Course, s: Situation) -> Estimate:
    """Weiterbildungsstipendium: 90 % of the costs up to about 6,000 € over three years."""
    slug = "weiterbildungsstipendium"
    if s.age is not None and s.age >= STIPEND_MAX_AGE:
        return _no(slug, _("Nur wer bei der Aufnahme jünger als 25 Jahre ist."))
    funding = min(percent_of(course.price, 90), STIPEND_LIMIT)
    lines = [
        Line(_("Preis des Angebots"), course.price),
        # xgettext:no-python-format
        Line(_("Stipendium: 90 % der Kosten, höchstens rund 6.000 € in drei Jahren"), funding),
        Line(_("Eigenanteil"), course.price - funding),
    ]
    reason = _("Für junge Fachkräfte unter 25 mit einem sehr guten Ausbildungsabschluss.")
    return Estimate(slug, True, reason, funding, Decimal(0), course.price - funding, None, lines)


def _paid_leave(slug: str) -> Callable[[Course, Situation], Estimate]:
    def rule(course: Course, s: Situation) -> Estimate:
        if s.status not in (*EMPLOYED, None):
            return _no(slug, _("Ein Anspruch auf Freistellung haben nur Beschäftigte."))
        lines = [
            Line(_("Preis des Angebots, keine Förderung der Kurskosten"), course.price),
            Line(_("Bis zu 5 Tage bezahlte Freistellung im Jahr: der Betrieb zahlt den Lohn weiter")),
        ]
        reason = _("Bezahlte Freistellung für anerkannte Weiterbildungen; die Kurskosten trägt, wer bucht.")
        return Estimate(slug, True, reason, Decimal(0), None, None, None, lines)

    return rule


def activation_voucher(course: Course, s: Situation) -> Estimate:
    """AVGS, § 45 SGB III: the measure in full, for jobseekers."""
    slug = "avgs"
    if s.status not in (Status.JOBSEEKER, None):
        return _no(slug, _("Nur für Arbeitsuchende."))
    reason = _("Für Arbeitsuchende: Coaching, Kompetenzfeststellung und Bewerbungsunterstützung.")
    return _course_share(slug, course, 100, reason, rest_to_company=False)


RULES: dict[str, Callable[[Course, Situation], Estimate]] = {
    "teilqualifizierung": partial_qualification,
    "bildungsgutschein": education_voucher,
    "qualifizierungschancengesetz": employee_training,
    "qualifizierungsgeld": qualification_allowance,
    "aufstiegs-bafoeg": aufstiegs_bafoeg,
    "weiterbildungsstipendium": weiterbildungsstipendium,
    "esf-fachkurse-bw": esf_courses_bw,
    "bildungszeit-bw": _paid_leave("bildungszeit-bw"),
    "bildungsfreistellung-mv": _paid_leave("bildungsfreistellung-mv"),
    "avgs": activation_voucher,
}


def estimate(programme: str, *, price: Decimal, hours: int | None, situation: Situation) -> Estimate:
    """The estimate of one programme for one offer; a programme without a rule (e.g. a monthly stipend) says that
    no amount can be given, and a free offer costs nothing whatever the programme."""
    course = Course(Decimal(price), hours)
    if course.price == 0:
        return Estimate(programme, True, _("Das Angebot ist kostenlos."), Decimal(0), Decimal(0), Decimal(0))
    rule = RULES.get(programme)
    if rule is None:
        reason = _("Für dieses Programm lässt sich kein Betrag für das einzelne Angebot ausrechnen.")
        return Estimate(programme, True, reason, lines=[Line(_("Preis des Angebots"), course.price), Line(reason)])
    return rule(course, situation)


def estimates(programmes: list[str], *, price: Decimal, hours: int | None, situation: Situation) -> list[Estimate]:
    return [estimate(slug, price=price, hours=hours, situation=situation) for slug in programmes]
