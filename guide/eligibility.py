"""Funding rules of the Lotse: one pure function per programme, no database.

Each rule takes the visitor's situation and answers whether the programme *probably* applies, why (in
plain German) and which share of the course costs it would likely cover. The agency for work, the
Jobcenter or the chamber decides; these rules only sort the programmes for a first orientation.
An answer the visitor did not give never rules a programme out: the reason then names the condition.
Figures follow docs/domain.md (§§ 81, 82, 82a SGB III, AFBG, SBB, ESF Plus BW, Bildungszeit BW, BfG M-V).
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _

from offers.costs import employee_training_share  # one rule for the Lotse and the cost in euros
from places.validators import is_postcode


class Who(StrEnum):
    COMPANY = "unternehmen"
    EMPLOYED = "beschaeftigt"
    JOBSEEKER = "arbeitsuchend"
    TRAINING = "ausbildung"


class Goal(StrEnum):
    QUALIFICATION = "abschluss"
    ADVANCE = "aufstieg"
    ADAPT = "anpassen"
    GERMAN = "deutsch"
    STAFF = "beschaeftigte"
    RECOGNITION = "anerkennung"
    BUSINESS = "unternehmen-fuehren"


# The fixed slugs of the qualification ladder (offers.QualificationStep).
NO_QUALIFICATION = "ohne-abschluss"
SKILLED = "fachkraft"
ADVANCED = "aufstieg"
ACADEMIC = "akademisch"

EMPLOYEE_TRAINING_MIN_HOURS = 120  # § 82 SGB III and Qualifizierungsgeld: "more than 120 hours"
AFBG_MIN_HOURS = 400  # Aufstiegs-BAföG: at least 400 teaching hours
STIPEND_MAX_AGE = 25  # Weiterbildungsstipendium: under 25 at entry

# Postcode ranges → Land, deliberately rough: only the two Länder whose own programmes the portal knows.
# Border areas are mis-assigned (Neu-Ulm and Lindau are Bavarian, parts of 17xxx/19xxx lie in Brandenburg
# or Lower Saxony); the page says the office decides.
LAND_RANGES = (
    (17000, 19999, "mv"),
    (23900, 23999, "mv"),
    (68000, 69999, "bw"),
    (70000, 79999, "bw"),
    (88000, 89999, "bw"),
)


def land_for_postcode(postcode: str | None) -> str | None:
    """The Land ("bw", "mv") a German postcode probably belongs to, or None."""
    if not postcode or not is_postcode(postcode):
        return None
    number = int(postcode)
    return next((land for first, last, land in LAND_RANGES if first <= number <= last), None)


@dataclass(frozen=True)
class Situation:
    """The visitor's answers; None means "not answered"."""

    who: str | None = None
    step: str | None = None
    goal: str | None = None
    employees: int | None = None
    age: int | None = None
    years_since_qualification: int | None = None
    land: str | None = None
    structural_change: bool = False
    course_hours: int | None = None


@dataclass(frozen=True)
class Verdict:
    programme: str  # FundingProgramme slug
    applies: bool
    reason: str
    share: int | None = None  # likely share of the course costs in percent; None: unknown or not course costs
    share_text: str = ""


def _yes(programme: str, reason: str, share: int | None, share_text: str) -> Verdict:
    return Verdict(programme, True, reason, share, share_text)


def _no(programme: str, reason: str) -> Verdict:
    return Verdict(programme, False, reason)


def _not_over(hours: int | None, limit: int) -> bool:
    """True when the course is known to last `limit` hours or fewer (rules asking for "more than")."""
    return hours is not None and hours <= limit


def employee_training(s: Situation) -> Verdict:
    """Beschäftigtenförderung, § 82 SGB III (Qualifizierungschancengesetz)."""
    slug = "qualifizierungschancengesetz"
    if s.who in (Who.JOBSEEKER, Who.TRAINING):
        return _no(slug, _("Gefördert werden Beschäftigte, deren Betrieb die Weiterbildung unterstützt."))
    if _not_over(s.course_hours, EMPLOYEE_TRAINING_MIN_HOURS):
        return _no(slug, _("Der Lehrgang muss mehr als 120 Stunden umfassen."))
    if s.step == NO_QUALIFICATION:
        return _yes(
            slug,
            _("Ohne Berufsabschluss wird der Weg zum Abschluss unabhängig von der Betriebsgröße gefördert."),
            100,
            # "100 % der" is a literal percent sign, not a format directive; the marker keeps the catalogues compilable.
            # xgettext:no-python-format
            _("bis zu 100 % der Lehrgangskosten, dazu ein Zuschuss zum Arbeitsentgelt"),
        )
    if s.years_since_qualification is not None and s.years_since_qualification < 2:
        return _no(slug, _("Der letzte Berufsabschluss muss in der Regel mindestens zwei Jahre zurückliegen."))
    share = employee_training_share(employees=s.employees, age=s.age)
    reason = _("Für Beschäftigte in Lehrgängen über 120 Stunden; der Anteil hängt von der Betriebsgröße ab.")
    if share is None:
        # xgettext:no-python-format
        return _yes(slug, reason, None, _("je nach Betriebsgröße 25 bis 100 % der Lehrgangskosten"))
    if s.employees is not None and 50 <= s.employees < 250 and share == 100:
        reason = _("Ab 45 Jahren kann in Betrieben mit weniger als 250 Beschäftigten der Eigenanteil entfallen.")
    elif share == 50:
        reason = _("Betriebe mit 50 bis 499 Beschäftigten tragen mindestens die Hälfte der Lehrgangskosten.")
    elif share == 25:
        # xgettext:no-python-format
        reason = _("Betriebe mit 500 und mehr Beschäftigten tragen mindestens 75 % der Lehrgangskosten.")
    else:
        reason = _("In Betrieben mit weniger als 50 Beschäftigten ist kein Eigenanteil nötig.")
    return _yes(slug, reason, share, _("bis zu %(share)s %% der Lehrgangskosten") % {"share": share})


