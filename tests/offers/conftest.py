import pytest

from tests.factories import ESSLINGEN, SCHWERIN, STUTTGART, ContactPersonFactory, PartnerFactory, PostcodeFactory


@pytest.fixture
def postcodes(db):
    return {place.postcode: PostcodeFactory(place=place) for place in (STUTTGART, SCHWERIN, ESSLINGEN)}


@pytest.fixture
def contact(db):
    partner = PartnerFactory(name="Schweriner Ausbildungszentrum e.V.")
    return ContactPersonFactory(partner=partner, name="Kerstin Wegner", position="Beratung")
