"""The case moves with the work: first talk → "in Beratung", a plan → "Qualifizierungsplan", a running step → "in
Qualifizierung"; never backwards; corrections by hand; every change on the timeline and in the audit."""

import pytest
from django.urls import reverse
from django.utils import timezone

from counselling.models import AuditEntry, Case, PlanStep, StatusChange
from tests.conftest import verified_login
from tests.factories import CaseFactory, OfferFactory, PlanStepFactory, SessionFactory, programme

SESSION = {"date": timezone.localdate().isoformat(), "minutes": "45", "channel": "phone"}


@pytest.fixture
def desk_client(client, counsellor_s):
    verified_login(client, counsellor_s)
    return client


def moves(case) -> list[tuple[str, str, str]]:
    return list(StatusChange.objects.filter(case=case).order_by("pk").values_list("old", "new", "reason"))


def add_session(client, case):
    return client.post(reverse("counselling:session_add", args=[case.pk]), SESSION)


def add_plan_step(client, case, **data):
    return client.post(reverse("counselling:plan_step_add", args=[case.pk]), {"status": "planned", **data})


def test_first_talk_moves_new_case_into_counselling(desk_client, office_s, counsellor_s):
    case = CaseFactory(office=office_s)
    add_session(desk_client, case)
    case.refresh_from_db()
    assert case.status == Case.Status.COUNSELLING
    assert moves(case) == [("new", "counselling", "erstes Gespräch")]
    entry = AuditEntry.objects.get(case_pk=case.pk, what__startswith="Status")
    assert (entry.user, entry.what) == (counsellor_s, "Status neu → in Beratung (erstes Gespräch)")


def test_second_talk_and_talk_in_a_later_status_do_not_move_the_case(desk_client, office_s):
    case = CaseFactory(office=office_s, status=Case.Status.QUALIFYING)
    add_session(desk_client, case)
    case.refresh_from_db()
    assert (case.status, moves(case)) == (Case.Status.QUALIFYING, [])


def test_plan_step_moves_case_to_plan(desk_client, office_s):
    case = CaseFactory(office=office_s, status=Case.Status.COUNSELLING)
    add_plan_step(desk_client, case, title="Deutschkurs B2")
    case.refresh_from_db()
    assert case.status == Case.Status.PLAN
    assert moves(case) == [("counselling", "plan", "Qualifizierungsplan angelegt")]


def test_plan_step_on_new_case_moves_it_to_plan(desk_client, office_s):
    case = CaseFactory(office=office_s)
    add_plan_step(desk_client, case, title="Deutschkurs B2")
    case.refresh_from_db()
    assert (case.status, moves(case)) == (Case.Status.PLAN, [("new", "plan", "Qualifizierungsplan angelegt")])


def test_started_step_moves_case_into_qualification(desk_client, office_s):
    case = CaseFactory(office=office_s, status=Case.Status.PLAN)
    step = PlanStepFactory(case=case, title="TQ 1")
    desk_client.post(reverse("counselling:plan_step_status", args=[case.pk, step.pk]), {"status": "running"})
    case.refresh_from_db()
    assert case.status == Case.Status.QUALIFYING
    assert moves(case) == [("plan", "qualifying", "Qualifizierung begonnen")]


def test_registered_step_does_not_start_the_qualification(desk_client, office_s):
    case = CaseFactory(office=office_s, status=Case.Status.PLAN)
    step = PlanStepFactory(case=case, title="TQ 1")
    desk_client.post(reverse("counselling:plan_step_status", args=[case.pk, step.pk]), {"status": "registered"})
    case.refresh_from_db()
    assert (case.status, moves(case)) == (Case.Status.PLAN, [])


def test_work_never_moves_a_case_back_or_reopens_it(desk_client, office_s):
    case = CaseFactory(office=office_s, status=Case.Status.CLOSED, outcome=Case.Outcome.JOB)
    add_session(desk_client, case)
    add_plan_step(desk_client, case, title="Nachbetreuung", status="running")
    case.refresh_from_db()
    assert (case.status, moves(case)) == (Case.Status.CLOSED, [])


def test_counsellor_corrects_the_status_and_it_is_on_the_timeline(desk_client, office_s, counsellor_s):
    case = CaseFactory(office=office_s, status=Case.Status.PLAN, counsellor=counsellor_s)
    data = {"client_kind": "person", "name": case.name, "gender": "unknown", "status": "counselling"}
    desk_client.post(reverse("counselling:case_edit", args=[case.pk]), data)
    case.refresh_from_db()
    assert case.status == Case.Status.COUNSELLING
    assert moves(case) == [("plan", "counselling", "von Hand geändert")]
    timeline = desk_client.get(case.get_absolute_url()).context["timeline"]
    assert [(item.kind, item.obj.new) for item in timeline if item.kind == "status"] == [("status", "counselling")]
    assert "Status: Qualifizierungsplan → in Beratung" in desk_client.get(case.get_absolute_url()).content.decode()


def test_status_changes_of_another_office_are_not_reachable(client, counsellor_n, office_s):
    case = CaseFactory(office=office_s)
    SessionFactory(case=case)
    verified_login(client, counsellor_n)
    assert add_session(client, case).status_code == 404
    assert add_plan_step(client, case, title="X").status_code == 404
    case.refresh_from_db()
    assert (case.status, moves(case)) == (Case.Status.NEW, [])


def test_anonymous_cannot_move_a_case(client, office_s):
    case = CaseFactory(office=office_s)
    assert add_session(client, case)["Location"].startswith("/konto/anmelden/")
    assert moves(case) == []


def test_plan_step_refuses_a_funding_programme_its_offer_lacks(desk_client, office_s):
    case = CaseFactory(office=office_s)
    offer = OfferFactory(title="TQ Lager", funding=["teilqualifizierung", "bildungsgutschein"])
    avgs = programme("avgs")
    response = add_plan_step(desk_client, case, offer=offer.pk, funding=avgs.pk)
    assert response.status_code == 400
    assert response.context["plan_form"].errors["funding"] == [
        "Das Angebot „TQ Lager“ ist nicht über „AVGS“ förderfähig. Möglich: Teilqualifizierung, Bildungsgutschein."
    ]
    assert response.context["plan_form"]["offer"].value() == str(offer.pk)  # the input is kept
    assert not PlanStep.objects.exists()


def test_plan_step_accepts_a_funding_programme_of_its_offer(desk_client, office_s):
    case = CaseFactory(office=office_s)
    offer = OfferFactory(funding=["teilqualifizierung"])
    add_plan_step(desk_client, case, offer=offer.pk, funding=programme("teilqualifizierung").pk)
    assert PlanStep.objects.get().funding == programme("teilqualifizierung")


def test_free_text_step_may_take_any_funding_programme(desk_client, office_s):
    case = CaseFactory(office=office_s)
    add_plan_step(desk_client, case, title="Sprachkurs beim Träger vor Ort", funding=programme("avgs").pk)
    assert PlanStep.objects.get().funding == programme("avgs")


def test_plan_form_names_each_offers_programmes_for_the_script(desk_client, office_s):
    case = CaseFactory(office=office_s)
    offer = OfferFactory(funding=["teilqualifizierung"])
    bare = OfferFactory(funding=[])
    html = desk_client.get(case.get_absolute_url()).content.decode()
    assert f'value="{offer.pk}" data-funding="{programme("teilqualifizierung").pk}"' in html
    assert f'value="{bare.pk}" data-funding=""' in html
