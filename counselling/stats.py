"""Office statistics for a period, computed from the records (never by hand)."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from counselling.models import Case, ClientKind, Company, Inquiry, Milestone, Need, NeedsAnalysis, PlanStep, Session
from offers.models import QualificationStep, TargetGroup

NOT_GIVEN = _("ohne Angabe")


@dataclass
class Chart:
    key: str
    title: str
    rows: list[tuple[str, int]] = field(default_factory=list)

    @property
    def bars(self) -> list[dict]:
        """Rows with SVG geometry in percent of the chart width: label column 0–45 %, bars from 45 %."""
        top = max((value for _label, value in self.rows), default=0) or 1
        bars = []
        for index, (label, value) in enumerate(self.rows):
            width = round(value / top * 45, 2)
            bars.append({"label": label, "value": value, "y": index * 28, "width": width, "text_x": 46 + width})
        return bars

    @property
    def height(self) -> int:
        return max(len(self.rows), 1) * 28


@dataclass
class Statistics:
    office: object
    start: date
    end: date
    figures: list[tuple[str, object]]
    charts: list[Chart]

    def csv_rows(self):
        yield [str(_("Bereich")), str(_("Merkmal")), str(_("Wert"))]
        for label, value in self.figures:
            yield [str(_("Kennzahlen")), str(label), value]
        for chart in self.charts:
            for label, value in chart.rows:
                yield [str(chart.title), str(label), value]


def _by_choice(queryset, field_name: str, choices) -> list[tuple[str, int]]:
    counts = dict(queryset.values_list(field_name).annotate(n=Count("pk")).order_by())
    return [(label, counts.get(value, 0)) for value, label in choices]


def _by_vocabulary(queryset, field_name: str, vocabulary) -> list[tuple[str, int]]:
    counts = dict(queryset.values_list(field_name).annotate(n=Count("pk")).order_by())
    rows = [(item.name, counts.get(item.pk, 0)) for item in vocabulary if counts.get(item.pk)]
    return [*rows, (NOT_GIVEN, counts[None])] if counts.get(None) else rows


def _pathway(office, start: date, end: date) -> list[tuple[str, int]]:
    """The way to a vocational qualification: qualifications begun (cases with a plan step under way or done that
    started in the period), exams taken (results recorded) and passed, qualifications gained."""
    started = PlanStep.objects.filter(
        case__office=office,
        planned_start__range=(start, end),
        status__in=[PlanStep.Status.RUNNING, PlanStep.Status.DONE],
    )
    milestones = Milestone.objects.filter(case__office=office, date__range=(start, end))
    exams = milestones.filter(kind=Milestone.Kind.EXAM_RESULT)
    return [
        (_("Qualifizierungen begonnen"), started.values("case").distinct().count()),
        (_("Prüfungen abgelegt"), exams.count()),
        (_("Prüfungen bestanden"), exams.filter(result=Milestone.Result.PASSED).count()),
        (_("Berufsabschlüsse erworben"), milestones.filter(kind=Milestone.Kind.QUALIFICATION_GAINED).count()),
    ]


def office_statistics(*, office, start: date, end: date) -> Statistics:
    cases = Case.objects.for_office(office)
    active = cases.active_between(start, end)
    people = active.filter(client_kind=ClientKind.PERSON)
    sessions = Session.objects.filter(case__office=office, date__range=(start, end)).aggregate(
        n=Count("pk"), minutes=Sum("minutes")
    )
    analyses = NeedsAnalysis.objects.filter(company__office=office, date__range=(start, end))
    companies = Company.objects.for_office(office).filter(
        Q(analyses__date__range=(start, end)) | Q(cases__in=active.values("pk"))
    )
    closed = cases.filter(closed_at__date__range=(start, end))
    figures = [
        (_("Anfragen"), Inquiry.objects.for_office(office).filter(created_at__date__range=(start, end)).count()),
        (_("neue Fälle"), cases.filter(opened_on__range=(start, end)).count()),
        (_("Fälle im Zeitraum"), active.count()),
        (_("Beratungsgespräche"), sessions["n"]),
        (_("Beratungsstunden"), round((sessions["minutes"] or 0) / 60, 1)),
        (_("beratene Unternehmen"), companies.distinct().count()),
        (_("Bedarfsanalysen"), analyses.count()),
        (
            _("Beschäftigte mit Bedarf"),
            Need.objects.filter(analysis__in=analyses).aggregate(n=Sum("employees"))["n"] or 0,
        ),
        *_pathway(office, start, end),
    ]
    charts = [
        Chart("status", _("Fälle nach Status"), _by_choice(active, "status", Case.Status.choices)),
        Chart("step", _("Fälle nach Stufe"), _by_vocabulary(active, "step", QualificationStep.objects.all())),
        Chart("outcome", _("Abschlüsse nach Ergebnis"), _by_choice(closed, "outcome", Case.Outcome.choices)),
        Chart(
            "target_group",
            _("Personen nach Zielgruppe"),
            _by_vocabulary(people, "target_group", TargetGroup.objects.all()),
        ),
        Chart("gender", _("Personen nach Geschlecht"), _by_choice(people, "gender", Case.Gender.choices)),
    ]
    return Statistics(office=office, start=start, end=end, figures=figures, charts=charts)
