import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from places.models import Postcode

BEFORE_THE_MOVE = [("offers", "0009_run_current_cover"), ("places", None)]


def _migrate(targets=None):
    """Migrates the test database to `targets` (default: the latest migrations); the models of that state."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state([target for target in targets if target[1]]).apps


@pytest.mark.django_db(transaction=True)
def test_postcode_rows_and_permissions_on_them_move_from_offers_to_places():
    old = _migrate(BEFORE_THE_MOVE)
    old.get_model("offers", "Postcode").objects.create(code="70173", city="Stuttgart", latitude=48.78, longitude=9.18)
    content_type, _ = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="offers", model="postcode"
    )
    permission, _ = old.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename="change_postcode", defaults={"name": "Can change Postleitzahl"}
    )
    old.get_model("auth", "Group").objects.create(name="Ortspflege").permissions.add(permission)

    _migrate()
    ContentType.objects.clear_cache()

    assert list(Postcode.objects.values_list("code", "city", "latitude", "longitude")) == [
        ("70173", "Stuttgart", 48.78, 9.18)
    ]
    moved = Group.objects.get(name="Ortspflege").permissions.values_list("content_type__app_label", "codename")
    assert list(moved) == [("places", "change_postcode")]
    assert Postcode._meta.db_table in connection.introspection.table_names()
    assert "offers_postcode" not in connection.introspection.table_names()
