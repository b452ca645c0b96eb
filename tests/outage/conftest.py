"""Data and a broken database for the outage tests (docs/operations.md, "Outages")."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

from partners.models import Membership, Partner
from tests.conftest import commit_test_writes

CONNECTED_CURSOR = BaseDatabaseWrapper._cursor
REFUSED = 'connection to server at "192.0.2.3", port 5432 failed: Connection refused'


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def office(db) -> Partner:
    """A contact point with a counsellor: the request form offers only offices where someone reads the requests."""
    office = Partner.objects.create(
        slug="lotse-stuttgart", name="Lotsendienst Stuttgart", kind=Partner.Kind.BERATUNG, is_contact_point=True
    )
    user = get_user_model().objects.create_user(username="beraterin", password="demo")
    Membership.objects.create(user=user, partner=office, role=Membership.Role.COUNSELLOR)
    return office


@pytest.fixture
def counsellor(office):
    return get_user_model().objects.get(username="beraterin")


class DatabaseSwitch:
    """Makes every database access fail the way an unreachable server does, until `restore()`."""

    def fail_with(self, error_class=OperationalError) -> None:
        commit_test_writes()  # the test's data was committed before the server went away

        def refuse(*args, **kwargs):
            raise error_class(REFUSED)

        BaseDatabaseWrapper._cursor = refuse

    def restore(self) -> None:
        BaseDatabaseWrapper._cursor = CONNECTED_CURSOR


@pytest.fixture
def database(db):
    # Not monkeypatch: the switch must be restored before pytest-django rolls the test's transaction back.
    switch = DatabaseSwitch()
    yield switch
    switch.restore()


@pytest.fixture(params=[OperationalError, InterfaceError], ids=["operational", "interface"])
def database_down(database, request) -> DatabaseSwitch:
    database.fail_with(request.param)
    return database
