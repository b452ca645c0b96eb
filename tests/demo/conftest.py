"""Every test in this folder reads the demo network, loaded once for the whole folder (loading takes a second).

Each test runs in a savepoint inside the transaction that holds the demo (pytest-django's `db`), so what a test
changes is gone for the next one; the demo itself is rolled back after the folder's last test, before any other
folder's tests run. Tests that need a database without the demo (a loader skipping what is missing) live in the
folder of the app whose loader they test.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="package", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", force=True, stdout=StringIO())
        yield
        transaction.set_rollback(True)
