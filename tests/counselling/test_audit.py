"""The audit log: one entry per personal-data action, references that outlive the record, and who may read it."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from counselling.models import AuditEntry, Case
from tests import factories
from tests.conftest import verified_login

TODAY = timezone.localdate().isoformat()  # a talk cannot be dated before its case was opened (today)

ADDRESS = "203.0.113.7"


@pytest.fixture
def records(world):
    """World's Stuttgart case, its records and a fresh request, with the ids the actions below post to."""
    case = world["s"]
    return {
        "case": case,
        "inquiry": factories.InquiryFactory(office=case.office, name="Offene Anfrage"),
        "company": case.company,
        "plan_step": case.plan_steps.get(),
        "referral": case.referrals.get(),
        "step": factories.step("ohne-abschluss"),
    }


@pytest.fixture
def counsellor_client(client, counsellor_s):
    client.defaults["REMOTE_ADDR"] = ADDRESS
    verified_login(client, counsellor_s)
    return client


def _case_form(case, **changes):
    data = {"client_kind": "person", "name": case.name, "gender": "unknown", "status": "new", "company": ""}
    return {**data, **changes}


def _needs_analysis(r):
    return {
        "date": "2026-03-05", "needs-TOTAL_FORMS": "1", "needs-INITIAL_FORMS": "0",
        "needs-0-step": r["step"].pk, "needs-0-employees": "2",
    }  # fmt: skip


