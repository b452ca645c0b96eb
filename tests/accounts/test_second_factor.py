"""The second factor of staff accounts: setting up, using, losing and resetting it (docs/roles.md)."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.factors import factor_reset
from accounts.forms import THROTTLED, WRONG_CODE
from accounts.models import AccountAuditEntry
from tests.conftest import totp_code, verified_login

from .conftest import PASSWORD, give_factor

LOGIN = "/konto/anmelden/"
VERIFY = "/konto/zweiter-faktor/"
SETUP = "/konto/zweiter-faktor/einrichten/"
CODES = "/konto/zweiter-faktor/wiederherstellungscodes/"


@pytest.fixture(autouse=True)
def _no_throttle_delay(settings):
    # django-otp doubles a delay after each wrong code; tests that retry at once switch it off (one test checks it).
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def password_step(client, user, next_url: str = "/beratung/"):
    return client.post(LOGIN, {"username": user.username, "password": PASSWORD, "next": next_url})


def field_errors(response) -> list[str]:
    return response.context["form"].errors.get("code", [])


def test_password_alone_leads_to_the_second_step_with_next_kept(client, counsellor):
    give_factor(counsellor)
    response = password_step(client, counsellor)
    assert response["Location"] == "/beratung/"
    assert client.get("/beratung/")["Location"] == f"{VERIFY}?next=%2Fberatung%2F"


def test_right_code_lands_where_the_user_was_going(client, counsellor):
    device = give_factor(counsellor)
    password_step(client, counsellor)
    response = client.post(VERIFY, {"code": totp_code(device), "next": "/beratung/"})
    assert response["Location"] == "/beratung/"
    assert client.get("/beratung/").status_code == 200


def test_wrong_code_is_a_form_error_and_the_desk_stays_closed(client, counsellor):
    give_factor(counsellor)
    password_step(client, counsellor)
    response = client.post(VERIFY, {"code": "000000", "next": "/beratung/"})
    assert response.status_code == 200
    assert field_errors(response) == [WRONG_CODE]
    assert 'value="000000"' in response.content.decode()
    assert client.get("/beratung/")["Location"].startswith(VERIFY)


def test_overlong_code_is_a_form_error(client, counsellor):
    give_factor(counsellor)
    password_step(client, counsellor)
    response = client.post(VERIFY, {"code": "1" * 10_000, "next": "/beratung/"})
    assert response.status_code == 200
    assert field_errors(response) == [
        "Bitte sicherstellen, dass der Wert aus höchstens 32 Zeichen besteht. (Er besteht aus 10000 Zeichen.)"
    ]


def test_a_used_code_cannot_be_replayed(client, counsellor):
    device = give_factor(counsellor)
    code = totp_code(device)
    password_step(client, counsellor)
    client.post(VERIFY, {"code": code})
    client.post("/konto/abmelden/")
    password_step(client, counsellor)
    assert field_errors(client.post(VERIFY, {"code": code})) == [WRONG_CODE]


def test_first_wrong_code_is_called_wrong_not_too_many(client, counsellor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    give_factor(counsellor)
    password_step(client, counsellor)
    assert field_errors(client.post(VERIFY, {"code": "000000"})) == [WRONG_CODE]


def test_wrong_codes_are_throttled(client, counsellor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    device = give_factor(counsellor)
    password_step(client, counsellor)
    client.post(VERIFY, {"code": "000000"})
    response = client.post(VERIFY, {"code": totp_code(device)})
    assert field_errors(response) == [THROTTLED]
    assert client.get("/beratung/")["Location"].startswith(VERIFY)


def test_unsafe_next_lands_where_the_user_works(client, counsellor):
    device = give_factor(counsellor)
    password_step(client, counsellor)
    response = client.post(VERIFY, {"code": totp_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/beratung/"


def test_staff_without_factor_sets_one_up_and_sees_recovery_codes_once(client, editor):
    password_step(client, editor, next_url="/admin/")
    assert client.get("/admin/")["Location"] == f"{SETUP}?next=%2Fadmin%2F"
    page = client.get(f"{SETUP}?next=%2Fadmin%2F")
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    html = page.content.decode()
    assert "<svg" in html and "http" not in html.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org", ""
    )
    assert re.search(r"<code>([A-Z2-7]{4} ){7}[A-Z2-7]{4}</code>", html)

    response = client.post(SETUP, {"code": totp_code(device), "next": "/admin/"})
    assert response["Location"] == f"{CODES}?next=%2Fadmin%2F"
    codes_page = client.get(f"{CODES}?next=%2Fadmin%2F")
    tokens = set(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert len(tokens) == 10
    assert all(f"<code>{token}</code>" in codes_page.content.decode() for token in tokens)
    assert "no-store" in codes_page["Cache-Control"]
    assert client.get(f"{CODES}?next=%2Fadmin%2F")["Location"] == "/admin/"  # shown once only
    assert client.get("/admin/").status_code == 200
    entry = AccountAuditEntry.objects.get()
    assert (entry.actor, entry.subject, entry.action) == (editor, editor, "factor_set_up")


def test_setup_with_wrong_code_keeps_the_device_unconfirmed(client, editor):
    password_step(client, editor)
    client.get(SETUP)
    response = client.post(SETUP, {"code": "000000"})
    assert field_errors(response) == [WRONG_CODE]
    assert list(TOTPDevice.objects.filter(user=editor).values_list("confirmed", flat=True)) == [False]
    assert not StaticDevice.objects.filter(user=editor).exists()


def test_setup_is_refused_once_a_factor_exists(client, counsellor):
    give_factor(counsellor)
    password_step(client, counsellor)
    response = client.get(f"{SETUP}?next=%2Fberatung%2F")
    assert response["Location"] == f"{VERIFY}?next=%2Fberatung%2F"
    client.post(SETUP, {"code": "123456"})
    assert TOTPDevice.objects.filter(user=counsellor).count() == 1


def recovery_codes_for(client, user) -> list[str]:
    """Sets up a factor through the pages and returns the recovery codes shown."""
    password_step(client, user)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post(SETUP, {"code": totp_code(device)})
    codes = re.findall(r"<code>([a-z2-7]{8})</code>", client.get(CODES).content.decode())
    client.post("/konto/abmelden/")
    return codes


def test_recovery_code_works_once(client, counsellor):
    code = recovery_codes_for(client, counsellor)[0]
    password_step(client, counsellor)
    assert client.post(VERIFY, {"code": code.upper(), "next": "/beratung/"})["Location"] == "/beratung/"
    client.post("/konto/abmelden/")
    password_step(client, counsellor)
    assert field_errors(client.post(VERIFY, {"code": code})) == [WRONG_CODE]
    assert StaticToken.objects.filter(device__user=counsellor).count() == 9


@pytest.mark.parametrize("url", ["/admin/", "/beratung/", "/", "/admin/auth/user/"])
def test_unverified_staff_session_is_refused_everywhere(client, counsellor, url):
    counsellor.is_staff = True
    counsellor.save()
    give_factor(counsellor)
    client.force_login(counsellor)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{VERIFY}?next=")


def test_admin_site_requires_a_verified_session(rf, superuser):
    from django.contrib import admin

    request = rf.get("/admin/")
    request.user = superuser
    superuser.is_verified = lambda: False
    assert admin.site.has_permission(request) is False
    superuser.is_verified = lambda: True
    assert admin.site.has_permission(request) is True


def test_unverified_staff_may_still_log_out(client, counsellor):
    give_factor(counsellor)
    client.force_login(counsellor)
    assert client.post("/konto/abmelden/")["Location"] == "/"
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("url", [VERIFY, SETUP, CODES])
def test_anonymous_is_sent_to_the_login(client, db, url):
    response = client.get(url)
    assert response["Location"].startswith(f"{LOGIN}?next=")


@pytest.mark.parametrize("url", [VERIFY, SETUP])
def test_account_without_a_role_needs_no_second_factor(client, visitor_account, url):
    client.force_login(visitor_account)
    assert client.get("/").status_code == 200
    assert client.get(url).status_code == 404


def reset_action(client, user):
    return client.post("/admin/auth/user/", {"action": "reset_second_factor", "_selected_action": [str(user.pk)]})


def test_superuser_resets_a_lost_factor_audited(client, superuser, counsellor):
    give_factor(counsellor)
    StaticDevice.objects.create(user=counsellor, name="Codes")
    verified_login(client, superuser)
    response = reset_action(client, counsellor)
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=counsellor).exists()
    assert not StaticDevice.objects.filter(user=counsellor).exists()
    entry = AccountAuditEntry.objects.get()
    assert (entry.actor_name, entry.subject_name, entry.action, entry.address) == (
        "admin",
        "beratung-stuttgart",
        "factor_reset",
        "127.0.0.1",
    )
    client.post("/konto/abmelden/")
    password_step(client, counsellor)
    assert client.get("/beratung/")["Location"] == f"{SETUP}?next=%2Fberatung%2F"


def test_coordinator_cannot_reset_a_factor(client, coordinator, editor):
    device = give_factor(editor)
    verified_login(client, coordinator)
    changelist = client.get("/admin/auth/user/")
    assert changelist.status_code == 200
    assert "reset_second_factor" not in changelist.content.decode()
    reset_action(client, editor)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    assert not AccountAuditEntry.objects.exists()
    with pytest.raises(PermissionDenied):
        factor_reset(user=editor, by=coordinator, address=None)


def test_coordinator_cannot_read_the_account_audit(client, coordinator, superuser):
    verified_login(client, coordinator)
    assert client.get("/admin/accounts/accountauditentry/").status_code == 403
    verified_login(client, superuser)
    assert client.get("/admin/accounts/accountauditentry/").status_code == 200


def test_device_admins_are_not_offered(client, superuser):
    verified_login(client, superuser)
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404


def test_totp_code_helper_matches_the_library():
    device = TOTPDevice(key="00" * 20)
    assert totp_code(device) == f"{TOTP(device.bin_key).token():06d}"
