import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from offers.models import Offer
from partners.models import Partner, Service
from tests.factories import (
    ContactPersonFactory,
    LanguageFactory,
    OfferFactory,
    OfficeFactory,
    PartnerFactory,
    ServiceFactory,
    days,
)

DIRECTORY = reverse("partners:directory")


@pytest.fixture
def directory(db):
    german, arabic = LanguageFactory(code="de"), LanguageFactory(code="ar")
    advice, funding = ServiceFactory(slug="qualifizierungsberatung"), ServiceFactory(slug="foerdermittelberatung")
    ihk = PartnerFactory(name="IHK Region Stuttgart", kind=Partner.Kind.IHK, city="Stuttgart", description="Prüfungen")
    lotse = OfficeFactory(name="Lotsendienst Stuttgart", city="Stuttgart")
    migration = OfficeFactory(name="Netzwerk Migration", city="Rostock")
    closed = OfficeFactory(name="Geschlossene Beratung", active=False)
    ihk.services.set([funding])
    lotse.services.set([advice, funding])
    migration.services.set([advice])
    closed.services.set([advice])
    ihk.languages.set([german])
    lotse.languages.set([german])
    migration.languages.set([german, arabic])
    return {"ihk": ihk, "lotse": lotse, "migration": migration, "closed": closed}


def _names(response) -> set[str]:
    names = [partner.name for partner in response.context["page"].object_list]
    assert len(names) == len(set(names)), "a partner is listed twice"
    return set(names)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"IHK Region Stuttgart", "Lotsendienst Stuttgart", "Netzwerk Migration"}),
        ({"kind": "beratung"}, {"Lotsendienst Stuttgart", "Netzwerk Migration"}),
        ({"kind": ["ihk", "beratung"]}, {"IHK Region Stuttgart", "Lotsendienst Stuttgart", "Netzwerk Migration"}),
        ({"service": "qualifizierungsberatung"}, {"Lotsendienst Stuttgart", "Netzwerk Migration"}),
        (
            {"service": ["qualifizierungsberatung", "foerdermittelberatung"]},
            {"IHK Region Stuttgart", "Lotsendienst Stuttgart", "Netzwerk Migration"},
        ),
        ({"language": "ar"}, {"Netzwerk Migration"}),
        ({"contact_point": "on"}, {"Lotsendienst Stuttgart", "Netzwerk Migration"}),
        ({"q": "stuttgart"}, {"IHK Region Stuttgart", "Lotsendienst Stuttgart"}),
        ({"q": "Prüfungen Stuttgart"}, {"IHK Region Stuttgart"}),
        ({"kind": "beratung", "service": "foerdermittelberatung"}, {"Lotsendienst Stuttgart"}),
        ({"contact_point": "on", "language": "ar", "q": "rostock"}, {"Netzwerk Migration"}),
    ],
)
def test_directory_filters_return_exactly_the_matching_active_partners(client, directory, params, expected):
    response = client.get(DIRECTORY, params)

    assert response.status_code == 200
    assert _names(response) == expected


def test_directory_never_shows_inactive_partners(client, directory):
    response = client.get(DIRECTORY, {"contact_point": "on"})

    assert "Geschlossene Beratung" not in response.text


@pytest.mark.parametrize("params", [{"service": "gibt-es-nicht"}, {"kind": "zauberei"}, {"language": "xx"}])
def test_directory_with_unknown_filter_value_shows_error_and_keeps_other_filters(client, directory, params):
    response = client.get(DIRECTORY, {**params, "q": "Rostock"})

    assert response.status_code == 200
    assert response.context["filter"].form.errors
    assert _names(response) == {"Netzwerk Migration"}


@pytest.mark.parametrize("page", ["2", "abc", "-1", "99999"])
def test_directory_with_odd_page_numbers_answers_without_error(client, directory, page):
    assert client.get(DIRECTORY, {"page": page}).status_code == 200


def test_directory_query_count_does_not_grow_with_partners(client, directory):
    client.get(DIRECTORY)
    with CaptureQueriesContext(connection) as few:
        client.get(DIRECTORY)
    for n in range(15):
        PartnerFactory(name=f"Träger {n}").services.set(Service.objects.all()[:2])
    with CaptureQueriesContext(connection) as many:
        response = client.get(DIRECTORY)

    assert len(response.context["page"].object_list) == 18
    assert len(many) == len(few)


def test_profile_shows_contacts_hours_map_link_and_only_listed_offers(client, directory):
    lotse = directory["lotse"]
    Partner.objects.filter(pk=lotse.pk).update(
        street="Jägerstraße 30", postcode="70174", latitude=48.78, longitude=9.17, opening_hours="Mo–Fr 9–16 Uhr"
    )
    ContactPersonFactory(
        partner=lotse, name="Lena Lotse", position="Qualifizierungsberaterin", email="lena@lotse.example"
    )
    OfferFactory(provider=lotse, title="Kompetenzfeststellung")
    OfferFactory(provider=lotse, title="Entwurf", status=Offer.Status.DRAFT)
    OfferFactory(provider=lotse, title="Archiviert", status=Offer.Status.ARCHIVED)
    OfferFactory(provider=lotse, title="Vorbei", runs__start_date=days(-31), runs__end_date=days(-1))
    OfferFactory(provider=directory["ihk"], title="Fremdes Angebot")

    response = client.get(reverse("partners:detail", args=[lotse.slug]))

    assert response.status_code == 200
    assert [offer.title for offer in response.context["offers"]] == ["Kompetenzfeststellung"]
    for text in ("Lena Lotse", "Qualifizierungsberaterin", "Mo–Fr 9–16 Uhr", "Jägerstraße 30", "70174 Stuttgart"):
        assert text in response.text
    assert (
        'href="https://www.openstreetmap.org/?mlat=48.78000&amp;mlon=9.17000#map=17/48.78000/9.17000"' in response.text
    )
    for hidden in ("Entwurf", "Archiviert", "Vorbei", "Fremdes Angebot"):
        assert hidden not in response.text


def test_profile_map_link_falls_back_to_address_search_without_coordinates():
    partner = Partner(street="Am Markt 1", postcode="19055", city="Schwerin")

    assert partner.map_url == "https://www.openstreetmap.org/search?query=Am+Markt+1+19055+Schwerin"
    assert Partner().map_url == ""


@pytest.mark.parametrize("slug", ["gibt-es-nicht", "partner-inaktiv"])
def test_profile_of_unknown_or_inactive_partner_is_404(client, directory, slug):
    Partner.objects.filter(pk=directory["closed"].pk).update(slug="partner-inaktiv")

    assert client.get(reverse("partners:detail", args=[slug])).status_code == 404


def test_profile_query_count_does_not_grow_with_offers_and_contacts(client, directory):
    lotse = directory["lotse"]
    url = reverse("partners:detail", args=[lotse.slug])
    OfferFactory(provider=lotse)
    ContactPersonFactory(partner=lotse)
    cache.clear()  # both requests count from scratch: the edits below change the catalogue version anyway
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(8):
        OfferFactory(provider=lotse)
        ContactPersonFactory(partner=lotse)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    assert len(response.context["offers"]) == 9
    assert len(many) == len(few)
