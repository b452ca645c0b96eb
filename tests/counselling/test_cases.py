import json
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from counselling.consent import CONSENT_VERSION
from counselling.models import AuditEntry, Case, Inquiry, PlanStep, Referral, Session
from tests.conftest import verified_login
from tests.factories import (
    CaseFactory,
    CompanyFactory,
    InquiryFactory,
    OfferFactory,
    PlanStepFactory,
    SessionFactory,
    step,
    target_group,
)


@pytest.fixture
def desk_client(client, counsellor_s):
    verified_login(client, counsellor_s)
    return client


def test_inquiry_converts_to_case_in_one_step(desk_client, office_s, counsellor_s):
    inquiry = InquiryFactory(office=office_s, name="Eva K.", kind="company", postcode="70173")
    response = desk_client.post(reverse("counselling:inquiry_convert", args=[inquiry.pk]))
    case = Case.objects.get()
    assert response["Location"] == case.get_absolute_url()
    assert (case.name, case.office, case.counsellor, case.inquiry) == ("Eva K.", office_s, counsellor_s, inquiry)
    assert (case.consent_given_at, case.consent_version) == (inquiry.consent_given_at, inquiry.consent_version)
    assert case.company.name == "Eva K."
    assert Inquiry.objects.get().status == Inquiry.Status.CONVERTED
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["create"]


def test_converting_twice_creates_one_case(desk_client, office_s):
    inquiry = InquiryFactory(office=office_s)
    url = reverse("counselling:inquiry_convert", args=[inquiry.pk])
    desk_client.post(url)
    desk_client.post(url)
    assert Case.objects.count() == 1


def test_convert_service_refuses_an_inquiry_converted_meanwhile(office_s, counsellor_s):
    from counselling.services import InquiryAlreadyHandled, inquiry_convert

    inquiry = InquiryFactory(office=office_s)
    stale_copy = Inquiry.objects.get(pk=inquiry.pk)
    inquiry_convert(inquiry=inquiry, by=counsellor_s)

    with pytest.raises(InquiryAlreadyHandled):
        inquiry_convert(inquiry=stale_copy, by=counsellor_s)
    assert Case.objects.count() == 1


def test_inquiry_without_case_can_be_anonymised(desk_client, office_s):
    inquiry = InquiryFactory(office=office_s, name="Weg damit", email="weg@example.org", message="Bitte löschen")
    desk_client.post(reverse("counselling:inquiry_anonymise", args=[inquiry.pk]))
    inquiry.refresh_from_db()
    assert (inquiry.name, inquiry.email, inquiry.message, inquiry.status) == ("–", "", "", "closed")


def test_inquiry_of_a_case_is_anonymised_only_with_the_case(desk_client, office_s):
    inquiry = InquiryFactory(office=office_s, name="Bleibt")
    CaseFactory(office=office_s, inquiry=inquiry)
    desk_client.post(reverse("counselling:inquiry_anonymise", args=[inquiry.pk]))
    inquiry.refresh_from_db()
    assert inquiry.name == "Bleibt"


def test_new_case_requires_consent(desk_client, office_s):
    data = {"office": office_s.pk, "client_kind": "person", "name": "Tom", "gender": "male"}
    response = desk_client.post(reverse("counselling:case_new"), data)
    assert "Ohne Einwilligung" in response.content.decode()
    assert not Case.objects.exists()
    desk_client.post(reverse("counselling:case_new"), {**data, "consent": "on"})
    case = Case.objects.get()
    assert case.consent_version == CONSENT_VERSION
    assert case.consent_given_at is not None


def test_case_view_is_audited_and_shown(desk_client, office_s, counsellor_s):
    case = CaseFactory(office=office_s)
    response = desk_client.get(case.get_absolute_url())
    entry = AuditEntry.objects.get()
    assert (entry.case_pk, entry.user, entry.action, entry.office_pk) == (case.pk, counsellor_s, "view", office_s.pk)
    assert "beratung-stuttgart" in response.content.decode()


def test_logged_session_appears_in_timeline_and_audit(desk_client, office_s, counsellor_s):
    case = CaseFactory(office=office_s, opened_on=date(2026, 3, 1))
    data = {"date": "2026-03-04", "minutes": "45", "channel": "phone", "topics": "Förderung klären"}
    response = desk_client.post(reverse("counselling:session_add", args=[case.pk]), data)
    assert response.status_code == 302
    session = Session.objects.get()
    assert (session.minutes, session.channel, session.counsellor) == (45, "phone", counsellor_s)
    assert "Förderung klären" in desk_client.get(case.get_absolute_url()).content.decode()
    assert AuditEntry.objects.filter(case_pk=case.pk, action="create", what="Gespräch dokumentiert").exists()


