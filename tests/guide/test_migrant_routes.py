"""The guide's routes for people with a foreign qualification and for business owners, the languages question and
the distance cap on contact points, for a visitor in Rostock 18055."""

from dataclasses import dataclass

import pytest
from django.urls import reverse

from offers.models import Offer
from partners.models import Partner
from tests.factories import (
    STUTTGART,
    LanguageFactory,
    OccupationFactory,
    OfferFactory,
    OfficeFactory,
    PartnerFactory,
    Place,
    PostcodeFactory,
    ServiceFactory,
)

ROSTOCK = Place("18055", "Rostock", 54.0887, 12.1400)
ROSTOCK_CHAMBER = Place("18055", "Rostock", 54.0897, 12.1371)  # a few hundred metres on
SCHWERIN = Place("19061", "Schwerin", 53.5897, 11.4249)  # 69 km from Rostock
BUSINESS = {"who": "unternehmen", "goal": "unternehmen-fuehren", "sector": "gastgewerbe", "postcode": "18055"}
RECOGNITION = {"who": "beschaeftigt", "goal": "anerkennung", "sector": "gastgewerbe", "postcode": "18055"}


@dataclass
class Rostock:
    migration_office: Partner
    chamber: Partner


def speaking(partner: Partner, *codes: str) -> Partner:
    partner.languages.set([LanguageFactory(code=code) for code in codes])
    return partner


def offering(partner: Partner, *slugs: str) -> Partner:
    partner.services.set([ServiceFactory(slug=slug) for slug in slugs])
    return partner


def taught_in(offer: Offer, *codes: str) -> Offer:
    offer.languages.set([LanguageFactory(code=code) for code in codes])
    return offer


@pytest.fixture
def rostock(db) -> Rostock:
    PostcodeFactory(place=ROSTOCK)
    office = OfficeFactory(place=ROSTOCK, name="Netzwerk Migration Rostock", slug="netzwerk-migration")
    offering(speaking(office, "de", "ar", "ru"), "anerkennungsberatung", "existenzgruendung")
    chamber = PartnerFactory(place=ROSTOCK_CHAMBER, name="IHK zu Rostock", slug="ihk-rostock", kind=Partner.Kind.IHK)
    offering(speaking(chamber, "de", "en"), "existenzgruendung")
    speaking(OfficeFactory(place=SCHWERIN, name="SAZ Schwerin", slug="saz-schwerin"), "de", "ar")
    speaking(OfficeFactory(place=STUTTGART, name="Lotsendienst Stuttgart", slug="lotsendienst-stuttgart"), "ar")
    OfficeFactory(place=STUTTGART, name="Beratung per Video", slug="video-beratung", advises_remotely=True)
    PartnerFactory(place=ROSTOCK, name="Bildungswerk Rostock", slug="bildungswerk-rostock")
    _offers(chamber, office)
    return Rostock(office, chamber)


def _offers(chamber: Partner, office: Partner) -> None:
    here = {"runs__place": ROSTOCK, "kind": Offer.Kind.ANPASSUNG, "levels": ["fachkraft"]}
    founders = {**here, "sectors": ["gastgewerbe"], "target_groups": ["gruendung"]}
    taught_in(OfferFactory(title="Gründungsseminar Gastronomie", provider=chamber, **founders), "de")
    taught_in(OfferFactory(title="Unternehmensführung auf Arabisch", provider=office, **founders), "de", "ar")
    OfferFactory(title="Gründen in Stuttgart", **{**founders, "runs__place": STUTTGART})
    OfferFactory(
        title="Anpassung Elektroniker/in", **{**here, "sectors": ["metall-elektro"], "target_groups": ["migration"]}
    )
    OfferFactory(
        title="Anpassungsqualifizierung Koch/Köchin",
        **{**here, "sectors": ["gastgewerbe"], "target_groups": ["migration"]},
    )
    OfferFactory(title="Servicekraft Gastronomie", **{**here, "sectors": ["gastgewerbe"]})


def result(client, **answers):
    response = client.get(reverse("guide:result"), answers)
    assert response.status_code == 200
    return response


def titles(response) -> list[str]:
    return [offer.title for offer in response.context["offers"].offers]


def points(response) -> list[str]:
    return [point.slug for point in response.context["contact_points"]]


def test_business_owner_speaking_arabic_gets_founders_courses_and_arabic_speaking_contact_points(client, rostock):
    response = result(client, **BUSINESS, languages="ar")

    assert titles(response) == ["Unternehmensführung auf Arabisch", "Gründungsseminar Gastronomie"]
    # Arabic speakers first (nearest first), then the chamber's start-up advice; the remote adviser always.
    assert points(response) == ["netzwerk-migration", "saz-schwerin", "ihk-rostock", "video-beratung"]
    assert response.context["next_step"].title.startswith("Eigenes Unternehmen führen")


def test_business_owner_without_languages_gets_start_up_advice_first(client, rostock):
    response = result(client, **BUSINESS)

    assert titles(response) == ["Gründungsseminar Gastronomie", "Unternehmensführung auf Arabisch"]
    assert points(response) == ["netzwerk-migration", "ihk-rostock", "saz-schwerin", "video-beratung"]


def test_recognition_route_names_adaptation_courses_recognition_advice_and_the_responsible_body(client, rostock):
    response = result(client, **RECOGNITION, languages="ar", occupation=OccupationFactory(slug="koch").slug)
    body = response.content.decode()

    assert titles(response) == ["Anpassungsqualifizierung Koch/Köchin"]
    assert points(response) == ["netzwerk-migration", "saz-schwerin", "video-beratung"]
    assert "IHK FOSA (Foreign Skills Approval) in Nürnberg" in body
    assert response.context["responsible_body"].name == "IHK FOSA (Foreign Skills Approval) in Nürnberg"


def test_recognition_body_of_a_craft_is_the_regional_chamber_of_crafts(client, rostock):
    baker = OccupationFactory(slug="zweiradmechaniker-test", name="Zweiradmechatroniker/in (Test)", chamber="hwk")

    response = result(client, **RECOGNITION, occupation=baker.slug)

    assert response.context["responsible_body"].name == "die Handwerkskammer Ihrer Region"


def test_contact_points_stop_at_the_distance_cap(client, rostock, settings):
    settings.GUIDE_CONTACT_POINT_MAX_KM = 50

    response = result(client, **BUSINESS, languages="ar")

    # Schwerin (69 km) and Stuttgart (623 km) are out; the adviser by phone or video stays.
    assert points(response) == ["netzwerk-migration", "ihk-rostock", "video-beratung"]


def test_a_far_contact_point_speaking_the_language_is_never_named(client, rostock, settings):
    settings.GUIDE_CONTACT_POINT_MAX_KM = 75

    response = result(client, **BUSINESS, languages="ar")

    assert "lotsendienst-stuttgart" not in points(response)


def test_unknown_language_is_dropped_with_a_message(client, rostock):
    response = result(client, **BUSINESS, languages="xx")

    assert "Diese Sprache kennen wir nicht; wir zeigen alle Sprachen." in response.content.decode()
    assert titles(response) == ["Gründungsseminar Gastronomie", "Unternehmensführung auf Arabisch"]


def test_guide_asks_for_languages_with_a_label(client, db):
    body = client.get(reverse("guide:start")).content.decode()

    assert "Welche Sprachen sprechen Sie?" in body
    assert 'name="languages" value="ar"' in body
