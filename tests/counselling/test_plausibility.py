"""Implausible data gets a German message next to its field, and the page keeps what was typed."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from counselling.models import Case, Inquiry, Session
from partners.models import ContactPerson
from tests.conftest import verified_login
from tests.factories import CaseFactory, coordinator

PHONE_MESSAGE = "Bitte eine Telefonnummer mit Vorwahl angeben, z. B. 0711 123456 oder +49 711 123456."


@pytest.fixture
def desk_client(client, counsellor_s):
    verified_login(client, counsellor_s)
    return client


def post_session(client, case: Case, day: date):
    data = {"date": day.isoformat(), "minutes": "45", "channel": "phone", "notes": "Ausführliche Notiz"}
    return client.post(reverse("counselling:session_add", args=[case.pk]), data)


def field_errors(response, field: str) -> list[str]:
    return response.context["session_form"].errors.get(field, [])


def test_session_dated_in_the_future_is_refused_next_to_the_date(desk_client, office_s):
    case = CaseFactory(office=office_s, opened_on=date(2026, 3, 1))
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = post_session(desk_client, case, tomorrow)

    assert response.status_code == 400
    assert field_errors(response, "date") == ["Ein Gespräch kann nicht in der Zukunft liegen."]
    assert 'id="session_date_error"' in response.content.decode()  # the session form's own ids
    assert "Ausführliche Notiz" in response.content.decode()
    assert not Session.objects.exists()


def test_session_before_the_case_opened_is_refused_with_the_opening_day(desk_client, office_s):
    case = CaseFactory(office=office_s, opened_on=date(2026, 3, 1))

    response = post_session(desk_client, case, date(1900, 1, 1))

    assert response.status_code == 400
    assert field_errors(response, "date") == ["Das Gespräch kann nicht vor Beginn der Beratung (01.03.2026) liegen."]
    assert not Session.objects.exists()


@pytest.mark.parametrize("day", [date(2026, 3, 1), "today"])
def test_session_on_the_opening_day_or_today_is_kept(desk_client, office_s, day):
    case = CaseFactory(office=office_s, opened_on=date(2026, 3, 1))
    day = timezone.localdate() if day == "today" else day

    response = post_session(desk_client, case, day)

    assert response.status_code == 302
    assert Session.objects.get().date == day


def test_case_with_implausible_phone_is_refused_next_to_the_field(desk_client, office_s):
    case = CaseFactory(office=office_s, phone="0711 123456")
    data = {"client_kind": "person", "name": case.name, "gender": "unknown", "status": "new", "phone": "1234x"}

    response = desk_client.post(reverse("counselling:case_edit", args=[case.pk]), data)

    assert response.context["form"].errors["phone"] == [PHONE_MESSAGE]
    assert 'value="1234x"' in response.content.decode()
    case.refresh_from_db()
    assert case.phone == "0711 123456"


def test_request_with_implausible_phone_is_refused_next_to_the_field(client, office_s, counsellor_s):
    data = {
        "kind": "person", "name": "Rita Test", "email": "", "phone": "anrufen bitte", "postcode": "70173",
        "message": "Ich möchte meinen Berufsabschluss nachholen.", "office": office_s.slug, "consent": "on",
    }  # fmt: skip

    response = client.post(reverse("counselling:request"), data)

    assert response.context["form"].errors["phone"] == [PHONE_MESSAGE]
    assert 'value="anrufen bitte"' in response.content.decode()
    assert not Inquiry.objects.exists()


def test_admin_contact_person_with_implausible_phone_is_refused_next_to_the_field(client, office_s):
    verified_login(client, coordinator(username="koordination"))
    data = {"partner": office_s.pk, "name": "Ines Muster", "phone": "0711-TEL", "email": "", "order": "0"}

    response = client.post(reverse("admin:partners_contactperson_add"), data)

    assert response.context["adminform"].form.errors["phone"] == [PHONE_MESSAGE]
    assert 'value="0711-TEL"' in response.content.decode()
    assert not ContactPerson.objects.exists()
