"""Postcode moves here from offers with its rows: the model changes app in the migration state only, then its table
is renamed (offers_postcode → places_postcode), and its content type follows, so the permissions the role groups hold
on it stay attached."""

from django.db import migrations, models

import places.validators


def hand_over_content_type(apps, schema_editor, source="offers", target="places"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    # On a database whose content types were never created (they are made after the migrations), nothing to do.
    if not ContentType.objects.filter(app_label=target, model="postcode").exists():
        ContentType.objects.filter(app_label=source, model="postcode").update(app_label=target)


def hand_back_content_type(apps, schema_editor):
    hand_over_content_type(apps, schema_editor, source="places", target="offers")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("offers", "0009_run_current_cover"),
        # The role groups' migration creates the permissions on offers.postcode that this one hands over.
        ("partners", "0003_role_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Postcode",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "code",
                            models.CharField(
                                db_index=True,
                                max_length=5,
                                validators=[places.validators.validate_postcode],
                                verbose_name="Postleitzahl",
                            ),
                        ),
                        ("city", models.CharField(db_index=True, max_length=100, verbose_name="Ort")),
                        ("latitude", models.FloatField(verbose_name="Breitengrad")),
                        ("longitude", models.FloatField(verbose_name="Längengrad")),
                    ],
                    options={
                        "verbose_name": "Postleitzahl",
                        "verbose_name_plural": "Postleitzahlen",
                        "ordering": ["code", "city"],
                        "constraints": [models.UniqueConstraint(fields=("code", "city"), name="unique_postcode_city")],
                        "db_table": "offers_postcode",
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="postcode", table=None),
        migrations.RunPython(hand_over_content_type, hand_back_content_type),
    ]
