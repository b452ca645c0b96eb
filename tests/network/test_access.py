"""Who may open each network page: anonymous visitors get the login, editors a 404, coordinators and counsellors the
page (their own scope), a session without the second factor the second step; every answer is no-store."""

import pytest

from tests.conftest import verified_login

URLS = ["/netzwerk/", "/netzwerk/luecken.csv", "/netzwerk/bericht/", "/netzwerk/zahlen/", "/netzwerk/zahlen.csv"]


@pytest.mark.parametrize("url", URLS)
def test_anonymous_visitors_get_the_login(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/anmelden/?next=")


@pytest.mark.parametrize("url", URLS)
def test_partner_editors_get_a_404(client, editor, url):
    verified_login(client, editor)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("who", ["coordinator", "counsellor_s", "counsellor_n"])
def test_coordinators_and_counsellors_of_either_office_open_it(client, request, url, who):
    verified_login(client, request.getfixturevalue(who))
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_session_without_the_second_factor_is_sent_to_it(client, coordinator):
    client.force_login(coordinator)
    response = client.get("/netzwerk/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/zweiter-faktor/")


def test_the_scope_says_whose_records_count(client, counsellor_n, coordinator, office_n):
    verified_login(client, counsellor_n)
    scope = client.get("/netzwerk/").context["scope"]
    assert (list(scope.offices), scope.network_wide, scope.suppress) == ([office_n], False, False)
    verified_login(client, coordinator)
    scope = client.get("/netzwerk/").context["scope"]
    assert (scope.network_wide, scope.suppress) == (True, True)
