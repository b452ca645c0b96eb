"""Audit entries reference offices, cases and records by plain values, so they outlive what they describe."""

import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_references(apps, schema_editor):
    AuditEntry = apps.get_model("counselling", "AuditEntry")
    Case = apps.get_model("counselling", "Case")
    reference = Subquery(Case.objects.filter(pk=OuterRef("case_id")).values("reference")[:1])
    AuditEntry.objects.update(
        office_pk=models.F("office_id"), case_pk=models.F("case_id"), object_pk=models.F("case_id")
    )
    AuditEntry.objects.filter(case__isnull=False).update(case_reference=reference, object_type="case")
    # Entries without a case were written for requests and companies; the old text does not say which.
    AuditEntry.objects.filter(case__isnull=True).update(object_type="inquiry")


class Migration(migrations.Migration):
    dependencies = [
        ("counselling", "0003_inquiry_status_without_assigned"),
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
        migrations.RunPython(copy_references, migrations.RunPython.noop),
        migrations.RemoveField(model_name="auditentry", name="case"),
        migrations.RemoveField(model_name="auditentry", name="office"),
        migrations.AlterField(
            model_name="auditentry",
            name="action",
            field=models.CharField(
                choices=[
                    ("view", "angesehen"),
                    ("create", "angelegt"),
                    ("change", "geändert"),
                    ("status", "Status geändert"),
                    ("export", "exportiert"),
                    ("anonymise", "anonymisiert"),
                    ("delete", "gelöscht"),
                ],
                max_length=10,
                verbose_name="Aktion",
            ),
        ),
        migrations.AlterField(
            model_name="auditentry",
            name="at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="Zeitpunkt"),
        ),
    ]
