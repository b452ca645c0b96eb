"""The desk's start page shows today's work: follow-ups due and overdue until marked done, cases without a talk for
60 days, new requests; and the query count does not grow with the rows."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from counselling.models import AuditEntry
from tests.conftest import verified_login
from tests.factories import CaseFactory, InquiryFactory, SessionFactory

DESK = "/beratung/"


def ago(n: int):
    return timezone.localdate() - timedelta(days=n)


@pytest.fixture
def desk_client(client, counsellor_s):
    verified_login(client, counsellor_s)
    return client


@pytest.fixture
def mine(office_s, counsellor_s):
    return CaseFactory(office=office_s, counsellor=counsellor_s, name="Meine Person")


def done_url(session) -> str:
    return reverse("counselling:follow_up_done", args=[session.pk])


def test_overdue_follow_up_stays_until_marked_done(desk_client, mine):
    overdue = SessionFactory(case=mine, date=ago(40), follow_up=ago(30))
    today = SessionFactory(case=mine, date=ago(5), follow_up=ago(0))
    SessionFactory(case=mine, date=ago(5), follow_up=ago(-30))  # next month: not today's work
    assert list(desk_client.get(DESK).context["follow_ups"]) == [overdue, today]


def test_marking_a_follow_up_done_removes_it_and_is_audited(desk_client, mine, counsellor_s):
    overdue = SessionFactory(case=mine, date=ago(40), follow_up=ago(30))
    response = desk_client.post(done_url(overdue))
    assert response["Location"] == DESK
    overdue.refresh_from_db()
    assert overdue.follow_up_done_on == timezone.localdate()
    assert list(desk_client.get(DESK).context["follow_ups"]) == []
    entry = AuditEntry.objects.get(case_pk=mine.pk, action=AuditEntry.Action.CHANGE)
    assert (entry.user, entry.what) == (counsellor_s, "Wiedervorlage erledigt")


def test_follow_up_of_other_office_cannot_be_marked_done(client, counsellor_n, mine):
    session = SessionFactory(case=mine, follow_up=ago(3))
    assert client.post(done_url(session))["Location"].startswith("/konto/anmelden/")
    verified_login(client, counsellor_n)
    assert client.post(done_url(session)).status_code == 404
    session.refresh_from_db()
    assert session.follow_up_done_on is None


def test_follow_up_done_answers_only_post(desk_client, mine):
    assert desk_client.get(done_url(SessionFactory(case=mine, follow_up=ago(1)))).status_code == 405


def test_cases_without_a_talk_for_60_days(desk_client, office_s, counsellor_s, mine):
    SessionFactory(case=mine, date=ago(61))
    talked = CaseFactory(office=office_s, counsellor=counsellor_s, name="Gesprochen")
    SessionFactory(case=talked, date=ago(61))
    SessionFactory(case=talked, date=ago(59))
    never = CaseFactory(office=office_s, counsellor=counsellor_s, name="Nie", opened_on=ago(90))
    CaseFactory(office=office_s, counsellor=counsellor_s, name="Frisch", opened_on=ago(10))
    CaseFactory(office=office_s, counsellor=counsellor_s, name="Zu", opened_on=ago(90), status="closed")
    CaseFactory(office=office_s, name="Fremde Zuständigkeit", opened_on=ago(90))
    response = desk_client.get(DESK)
    assert list(response.context["quiet_cases"]) == [never, mine]
    assert "Seit 60 Tagen kein Gespräch" in response.content.decode()


def test_desk_start_page_query_count_does_not_grow(desk_client, office_s, counsellor_s):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            desk_client.get(DESK)
        return len(queries)

    def add_work():
        case = CaseFactory(office=office_s, counsellor=counsellor_s, opened_on=ago(100))
        SessionFactory(case=case, date=ago(70), follow_up=ago(2))
        InquiryFactory(office=office_s)

    add_work()
    count_queries()  # the first request after the login also notes the session's activity
    one = count_queries()
    for _ in range(5):
        add_work()
    assert count_queries() == one
