import logging
import socket

import pytest
from django.db import connection
from django.test import Client

from pages.outage import server_error

PUBLIC_PAGES = ["/", "/angebote/", "/angebote/schweissen-kompakt/", "/partner/", "/foerderung/"]


def assert_outage_page(response) -> str:
    body = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert '<header class="site-header">' in body
    assert "<h1>Der Lotsendienst ist gerade nicht erreichbar</h1>" in body
    assert '<a href="tel:0711123456-0">0711 123456-0</a>' in body
    assert '<a href="mailto:beratung@lotsendienst.example">beratung@lotsendienst.example</a>' in body
    assert "Traceback" not in body
    assert "192.0.2.3" not in body
    return body


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_outage_page_answers_every_public_page_with_503_in_the_layout(client, database_down, path):
    assert_outage_page(client.get(path))


def test_outage_page_needs_no_session_when_the_middleware_fails_first(counsellor, database):
    # A logged-in counsellor: the idle-logout middleware loads the session before any view runs.
    client = Client(raise_request_exception=False)
    client.force_login(counsellor)
    database.fail_with()

    body = assert_outage_page(client.get("/beratung/"))

    assert "Abmelden" not in body
    assert "Merkliste (" not in body


def test_outage_page_logs_the_details_it_hides(client, database_down, caplog):
    with caplog.at_level(logging.WARNING, logger="pages.outage"):
        client.get("/angebote/")

    assert [r.getMessage() for r in caplog.records if r.name == "pages.outage"] == [
        'Database unavailable for GET /angebote/: connection to server at "192.0.2.3", port 5432 failed: '
        "Connection refused"
    ]


def test_outage_page_recovers_without_restart(client, office, database):
    database.fail_with()
    assert client.get("/partner/").status_code == 503

    database.restore()

    response = client.get("/partner/")
    assert response.status_code == 200
    assert "Lotsendienst Stuttgart" in response.content.decode()


def test_server_error_other_than_database_stays_a_500(rf):
    try:
        raise ValueError("kaputt")
    except ValueError:
        response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert "Technischer Fehler" in response.content.decode()


def test_healthz_says_only_unavailable_and_logs_the_reason(client, database_down, caplog):
    with caplog.at_level(logging.ERROR, logger="pages.views"):
        response = client.get("/healthz")

    assert (response.status_code, response.content) == (503, b"unavailable")
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert [r.getMessage() for r in caplog.records if r.name == "pages.views"] == [
        'Health check: database unavailable: connection to server at "192.0.2.3", port 5432 failed: Connection refused'
    ]


def test_healthz_says_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")

    assert (response.status_code, response.content) == (200, b"ok")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_outage_page_when_postgres_refuses_then_recovers(client):
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = str(closed_port())
    try:
        assert_outage_page(client.get("/partner/"))
        assert client.get("/healthz").content == b"unavailable"
    finally:
        connection.settings_dict["PORT"] = real_port

    assert client.get("/partner/").status_code == 200
    assert client.get("/healthz").content == b"ok"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_outage_page_speaks_the_visitors_chosen_language(client, database_down, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    body = client.get("/angebote/").content.decode()

    assert '<html lang="en" dir="ltr">' in body
    assert "<h1>The Lotsendienst is unavailable at the moment</h1>" in body
