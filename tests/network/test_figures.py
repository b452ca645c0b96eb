"""Network figures against numbers computed by hand: the period against the year before, the funnel, breakdowns,
and small numbers shown as "< 5" outside the office's own view."""

import csv
import datetime
import io

import pytest

from counselling.models import Case, Milestone
from network.figures import network_figures, period_of
from tests.conftest import verified_login
from tests.factories import CaseFactory, PlanStepFactory, SessionFactory, sector, target_group

D = datetime.date


@pytest.fixture
def records(office_s, office_n):
    """Schwerin: six people advised in 2026 (three with a plan, two of them in qualification, both at the exam, one
    passed and gained the qualification), one person in 2025. Stuttgart: two people in 2026."""
    people = [CaseFactory(office=office_n, opened_on=D(2026, 1, 5), sector=sector("metall-elektro"),
                          target_group=target_group("an-und-ungelernte")) for _ in range(6)]  # fmt: skip
    for case in people[:3]:
        PlanStepFactory(case=case, status="planned", planned_start=D(2026, 2, 1))
    for case in people[:2]:
        PlanStepFactory(case=case, status="running", planned_start=D(2026, 3, 1))
        Milestone.objects.create(case=case, kind="exam-result", date=D(2026, 9, 1),
                                 result="passed" if case is people[0] else "failed")  # fmt: skip
    Milestone.objects.create(case=people[0], kind="qualification-gained", date=D(2026, 9, 15))
    SessionFactory(case=people[0], date=D(2026, 3, 2), minutes=60)
    earlier = CaseFactory(office=office_n, opened_on=D(2025, 3, 1), status="closed", outcome="job")
    Case.objects.filter(pk=earlier.pk).update(closed_at=datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC))
    for _ in range(2):
        CaseFactory(office=office_s, opened_on=D(2026, 1, 5))
    return people


def _rows(figures) -> dict:
    return {str(label): (now, before, change) for label, now, before, change in figures.rows}


def test_own_office_figures_by_hand(records, office_n):
    figures = network_figures(offices=[office_n], period=period_of(2026, None), suppress=False)
    rows = _rows(figures)
    assert rows["beratene Personen"] == (6, 1, "+500 %")
    assert rows["begonnene Qualifizierungen"] == (2, 0, "neu")
    assert rows["abgelegte Prüfungen"] == (2, 0, "neu")
    assert rows["bestandene Prüfungen"][0] == 1
    assert rows["erworbene Berufsabschlüsse"][0] == 1
    assert rows["Beratungsgespräche"][0] == 1
    assert [(label, value) for label, value, _text in figures.funnel.rows] == [
        ("beraten", 6), ("mit Qualifizierungsplan", 3), ("in Qualifizierung", 2), ("zur Prüfung", 2),
        ("Berufsabschluss erworben", 1),
    ]  # fmt: skip
    by_sector = figures.charts[0]
    assert [(label, text) for label, _value, text in by_sector.rows] == [("Metall und Elektro", 6)]


def test_network_figures_hide_small_numbers(records, office_s, office_n):
    figures = network_figures(offices=[office_s, office_n], period=period_of(2026, None), suppress=True)
    rows = _rows(figures)
    assert rows["beratene Personen"] == (8, "< 5", "–")
    assert [text for _label, _value, text in figures.funnel.rows] == [8, "< 5", "< 5", "< 5", "< 5"]
    assert figures.funnel.bars[1]["width"] == 0  # no bar betrays a hidden number


def test_a_quarter_is_compared_with_the_same_quarter_a_year_before(records, office_n):
    figures = network_figures(offices=[office_n], period=period_of(2026, 3), suppress=False)
    assert (figures.period.label, figures.previous.label) == ("Q3 2026", "Q3 2025")
    assert _rows(figures)["abgelegte Prüfungen"] == (2, 0, "neu")
    assert _rows(figures)["beratene Personen"] == (6, 0, "neu")


def test_the_figures_page_and_csv_for_a_counsellor_show_the_own_office(client, counsellor_n, records):
    verified_login(client, counsellor_n)
    response = client.get("/netzwerk/zahlen/?year=2026")
    assert _rows(response.context["figures"])["beratene Personen"] == (6, 1, "+500 %")
    rows = list(csv.reader(io.StringIO(client.get("/netzwerk/zahlen.csv?year=2026").content.decode("utf-8-sig")),
                           delimiter=";"))  # fmt: skip
    assert ["Kennzahlen", "beratene Personen", "6", "1", "+500 %"] in rows


def test_the_coordinator_sees_the_network_total_hidden_below_five(client, coordinator, records):
    verified_login(client, coordinator)
    response = client.get("/netzwerk/zahlen/?year=2026")
    assert _rows(response.context["figures"])["beratene Personen"] == (8, "< 5", "–")
    assert "&lt; 5" in response.content.decode()


def test_a_bad_year_is_a_message_and_the_current_year_applies(client, coordinator, records):
    verified_login(client, coordinator)
    response = client.get("/netzwerk/zahlen/?year=zwanzig")
    assert "Bitte ein Jahr wie 2026 angeben." in response.content.decode()
    assert response.context["form"]["year"].value() == "zwanzig"
