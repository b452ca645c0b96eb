"""In-house requests of companies and the log of who read them; the providers' editors may read and answer the
requests of their own offers (the admin scopes them by provider), nobody else but superusers (docs/roles.md)."""

# Generated on 2026-11-26 00:53

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

import places.validators

EDITOR = ["view_inhouserequest", "change_inhouserequest"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; a fresh database needs these now.
    app_config = apps.get_app_config("offers")
    original = getattr(app_config, "models_module", None)
    app_config.models_module = original or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = original
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="offers", codename__in=EDITOR)
    for group in apps.get_model("auth", "Group").objects.filter(name="Partnerredaktion"):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="offers", codename__in=EDITOR)
    for group in apps.get_model("auth", "Group").objects.filter(name="Partnerredaktion"):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0020_qualification_paths"),
        ("partners", "0006_optimistic_locking_version"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="InhouseRequest",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("company", models.CharField(max_length=200, verbose_name="Unternehmen")),
                ("contact_name", models.CharField(max_length=200, verbose_name="Ansprechperson")),
                ("email", models.EmailField(max_length=254, verbose_name="E-Mail")),
                (
                    "phone",
                    models.CharField(
                        blank=True, max_length=40, validators=[places.validators.validate_phone], verbose_name="Telefon"
                    ),
                ),
                (
                    "site_postcode",
                    models.CharField(
                        max_length=5,
                        validators=[places.validators.validate_postcode],
                        verbose_name="Postleitzahl des Standorts",
                    ),
                ),
                ("site_city", models.CharField(max_length=100, verbose_name="Ort des Standorts")),
                (
                    "participants",
                    models.PositiveIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1, "Bitte 1 bis 500 Teilnehmende angeben."),
                            django.core.validators.MaxValueValidator(500, "Bitte 1 bis 500 Teilnehmende angeben."),
                        ],
                        verbose_name="Zahl der Beschäftigten im Kurs",
                    ),
                ),
                ("period", models.CharField(blank=True, max_length=200, verbose_name="Gewünschter Zeitraum")),
                ("message", models.TextField(blank=True, verbose_name="Nachricht")),
                ("consent_given_at", models.DateTimeField(verbose_name="Einwilligung am")),
                ("consent_version", models.CharField(max_length=20, verbose_name="Fassung der Einwilligung")),
                ("token_hash", models.CharField(editable=False, max_length=64, unique=True)),
                (
                    "created_at",
                    models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="eingegangen"),
                ),
                ("answer_date", models.DateField(blank=True, null=True, verbose_name="Vorgeschlagener Termin")),
                (
                    "answer_price",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=9,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(
                                0, "Der Preis darf nicht negativ sein (0 = kostenlos)."
                            )
                        ],
                        verbose_name="Preis in Euro",
                    ),
                ),
                ("answer_text", models.TextField(blank=True, verbose_name="Antwort an das Unternehmen")),
                ("answered_at", models.DateTimeField(blank=True, null=True, verbose_name="beantwortet am")),
                (
                    "answered_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "counselling_office",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="partners.partner",
                        verbose_name="Auch an die Beratungsstelle",
                    ),
                ),
                (
                    "offer",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="inhouse_requests",
                        to="offers.offer",
                        verbose_name="Angebot",
                    ),
                ),
            ],
            options={
                "verbose_name": "Inhouse-Anfrage",
                "verbose_name_plural": "Inhouse-Anfragen",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="InhouseRequestRead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("actor", models.CharField(max_length=150, verbose_name="Wer")),
                ("at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="Zeitpunkt")),
                (
                    "action",
                    models.CharField(
                        choices=[("view", "angesehen"), ("answer", "beantwortet")], max_length=10, verbose_name="Aktion"
                    ),
                ),
                (
                    "request",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="reads", to="offers.inhouserequest"
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "Zugriff auf eine Inhouse-Anfrage",
                "verbose_name_plural": "Zugriffe auf Inhouse-Anfragen",
                "ordering": ["-at", "-pk"],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
