import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from counselling.stats import office_statistics
from tests.conftest import verified_login
from tests.factories import (
    CaseFactory,
    CompanyFactory,
    InquiryFactory,
    MilestoneFactory,
    NeedFactory,
    NeedsAnalysisFactory,
    PlanStepFactory,
    SessionFactory,
    step,
    target_group,
)

BERLIN = ZoneInfo("Europe/Berlin")
YEAR = {"start": "2025-01-01", "end": "2025-12-31"}


def at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=12, tzinfo=BERLIN)


@pytest.fixture
def records(office_s, office_n):
    """Fixed records in and around 2025, plus another office's case that must not count."""
    without, skilled = step("ohne-abschluss"), step("fachkraft")
    group_a, group_b = target_group("an-und-ungelernte"), target_group("arbeitsuchende")
    InquiryFactory(office=office_s, created_at=at("2025-02-01"))
    InquiryFactory(office=office_s, created_at=at("2025-12-31"))
    InquiryFactory(office=office_s, created_at=at("2024-12-31"))
    InquiryFactory(office=office_n, created_at=at("2025-06-01"))
    company_x = CompanyFactory(office=office_s, name="X")
    c1 = CaseFactory(office=office_s, opened_on=date(2025, 1, 10), gender="female", target_group=group_a, step=without,
                   status="qualifying")  # fmt: skip
    c2 = CaseFactory(office=office_s, opened_on=date(2025, 3, 1), gender="diverse", target_group=group_a, step=skilled,
                   status="closed", outcome="external-exam", closed_at=at("2025-09-01"))  # fmt: skip
    c3 = CaseFactory(office=office_s, opened_on=date(2024, 6, 1), gender="male", target_group=group_b, step=without,
                   status="closed", outcome="dropped", closed_at=at("2024-12-01"))  # fmt: skip
    CaseFactory(
        office=office_s, opened_on=date(2024, 10, 1), client_kind="company", company=company_x, status="counselling"
    )
    CaseFactory(office=office_s, opened_on=date(2026, 1, 5), gender="male")
    CaseFactory(office=office_n, opened_on=date(2025, 5, 5), gender="male", step=without)
    SessionFactory(case=c1, date=date(2025, 1, 10), minutes=60)
    SessionFactory(case=c1, date=date(2025, 2, 10), minutes=30)
    SessionFactory(case=c2, date=date(2025, 3, 1), minutes=90)
    SessionFactory(case=c3, date=date(2024, 7, 1), minutes=45)
    company_y = CompanyFactory(office=office_s, name="Y")
    analysis = NeedsAnalysisFactory(company=company_y, date=date(2025, 5, 5))
    NeedFactory(analysis=analysis, step=without, employees=4)
    NeedFactory(analysis=analysis, step=skilled, employees=6)
    NeedsAnalysisFactory(company=CompanyFactory(office=office_s, name="Z"), date=date(2024, 5, 5))
    _pathway_records(c1, c2, c3, other=CaseFactory(office=office_n))
    return {"c2": c2, "without": without, "skilled": skilled, "group_a": group_a}


def _pathway_records(c1, c2, c3, other):
    """One qualification begun (c1, two steps), two exams taken in 2025 (one passed), one qualification gained."""
    PlanStepFactory(case=c1, title="TQ 1", planned_start=date(2025, 4, 1), status="running")
    PlanStepFactory(case=c1, title="TQ 2", planned_start=date(2025, 5, 1), status="done")
    PlanStepFactory(case=c2, title="geplant", planned_start=date(2025, 4, 1), status="planned")
    PlanStepFactory(case=c3, title="2024", planned_start=date(2024, 7, 1), status="done")
    MilestoneFactory(case=c1, kind="exam-result", result="failed", date=date(2025, 7, 1))
    MilestoneFactory(case=c2, kind="exam-result", result="passed", date=date(2025, 8, 1))
    MilestoneFactory(case=c2, kind="qualification-gained", date=date(2025, 9, 1))
    MilestoneFactory(case=c2, kind="exam-date", date=date(2025, 7, 20))
    MilestoneFactory(case=c3, kind="exam-result", result="passed", date=date(2024, 11, 1))
    MilestoneFactory(case=other, kind="exam-result", result="passed", date=date(2025, 8, 1))


