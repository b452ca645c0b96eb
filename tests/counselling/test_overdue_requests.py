"""A request still new after three working days is flagged on the desk and mailed to the coordination."""

from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from counselling.models import Inquiry
from counselling.querysets import answer_overdue_before, working_days_before
from tests.conftest import verified_login
from tests.factories import InquiryFactory, coordinator

FRIDAY = date(2026, 11, 27)


def received(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (FRIDAY, date(2026, 11, 24)),  # Tuesday
        (date(2026, 11, 30), date(2026, 11, 25)),  # Monday: back over the weekend to Wednesday
        (date(2026, 11, 29), date(2026, 11, 25)),  # Sunday
    ],
)
def test_working_days_before_skips_weekends(today, expected):
    assert working_days_before(today, 3) == expected


def test_overdue_requests_are_the_new_ones_older_than_three_working_days(office_s):
    monday = InquiryFactory(office=office_s, created_at=received(date(2026, 11, 23), 18))
    saturday = InquiryFactory(office=office_s, created_at=received(date(2026, 11, 21)))
    InquiryFactory(office=office_s, created_at=received(date(2026, 11, 24), 8))  # due Friday itself
    InquiryFactory(office=office_s, created_at=received(date(2026, 11, 2)), status=Inquiry.Status.CONVERTED)
    InquiryFactory(office=office_s, created_at=received(date(2026, 11, 2)), status=Inquiry.Status.CLOSED)

    overdue = Inquiry.objects.overdue(FRIDAY)

    assert set(overdue) == {monday, saturday}
    assert list(Inquiry.objects.overdue(date(2026, 11, 26))) == [saturday]  # Thursday: the Monday one is due


@pytest.fixture
def desk_client(client, counsellor_s):
    verified_login(client, counsellor_s)
    return client


def test_desk_flags_overdue_requests_of_the_own_office_only(desk_client, office_s, office_n):
    InquiryFactory(office=office_s, name="Alt S", created_at=timezone.now() - timedelta(days=10))
    InquiryFactory(office=office_s, name="Neu S")
    InquiryFactory(office=office_n, name="Alt N", created_at=timezone.now() - timedelta(days=10))

    response = desk_client.get(reverse("counselling:desk"))

    content = response.content.decode()
    assert response.context["overdue_inquiries"] == 1
    assert "1 Anfrage wartet seit über drei Werktagen auf eine Antwort." in content
    assert content.count('<span class="badge badge-warn">überfällig</span>') == 1  # the heading names it too
    assert "Alt N" not in content


def test_inquiry_list_marks_the_overdue_request(desk_client, office_s):
    InquiryFactory(office=office_s, name="Alt S", created_at=timezone.now() - timedelta(days=10))
    InquiryFactory(office=office_s, name="Neu S")

    content = desk_client.get(reverse("counselling:inquiries")).content.decode()

    assert content.count("seit über drei Werktagen unbeantwortet") == 1
    assert content.index("Alt S") > content.index("Neu S") > 0


def test_daily_job_mails_the_coordination_the_overdue_requests_without_names(office_s, office_n, settings):
    settings.SITE_NAME = "Lotsendienst"
    coordinator(username="koordination", email="koordination@example.org")
    coordinator(username="ohne-adresse", email="")
    old = InquiryFactory(office=office_s, name="Rita Geheim", created_at=received(date(2026, 11, 2)))
    InquiryFactory(office=office_n, name="Neu", created_at=timezone.now())

    call_command("remind_overdue_inquiries")

    [message] = mail.outbox
    assert message.to == ["koordination@example.org"]
    assert message.subject == "1 Anfrage seit über drei Werktagen unbeantwortet"
    assert f"Lotsendienst Stuttgart:\n- Anfrage {old.pk} vom 02.11.2026" in message.body
    assert "Rita" not in message.body
    assert "Schweriner" not in message.body


def test_daily_job_says_so_when_no_coordinator_can_receive_it(office_s, capsys):
    InquiryFactory(office=office_s, created_at=received(date(2026, 11, 2)))

    call_command("remind_overdue_inquiries")

    assert mail.outbox == []
    assert "1 overdue request(s), but no coordinator with an e-mail address" in capsys.readouterr().err


def test_answer_overdue_before_is_the_start_of_the_cutoff_day():
    assert answer_overdue_before(FRIDAY) == received(date(2026, 11, 24), 0)
