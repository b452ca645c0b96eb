from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from counselling.models import AuditEntry, Case, Company, Need
from counselling.services import case_anonymise
from counselling.stats import office_statistics
from tests.conftest import verified_login
from tests.factories import CaseFactory, InquiryFactory

BERLIN = ZoneInfo("Europe/Berlin")
PERSONAL = [
    "Name geheimS", "geheimS@example.org", "Tel geheimS", "00001", "Ziel geheimS", "Notiz geheimS", "Themen geheimS",
    "Gespräch geheimS", "Schritte geheimS", "Plan geheimS", "Vermittlung geheimS", "Anfrage geheimS",
    "Nachricht geheimS", "Kontakt geheimS", "Analyse geheimS", "Firma geheimS", "Thema geheimS",
    "Externenprüfung für geheimS", "Meilenstein geheimS",
]  # fmt: skip


def every_stored_text() -> str:
    """Every value of every row of every table Django knows, history and audit tables included."""
    chunks = []
    for model in apps.get_models(include_auto_created=True):
        for row in model._base_manager.values_list():
            chunks.append(" ".join(str(value) for value in row))
    return "\n".join(chunks)


def plain(stats):
    return [(str(k), v) for k, v in stats.figures], [[(str(k), v) for k, v in c.rows] for c in stats.charts]


def test_erasure_leaves_no_personal_data_in_any_table(client, world, counsellor_s):
    case = world["s"]
    verified_login(client, counsellor_s)
    client.get(case.get_absolute_url())  # leaves a view entry in the audit log
    stored = every_stored_text()
    assert [text for text in PERSONAL if text in stored] == PERSONAL  # the check can fail

    response = client.post(reverse("counselling:case_anonymise", args=[case.pk]))

    assert response.status_code == 302
    stored = every_stored_text()
    assert [text for text in PERSONAL if text in stored] == []
    # The other office's case and company are untouched.
    assert [text for text in ["Name geheimN", "Kontakt geheimN", "Analyse geheimN"] if text in stored] == [
        "Name geheimN", "Kontakt geheimN", "Analyse geheimN"
    ]  # fmt: skip


def test_erasure_keeps_statistics_unchanged(world, office_s):
    case = world["s"]
    case.status, case.outcome, case.gender = "closed", "job", "diverse"
    case.save()
    period = {"office": office_s, "start": date(2026, 1, 1), "end": date(2026, 12, 31)}
    before = plain(office_statistics(**period))
    company_figures = [(k, v) for k, v in before[0] if k in ("beratene Unternehmen", "Bedarfsanalysen",
                                                              "Beschäftigte mit Bedarf")]  # fmt: skip

    case_anonymise(case=case)

    assert plain(office_statistics(**period)) == before
    assert company_figures == [("beratene Unternehmen", 1), ("Bedarfsanalysen", 1), ("Beschäftigte mit Bedarf", 3)]
    case.refresh_from_db()
    assert (case.status, case.outcome, case.gender, case.sessions.get().minutes) == ("closed", "job", "diverse", 60)
    company = Company.objects.get(pk=case.company_id)
    assert (company.name, company.contact, company.analyses.get().notes) == ("–", "", "")
    assert list(Need.objects.filter(analysis__company=company).values_list("step__slug", "topic", "employees")) == [
        ("ohne-abschluss", "", 3)
    ]


def test_anonymised_case_cannot_be_edited(client, world, counsellor_s):
    case = case_anonymise(case=world["s"])
    verified_login(client, counsellor_s)
    data = {"client_kind": "person", "name": "Wieder da", "gender": "unknown", "status": "new"}
    client.post(reverse("counselling:case_edit", args=[case.pk]), data)
    client.post(reverse("counselling:session_add", args=[case.pk]), {"date": "2026-03-01", "minutes": 30})
    case.refresh_from_db()
    assert (case.name, case.sessions.count()) == ("–", 1)
    assert AuditEntry.objects.filter(case_pk=case.pk, action="anonymise").count() == 1


def closed_case(office, days_ago: int, today: date) -> Case:
    closed = datetime.combine(today - timedelta(days=days_ago), datetime.min.time(), BERLIN).replace(hour=12)
    return CaseFactory(office=office, name=f"Retention {days_ago}", status="closed", outcome="job", closed_at=closed)


@pytest.fixture
def retention_cases(office_s, settings):
    from django.utils import timezone

    settings.CASE_RETENTION_DAYS = 30
    today = timezone.localdate()
    return {
        "boundary": closed_case(office_s, 30, today),
        "past": closed_case(office_s, 31, today),
        "open": CaseFactory(office=office_s, name="Offen", opened_on=today - timedelta(days=400)),
    }


def test_retention_anonymises_only_cases_closed_before_the_boundary_day(retention_cases):
    out = StringIO()
    call_command("apply_retention", stdout=out)
    names = {key: Case.objects.get(pk=case.pk).name for key, case in retention_cases.items()}
    assert names == {"boundary": "Retention 30", "past": "–", "open": "Offen"}
    assert retention_cases["past"].reference in out.getvalue()
    assert retention_cases["boundary"].reference not in out.getvalue()


def test_retention_anonymises_old_requests_that_never_became_a_case(office_s, settings):
    from django.utils import timezone

    from counselling.models import Inquiry

    settings.CASE_RETENTION_DAYS = 30
    now = timezone.now()
    old = InquiryFactory(office=office_s, name="Alt", created_at=now - timedelta(days=32))
    recent = InquiryFactory(office=office_s, name="Neu", created_at=now - timedelta(days=29))
    converted = InquiryFactory(office=office_s, name="Fall", created_at=now - timedelta(days=40))
    CaseFactory(office=office_s, inquiry=converted)
    call_command("apply_retention", stdout=StringIO())
    names = dict(Inquiry.objects.values_list("pk", "name"))
    assert names == {old.pk: "–", recent.pk: "Neu", converted.pk: "Fall"}
    assert Inquiry.objects.get(pk=old.pk).status == Inquiry.Status.CLOSED
    assert Inquiry.objects.get(pk=recent.pk).status == Inquiry.Status.NEW


def test_retention_dry_run_lists_and_changes_nothing(retention_cases):
    out = StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    assert retention_cases["past"].reference in out.getvalue()
    assert "Dry run" in out.getvalue()
    assert Case.objects.filter(anonymised_at__isnull=False).count() == 0


def test_retention_default_is_three_years():
    from django.conf import settings

    assert settings.CASE_RETENTION_DAYS == 3 * 365
