from ipaddress import ip_network

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from counselling.consent import CONSENT_VERSION
from counselling.models import Inquiry
from tests import factories
from tests.conftest import verified_login
from tests.factories import OfficeFactory, PartnerFactory

URL = "/beratung/anfragen/"


def valid_post(to, **overrides) -> dict:
    data = {
        "kind": "person", "name": "Rita Test", "email": "rita@example.org", "phone": "", "postcode": "70173",
        "message": "Ich möchte meinen Berufsabschluss nachholen.", "office": to.slug, "consent": "on",
        "website": "",
    }  # fmt: skip
    return {**data, **overrides}


def test_request_url_is_stable():
    assert reverse("counselling:request") == URL


def test_request_form_stores_inquiry_with_consent_and_mails_counsellors(client, office_s, counsellor_s, counsellor_n):
    response = client.post(URL, valid_post(office_s))
    assert response.status_code == 302
    assert response["Location"] == reverse("counselling:request_done")
    inquiry = Inquiry.objects.get()
    assert (inquiry.office, inquiry.name, inquiry.status) == (office_s, "Rita Test", Inquiry.Status.NEW)
    assert inquiry.consent_version == CONSENT_VERSION
    assert inquiry.consent_given_at is not None
    assert [m.to for m in mail.outbox] == [["beratung-stuttgart@example.org"]]
    assert "Rita" not in mail.outbox[0].body


def test_request_form_rejects_missing_consent(client, office_s, counsellor_s):
    response = client.post(URL, valid_post(office_s, consent=""))
    assert response.status_code == 200
    assert "Ohne Ihre Einwilligung" in response.content.decode()
    assert not Inquiry.objects.exists()


def test_request_form_rejects_post_without_csrf_token(office_s):
    response = Client(enforce_csrf_checks=True).post(URL, valid_post(office_s))
    assert response.status_code == 403
    assert not Inquiry.objects.exists()


def test_request_form_requires_email_or_phone(client, office_s, counsellor_s):
    response = client.post(URL, valid_post(office_s, email="", phone=""))
    assert "E-Mail-Adresse oder eine Telefonnummer" in response.content.decode()
    assert not Inquiry.objects.exists()


def test_request_form_offers_only_active_contact_points_with_an_active_counsellor(client, office_s, counsellor_s):
    factories.counsellor(PartnerFactory(slug="ihk", is_contact_point=False))
    factories.counsellor(OfficeFactory(slug="alte-stelle", active=False))
    OfficeFactory(slug="ohne-beratung")
    factories.counsellor(OfficeFactory(slug="beratung-gegangen"), is_active=False)
    factories.editor(OfficeFactory(slug="nur-redaktion"))

    response = client.get(URL)

    assert list(response.context["form"].fields["office"].queryset) == [office_s]
    for slug in ["ihk", "alte-stelle", "ohne-beratung", "beratung-gegangen", "nur-redaktion"]:
        assert client.post(URL, valid_post(office_s, office=slug)).status_code == 200
    assert not Inquiry.objects.exists()


def test_every_office_the_request_form_offers_has_a_person_who_sees_the_request(client, db):
    for slug in ["stelle-a", "stelle-b", "ohne-beratung"]:
        office = OfficeFactory(slug=slug)
        if slug != "ohne-beratung":
            factories.counsellor(office, username=f"beratung-{slug}")
    offices = list(client.get(URL).context["form"].fields["office"].queryset)

    for office in offices:
        client.post(URL, valid_post(office, name=f"Anfrage an {office.slug}"))
        counsellor = office.memberships.get(role="counsellor").user
        desk = Client()
        verified_login(desk, counsellor)
        assert f"Anfrage an {office.slug}" in desk.get(reverse("counselling:desk")).content.decode()

    assert [office.slug for office in offices] == ["stelle-a", "stelle-b"]


def test_request_form_says_so_when_no_office_takes_requests(client, office_s):
    response = client.get(URL)

    assert list(response.context["form"].fields["office"].queryset) == []
    assert "Zurzeit nimmt keine Beratungsstelle Anfragen über dieses Formular an." in response.content.decode()


def test_request_form_rate_limits_per_address(client, office_s, counsellor_s, settings):
    settings.INQUIRY_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(URL, valid_post(office_s)).status_code == 302
    response = client.post(URL, valid_post(office_s))
    assert response.status_code == 429
    assert "schon mehrere Anfragen" in response.content.decode()
    assert Inquiry.objects.count() == 2
    assert client.post(URL, valid_post(office_s), REMOTE_ADDR="10.0.0.7").status_code == 302


def test_rate_limit_uses_forwarded_address_behind_a_trusted_proxy(client, office_s, counsellor_s, settings):
    settings.INQUIRY_RATE_LIMIT = 1
    settings.TRUSTED_PROXIES = [ip_network("127.0.0.0/8")]
    assert client.post(URL, valid_post(office_s), HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 302
    assert client.post(URL, valid_post(office_s), HTTP_X_FORWARDED_FOR="203.0.113.6").status_code == 302
    assert client.post(URL, valid_post(office_s), HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5").status_code == 429


def test_request_form_honeypot_drops_spam_silently(client, office_s, counsellor_s):
    response = client.post(URL, valid_post(office_s, website="http://spam.example"))
    assert response.status_code == 302
    assert not Inquiry.objects.exists()


def test_request_form_prefills_from_get_parameters(client, office_s, counsellor_s):
    response = client.get(URL, {"who": "company", "postcode": "19053", "topic": "Schweißer", "office": office_s.slug})
    assert response.context["form"].initial == {
        "kind": "company", "postcode": "19053", "message": "Schweißer", "office": office_s.slug
    }  # fmt: skip
    assert 'name="postcode" value="19053"' in response.content.decode()


@pytest.mark.parametrize("params", [{"who": "alien"}, {"postcode": "abc"}, {"office": "gibt-es-nicht"}])
def test_request_form_ignores_invalid_prefill(client, office_s, counsellor_s, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response.context["form"].initial == {}


def test_request_form_links_versioned_privacy_text(client, office_s, counsellor_s):
    content = client.get(URL).content.decode()
    assert "/datenschutz/#anfrage" in content
    assert CONSENT_VERSION in content


def test_request_done_page(client):
    assert client.get(reverse("counselling:request_done")).status_code == 200
