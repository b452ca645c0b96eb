"""Coordinators keep the occupations table (docs/roles.md); editors and counsellors get no permission on it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATOR_GROUP = "Netzwerkkoordination"
CODENAMES = ["view_occupation", "add_occupation", "change_occupation", "delete_occupation"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; a fresh database needs them now.
    app_config = apps.get_app_config("guide")
    original = getattr(app_config, "models_module", None)
    app_config.models_module = original or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = original
    group = apps.get_model("auth", "Group").objects.get(name=COORDINATOR_GROUP)
    Permission = apps.get_model("auth", "Permission")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="guide", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.get(name=COORDINATOR_GROUP)
    Permission = apps.get_model("auth", "Permission")
    group.permissions.remove(*Permission.objects.filter(content_type__app_label="guide", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("guide", "0002_seed_occupations"),
        ("partners", "0003_role_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
