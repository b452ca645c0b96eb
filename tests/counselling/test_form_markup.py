"""The audit's form faults (docs/accessibility.md): unique ids when a page holds several forms, and after a failed
form an error summary linking to each invalid field, which is marked aria-invalid and described by its message."""

import pytest
from django.urls import reverse

from tests.conftest import verified_login
from tests.factories import CaseFactory, OfferFactory, PlanStepFactory, ReferralFactory, SessionFactory
from tests.markup import read


@pytest.fixture
def desk_client(client, counsellor_s):
    verified_login(client, counsellor_s)
    return client


@pytest.fixture
def busy_case(office_s):
    """A case whose page holds every form: session, plan step, referral and the status forms of its timeline."""
    case = CaseFactory(office=office_s)
    offer = OfferFactory(provider=office_s)
    SessionFactory(case=case)
    PlanStepFactory(case=case, offer=offer)
    ReferralFactory(case=case, offer=offer)
    return case


def test_case_page_has_no_duplicate_ids_and_names_every_field(desk_client, busy_case):
    page = read(desk_client.get(busy_case.get_absolute_url()).content.decode())

    assert page.duplicate_ids() == []
    assert page.unnamed_controls() == []
    assert {"session_date", "plan_offer", "plan_status", "plan_note", "referral_offer", "referral_date"} <= set(
        page.ids
    )


def test_case_page_after_a_failed_session_form_summarises_and_marks_the_field(desk_client, busy_case):
    url = reverse("counselling:session_add", args=[busy_case.pk])
    response = desk_client.post(url, {"date": "2026-03-04", "minutes": "0", "channel": "phone"})
    html = response.content.decode()
    page = read(html)

    assert response.status_code == 400
    message = "Dauer in Minuten: Bitte eine Dauer zwischen 1 und 600 Minuten angeben."
    assert summary_links(html) == [f'<li><a href="#session_minutes">{message}</a></li>']
    assert page.control("session_minutes")["aria-invalid"] == "true"
    assert page.control("session_minutes")["aria-describedby"] == "session_minutes_error"
    assert 'id="session_minutes_error"' in html
    assert page.duplicate_ids() == []


def test_request_form_failure_summarises_each_invalid_field_with_its_message(client, office_s):
    response = client.post(reverse("counselling:request"), {"kind": "person", "postcode": "7017"})
    html = response.content.decode()
    page = read(html)

    assert html.index('class="error-summary"') < html.index('class="request-form"')
    for field in ("id_name", "id_postcode", "id_consent"):
        assert f'href="#{field}"' in html
        assert page.control(field)["aria-invalid"] == "true"
        assert f"{field}_error" in page.control(field)["aria-describedby"]
    assert 'value="7017"' in html


def test_login_failure_shows_the_summary_with_the_form_kept(client, db):
    response = client.post("/konto/anmelden/", {"username": "niemand", "password": "falsch"})
    html = response.content.decode()

    assert '<div class="error-summary" tabindex="-1" data-error-summary>' in html
    assert html.index("error-summary") < html.index('name="username"')
    assert 'value="niemand"' in html


def test_guide_without_who_summarises_and_links_to_the_first_answer(client, db):
    html = client.get("/lotse/ergebnis/?step=fachkraft").content.decode()
    page = read(html)

    assert '<a href="#id_who_0">Wer fragt?: Bitte wählen Sie aus, wer fragt.</a>' in html
    assert page.control("id_who_0")["aria-invalid"] == "true"


def summary_links(html: str) -> list[str]:
    summary = html[html.index('class="error-summary"') :]
    summary = summary[: summary.index("</div>")]
    return [line.strip() for line in summary.splitlines() if "<a href" in line]
