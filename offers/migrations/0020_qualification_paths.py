"""Qualification paths with their modules and the offers attached to them; the "Stand" of each funding programme's
rules. Coordinators keep the paths; partner editors attach their own offers to a module (docs/roles.md)."""

import datetime

import django.core.validators
import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

COORDINATOR = ["qualificationpath", "pathmodule", "moduleoffer"]
EDITOR = ["view_moduleoffer", "add_moduleoffer", "change_moduleoffer", "delete_moduleoffer"]
# The day the cost rules of these programmes were last checked against their legal basis.
RULES_CHECKED = datetime.date(2026, 11, 25)


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; a fresh database needs these now.
    app_config = apps.get_app_config("offers")
    original = getattr(app_config, "models_module", None)
    app_config.models_module = original or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = original
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    offers = Permission.objects.filter(content_type__app_label="offers")
    for group in Group.objects.filter(name="Netzwerkkoordination"):
        group.permissions.add(*offers.filter(content_type__model__in=COORDINATOR))
    for group in Group.objects.filter(name="Partnerredaktion"):
        group.permissions.add(*offers.filter(codename__in=EDITOR))
    apps.get_model("offers", "FundingProgramme").objects.update(rules_checked_on=RULES_CHECKED)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    paths = Permission.objects.filter(content_type__app_label="offers", content_type__model__in=COORDINATOR)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=["Netzwerkkoordination", "Partnerredaktion"]):
        group.permissions.remove(*paths)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0003_role_groups"),
        ("offers", "0019_import_log_source_problems"),
    ]

    operations = [
        migrations.CreateModel(
            name="QualificationPath",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("title", models.CharField(max_length=200, verbose_name="Titel")),
                ("slug", models.SlugField(max_length=120, unique=True, verbose_name="Kurzname in der Adresse")),
                ("qualification", models.CharField(max_length=200, verbose_name="Ziel-Abschluss")),
                (
                    "dqr_level",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1, "Das DQR-Niveau liegt zwischen 1 und 8."),
                            django.core.validators.MaxValueValidator(8, "Das DQR-Niveau liegt zwischen 1 und 8."),
                        ],
                        verbose_name="DQR-Niveau",
                    ),
                ),
                ("chamber", models.CharField(blank=True, max_length=200, verbose_name="Prüfende Kammer")),
                ("summary", models.CharField(max_length=300, verbose_name="Kurzbeschreibung")),
                ("description", models.TextField(blank=True, verbose_name="Beschreibung")),
                ("duration_text", models.CharField(blank=True, max_length=200, verbose_name="Dauer")),
                (
                    "exam",
                    models.TextField(
                        blank=True,
                        help_text="Zulassung, Form und Ort der Abschlussprüfung.",
                        verbose_name="Die Prüfung",
                    ),
                ),
                (
                    "example",
                    models.TextField(
                        blank=True,
                        help_text="Ein Beispiel, wie der Weg schon gefördert wurde; wird als Text gezeigt, nicht berechnet.",
                        verbose_name="Beispiel aus der Praxis",
                    ),
                ),
                ("published", models.BooleanField(default=False, verbose_name="veröffentlicht")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="geändert")),
            ],
            options={
                "verbose_name": "Qualifizierungsweg",
                "verbose_name_plural": "Qualifizierungswege",
                "ordering": ["title", "pk"],
            },
        ),
        migrations.AddField(
            model_name="fundingprogramme",
            name="rules_checked_on",
            field=models.DateField(
                blank=True,
                help_text="Wann die Fördersätze zuletzt an der Rechtsgrundlage geprüft wurden (zeigt der Kostenrechner).",
                null=True,
                verbose_name="Stand der Regeln",
            ),
        ),
        migrations.CreateModel(
            name="ModuleOffer",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "offer",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="module_links",
                        to="offers.offer",
                        verbose_name="Angebot",
                    ),
                ),
            ],
            options={
                "verbose_name": "Angebot zu einem Modul",
                "verbose_name_plural": "Angebote zu Modulen",
                "ordering": ["module", "offer__title", "pk"],
            },
        ),
        migrations.CreateModel(
            name="PathModule",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "position",
                    models.PositiveSmallIntegerField(
                        validators=[django.core.validators.MinValueValidator(1)], verbose_name="Reihenfolge"
                    ),
                ),
                ("title", models.CharField(max_length=200, verbose_name="Titel")),
                ("description", models.TextField(blank=True, verbose_name="Inhalt")),
                (
                    "offers",
                    models.ManyToManyField(
                        blank=True,
                        related_name="path_modules",
                        through="offers.ModuleOffer",
                        to="offers.offer",
                        verbose_name="Angebote",
                    ),
                ),
                (
                    "path",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="modules",
                        to="offers.qualificationpath",
                        verbose_name="Qualifizierungsweg",
                    ),
                ),
            ],
            options={
                "verbose_name": "Modul",
                "verbose_name_plural": "Module",
                "ordering": ["path", "position", "pk"],
            },
        ),
        migrations.AddField(
            model_name="moduleoffer",
            name="module",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="links",
                to="offers.pathmodule",
                verbose_name="Modul",
            ),
        ),
        migrations.AddConstraint(
            model_name="moduleoffer",
            constraint=models.UniqueConstraint(
                fields=("module", "offer"),
                name="moduleoffer_unique",
                violation_error_message="Dieses Angebot ist diesem Modul schon zugeordnet.",
            ),
        ),
        migrations.AddConstraint(
            model_name="pathmodule",
            constraint=models.UniqueConstraint(
                fields=("path", "position"),
                name="pathmodule_unique_position",
                violation_error_message="Dieser Weg hat schon ein Modul an dieser Stelle.",
            ),
        ),
        migrations.RunPython(grant, revoke),
    ]
