"""The request asks for the preferred language of the talk; the desk shows it; an office that speaks it is proposed."""

from django.urls import reverse

from counselling.models import Inquiry
from partners.models import Language
from tests.conftest import verified_login
from tests.counselling.test_request_form import URL, valid_post
from tests.factories import SCHWERIN, STUTTGART, InquiryFactory, PostcodeFactory


def speaks(office, *codes):
    office.languages.set(Language.objects.filter(code__in=codes))


def test_request_stores_the_preferred_language(client, office_s, counsellor_s):
    response = client.post(URL, valid_post(office_s, language="ar"))

    assert response.status_code == 302
    assert Inquiry.objects.get().language.code == "ar"


def test_request_without_a_language_means_german(client, office_s, counsellor_s):
    client.post(URL, valid_post(office_s))

    assert Inquiry.objects.get().language is None


def test_unknown_language_gets_a_message_next_to_the_field_and_keeps_the_input(client, office_s, counsellor_s):
    response = client.post(URL, valid_post(office_s, language="xx"))
    body = response.content.decode()

    assert response.status_code == 200
    assert "Diese Sprache kennen wir nicht. Bitte wählen Sie aus der Liste." in body
    assert 'value="Rita Test"' in body
    assert not Inquiry.objects.exists()


def test_office_choices_name_the_languages_spoken(client, office_s, counsellor_s):
    speaks(office_s, "ar", "tr")

    body = client.get(URL).content.decode()

    assert "Lotsendienst Stuttgart (Arabisch, Türkisch)" in body


def test_prefill_proposes_the_nearest_office_that_speaks_the_language(client, office_s, office_n, counsellor_s,
                                                                     counsellor_n):  # fmt: skip
    PostcodeFactory(place=SCHWERIN)
    for office, place in ((office_s, STUTTGART), (office_n, SCHWERIN)):
        office.latitude, office.longitude = place.latitude, place.longitude
        office.save()
    speaks(office_s, "ar")
    speaks(office_n, "ar", "ru")

    arabic = client.get(URL, {"language": "ar", "postcode": SCHWERIN.postcode}).context["form"]
    russian = client.get(URL, {"language": "ru"}).context["form"]
    chosen = client.get(URL, {"language": "ar", "office": office_s.slug}).context["form"]

    assert (arabic.initial["office"], arabic.initial["language"]) == (office_n.slug, "ar")
    assert russian.initial["office"] == office_n.slug
    assert chosen.initial["office"] == office_s.slug  # the visitor's own choice stays


def test_desk_shows_the_preferred_language(client, office_s, counsellor_s):
    inquiry = InquiryFactory(office=office_s, language=Language.objects.get(code="ar"))
    verified_login(client, counsellor_s)

    body = client.get(reverse("counselling:inquiry", args=[inquiry.pk])).content.decode()

    assert "<dt>Bevorzugte Sprache</dt><dd>Arabisch</dd>" in body


def test_guide_link_carries_the_language_to_the_request(client, db):
    response = client.get(reverse("guide:result"), {"who": "beschaeftigt", "languages": "uk"})

    assert "language=uk" in response.context["counselling_url"]


def test_desk_inbox_lists_the_preferred_language_of_each_request(client, office_s, office_n, counsellor_s):
    InquiryFactory(office=office_s, name="Amira Haddad", language=Language.objects.get(code="ar"))
    InquiryFactory(office=office_s, name="Jonas Berg")
    InquiryFactory(office=office_n, name="Olena Koval", language=Language.objects.get(code="uk"))
    verified_login(client, counsellor_s)

    body = client.get(reverse("counselling:inquiries")).content.decode()

    assert '<th scope="col">Sprache</th>' in body
    assert body.count('<td data-label="Sprache">Arabisch</td>') == 1
    assert body.count('<td data-label="Sprache">Deutsch</td>') == 1  # no preference: the talk is in German
    assert "Olena Koval" not in body and "Ukrainisch" not in body  # another office's request
