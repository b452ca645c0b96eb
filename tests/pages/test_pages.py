import pytest


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


@pytest.mark.django_db
def test_favicon_ico_leads_to_the_icon_the_pages_link(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Cache-Control"] == "max-age=86400, public"
    linked_icon = '<link rel="icon" href="{}" type="image/svg+xml">'.format(response["Location"])
    assert linked_icon in client.get("/impressum/").content.decode()
