import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0011_run_postcode_validator"),
    ]

    operations = [
        migrations.AddField(
            model_name="fundingprogramme",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now, verbose_name="geändert"),
            preserve_default=False,
        ),
    ]
