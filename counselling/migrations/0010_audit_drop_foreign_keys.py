"""The audit entries' foreign keys go, after 0005 copied their values in a transaction of its own."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("counselling", "0009_audit_copy_references")]

    operations = [
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
