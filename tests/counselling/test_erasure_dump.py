"""Erased means erased: after a person's case and a company's case are anonymised on the desk, a dump of the whole
database (every app, the history tables included) holds none of their names, e-mail addresses or phone numbers."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from counselling.models import Case
from tests import factories
from tests.conftest import verified_login

PERSON = ["Erika Mustermann", "erika.mustermann@example.org", "0711 555 0101"]
COMPANY = ["Tischlerei Krause e.K.", "Karl Krause", "info@krause-tischlerei.example", "0711 555 0202"]
OTHER = ["Olga Andere", "olga@example.org"]  # the other office's case: the dump can show a name


def _dump() -> str:
    out = StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def _document(client, case, name: str) -> None:
    """Records on the desk that carry the name in free text: a session, a plan step, a referral, a correction."""
    base = reverse("counselling:case", args=[case.pk])
    day = case.opened_on.isoformat()  # a talk cannot predate its case
    client.post(f"{base}gespraech/", {"date": day, "minutes": "45", "channel": "phone",
                                      "topics": f"Lage von {name}", "notes": f"{name} erzählt",
                                      "next_steps": f"{name} ruft an"})  # fmt: skip
    client.post(f"{base}plan/", {"title": f"Externenprüfung für {name}", "status": "planned", "note": name})
    client.post(f"{base}vermittlung/", {"partner": case.office_id, "date": day, "status": "suggested",
                                        "note": f"für {name}"})  # fmt: skip
    session = case.sessions.get()
    url = reverse("counselling:session_edit", args=[case.pk, session.pk])
    client.post(url, {"date": day, "minutes": "50", "channel": "phone", "notes": f"{name} korrigiert",
                      "opened_version": session.version})  # fmt: skip


@pytest.fixture
def erased(client, office_s, office_n, counsellor_s, counsellor_n):
    verified_login(client, counsellor_s)
    person = factories.CaseFactory(office=office_s, name=PERSON[0], email=PERSON[1], phone=PERSON[2])
    inquiry = factories.InquiryFactory(office=office_s, kind="company", name=COMPANY[0], email=COMPANY[2],
                                       phone=COMPANY[3], message=f"{COMPANY[1]} sucht Fachkräfte")  # fmt: skip
    client.post(reverse("counselling:inquiry_convert", args=[inquiry.pk]))
    company_case = Case.objects.get(inquiry=inquiry)
    company = company_case.company
    client.post(reverse("counselling:company_edit", args=[company.pk]), {
        "office": office_s.pk, "name": COMPANY[0], "contact": f"{COMPANY[1]}, {COMPANY[3]}",
        "opened_version": company.version,
    })  # fmt: skip
    client.post(company.get_absolute_url(), {
        "date": datetime.date(2026, 3, 1).isoformat(), "notes": f"Gespräch mit {COMPANY[1]}",
        "needs-TOTAL_FORMS": "1", "needs-INITIAL_FORMS": "0",
        "needs-0-step": factories.step("ohne-abschluss").pk, "needs-0-topic": f"Nachfolge {COMPANY[1]}",
        "needs-0-employees": "2",
    })  # fmt: skip
    _document(client, person, PERSON[0])
    _document(client, company_case, COMPANY[1])
    factories.CaseFactory(office=office_n, name=OTHER[0], email=OTHER[1], counsellor=counsellor_n)
    assert [case.sessions.get().history.count() for case in (person, company_case)] == [2, 2]  # corrected once
    before = _dump()
    for case in (person, company_case):
        client.post(reverse("counselling:case_anonymise", args=[case.pk]))
    return before


def test_dump_after_erasure_holds_none_of_their_names_addresses_or_numbers(erased):
    secrets = PERSON + COMPANY
    assert [text for text in secrets if text in erased] == secrets  # the check can fail

    dump = _dump()

    assert [text for text in secrets if text in dump] == []
    assert [text for text in OTHER if text in dump] == OTHER
