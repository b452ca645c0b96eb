from django.test import Client

from counselling.models import Inquiry

URL = "/beratung/anfragen/"
TYPED = {
    "kind": "company", "name": "Bäckerei Sonnenschein", "email": "chefin@example.org", "phone": "0711 555",
    "postcode": "70173", "message": "Zwei Gesellen möchten den Meister machen.", "office": "lotse-stuttgart",
    "consent": "on", "website": "",
}  # fmt: skip


def assert_kept_and_not_received(response) -> None:
    body = response.content.decode()
    assert response.status_code == 503
    assert "no-store" in response["Cache-Control"]
    assert "<strong>Ihre Anfrage ist NICHT bei uns angekommen.</strong>" in body
    assert '<a href="tel:0711123456-0">0711 123456-0</a>' in body
    assert '<a href="mailto:beratung@lotsendienst.example">beratung@lotsendienst.example</a>' in body
    assert 'value="Bäckerei Sonnenschein"' in body
    assert 'value="chefin@example.org"' in body
    assert 'value="0711 555"' in body
    assert 'value="70173"' in body
    assert "\nZwei Gesellen möchten den Meister machen.</textarea>" in body
    assert 'value="company" required id="id_kind_1" checked' in body
    assert 'name="consent" required id="id_consent" checked' in body
    assert 'name="csrfmiddlewaretoken"' in body


def test_request_sent_during_outage_keeps_the_input_and_says_it_was_not_received(client, office, database):
    client.get(URL)  # an earlier visit left the office names in the cache
    database.fail_with()

    response = client.post(URL, TYPED)

    assert_kept_and_not_received(response)
    assert '<option value="lotse-stuttgart" selected>Lotsendienst Stuttgart</option>' in response.content.decode()
    database.restore()
    assert Inquiry.objects.count() == 0


def test_request_sent_during_outage_keeps_the_chosen_office_without_cache(client, office, database):
    database.fail_with()

    response = client.post(URL, TYPED)

    assert_kept_and_not_received(response)
    assert '<option value="lotse-stuttgart" selected>lotse-stuttgart</option>' in response.content.decode()


def test_request_sent_during_outage_with_a_session_keeps_the_input(office, database):
    # A visitor with a Merkliste has a session, which fails to load before the view runs.
    client = Client(raise_request_exception=False)
    session = client.session
    session["merkliste"] = [1]
    session.save()
    client.get(URL)
    database.fail_with()

    assert_kept_and_not_received(client.post(URL, TYPED))


def test_request_sent_after_recovery_is_received(client, office, database):
    database.fail_with()
    client.post(URL, TYPED)
    database.restore()

    response = client.post(URL, TYPED)

    assert (response.status_code, response["Location"]) == (302, "/beratung/anfragen/danke/")
    assert list(Inquiry.objects.values_list("name", "office__slug")) == [("Bäckerei Sonnenschein", "lotse-stuttgart")]
