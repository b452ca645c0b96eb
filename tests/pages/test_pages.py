import pytest
from django.db import DatabaseError


@pytest.mark.django_db
def test_healthz_says_ok_when_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.django_db
def test_healthz_answers_503_when_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("pages.views.connection.cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"database unavailable: connection refused"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/impressum/", "/datenschutz/", "/barrierefreiheit/", "/leichte-sprache/"])
def test_footer_pages_answer(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert 'href="/barrierefreiheit/"' in response.content.decode()


@pytest.mark.django_db
def test_accessibility_statement_names_bitv_and_feedback_contact(client, settings):
    body = client.get("/barrierefreiheit/").content.decode()
    assert "BITV 2.0" in body
    assert f"mailto:{settings.CONTACT_EMAIL}" in body
