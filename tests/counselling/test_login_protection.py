"""Login throttling (django-axes) on both login pages, and the idle logout of counsellors."""

import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from accounts.staff import IDLE_SESSION_KEY
from tests.conftest import verified_login

LOGIN_PAGES = ["/konto/anmelden/", "/admin/login/"]


def fail_until_locked(client, url: str, username: str):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": username, "password": "falsch"})


@pytest.fixture
def staff_counsellor(counsellor_s):
    counsellor_s.is_staff = True  # so the admin login accepts the account too
    counsellor_s.save()
    return counsellor_s


def test_throttling_uses_a_cool_off_not_a_permanent_lock():
    assert settings.AXES_COOLOFF_TIME
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


@pytest.mark.parametrize("url", LOGIN_PAGES)
def test_login_page_locks_after_failures_even_with_right_password(client, staff_counsellor, url):
    fail_until_locked(client, url, "beratung-stuttgart")
    response = client.post(url, {"username": "beratung-stuttgart", "password": "demo"})
    assert response.status_code == 429
    assert "Zu viele Anmeldeversuche" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("url", LOGIN_PAGES)
def test_login_works_again_after_cool_off(client, staff_counsellor, url):
    fail_until_locked(client, url, "beratung-stuttgart")
    cool_off = settings.AXES_COOLOFF_TIME
    AccessAttempt.objects.update(attempt_time=timezone.now() - cool_off - timedelta(minutes=1))
    response = client.post(url, {"username": "beratung-stuttgart", "password": "demo"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff_counsellor.pk)


def test_lockout_of_one_account_does_not_block_another(client, staff_counsellor, counsellor_n):
    fail_until_locked(client, LOGIN_PAGES[0], "beratung-stuttgart")
    response = client.post(LOGIN_PAGES[0], {"username": "beratung-schwerin", "password": "demo"})
    assert response.status_code == 302


def test_failures_below_limit_do_not_lock(client, counsellor_s):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(LOGIN_PAGES[0], {"username": "beratung-stuttgart", "password": "falsch"})
    assert client.post(LOGIN_PAGES[0], {"username": "beratung-stuttgart", "password": "demo"}).status_code == 302


def set_last_seen(client, seconds_ago: float):
    session = client.session
    session[IDLE_SESSION_KEY] = time.time() - seconds_ago
    session.save()


def test_idle_counsellor_is_logged_out(client, counsellor_s, settings):
    settings.COUNSELLOR_IDLE_MINUTES = 20
    verified_login(client, counsellor_s)
    assert client.get(reverse("counselling:desk")).status_code == 200
    set_last_seen(client, 21 * 60)
    response = client.get(reverse("counselling:desk"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("counselling:desk")).status_code == 302


def test_active_counsellor_stays_logged_in(client, counsellor_s, settings):
    settings.COUNSELLOR_IDLE_MINUTES = 20
    verified_login(client, counsellor_s)
    set_last_seen(client, 19 * 60)
    assert client.get(reverse("counselling:desk")).status_code == 200
    assert time.time() - client.session[IDLE_SESSION_KEY] < 5


def test_idle_logout_applies_on_public_pages_too(client, counsellor_s, settings):
    settings.COUNSELLOR_IDLE_MINUTES = 20
    verified_login(client, counsellor_s)
    set_last_seen(client, 25 * 60)
    client.get("/")
    assert "_auth_user_id" not in client.session


def test_idle_logout_leaves_accounts_without_a_role_alone(client, settings, django_user_model):
    settings.COUNSELLOR_IDLE_MINUTES = 1
    visitor = django_user_model.objects.create_user(username="besuch")
    client.force_login(visitor)
    assert IDLE_SESSION_KEY not in client.session
    client.get("/")
    assert client.session["_auth_user_id"] == str(visitor.pk)
