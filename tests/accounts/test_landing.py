"""Each person lands where they work: after both login steps counsellors on the desk, editors and coordinators in
the admin; a safe `next` wins, a foreign one is refused; staff see a "Mein Bereich" link (accounts/staff.py)."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import totp_code, verified_login

from .conftest import PASSWORD, give_factor

# Declared, so the tests that pick their account by name still run with the other database tests (before the
# transactional browser tests, which empty the role groups).
pytestmark = pytest.mark.django_db

LOGIN = "/konto/anmelden/"
VERIFY = "/konto/zweiter-faktor/"


@pytest.fixture(autouse=True)
def _no_throttle_delay(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def log_in(client, user, next_url: str | None = None) -> str:
    """Both steps through the real forms; returns where the second step sends the user."""
    device = give_factor(user)
    data = {"username": user.username, "password": PASSWORD}
    if next_url is not None:
        data["next"] = next_url
    after_password = client.post(LOGIN, data)["Location"]
    step = client.get(after_password)
    assert step["Location"].startswith(VERIFY)
    target = parse_qs(urlsplit(step["Location"]).query)["next"][0]
    return client.post(VERIFY, {"code": totp_code(device), "next": target})["Location"]


@pytest.mark.parametrize(
    ("account", "landing"),
    [("counsellor", "/beratung/"), ("editor", "/admin/"), ("coordinator", "/admin/"), ("superuser", "/admin/")],
)
def test_login_without_next_lands_where_the_role_works(client, request, account, landing):
    assert log_in(client, request.getfixturevalue(account)) == landing


@pytest.mark.parametrize("account", ["counsellor", "editor", "coordinator"])
def test_login_with_safe_next_lands_there(client, request, account):
    assert log_in(client, request.getfixturevalue(account), "/angebote/?q=Lager") == "/angebote/?q=Lager"


@pytest.mark.parametrize(
    ("account", "landing"), [("counsellor", "/beratung/"), ("editor", "/admin/"), ("coordinator", "/admin/")]
)
@pytest.mark.parametrize("foreign", ["https://evil.example/", "//evil.example/beratung/"])
def test_login_with_foreign_next_is_refused(client, request, account, landing, foreign):
    assert log_in(client, request.getfixturevalue(account), foreign) == landing


def test_account_without_role_lands_on_the_home_page(client, visitor_account):
    response = client.post(LOGIN, {"username": visitor_account.username, "password": PASSWORD})
    assert response["Location"] == "/"


def test_counsellor_who_also_edits_lands_on_the_desk(client, counsellor, office):
    counsellor.memberships.create(partner=office, role="editor")
    assert log_in(client, counsellor) == "/beratung/"


@pytest.mark.parametrize(("account", "area"), [("counsellor", "/beratung/"), ("editor", "/admin/")])
def test_header_links_staff_to_their_area(client, request, account, area):
    verified_login(client, request.getfixturevalue(account))
    html = client.get("/angebote/").content.decode()
    assert f'<a href="{area}" class="my-area-link">Mein Bereich</a>' in html


def test_no_area_link_for_visitors_and_accounts_without_role(client, visitor_account):
    assert "Mein Bereich" not in client.get("/angebote/").content.decode()
    client.force_login(visitor_account)
    assert "Mein Bereich" not in client.get("/angebote/").content.decode()


def test_no_area_link_before_the_second_factor(client, counsellor):
    give_factor(counsellor)
    client.post(LOGIN, {"username": counsellor.username, "password": PASSWORD})
    assert "Mein Bereich" not in client.get("/konto/zweiter-faktor/").content.decode()