@pytest.mark.parametrize("minutes", ["0", "-5", "zehn", "601"])
def test_session_with_bad_minutes_is_rejected(desk_client, office_s, minutes):
    case = CaseFactory(office=office_s)
    data = {"date": "2026-03-04", "minutes": minutes, "channel": "phone"}
    response = desk_client.post(reverse("counselling:session_add", args=[case.pk]), data)
    assert response.status_code == 400
    assert not Session.objects.exists()


def test_closing_case_needs_outcome(desk_client, office_s):
    case = CaseFactory(office=office_s, status="exam")
    url = reverse("counselling:case_edit", args=[case.pk])
    data = {"client_kind": "person", "name": case.name, "gender": "unknown", "status": "closed", "outcome": ""}
    response = desk_client.post(url, data)
    assert "Bitte beim Abschluss ein Ergebnis angeben." in response.content.decode()
    desk_client.post(url, {**data, "outcome": "external-exam"})
    case.refresh_from_db()
    assert (case.status, case.outcome) == ("closed", "external-exam")
    assert case.closed_at is not None
    assert AuditEntry.objects.filter(case_pk=case.pk, action="status").exclude(what="").exists()


def test_audit_of_change_names_fields_not_values(desk_client, office_s):
    case = CaseFactory(office=office_s, name="Alt")
    url = reverse("counselling:case_edit", args=[case.pk])
    desk_client.post(url, {"client_kind": "person", "name": "Neuer Name", "gender": "unknown", "status": "new"})
    entry = AuditEntry.objects.get(action="change")
    assert "Neuer Name" not in entry.what
    assert "Name" in entry.what


def test_plan_step_search_limits_offers_to_published_matches(desk_client, office_s):
    case = CaseFactory(office=office_s)
    wanted = OfferFactory(provider=office_s, title="Mechatroniker Externenprüfung")
    OfferFactory(provider=office_s, title="Mechatroniker Entwurf", status="draft")
    OfferFactory(provider=office_s, title="Buchhaltung")
    response = desk_client.get(case.get_absolute_url(), {"angebot": "Mechatroniker"})
    assert list(response.context["plan_form"].fields["offer"].queryset) == [wanted]


def test_plan_step_rejects_draft_offer_and_accepts_free_text(desk_client, office_s):
    case = CaseFactory(office=office_s)
    draft = OfferFactory(provider=office_s, title="Entwurf", status="draft")
    url = reverse("counselling:plan_step_add", args=[case.pk])
    assert desk_client.post(url, {"offer": draft.pk, "status": "planned"}).status_code == 400
    desk_client.post(url, {"title": "Deutschkurs B2", "status": "planned", "planned_start": "2026-05-01"})
    assert list(PlanStep.objects.values_list("title", "offer")) == [("Deutschkurs B2", None)]


def test_plan_step_status_change(desk_client, office_s):
    case = CaseFactory(office=office_s)
    plan_step = PlanStepFactory(case=case, title="TQ 1")
    desk_client.post(reverse("counselling:plan_step_status", args=[case.pk, plan_step.pk]), {"status": "running"})
    plan_step.refresh_from_db()
    assert plan_step.status == "running"


def test_referral_to_partner_with_status(desk_client, office_s, office_n):
    case = CaseFactory(office=office_s)
    url = reverse("counselling:referral_add", args=[case.pk])
    assert desk_client.post(url, {"date": "2026-03-01", "status": "suggested"}).status_code == 400
    desk_client.post(url, {"partner": office_n.pk, "date": "2026-03-01", "status": "referred"})
    referral = Referral.objects.get()
    assert (referral.partner, referral.status) == (office_n, "referred")
    desk_client.post(reverse("counselling:referral_status", args=[case.pk, referral.pk]), {"status": "accepted"})
    referral.refresh_from_db()
    assert referral.status == "accepted"


def test_case_list_filters(desk_client, office_s, counsellor_s):
    skilled = step("fachkraft")
    group = target_group("an-und-ungelernte")
    a = CaseFactory(
        office=office_s, name="Anna", status="plan", step=skilled, target_group=group, counsellor=counsellor_s
    )
    b = CaseFactory(office=office_s, name="Bert", status="new")
    url = reverse("counselling:cases")

    def listed(params):
        return set(desk_client.get(url, params).context["page"].object_list)

    assert listed({}) == {a, b}
    assert listed({"status": "plan"}) == {a}
    assert listed({"step": "fachkraft"}) == {a}
    assert listed({"target_group": group.slug}) == {a}
    assert listed({"counsellor": counsellor_s.pk}) == {a}


