import io
from datetime import timedelta
from ipaddress import ip_network

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from operations.models import WorkerHeartbeat
from tests.factories import OfficeFactory, UserFactory, WorkerHeartbeatFactory, counsellor
from tests.operations.conftest import smtp

PASSED = "All 6 production checks passed.\n"


@pytest.fixture
def production(db, settings):
    """A configuration that passes: each test below breaks one thing."""
    settings.DEBUG = False
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    settings.MAILERS = {**settings.MAILERS, "outgoing": smtp(587)}
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXIES = [ip_network("127.0.0.1")]
    admin = UserFactory(username="koordination", is_staff=True, is_superuser=True)
    TOTPDevice.objects.create(user=admin, name="App", confirmed=True)
    WorkerHeartbeatFactory(last_seen=timezone.now() - timedelta(minutes=59))
    return settings


def check() -> tuple[str, list[str]]:
    """The command's summary (or success line) and its failure lines."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("check_production", stdout=out, stderr=err)
    except CommandError as failed:
        return str(failed), err.getvalue().splitlines()
    return out.getvalue(), err.getvalue().splitlines()


def test_production_check_passes_a_complete_configuration(production):
    assert check() == (PASSED, [])


def test_production_check_fails_without_a_shared_cache(production):
    production.REDIS_URL = ""

    assert check() == (
        "1 of 6 production checks failed.",
        ["FAILED: No shared cache: set REDIS_URL, else every app process caches and counts rate limits on its own."],
    )


def test_production_check_fails_without_a_mail_server(production):
    production.MAILERS = {
        **production.MAILERS,
        "outgoing": {"BACKEND": "django.core.mail.backends.console.EmailBackend"},
    }

    assert check() == (
        "1 of 6 production checks failed.",
        ["FAILED: No e-mail server: set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD)."],
    )


def test_production_check_fails_with_debug_on(production):
    production.DEBUG = True

    assert check() == ("1 of 6 production checks failed.", ["FAILED: DEBUG is on: set DJANGO_DEBUG=0."])


def test_production_check_fails_behind_a_proxy_without_trusted_proxies(production):
    production.TRUSTED_PROXIES = []

    assert check() == (
        "1 of 6 production checks failed.",
        [
            "FAILED: Behind a reverse proxy (DJANGO_BEHIND_PROXY=1) without DJANGO_TRUSTED_PROXIES: lock-outs and "
            "rate limits would count every visitor under the proxy's address."
        ],
    )


def test_production_check_needs_no_trusted_proxies_without_a_proxy(production):
    del production.SECURE_PROXY_SSL_HEADER
    production.TRUSTED_PROXIES = []

    assert check() == (PASSED, [])


def test_production_check_fails_on_staff_without_a_second_factor(production):
    UserFactory(username="redaktion-ihk", is_staff=True)
    counsellor(OfficeFactory(), username="beratung-stuttgart")
    UserFactory(username="ehemalig", is_staff=True, is_active=False)  # cannot log in: no factor needed
    half = UserFactory(username="halb-eingerichtet", is_superuser=True)
    TOTPDevice.objects.create(user=half, name="App", confirmed=False)

    assert check() == (
        "1 of 6 production checks failed.",
        [
            "FAILED: 3 staff account(s) without a second factor: beratung-stuttgart, halb-eingerichtet, "
            "redaktion-ihk (they set one up at their next login; deactivate accounts nobody uses)."
        ],
    )


def test_production_check_skips_the_second_factor_without_django_otp(production):
    UserFactory(username="redaktion-ihk", is_staff=True)
    production.INSTALLED_APPS = [app for app in production.INSTALLED_APPS if not app.startswith("django_otp")]

    assert check() == (PASSED, [])


def test_production_check_fails_without_a_worker_seen_in_the_last_hour(production):

    WorkerHeartbeat.objects.update(last_seen=timezone.now() - timedelta(minutes=61))

    assert check() == (
        "1 of 6 production checks failed.",
        ["FAILED: No worker seen in the last hour: run `python manage.py run_worker` beside the web server."],
    )


def test_production_check_lists_every_failure_of_a_development_setup(db, settings):
    settings.DEBUG = True
    settings.REDIS_URL = ""

    summary, lines = check()

    assert summary == "4 of 6 production checks failed."
    assert [line.split(":")[1].strip() for line in lines] == [
        "No shared cache",
        "No e-mail server",
        "DEBUG is on",
        "No worker seen in the last hour",
    ]
