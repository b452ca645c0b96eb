from dataclasses import dataclass

import pytest

from offers.models import Offer, Run
from partners.models import ContactPerson, Partner
from tests.conftest import verified_login
from tests.factories import ContactPersonFactory, OfferFactory, PartnerFactory, coordinator, counsellor, editor


@dataclass
class Network:
    """Two partners with the same kinds of rows, so anything that leaks from one to the other shows."""

    ihk: Partner
    saz: Partner
    ihk_contact: ContactPerson
    saz_contact: ContactPerson
    ihk_offer: Offer
    saz_offer: Offer
    ihk_run: Run
    saz_run: Run
    users: dict


@pytest.fixture
def network(db) -> Network:
    ihk = PartnerFactory(name="IHK Region Stuttgart", slug="ihk-region-stuttgart", kind=Partner.Kind.IHK)
    saz = PartnerFactory(name="Schweriner Ausbildungszentrum e.V.", slug="schweriner-ausbildungszentrum")
    ihk_offer, saz_offer = (
        OfferFactory(provider=ihk, title="IHK-Lehrgang"),
        OfferFactory(provider=saz, title="SAZ-Umschulung"),
    )
    users = {
        "redaktion-ihk": editor(ihk, username="redaktion-ihk"),
        "redaktion-saz": editor(saz, username="redaktion-saz"),
        "koordination": coordinator(username="koordination"),
        "beratung": counsellor(saz, username="beratung"),
        None: None,
    }
    return Network(
        ihk=ihk,
        saz=saz,
        ihk_contact=ContactPersonFactory(partner=ihk, name="Ines IHK"),
        saz_contact=ContactPersonFactory(partner=saz, name="Sven SAZ"),
        ihk_offer=ihk_offer,
        saz_offer=saz_offer,
        ihk_run=ihk_offer.runs.get(),
        saz_run=saz_offer.runs.get(),
        users=users,
    )


@pytest.fixture
def login(client):
    def _login(user):
        if user is not None:
            verified_login(client, user)
        return client

    return _login
