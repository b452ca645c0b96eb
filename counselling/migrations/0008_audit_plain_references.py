"""Audit entries reference offices, cases and records by plain values, so they outlive what they describe.
The values are copied in 0005 and the foreign keys dropped in 0006: PostgreSQL refuses index and constraint
changes in the transaction that changed the rows (pending trigger events)."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("counselling", "0007_case_status_changes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="office_pk",
            field=models.PositiveIntegerField(blank=True, db_index=True, null=True, verbose_name="Stelle (Nummer)"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="case_pk",
            field=models.PositiveIntegerField(blank=True, db_index=True, null=True, verbose_name="Fall (Nummer)"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="case_reference",
            field=models.CharField(blank=True, max_length=20, verbose_name="Aktenzeichen"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="object_type",
            field=models.CharField(
                choices=[
                    ("inquiry", "Anfrage"),
                    ("case", "Fall"),
                    ("session", "Beratungsgespräch"),
                    ("planstep", "Schritt im Qualifizierungsplan"),
                    ("referral", "Vermittlung"),
                    ("company", "Unternehmen"),
                    ("needsanalysis", "Bedarfsanalyse"),
                ],
                default="case",
                max_length=15,
                verbose_name="Art des Datensatzes",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditentry",
            name="object_pk",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="Datensatz (Nummer)"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="actor",
            field=models.CharField(blank=True, max_length=150, verbose_name="Wer"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="address",
            field=models.GenericIPAddressField(blank=True, null=True, verbose_name="Adresse"),
        ),
    ]
