"""Network figures for funders: what the offices did in a year or quarter, against the same period a year before, the
funnel advised → plan → in qualification → exam → qualification gained, and breakdowns. Computed from the case
records of the offices in scope; outside an office's own view, counts of 1 to 4 are shown as "< 5"."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from counselling.models import (
    Case,
    ClientKind,
    Company,
    Milestone,
    NeedsAnalysis,
    PlanStep,
    Referral,
    Session,
)
from network.charts import BarChart
from network.suppression import is_hidden, shown
from offers.models import FundingProgramme, Sector, TargetGroup

STARTED = (PlanStep.Status.RUNNING, PlanStep.Status.DONE)
QUALIFYING_OR_LATER = (Case.Status.QUALIFYING, Case.Status.EXAM)
FUNNEL = [
    ("advised", gettext_lazy("beraten")),
    ("plan", gettext_lazy("mit Qualifizierungsplan")),
    ("qualifying", gettext_lazy("in Qualifizierung")),
    ("exam", gettext_lazy("zur Prüfung")),
    ("gained", gettext_lazy("Berufsabschluss erworben")),
]


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str

    def year_before(self) -> Period:
        start = self.start.replace(year=self.start.year - 1)
        end = self.end.replace(year=self.end.year - 1, day=min(self.end.day, 28 if self.end.month == 2 else 31))
        return Period(start, end, self.label.replace(str(self.start.year), str(start.year)))


def period_of(year: int, quarter: int | None) -> Period:
    if not quarter:
        return Period(date(year, 1, 1), date(year, 12, 31), str(year))
    first = 3 * quarter - 2
    last = first + 2
    return Period(date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]), f"Q{quarter} {year}")


def _people(cases, period: Period):
    return cases.filter(client_kind=ClientKind.PERSON).active_between(period.start, period.end)


def _counts(offices, period: Period) -> dict[str, int]:
    """The figures of one period, each computed from the records."""
    start, end = period.start, period.end
    cases = Case.objects.filter(office__in=offices)
    active = cases.active_between(start, end)
    milestones = Milestone.objects.filter(case__office__in=offices, date__range=(start, end))
    started = (
        PlanStep.objects.filter(case__office__in=offices, status__in=STARTED, planned_start__range=(start, end))
        .values("case")
        .distinct()
    )
    companies = Company.objects.filter(office__in=offices).filter(
        Q(analyses__date__range=(start, end)) | Q(cases__in=active.values("pk"))
    )
    return {
        "people": _people(cases, period).count(),
        "companies": companies.distinct().count(),
        "sessions": Session.objects.filter(case__office__in=offices, date__range=(start, end)).count(),
        "analyses": NeedsAnalysis.objects.filter(company__office__in=offices, date__range=(start, end)).count(),
        "referrals": Referral.objects.filter(case__office__in=offices, date__range=(start, end)).count(),
        "started": started.count(),
        "exams": milestones.filter(kind=Milestone.Kind.EXAM_RESULT).count(),
        "passed": milestones.filter(kind=Milestone.Kind.EXAM_RESULT, result=Milestone.Result.PASSED).count(),
        "gained": milestones.filter(kind=Milestone.Kind.QUALIFICATION_GAINED).count(),
    }


FIGURE_LABELS = [
    ("people", gettext_lazy("beratene Personen")),
    ("companies", gettext_lazy("beratene Unternehmen")),
    ("sessions", gettext_lazy("Beratungsgespräche")),
    ("analyses", gettext_lazy("Bedarfsanalysen")),
    ("referrals", gettext_lazy("Vermittlungen")),
    ("started", gettext_lazy("begonnene Qualifizierungen")),
    ("exams", gettext_lazy("abgelegte Prüfungen")),
    ("passed", gettext_lazy("bestandene Prüfungen")),
    ("gained", gettext_lazy("erworbene Berufsabschlüsse")),
]


def funnel_counts(offices, period: Period) -> dict[str, int]:
    """People advised in the period and how far each got: a later stage counts the earlier ones as reached."""
    steps = PlanStep.objects.filter(case=OuterRef("pk"))
    milestones = Milestone.objects.filter(case=OuterRef("pk"))
    rows = (
        _people(Case.objects.filter(office__in=offices), period)
        .annotate(
            has_plan=Exists(steps),
            has_started=Exists(steps.filter(status__in=STARTED)),
            has_exam=Exists(milestones.filter(kind__in=[Milestone.Kind.EXAM_RESULT, Milestone.Kind.EXAM_DATE])),
            has_gained=Exists(milestones.filter(kind=Milestone.Kind.QUALIFICATION_GAINED)),
        )
        .values_list("status", "outcome", "has_plan", "has_started", "has_exam", "has_gained")
    )
    totals = dict.fromkeys((key for key, _label in FUNNEL), 0)
    for status, outcome, has_plan, has_started, has_exam, has_gained in rows:
        gained = has_gained or outcome == Case.Outcome.EXTERNAL_EXAM
        exam = gained or has_exam or status == Case.Status.EXAM
        qualifying = exam or has_started or status in QUALIFYING_OR_LATER
        plan = qualifying or has_plan or status == Case.Status.PLAN
        for key, reached in (("advised", True), ("plan", plan), ("qualifying", qualifying), ("exam", exam),
                             ("gained", gained)):  # fmt: skip
            totals[key] += reached
    return totals


def _breakdown(queryset, field_name: str, vocabulary) -> list[tuple[str, int]]:
    counts = dict(queryset.values_list(field_name).annotate(n=Count("pk", distinct=True)).order_by())
    rows = [(item.name, counts.get(item.pk, 0)) for item in vocabulary if counts.get(item.pk)]
    return [*rows, (_("ohne Angabe"), counts[None])] if counts.get(None) else rows


def _change(now: int, before: int, suppress: bool) -> str:
    if is_hidden(now, suppress=suppress) or is_hidden(before, suppress=suppress):
        return "–"
    if not before:
        return _("neu") if now else "±0"
    percent = round((now - before) / before * 100)
    return f"{percent:+d} %".replace("+0 %", "±0 %")


def _chart(key: str, title: str, rows: list[tuple[str, int]], suppress: bool) -> BarChart:
    hidden = {index for index, (_label, value) in enumerate(rows) if is_hidden(value, suppress=suppress)}
    shown_rows = [(str(label), value, shown(value, suppress=suppress)) for label, value in rows]
    return BarChart(key, title, shown_rows, hidden)


@dataclass
class Figures:
    period: Period
    previous: Period
    rows: list[tuple[str, int | str, int | str, str]]  # label, now, a year before, change
    funnel: BarChart
    charts: list[BarChart]

    def csv_rows(self):
        yield [_("Bereich"), _("Merkmal"), self.period.label, self.previous.label, _("Veränderung")]
        for label, now, before, change in self.rows:
            yield [_("Kennzahlen"), str(label), now, before, change]
        for chart in [self.funnel, *self.charts]:
            for label, _value, text in chart.rows:
                yield [str(chart.title), label, text, "", ""]


def network_figures(*, offices, period: Period, suppress: bool) -> Figures:
    previous = period.year_before()
    now, before = _counts(offices, period), _counts(offices, previous)
    rows = [
        (label, shown(now[key], suppress=suppress), shown(before[key], suppress=suppress),
         _change(now[key], before[key], suppress))
        for key, label in FIGURE_LABELS
    ]  # fmt: skip
    funnel = funnel_counts(offices, period)
    people = _people(Case.objects.filter(office__in=offices), period)
    funded = PlanStep.objects.filter(case__in=people.values("pk"))
    charts = [
        _chart("sector", _("Beratene Personen nach Branche"), _breakdown(people, "sector", Sector.objects.all()),
               suppress),
        _chart("target_group", _("Beratene Personen nach Zielgruppe"),
               _breakdown(people, "target_group", TargetGroup.objects.all()), suppress),
        _chart("funding", _("Qualifizierungsschritte nach Förderprogramm"),
               _breakdown(funded, "funding", FundingProgramme.objects.all()), suppress),
    ]  # fmt: skip
    funnel_rows = [(label, funnel[key]) for key, label in FUNNEL]
    return Figures(period, previous, rows, _chart("funnel", _("Von der Beratung zum Abschluss"), funnel_rows, suppress),
                   charts)  # fmt: skip
