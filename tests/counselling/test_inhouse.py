"""In-house requests: a company asks a provider for a course at its site; the provider's editors (only they) read
and answer it in the admin; the company reads the answer at an unguessable private link that expires."""

import datetime
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from counselling.models import Inquiry
from offers.models import InhouseRequest, InhouseRequestRead
from offers.models.inhouse import token_hash
from tests.conftest import verified_login
from tests.factories import OfferFactory, PartnerFactory, editor

pytestmark = pytest.mark.django_db
LINK = re.compile(r"/angebote/inhouse/([A-Za-z0-9_-]+)/")


@pytest.fixture
def offer(office_s):
    provider = PartnerFactory(name="Bildungswerk Neckar")
    editor(provider, username="redaktion-neckar", email="redaktion@neckar.example")
    return OfferFactory(provider=provider, title="Staplerschein", slug="stapler", inhouse_possible=True)


def form_data(**changes) -> dict:
    data = {
        "company": "Muster Metall GmbH", "contact_name": "Eva Muster", "email": "eva@muster.example",
        "phone": "0711 123456", "site_postcode": "70173", "site_city": "Stuttgart", "participants": "12",
        "period": "Frühjahr", "message": "Zwei Tage am Stück", "consent": "on",
    }  # fmt: skip
    return {key: value for key, value in {**data, **changes}.items() if value is not None}


def submit(client, **changes):
    return client.post(reverse("counselling:inhouse_request", args=["stapler"]), form_data(**changes))


def private_link(message) -> str:
    return LINK.search(message.body).group(0)


def test_offer_page_shows_the_request_button_only_for_in_house_offers(client, offer):
    OfferFactory(slug="nur-offen", inhouse_possible=False)
    assert 'href="/beratung/inhouse/stapler/"' in client.get("/angebote/stapler/").content.decode()
    assert "Als Inhouse-Schulung anfragen" not in client.get("/angebote/nur-offen/").content.decode()
    assert client.get("/beratung/inhouse/nur-offen/").status_code == 404


def test_request_reaches_the_editors_and_the_company_gets_a_private_link(client, offer):
    response = submit(client)
    assert response.status_code == 302
    request = InhouseRequest.objects.get()
    assert (request.offer, request.company, request.participants) == (offer, "Muster Metall GmbH", 12)
    to_editors, to_company = mail.outbox
    assert to_editors.to == ["redaktion@neckar.example"]
    assert "Muster" not in to_editors.body and "eva@" not in to_editors.body  # contact data only in the admin
    assert f"/admin/offers/inhouserequest/{request.pk}/change/" in to_editors.body
    assert to_company.to == ["eva@muster.example"]
    token = LINK.search(to_company.body).group(1)
    assert len(token) >= 43  # secrets.token_urlsafe(32)
    assert request.token_hash == token_hash(token) != token
    page = client.get(private_link(to_company))
    assert page.status_code == 200
    assert "Der Anbieter hat noch nicht geantwortet." in page.content.decode()
    assert "no-store" in page["Cache-Control"]


def test_bad_input_is_an_error_next_to_the_field_with_the_input_kept(client, offer):
    response = submit(client, site_postcode="7017", participants="0", consent=None)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte eine fünfstellige Postleitzahl angeben, z. B. 70173." in html
    assert "Bitte 1 bis 500 Teilnehmende angeben." in html
    assert "Ohne Ihre Einwilligung können wir die Anfrage nicht weitergeben." in html
    assert 'value="Muster Metall GmbH"' in html
    assert "no-store" in response["Cache-Control"]
    assert not InhouseRequest.objects.exists()


def test_a_counselling_office_gets_the_request_only_with_its_consent(client, offer, office_s, counsellor_s):
    response = submit(client, counselling_office=office_s.pk)
    assert "Damit die Beratungsstelle Ihre Anfrage erhält, willigen Sie bitte ein." in response.content.decode()
    submit(client, counselling_office=office_s.pk, counselling_consent="on")
    inquiry = Inquiry.objects.get()
    assert (inquiry.office, inquiry.kind, inquiry.name) == (office_s, "company", "Muster Metall GmbH")
    assert inquiry.message.startswith("Inhouse-Anfrage zu „Staplerschein“ (Bildungswerk Neckar) für 12 Beschäftigte.")