def as_plain(stats):
    figures = [(str(label), value) for label, value in stats.figures]
    charts = {chart.key: [(str(label), value) for label, value in chart.rows] for chart in stats.charts}
    return figures, charts


EXPECTED_FIGURES = [
    ("Anfragen", 2), ("neue Fälle", 2), ("Fälle im Zeitraum", 3), ("Beratungsgespräche", 3),
    ("Beratungsstunden", 3.0), ("beratene Unternehmen", 2), ("Bedarfsanalysen", 1), ("Beschäftigte mit Bedarf", 10),
    ("Qualifizierungen begonnen", 1), ("Prüfungen abgelegt", 2), ("Prüfungen bestanden", 1),
    ("Berufsabschlüsse erworben", 1),
]  # fmt: skip


def expected_charts(records) -> dict:
    """Vocabulary names come from the seeded tables, whatever their wording."""
    return {
        **EXPECTED_CHARTS,
        "step": [(records["without"].name, 1), (records["skilled"].name, 1), ("ohne Angabe", 1)],
        "target_group": [(records["group_a"].name, 2)],
    }


EXPECTED_CHARTS = {
    "status": [("neu", 0), ("in Beratung", 1), ("Qualifizierungsplan", 0), ("in Qualifizierung", 1), ("Prüfung", 0),
               ("abgeschlossen", 1)],
    "outcome": [("Berufsabschluss über Externenprüfung", 1), ("Teilqualifizierung abgeschlossen", 0),
                ("Weiterbildung abgeschlossen", 0), ("in Arbeit vermittelt", 0), ("abgebrochen", 0),
                ("weitervermittelt", 0)],
    "gender": [("weiblich", 1), ("männlich", 0), ("divers", 1), ("keine Angabe", 0)],
}  # fmt: skip


def test_statistics_are_exact_on_fixed_records(office_s, records):
    stats = office_statistics(office=office_s, start=date(2025, 1, 1), end=date(2025, 12, 31))
    figures, charts = as_plain(stats)
    assert figures == EXPECTED_FIGURES
    assert charts == expected_charts(records)


def test_statistics_page_renders_svg_charts_without_script(client, counsellor_s, records):
    verified_login(client, counsellor_s)
    response = client.get(reverse("counselling:statistics"), YEAR)
    content = response.content.decode()
    assert content.count('<svg class="bar-chart"') == 5
    assert "<script>" not in content.split("</head>")[1]
    assert as_plain(response.context["stats"]) == (EXPECTED_FIGURES, expected_charts(records))


def test_statistics_csv_download(client, counsellor_s, records):
    verified_login(client, counsellor_s)
    response = client.get(reverse("counselling:statistics_csv"), YEAR)
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbfBereich;Merkmal;Wert\r\n")
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Bereich", "Merkmal", "Wert"]
    assert ["Kennzahlen", "Beratungsstunden", "3,0"] in rows
    assert ["Personen nach Geschlecht", "divers", "1"] in rows


def test_statistics_default_to_this_calendar_year(client, counsellor_s, office_s):
    from django.utils import timezone

    verified_login(client, counsellor_s)
    stats = client.get(reverse("counselling:statistics")).context["stats"]
    year = timezone.localdate().year
    assert (stats.office, stats.start, stats.end) == (office_s, date(year, 1, 1), date(year, 12, 31))


def test_statistics_ignore_foreign_office_parameter(client, counsellor_s, office_n, records):
    verified_login(client, counsellor_s)
    response = client.get(reverse("counselling:statistics"), {**YEAR, "office": office_n.pk})
    assert response.status_code == 200
    assert response.context["stats"].office != office_n


@pytest.mark.parametrize(
    "params", [{"start": "gestern"}, {"end": "2025-13-45"}, {"start": "2025-12-31", "end": "2025-01-01"}]
)
def test_statistics_bad_period_never_500(client, counsellor_s, params):
    verified_login(client, counsellor_s)
    assert client.get(reverse("counselling:statistics"), params).status_code == 200
