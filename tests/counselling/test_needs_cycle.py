"""Needs analyses as a cycle: the next one is due six months (configurable) after the last; the desk lists the due
companies of the own office, and a daily job reminds the office's counsellors without naming a company."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from counselling.models import Company
from counselling.querysets import months_before
from tests.conftest import verified_login
from tests.factories import CompanyFactory, NeedsAnalysisFactory, days

D = datetime.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [(D(2026, 11, 26), 6, D(2026, 5, 26)), (D(2026, 8, 31), 6, D(2026, 2, 28)), (D(2026, 3, 15), 6, D(2025, 9, 15))],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


@pytest.fixture
def companies(office_s, office_n):
    due = CompanyFactory(office=office_s, name="Fällig GmbH")
    NeedsAnalysisFactory(company=due, date=D(2026, 5, 26))
    recent = CompanyFactory(office=office_s, name="Frisch GmbH")
    NeedsAnalysisFactory(company=recent, date=D(2026, 5, 27))
    NeedsAnalysisFactory(company=recent, date=D(2026, 1, 1))  # the last one counts, not the first
    CompanyFactory(office=office_s, name="Nie analysiert")
    other = CompanyFactory(office=office_n, name="Schwerin fällig")
    NeedsAnalysisFactory(company=other, date=D(2025, 1, 1))
    return {"due": due, "other": other}


def test_due_after_six_months(companies):
    due = Company.objects.analysis_due(D(2026, 11, 26))
    assert set(due) == {companies["due"], companies["other"]}


@override_settings(NEEDS_ANALYSIS_INTERVAL_MONTHS=12)
def test_the_interval_is_configurable(companies):
    assert list(Company.objects.analysis_due(D(2026, 11, 26))) == [companies["other"]]


def test_the_desk_lists_the_own_offices_due_companies(client, counsellor_s, office_s):
    company = CompanyFactory(office=office_s, name="Fällig GmbH")
    NeedsAnalysisFactory(company=company, date=days(-200))
    other = CompanyFactory(name="Fremd fällig")
    NeedsAnalysisFactory(company=other, date=days(-200))
    verified_login(client, counsellor_s)
    response = client.get("/beratung/")
    assert list(response.context["analyses_due"]) == [company]
    assert "Fremd fällig" not in response.content.decode()


def test_the_daily_job_mails_each_office_without_company_names(counsellor_s, counsellor_n, office_s):
    company = CompanyFactory(office=office_s, name="Fällig GmbH")
    NeedsAnalysisFactory(company=company, date=days(-200))
    call_command("remind_needs_analyses")
    [message] = mail.outbox
    assert message.to == [counsellor_s.email]
    assert "bei 1 Unternehmen der Stelle Lotsendienst Stuttgart ist die nächste Bedarfsanalyse fällig." in message.body
    assert "Fällig GmbH" not in message.body


def test_the_daily_job_is_scheduled(settings):
    assert "remind_needs_analyses" in settings.DAILY_JOBS
