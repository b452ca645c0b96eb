"""Partner editors add an offer's title and summary in other languages: an inline of the offer, scoped like it."""

from django.urls import reverse

from offers.models import OfferTranslation
from tests.conftest import verified_login
from tests.factories import OfferFactory, PartnerFactory, editor


def change_url(offer) -> str:
    return reverse("admin:offers_offer_change", args=[offer.pk])


def test_editor_sees_the_translation_inline_of_an_own_offer(client, db):
    provider = PartnerFactory()
    offer = OfferFactory(provider=provider)
    OfferTranslation.objects.create(offer=offer, language="ar", title="دورة")
    verified_login(client, editor(provider))

    body = client.get(change_url(offer)).content.decode()

    assert 'name="translations-0-title"' in body and 'value="دورة"' in body


def test_editor_of_another_partner_and_anonymous_get_no_translation(client, db):
    offer = OfferFactory(provider=PartnerFactory())
    OfferTranslation.objects.create(offer=offer, language="ar", title="دورة")

    anonymous = client.get(change_url(offer))
    verified_login(client, editor(PartnerFactory()))
    stranger = client.get(change_url(offer))

    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    assert stranger.status_code == 404 and "دورة" not in stranger.content.decode()
