from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.accounts import DEMO_OTP_KEY
from tests.conftest import totp_code


@pytest.mark.django_db
def test_load_demo_is_idempotent_and_admin_accepts_coordinator(client, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    counts = _table_counts()
    call_command("load_demo", stdout=StringIO())
    assert _table_counts() == counts
    usernames = set(get_user_model().objects.values_list("username", flat=True))
    assert {"koordination", "redaktion-ihk", "redaktion-saz", "beratung-stuttgart", "beratung-schwerin"} <= usernames
    response = client.post("/admin/login/", {"username": "koordination", "password": "demo", "next": "/admin/"})
    assert response.status_code == 302
    device = TOTPDevice.objects.get(user__username="koordination", key=DEMO_OTP_KEY)
    response = client.post("/konto/zweiter-faktor/", {"code": totp_code(device), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_demo_otp_prints_the_code_the_login_accepts(client, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    out = StringIO()
    call_command("demo_otp", "beratung-stuttgart", stdout=out, stderr=StringIO())
    client.post("/konto/anmelden/", {"username": "beratung-stuttgart", "password": "demo"})
    response = client.post("/konto/zweiter-faktor/", {"code": out.getvalue().strip(), "next": "/beratung/"})
    assert response["Location"] == "/beratung/"
    assert client.get("/beratung/").status_code == 200


@pytest.mark.django_db
def test_demo_otp_refuses_an_account_without_the_demo_secret(django_user_model):
    user = django_user_model.objects.create(username="echt")
    TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    with pytest.raises(CommandError, match="'echt' has no demo second factor"):
        call_command("demo_otp", "echt")


def _table_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_load_demo_refuses_without_debug_unless_forced():
    with pytest.raises(CommandError, match="refuses to run with DJANGO_DEBUG off"):
        call_command("load_demo")
    call_command("load_demo", "--force", stdout=StringIO())
    assert get_user_model().objects.filter(username="koordination").exists()
