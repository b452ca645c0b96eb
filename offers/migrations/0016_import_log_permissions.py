"""Partner editors and coordinators may read the import log (its admin scopes editors to their own partners)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Partnerredaktion", "Netzwerkkoordination"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; a fresh database needs this one now.
    app_config = apps.get_app_config("offers")
    original = getattr(app_config, "models_module", None)
    app_config.models_module = original or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = original
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.get(content_type__app_label="offers", codename="view_importlog")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(view)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*Permission.objects.filter(codename="view_importlog"))


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0015_offer_external_id_import_log"),
        ("partners", "0003_role_groups"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