def test_unknown_or_guessed_links_are_404(client, offer):
    submit(client)
    for token in ("x", "A" * 43, "%00", "a" * 200):
        assert client.get(f"/angebote/inhouse/{token}/").status_code == 404


def test_link_expires_after_90_days_with_a_clear_page(client, offer):
    submit(client)
    link = private_link(mail.outbox[-1])
    request = InhouseRequest.objects.get()
    request.created_at = timezone.now() - datetime.timedelta(days=89, hours=23)
    request.save()
    assert client.get(link).status_code == 200
    request.created_at = timezone.now() - datetime.timedelta(days=90)
    request.save()
    response = client.get(link)
    assert response.status_code == 410
    assert "Dieser Link ist abgelaufen" in response.content.decode()
    assert "Muster Metall" not in response.content.decode()


# --- the provider's side in the admin ---------------------------------------------------------------------------
def change_url(request: InhouseRequest) -> str:
    return reverse("admin:offers_inhouserequest_change", args=[request.pk])


def test_provider_sees_its_own_requests_only(client, offer):
    submit(client)
    other_offer = OfferFactory(title="Schweißen", slug="schweissen", inhouse_possible=True)
    client.post(reverse("counselling:inhouse_request", args=["schweissen"]), form_data(company="Andere AG"))
    own, foreign = InhouseRequest.objects.get(offer=offer), InhouseRequest.objects.get(offer=other_offer)
    verified_login(client, offer.provider.memberships.get().user)
    listing = client.get(reverse("admin:offers_inhouserequest_changelist")).content.decode()
    assert "Muster Metall GmbH" in listing and "Andere AG" not in listing
    assert client.get(change_url(foreign)).status_code == 404
    assert client.get(change_url(own)).status_code == 200
    reads = InhouseRequestRead.objects.filter(request=own)
    assert list(reads.values_list("actor", "action")) == [("redaktion-neckar", "view")]


def test_other_editors_and_anonymous_get_no_request(client, offer):
    submit(client)
    request = InhouseRequest.objects.get()
    response = client.get(change_url(request))
    assert response.status_code == 302  # to the login
    verified_login(client, editor(PartnerFactory(), username="redaktion-fremd"))
    assert client.get(change_url(request)).status_code == 404
    assert not InhouseRequestRead.objects.exists()


def test_provider_answers_and_the_company_reads_date_and_price_at_its_link(client, offer):
    submit(client)
    link = private_link(mail.outbox[-1])
    request = InhouseRequest.objects.get()
    verified_login(client, offer.provider.memberships.get().user)
    response = client.post(
        change_url(request),
        {"answer_date": "2027-03-01", "answer_price": "4800.00", "answer_text": "Zwei Tage bei Ihnen vor Ort."},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.answered_at is not None and request.answered_by.username == "redaktion-neckar"
    assert mail.outbox[-1].to == ["eva@muster.example"]
    client.logout()
    html = client.get(link).content.decode()
    assert "01.03.2027" in html and "4.800,00 €" in html and "Zwei Tage bei Ihnen vor Ort." in html


def test_old_requests_lose_the_company_data_after_the_retention_period(client, offer, settings):
    submit(client)
    submit(client, company="Neu GmbH")
    old, new = InhouseRequest.objects.order_by("pk")
    old.created_at = timezone.now() - datetime.timedelta(days=settings.CASE_RETENTION_DAYS + 1)
    old.save()
    call_command("erase_old_inhouse_requests", stdout=StringIO())
    old.refresh_from_db(), new.refresh_from_db()
    assert (old.company, old.contact_name, old.email, old.phone, old.message) == ("–", "–", "", "", "")
    assert (old.offer, old.participants) == (offer, 12)
    assert new.company == "Neu GmbH"
