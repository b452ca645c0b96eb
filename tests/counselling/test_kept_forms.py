"""No input is lost: a form sent after the idle logout comes back filled in after the login (accounts/kept_forms.py)."""

import time
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from accounts.kept_forms import RESTORED_MESSAGE, TOKEN_PARAMETER
from accounts.models import KeptForm
from accounts.staff import IDLE_SESSION_KEY
from counselling.models import Session
from tests import factories
from tests.conftest import verified_login

NOTE = "Frau K. möchte die Externenprüfung als Mechatronikerin; Zeugnisse bringt sie mit."


def go_idle(client, minutes: int = 31):
    session = client.session
    session[IDLE_SESSION_KEY] = time.time() - minutes * 60
    session.save()


def session_post(case) -> dict:
    return {"date": "2026-03-02", "minutes": "45", "channel": "phone", "topics": "Zulassung", "notes": NOTE}


def send_after_idle_logout(client, case):
    page = f"http://testserver{case.get_absolute_url()}"
    return client.post(reverse("counselling:session_add", args=[case.pk]), session_post(case), HTTP_REFERER=page)


def next_url(response) -> str:
    return parse_qs(urlsplit(response["Location"]).query)["next"][0]


@pytest.fixture
def case(office_s, counsellor_s):
    return factories.CaseFactory(office=office_s, counsellor=counsellor_s)


def test_session_note_sent_after_idle_logout_is_kept_not_saved(client, case, counsellor_s):
    verified_login(client, counsellor_s)
    go_idle(client)
    response = send_after_idle_logout(client, case)
    kept = KeptForm.objects.get()
    assert response.status_code == 302
    assert next_url(response) == f"{case.get_absolute_url()}?{TOKEN_PARAMETER}={kept.token}"
    assert (kept.user, kept.action) == (counsellor_s, f"/beratung/faelle/{case.pk}/gespraech/")
    assert kept.data["notes"] == [NOTE]
    assert "csrfmiddlewaretoken" not in kept.data
    assert not Session.objects.exists()
    assert "_auth_user_id" not in client.session


def test_kept_session_note_is_filled_in_after_login_and_saves(client, case, counsellor_s):
    verified_login(client, counsellor_s)
    go_idle(client)
    back = next_url(send_after_idle_logout(client, case))
    verified_login(client, counsellor_s)
    page = client.get(back)
    form = page.context["session_form"]
    assert not form.is_bound
    assert (form.initial["notes"], form.initial["minutes"], form.initial["channel"]) == (NOTE, "45", "phone")
    assert NOTE in page.content.decode()
    assert str(RESTORED_MESSAGE) in page.content.decode()
    assert not Session.objects.exists()  # nothing was sent on the user's behalf
    client.post(reverse("counselling:session_add", args=[case.pk]), session_post(case))
    assert Session.objects.get().notes == NOTE


def test_kept_form_shows_nothing_to_another_user(client, case, counsellor_s, office_s):
    colleague = factories.counsellor(office_s, username="kollegin")
    verified_login(client, counsellor_s)
    go_idle(client)
    back = next_url(send_after_idle_logout(client, case))
    verified_login(client, colleague)
    page = client.get(back)
    assert NOTE not in page.content.decode()
    assert page.context["session_form"].initial == {}


def test_kept_form_expires(client, case, counsellor_s, settings):
    verified_login(client, counsellor_s)
    go_idle(client)
    back = next_url(send_after_idle_logout(client, case))
    long_ago = KeptForm.objects.get().created_at - timedelta(hours=settings.KEPT_FORM_HOURS + 1)
    KeptForm.objects.update(created_at=long_ago)
    verified_login(client, counsellor_s)
    assert NOTE not in client.get(back).content.decode()


def test_form_without_csrf_token_is_not_kept(case, counsellor_s):
    client = Client(enforce_csrf_checks=True)
    verified_login(client, counsellor_s)
    go_idle(client)
    response = send_after_idle_logout(client, case)
    assert next_url(response) == f"/beratung/faelle/{case.pk}/gespraech/"
    assert not KeptForm.objects.exists()


def test_kept_case_notes_return_to_the_edit_form(client, case, counsellor_s):
    verified_login(client, counsellor_s)
    edit = reverse("counselling:case_edit", args=[case.pk])
    client.get(edit)
    go_idle(client)
    data = {"name": case.name, "gender": "unknown", "status": "new", "notes": NOTE, "client_kind": "person"}
    back = next_url(client.post(edit, data, HTTP_REFERER=f"http://testserver{edit}"))
    verified_login(client, counsellor_s)
    assert client.get(back).context["form"].initial["notes"] == NOTE


def test_idle_warning_script_only_on_staff_pages(client, counsellor_s, settings):
    settings.COUNSELLOR_IDLE_MINUTES = 30
    assert "idle-warning.js" not in client.get("/").content.decode()
    verified_login(client, counsellor_s)
    html = client.get(reverse("counselling:desk")).content.decode()
    assert "idle-warning.js" in html
    assert 'data-idle-seconds="1800"' in html