# (method, desk url name, url args, data, expected (action, object type, record, with the case's reference))
ACTIONS = [
    ("get", "desk", [], None, ("view", "case", None, False)),
    ("get", "inquiries", [], None, ("view", "inquiry", None, False)),
    ("get", "cases", [], None, ("view", "case", None, False)),
    ("get", "companies", [], None, ("view", "company", None, False)),
    ("get", "inquiry", ["inquiry"], None, ("view", "inquiry", "inquiry", False)),
    ("get", "case", ["case"], None, ("view", "case", "case", True)),
    ("get", "case_export_json", ["case"], None, ("export", "case", "case", True)),
    ("get", "case_export", ["case"], None, ("export", "case", "case", True)),
    ("post", "case_edit", ["case"], lambda r: _case_form(r["case"], name="Neu"), ("change", "case", "case", True)),
    ("post", "case_edit", ["case"], lambda r: _case_form(r["case"], status="plan"), ("status", "case", "case", True)),
    ("post", "session_add", ["case"], {"date": TODAY, "minutes": "30", "channel": "phone"},
     ("create", "session", "new", True)),
    ("post", "plan_step_add", ["case"], {"title": "Kurs", "status": "planned"}, ("create", "planstep", "new", True)),
    ("post", "plan_step_status", ["case", "plan_step"], {"status": "done"}, ("status", "planstep", "plan_step", True)),
    ("post", "referral_add", ["case"], lambda r: {"partner": r["case"].office_id, "date": TODAY,
     "status": "suggested"}, ("create", "referral", "new", True)),
    ("post", "referral_status", ["case", "referral"], {"status": "accepted"}, ("status", "referral", "referral", True)),
    ("get", "company", ["company"], None, ("view", "company", "company", False)),
    ("post", "company_edit", ["company"], lambda r: {"office": r["case"].office_id, "name": "Neu GmbH"},
     ("change", "company", "company", False)),
    ("post", "company_new", [], lambda r: {"office": r["case"].office_id, "name": "Neue GmbH"},
     ("create", "company", "new", False)),
    ("post", "company", ["company"], _needs_analysis, ("create", "needsanalysis", "new", False)),
    ("post", "inquiry_close", ["inquiry"], {}, ("status", "inquiry", "inquiry", False)),
    ("post", "inquiry_anonymise", ["inquiry"], {}, ("anonymise", "inquiry", "inquiry", False)),
    ("post", "case_anonymise", ["case"], {}, ("anonymise", "case", "case", True)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("method", "name", "args", "data", "expected"), ACTIONS, ids=lambda v: "computed" if callable(v) else str(v)[:40]
)
def test_every_personal_data_action_writes_one_audit_entry(
    counsellor_client, records, method, name, args, data, expected
):
    url = reverse(f"counselling:{name}", args=[records[arg].pk for arg in args])
    data = data(records) if callable(data) else data
    before = set(AuditEntry.objects.values_list("pk", flat=True))

    response = getattr(counsellor_client, method)(url, data) if data is not None else counsellor_client.get(url)

    assert response.status_code in (200, 302), response.status_code
    new = AuditEntry.objects.exclude(pk__in=before)
    action, object_type, record_key, with_reference = expected
    entry = new.get(object_type=object_type)  # a POST's own page view (company page) is a second entry
    case = records["case"]
    expected_pk = None if record_key is None else entry.object_pk if record_key == "new" else records[record_key].pk
    assert (entry.action, entry.object_pk, entry.actor, entry.user, entry.address) == (
        action, expected_pk, "beratung-stuttgart", case.counsellor, ADDRESS
    )  # fmt: skip
    assert entry.case_reference == (case.reference if with_reference else "")
    assert entry.office_pk == (None if record_key is None else case.office_id)
    assert record_key != "new" or entry.object_pk is not None


def test_converting_a_request_logs_the_new_case(counsellor_client, office_s):
    inquiry = factories.InquiryFactory(office=office_s)

    counsellor_client.post(reverse("counselling:inquiry_convert", args=[inquiry.pk]))

    case = Case.objects.get()
    entries = AuditEntry.objects.values_list("action", "object_type", "object_pk", "case_reference", "address")
    assert list(entries) == [("create", "case", case.pk, case.reference, ADDRESS)]


def test_audit_entries_outlive_the_case_and_the_account(counsellor_client, world, counsellor_s):
    case = world["s"]
    counsellor_client.get(case.get_absolute_url())

    Case.objects.filter(pk=case.pk).delete()
    counsellor_s.delete()

    entry = AuditEntry.objects.get()
    assert (entry.case_pk, entry.case_reference, entry.actor, entry.user) == (
        case.pk, case.reference, "beratung-stuttgart", None
    )  # fmt: skip


# --- the coordinators' audit log -----------------------------------------------------------------------------------
@pytest.fixture
def logged(world, counsellor_s):
    """Two entries on 4 March 2026: a view of the Stuttgart case and an anonymised request of Schwerin."""
    case = world["s"]
    at = "2026-03-04T10:00:00+01:00"
    AuditEntry.objects.create(
        office_pk=case.office_id, case_pk=case.pk, case_reference=case.reference, object_type="case",
        object_pk=case.pk, user=counsellor_s, actor="beratung-stuttgart", action="view", at=at,
    )  # fmt: skip
    AuditEntry.objects.create(
        office_pk=world["n"].office_id, object_type="inquiry", object_pk=99, action="anonymise", at=at
    )
    return case


AUDIT_URLS = ["counselling:audit_log", "counselling:audit_log_csv"]
PERIOD = {"start": "2026-03-01", "end": "2026-03-31"}


@pytest.mark.parametrize("name", AUDIT_URLS)
def test_audit_log_sends_anonymous_visitors_to_login(client, logged, name):
    response = client.get(reverse(name), PERIOD)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("who", ["editor", "counsellor_s", "counsellor_n"])
@pytest.mark.parametrize("name", AUDIT_URLS)
def test_audit_log_is_404_for_editors_and_counsellors(client, logged, request, who, name):
    verified_login(client, request.getfixturevalue(who))
    assert client.get(reverse(name), PERIOD).status_code == 404


def test_coordinator_reads_the_period_as_a_table_without_names(client, logged):
    verified_login(client, factories.coordinator(username="koordination-netz"))

    response = client.get(reverse("counselling:audit_log"), PERIOD)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert [row[1:] for row in response.context["rows"]] == [
        ["–", "anonymisiert", "Anfrage", "", "Schweriner Ausbildungszentrum e.V."],
        ["beratung-stuttgart", "angesehen", "Fall", logged.reference, "Lotsendienst Stuttgart"],
    ]
    assert "geheimS" not in response.content.decode()


def test_coordinator_downloads_the_period_as_csv(client, logged):
    verified_login(client, factories.coordinator(username="koordination-netz"))

    response = client.get(reverse("counselling:audit_log_csv"), PERIOD)

    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    assert rows == [
        ["Zeitpunkt", "Wer", "Aktion", "Art des Datensatzes", "Aktenzeichen", "Stelle"],
        ["2026-03-04T10:00:00+01:00", "–", "anonymisiert", "Anfrage", "", "Schweriner Ausbildungszentrum e.V."],
        ["2026-03-04T10:00:00+01:00", "beratung-stuttgart", "angesehen", "Fall", logged.reference,
         "Lotsendienst Stuttgart"],
    ]  # fmt: skip


def test_audit_log_outside_the_period_is_empty(client, logged):
    verified_login(client, factories.coordinator())
    response = client.get(reverse("counselling:audit_log"), {"start": "2026-04-01", "end": "2026-04-30"})
    assert response.context["rows"] == []
    assert date(2026, 4, 1) == response.context["start"]