def education_voucher(s: Situation) -> Verdict:
    """Bildungsgutschein, § 81 SGB III."""
    slug = "bildungsgutschein"
    # xgettext:no-python-format
    share_text = _("in der Regel 100 % der Lehrgangskosten, Fahrt- und Kinderbetreuungskosten im Einzelfall")
    if s.who == Who.JOBSEEKER:
        return _yes(slug, _("Für Arbeitsuchende nach einer Beratung bei Agentur oder Jobcenter."), 100, share_text)
    if s.step == NO_QUALIFICATION and s.who != Who.TRAINING:
        return _yes(slug, _("Für Menschen ohne anerkannten Berufsabschluss, auch Beschäftigte."), 100, share_text)
    if s.who is None:
        return _yes(slug, _("Für Arbeitsuchende und Menschen ohne Berufsabschluss."), 100, share_text)
    return _no(slug, _("Nur für Arbeitsuchende, von Arbeitslosigkeit Bedrohte und Menschen ohne Berufsabschluss."))


def partial_qualification(s: Situation) -> Verdict:
    """Berufsabschlussbezogene Weiterbildung / Teilqualifizierung, §§ 81/82 SGB III."""
    slug = "teilqualifizierung"
    if s.who == Who.TRAINING:
        return _no(slug, _("Wer in Ausbildung ist, erwirbt den Abschluss bereits auf dem regulären Weg."))
    if s.step not in (NO_QUALIFICATION, None):
        return _no(slug, _("Nur für Menschen ohne anerkannten Berufsabschluss."))
    reason = _("Ohne Berufsabschluss Schritt für Schritt zum Abschluss, beschäftigt oder arbeitsuchend.")
    # xgettext:no-python-format
    return _yes(slug, reason, 100, _("bis zu 100 % der Lehrgangskosten, bei Beschäftigten dazu ein Lohnzuschuss"))


def aufstiegs_bafoeg(s: Situation) -> Verdict:
    """Aufstiegs-BAföG (AFBG)."""
    slug = "aufstiegs-bafoeg"
    share_text = _(
        "50 % der Lehrgangs- und Prüfungsgebühren als Zuschuss, der Rest als Darlehen; "
        "bei bestandener Prüfung wird die Hälfte des Darlehens erlassen (zusammen 75 %)"
    )
    if s.course_hours is not None and s.course_hours < AFBG_MIN_HOURS:
        return _no(slug, _("Der Lehrgang muss mindestens 400 Unterrichtsstunden umfassen."))
    if s.step == NO_QUALIFICATION:
        return _no(slug, _("Voraussetzung ist ein Berufsabschluss; der erste Schritt ist der Abschluss."))
    if s.who == Who.TRAINING:
        return _no(slug, _("Gefördert wird die Fortbildung nach der Ausbildung."))
    if s.goal in (Goal.ADVANCE, Goal.STAFF, None):
        reason = _("Für Fortbildungen zu Meister, Techniker, Fachwirt und Ähnlichem ab 400 Stunden, ohne Altersgrenze.")
        return _yes(slug, reason, 50, share_text)
    return _no(slug, _("Gefördert werden nur Aufstiegsfortbildungen wie Meister, Techniker oder Fachwirt."))


def qualification_allowance(s: Situation) -> Verdict:
    """Qualifizierungsgeld, §§ 82a–c SGB III."""
    slug = "qualifizierungsgeld"
    if s.who not in (Who.COMPANY, Who.EMPLOYED, None) or not s.structural_change:
        return _no(slug, _("Nur für Betriebe, deren Beschäftigte wegen des Strukturwandels umlernen müssen."))
    if _not_over(s.course_hours, EMPLOYEE_TRAINING_MIN_HOURS):
        return _no(slug, _("Die Weiterbildung muss mehr als 120 Stunden umfassen."))
    reason = _("Bei Strukturwandel ersetzt die Agentur während der Weiterbildung einen Teil des Lohns.")
    return _yes(slug, reason, 0, _("60 % bzw. 67 % des Nettolohns als Lohnersatz; Kurskosten trägt der Betrieb"))


