"""Admission to the Externenprüfung: a pure rule, no database.

Whoever has worked in an occupation for at least one and a half times its regular training period may take the
final exam as an external candidate (§ 45 Abs. 2 BBiG; for crafts § 37 Abs. 2 HwO). Part-time work counts pro rata
to a 39-hour week, capped at full time; work abroad counts the same (the same paragraphs say so). The chamber decides
each case and may admit earlier on other evidence; the guide only gives a first orientation (docs/domain.md).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

FULL_TIME_HOURS = 39
ADMISSION_FACTOR = Fraction(3, 2)
# More months missing than this and the exam is years away: partial qualifications first.
PARTIAL_QUALIFICATION_AFTER = 24
MAX_MONTHS = 720  # sixty years: anything longer is a typing error
MAX_WEEKLY_HOURS = 168  # the hours a week has

BBIG = "§ 45 Abs. 2 BBiG"
HWO = "§ 37 Abs. 2 HwO"
LAW_URLS = {
    BBIG: "https://www.gesetze-im-internet.de/bbig_2005/__45.html",
    HWO: "https://www.gesetze-im-internet.de/hwo/__37.html",
}


class InvalidExperience(ValueError):
    """An answer the rule cannot count: not a number, negative or beyond what a working life holds."""


class Outcome(StrEnum):
    OPEN = "offen"
    LATER = "spaeter"
    PARTIAL_FIRST = "teilqualifizierung"


@dataclass(frozen=True)
class WorkPeriod:
    """Months of relevant work; weekly_hours None means full time."""

    months: int
    weekly_hours: int | float | Decimal | Fraction | None = None
    abroad: bool = False

    def __post_init__(self):
        _check_months(self.months)
        if self.weekly_hours is not None:
            _check_hours(self.weekly_hours)

    @property
    def hours(self) -> Fraction:
        """The weekly hours that count: at most full time."""
        if self.weekly_hours is None:
            return Fraction(FULL_TIME_HOURS)
        return min(Fraction(self.weekly_hours), Fraction(FULL_TIME_HOURS))

    @property
    def full_time_months(self) -> Fraction:
        return self.months * self.hours / FULL_TIME_HOURS


@dataclass(frozen=True)
class Admission:
    outcome: Outcome
    required_months: Fraction
    counted_months: Fraction
    missing_months: int
    headline: str
    reasons: tuple[str, ...]
    legal_basis: str
    note: str

    @property
    def legal_basis_url(self) -> str:
        return LAW_URLS[self.legal_basis]


def admission_check(
    *, occupation: str, training_months: int, periods: Sequence[WorkPeriod], handwerk: bool = False
) -> Admission:
    """Whether the Externenprüfung in this occupation is open now, after how many more months, or far away."""
    _check_months(training_months, minimum=1)
    required = training_months * ADMISSION_FACTOR
    counted = sum((period.full_time_months for period in periods), Fraction(0))
    missing = max(math.ceil(required - counted), 0)
    outcome = _outcome(missing)
    legal_basis = HWO if handwerk else BBIG
    rule = _(
        "Für %(occupation)s dauert die Ausbildung regulär %(months)s Monate. Zur Externenprüfung wird zugelassen, "
        "wer mindestens das Eineinhalbfache – %(required)s Monate – in diesem Beruf gearbeitet hat (%(law)s)."
    ) % {"occupation": occupation, "months": training_months, "required": _number(required), "law": legal_basis}
    return Admission(
        outcome=outcome,
        required_months=required,
        counted_months=counted,
        missing_months=missing,
        headline=_headline(outcome, missing),
        reasons=(rule, *_counting(periods, counted), *_advice(outcome, missing)),
        legal_basis=legal_basis,
        note=_("Die Kammer entscheidet im Einzelfall."),
    )


def _outcome(missing: int) -> Outcome:
    if missing == 0:
        return Outcome.OPEN
    return Outcome.LATER if missing <= PARTIAL_QUALIFICATION_AFTER else Outcome.PARTIAL_FIRST


def _headline(outcome: Outcome, missing: int) -> str:
    if outcome == Outcome.OPEN:
        return _("Die Externenprüfung steht Ihnen nach Ihren Angaben jetzt offen.")
    if outcome == Outcome.LATER:
        return ngettext(
            "Die Externenprüfung steht Ihnen nach einem weiteren Monat Berufserfahrung offen.",
            "Die Externenprüfung steht Ihnen nach %(count)s weiteren Monaten Berufserfahrung offen.",
            missing,
        ) % {"count": missing}
    return _(
        "Bis zur Externenprüfung fehlen Ihnen noch %(count)s Monate Berufserfahrung: Der Weg führt zuerst über "
        "Teilqualifizierungen."
    ) % {"count": missing}


def _counting(periods: Sequence[WorkPeriod], counted: Fraction) -> list[str]:
    """How the months were counted, one plain sentence per rule that applied."""
    lines = [
        ngettext(
            "Wir rechnen mit %(counted)s Monat Berufserfahrung in Vollzeit.",
            "Wir rechnen mit %(counted)s Monaten Berufserfahrung in Vollzeit.",
            1 if _number(counted) == _number(Fraction(1)) else 2,
        )
        % {"counted": _number(counted)}
    ]
    for hours in sorted({period.hours for period in periods if period.hours < FULL_TIME_HOURS}):
        lines.append(
            _(
                "Teilzeit zählt im Verhältnis zu 39 Stunden pro Woche: Bei %(hours)s Stunden pro Woche zählt jeder "
                "Monat zu %(share)s %%."
            )
            % {"hours": _number(hours), "share": _number(hours / FULL_TIME_HOURS * 100)}
        )
    if any(period.weekly_hours is not None and period.weekly_hours > FULL_TIME_HOURS for period in periods):
        lines.append(_("Mehr als 39 Stunden pro Woche zählen wie Vollzeit."))
    if any(period.abroad for period in periods):
        lines.append(_("Berufserfahrung im Ausland zählt genauso wie Berufserfahrung in Deutschland."))
    return lines


def _advice(outcome: Outcome, missing: int) -> list[str]:
    if outcome == Outcome.OPEN:
        return [_("Sie können die Zulassung zur Prüfung bei der zuständigen Kammer beantragen.")]
    lines = []
    if outcome == Outcome.PARTIAL_FIRST:
        lines.append(
            _(
                "Wir empfehlen zuerst Teilqualifizierungen: Module des Berufs, jedes mit eigenem Zertifikat. Wer "
                "alle Module abgeschlossen hat, kann zur Externenprüfung zugelassen werden, auch wenn Berufsjahre "
                "fehlen."
            )
        )
    lines.append(
        _(
            "Die Kammer kann Sie auch früher zulassen, wenn Sie mit Zeugnissen oder auf andere Weise glaubhaft "
            "machen, dass Sie die berufliche Handlungsfähigkeit erworben haben."
        )
    )
    return lines


def _number(value: Fraction) -> str:
    """Months or hours in the reader's notation, cut (never rounded up) to one decimal place."""
    tenths = math.floor(value * 10)
    return number_format(Decimal(tenths) / 10, decimal_pos=0 if tenths % 10 == 0 else 1)


def _check_months(value, *, minimum: int = 0) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= MAX_MONTHS:
        raise InvalidExperience(f"months must be a whole number from {minimum} to {MAX_MONTHS}, not {value!r}")


def _check_hours(value) -> None:
    number = isinstance(value, int | float | Decimal | Fraction) and not isinstance(value, bool)
    if not number or not _finite(value) or not 0 < value <= MAX_WEEKLY_HOURS:
        raise InvalidExperience(f"weekly hours must be a number above 0 and at most {MAX_WEEKLY_HOURS}, not {value!r}")


def _finite(value) -> bool:
    return value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
