import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from counselling.models import AuditEntry

BEFORE = [("counselling", "0003_inquiry_status_without_assigned"), ("partners", "0004_postcode_validator")]


def _migrate(targets=None):
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_audit_entries_keep_their_office_case_and_reference_as_plain_values():
    old = _migrate(BEFORE)
    office = old.get_model("partners", "Partner").objects.create(name="Stelle", slug="stelle")
    case = old.get_model("counselling", "Case").objects.create(
        office=office, reference="B-2026-ABC123", name="X", consent_given_at="2026-01-01T00:00Z", consent_version="1"
    )
    entries = old.get_model("counselling", "AuditEntry").objects
    entries.create(office=office, case=case, action="view")
    entries.create(office=office, action="change", what="Anfrage 7 erledigt")

    _migrate()

    rows = AuditEntry.objects.order_by("pk").values_list("office_pk", "case_pk", "case_reference", "object_type")
    assert list(rows) == [
        (office.pk, case.pk, "B-2026-ABC123", "case"),
        (office.pk, None, "", "inquiry"),
    ]
