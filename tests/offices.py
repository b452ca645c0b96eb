"""The two counselling offices of the desk and network tests, with their staff (conftest files import these)."""

import pytest

from tests import factories


@pytest.fixture
def office_s(db):
    return factories.OfficeFactory(slug="lotsendienst-stuttgart", name="Lotsendienst Stuttgart")


@pytest.fixture
def office_n(db):
    return factories.OfficeFactory(slug="schweriner-ausbildungszentrum", name="Schweriner Ausbildungszentrum e.V.")


@pytest.fixture
def counsellor_s(office_s):
    return factories.counsellor(office_s, username="beratung-stuttgart")


@pytest.fixture
def counsellor_n(office_n):
    return factories.counsellor(office_n, username="beratung-schwerin")


@pytest.fixture
def editor(office_s):
    return factories.editor(office_s, username="redaktion-ihk")