def test_case_search_is_posted_and_held_in_the_session_never_in_the_url(desk_client, office_s):
    CaseFactory(office=office_s, name="Anna")
    bert = CaseFactory(office=office_s, name="Bert", status="new")
    url = reverse("counselling:cases")

    for query in ("bert", bert.reference):
        response = desk_client.post(f"{url}?status=new", {"q": query})
        assert (response.status_code, response["Location"]) == (302, f"{url}?status=new")
        assert set(desk_client.get(response["Location"]).context["page"].object_list) == {bert}
    assert "Bert" not in response["Location"]
    desk_client.post(url, {"q": ""})
    assert len(desk_client.get(url).context["page"].object_list) == 2


def test_overlong_case_search_is_a_form_error(desk_client, office_s):
    response = desk_client.post(reverse("counselling:cases"), {"q": "x" * 201})
    assert response.status_code == 400
    assert response.context["search"].errors["q"] == [
        "Bitte sicherstellen, dass der Wert aus höchstens 200 Zeichen besteht. (Er besteht aus 201 Zeichen.)"
    ]


def test_case_list_names_the_counsellor_and_offers_a_german_empty_choice(desk_client, office_s, counsellor_s):
    counsellor_s.first_name, counsellor_s.last_name = "Berit", "Stuttgart"
    counsellor_s.save()
    CaseFactory(office=office_s, name="Anna", counsellor=counsellor_s)

    body = desk_client.get(reverse("counselling:cases")).content.decode()

    assert '<td data-label="Beratung durch">Berit Stuttgart</td>' in body
    assert "---------" not in body
    assert "– bitte wählen –" in body


@pytest.mark.parametrize(
    "params", [{"status": "quatsch"}, {"step": "gibt-es-nicht"}, {"page": "x"}, {"counsellor": "a"}]
)
def test_case_list_bad_filter_values_never_500(desk_client, office_s, params):
    CaseFactory(office=office_s)
    assert desk_client.get(reverse("counselling:cases"), params).status_code == 200


def _queries(client, url) -> int:
    client.get(url)  # the first request of a session also writes the session
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", ["cases", "inquiries", "companies", "desk"])
def test_list_pages_query_count_does_not_grow(desk_client, office_s, counsellor_s, page):
    def add(n):
        for _ in range(n):
            case = CaseFactory(
                office=office_s,
                counsellor=counsellor_s,
                step=step("ohne-abschluss"),
                target_group=target_group("an-und-ungelernte"),
            )
            InquiryFactory(office=office_s)
            CompanyFactory(office=office_s, name=f"Firma {case.pk}")

    url = reverse(f"counselling:{page}")
    add(1)
    one = _queries(desk_client, url)
    add(9)
    assert _queries(desk_client, url) == one


def test_export_json_holds_case_and_sessions(desk_client, world):
    case = world["s"]
    response = desk_client.get(reverse("counselling:case_export_json", args=[case.pk]))
    data = json.loads(response.content)
    assert data["name"] == "Name geheimS"
    assert [s["topics"] for s in data["sessions"]] == ["Themen geheimS"]
    assert data["inquiry"]["message"] == "Nachricht geheimS"
    assert response["Content-Disposition"].startswith("attachment")
    assert AuditEntry.objects.filter(case_pk=case.pk, action="export").exists()


def test_export_print_page(desk_client, world):
    response = desk_client.get(reverse("counselling:case_export", args=[world["s"].pk]))
    assert "Gespräch geheimS" in response.content.decode()


def test_desk_start_page_lists_my_cases_follow_ups_and_new_inquiries(desk_client, office_s, counsellor_s):
    from django.utils import timezone

    mine = CaseFactory(office=office_s, counsellor=counsellor_s, name="Meine Person")
    CaseFactory(office=office_s, name="Fremde Zuständigkeit")
    SessionFactory(case=mine, minutes=30, follow_up=timezone.localdate())
    InquiryFactory(office=office_s, name="Neu Anfragende")
    response = desk_client.get(reverse("counselling:desk"))
    assert list(response.context["my_cases"]) == [mine]
    assert [s.case for s in response.context["follow_ups"]] == [mine]
    assert [i.name for i in response.context["inquiries"]] == ["Neu Anfragende"]
