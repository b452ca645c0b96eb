"""The three role groups with exactly the permissions each role needs."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = [
    "offers.view_offer",
    "offers.add_offer",
    "offers.change_offer",
    "offers.view_run",
    "offers.add_run",
    "offers.change_run",
    "partners.view_partner",
    "partners.change_partner",
    "partners.view_contactperson",
    "partners.add_contactperson",
    "partners.change_contactperson",
]
CRUD = ("view", "add", "change", "delete")
COORDINATED_MODELS = [
    "offers.offer",
    "offers.run",
    "offers.qualificationstep",
    "offers.sector",
    "offers.targetgroup",
    "offers.fundingprogramme",
    "offers.postcode",
    "partners.partner",
    "partners.contactperson",
    "partners.membership",
    "partners.service",
    "partners.language",
    "auth.user",
]
# Group permissions stay view-only: a coordinator who could edit a group could grant herself counselling rights.
COORDINATOR = [f"{m.split('.')[0]}.{a}_{m.split('.')[1]}" for m in COORDINATED_MODELS for a in CRUD] + [
    "auth.view_group"
]
GROUPS = {"Partnerredaktion": EDITOR, "Beratung": [], "Netzwerkkoordination": COORDINATOR}


def ensure_permissions(apps):
    # Permissions are normally created after all migrations ran; a fresh database needs them now.
    for app_config in apps.get_app_configs():
        original = getattr(app_config, "models_module", None)
        app_config.models_module = original or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = original


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(wanted)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0002_seed_services_languages"),
        ("offers", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_groups, remove_groups)]