def weiterbildungsstipendium(s: Situation) -> Verdict:
    """Weiterbildungsstipendium (BMBF / SBB)."""
    slug = "weiterbildungsstipendium"
    if s.age is not None and s.age >= STIPEND_MAX_AGE:
        return _no(slug, _("Nur wer bei der Aufnahme jünger als 25 Jahre ist."))
    if s.step not in (SKILLED, None) or s.who in (Who.COMPANY, Who.TRAINING):
        return _no(slug, _("Für junge Fachkräfte direkt nach einer sehr guten Berufsausbildung."))
    reason = _("Für junge Fachkräfte unter 25 mit einem sehr guten Ausbildungsabschluss.")
    # xgettext:no-python-format
    return _yes(slug, reason, 90, _("bis zu rund 2.000 € im Jahr für drei Jahre, 10 % Eigenanteil"))


def aufstiegsstipendium(s: Situation) -> Verdict:
    """Aufstiegsstipendium (BMBF / SBB) for a first degree."""
    slug = "aufstiegsstipendium"
    if s.step not in (SKILLED, ADVANCED) or s.goal not in (Goal.ADVANCE, None):
        return _no(slug, _("Für Berufserfahrene mit Berufsabschluss, die ein erstes Studium aufnehmen."))
    if s.years_since_qualification is not None and s.years_since_qualification < 2:
        return _no(slug, _("Voraussetzung sind mindestens zwei Jahre Berufserfahrung nach dem Abschluss."))
    reason = _("Für ein erstes Studium nach Ausbildung und mindestens zwei Jahren Berufserfahrung.")
    return _yes(slug, reason, None, _("Monatspauschale im Vollzeitstudium, Jahresbetrag berufsbegleitend"))


def esf_courses_bw(s: Situation) -> Verdict:
    """ESF Plus Fachkurse Baden-Württemberg (8–160 UE)."""
    slug = "esf-fachkurse-bw"
    if s.land != "bw":
        return _no(slug, _("Nur in Baden-Württemberg."))
    if s.who in (Who.JOBSEEKER, Who.TRAINING):
        return _no(slug, _("Für Beschäftigte, Selbstständige und Berufsrückkehrende."))
    if s.course_hours is not None and not 8 <= s.course_hours <= 160:
        return _no(slug, _("Gefördert werden Kurse von 8 bis 160 Unterrichtseinheiten."))
    reason = _("Für Beschäftigte, besonders in kleinen und mittleren Betrieben, in Kursen von 8 bis 160 UE.")
    # xgettext:no-python-format
    return _yes(slug, reason, 30, _("30 bis 70 % der Kursgebühren"))


def _educational_leave(slug: str, land: str, land_name: str, s: Situation) -> Verdict:
    if s.land != land:
        return _no(slug, _("Nur für Beschäftigte in %(land)s.") % {"land": land_name})
    if s.who not in (Who.EMPLOYED, Who.COMPANY, None):
        return _no(slug, _("Ein Anspruch auf Freistellung haben nur Beschäftigte."))
    reason = _("Beschäftigte in %(land)s können sich für anerkannte Weiterbildungen bezahlt freistellen lassen.")
    return _yes(
        slug, reason % {"land": land_name}, 0, _("bis zu 5 Tage bezahlte Freistellung im Jahr, keine Kurskosten")
    )


def bildungszeit_bw(s: Situation) -> Verdict:
    """Bildungszeit Baden-Württemberg (after 12 months of employment)."""
    return _educational_leave("bildungszeit-bw", "bw", _("Baden-Württemberg"), s)


def bildungsfreistellung_mv(s: Situation) -> Verdict:
    """Bildungsfreistellung Mecklenburg-Vorpommern."""
    return _educational_leave("bildungsfreistellung-mv", "mv", _("Mecklenburg-Vorpommern"), s)


def activation_voucher(s: Situation) -> Verdict:
    """Aktivierungs- und Vermittlungsgutschein (AVGS), § 45 SGB III."""
    slug = "avgs"
    if s.who != Who.JOBSEEKER:
        return _no(slug, _("Nur für Arbeitsuchende."))
    reason = _("Für Arbeitsuchende: Coaching, Kompetenzfeststellung und Bewerbungsunterstützung.")
    # xgettext:no-python-format
    return _yes(slug, reason, 100, _("100 % der Kosten der Maßnahme"))


RULES: tuple[Callable[[Situation], Verdict], ...] = (
    partial_qualification,
    education_voucher,
    employee_training,
    qualification_allowance,
    aufstiegs_bafoeg,
    weiterbildungsstipendium,
    aufstiegsstipendium,
    esf_courses_bw,
    bildungszeit_bw,
    bildungsfreistellung_mv,
    activation_voucher,
)


def assess(situation: Situation) -> list[Verdict]:
    """Every programme's verdict, in the order the result page lists them."""
    return [rule(situation) for rule in RULES]


def likely_programmes(situation: Situation) -> list[Verdict]:
    return [verdict for verdict in assess(situation) if verdict.applies]
