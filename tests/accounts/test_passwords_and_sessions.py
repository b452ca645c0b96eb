"""Password rules, the e-mail reset that reveals nothing, and the idle logout of admin sessions (docs/roles.md)."""

import re
import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from accounts.staff import IDLE_SESSION_KEY
from tests.conftest import verified_login

from .conftest import PASSWORD, give_factor

RESET = "/konto/passwort-vergessen/"
NEW_PASSWORD = "Lotsen-Rad-Quer-Feld-41"


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Sommer2026", "Dieses Passwort ist zu kurz. Es muss mindestens 12 Zeichen enthalten."),
        ("password1234", "Dieses Passwort ist zu üblich."),
        ("Beratung-Stuttgart1", "Das Passwort ist zu ähnlich zu Benutzername."),
    ],
)
def test_weak_staff_passwords_are_refused_in_german(counsellor, password, message):
    with translation.override("de"), pytest.raises(ValidationError) as refused:
        validate_password(password, counsellor)
    assert refused.value.messages == [message]


def test_a_long_uncommon_password_is_accepted(counsellor):
    assert validate_password(NEW_PASSWORD, counsellor) is None


def test_reset_answers_the_same_whether_or_not_the_account_exists(client, counsellor):
    known = client.post(RESET, {"email": counsellor.email})
    unknown = client.post(RESET, {"email": "niemand@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known["Location"] == "/konto/passwort-vergessen/gesendet/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [counsellor.email]
    done = client.get(known["Location"]).content.decode()
    assert "Wenn zu dieser Adresse ein Konto gehört" in done


def reset_link(client, user) -> str:
    client.post(RESET, {"email": user.email})
    return re.search(r"http://testserver(/konto/passwort-neu/\S+/)", mail.outbox[-1].body).group(1)


def test_reset_link_sets_a_new_password_and_the_second_factor_is_still_asked(client, counsellor):
    give_factor(counsellor)
    form_url = client.get(reset_link(client, counsellor))["Location"]
    weak = client.post(form_url, {"new_password1": "Sommer2026", "new_password2": "Sommer2026"})
    assert weak.context["form"].errors["new_password2"] == [
        "Dieses Passwort ist zu kurz. Es muss mindestens 12 Zeichen enthalten."
    ]
    done = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/konto/passwort-neu/fertig/"
    client.post("/konto/anmelden/", {"username": counsellor.username, "password": NEW_PASSWORD})
    assert client.get("/beratung/")["Location"] == "/konto/zweiter-faktor/?next=%2Fberatung%2F"


def test_reset_link_works_once(client, counsellor):
    link = reset_link(client, counsellor)
    form_url = client.get(link)["Location"]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    again = client.get(link, follow=True)
    assert again.context["validlink"] is False
    assert "Dieser Link ist ungültig oder wurde schon verwendet." in again.content.decode()


def test_reset_mail_is_german_and_names_no_other_account(client, counsellor):
    client.post(RESET, {"email": counsellor.email})
    message = mail.outbox[0]
    assert message.subject == "Neues Passwort für testserver"
    assert "für Ihr Konto „beratung-stuttgart“ beim Lotsendienst" in message.body


def set_last_seen(client, seconds_ago: float) -> None:
    session = client.session
    session[IDLE_SESSION_KEY] = time.time() - seconds_ago
    session.save()


def test_idle_admin_session_is_logged_out(client, editor, settings):
    settings.COUNSELLOR_IDLE_MINUTES = 30
    verified_login(client, editor)
    assert client.get("/admin/").status_code == 200
    set_last_seen(client, 31 * 60)
    response = client.get("/admin/")
    assert response["Location"] == "/konto/anmelden/?next=/admin/"
    assert "_auth_user_id" not in client.session


def test_active_admin_session_stays(client, editor, settings):
    settings.COUNSELLOR_IDLE_MINUTES = 30
    verified_login(client, editor)
    set_last_seen(client, 29 * 60)
    assert client.get("/admin/").status_code == 200
    assert time.time() - client.session[IDLE_SESSION_KEY] < 5


def test_password_login_marks_the_staff_session_for_the_idle_logout(client, coordinator):
    client.post("/konto/anmelden/", {"username": coordinator.username, "password": PASSWORD})
    assert IDLE_SESSION_KEY in client.session


def test_reset_requests_are_limited_per_address_the_same_for_unknown_addresses(client, counsellor, settings):
    settings.PASSWORD_RESET_RATE_LIMIT = 2
    answers = [
        client.post(RESET, {"email": "niemand@example.org"}).status_code,
        client.post(RESET, {"email": counsellor.email}).status_code,
        client.post(RESET, {"email": counsellor.email}).status_code,
        client.post(RESET, {"email": "niemand@example.org"}).status_code,
        client.post(RESET, {"email": counsellor.email}, REMOTE_ADDR="203.0.113.10").status_code,
    ]
    assert answers == [302, 302, 429, 429, 302]
    assert len(mail.outbox) == 2
    limited = client.post(RESET, {"email": counsellor.email})
    assert "schon mehrere neue Passwörter angefordert" in limited.content.decode()
