"""Postcode now belongs to places (places.0001 took over its table and rows); offers only forgets it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0009_run_current_cover"),
        ("places", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="Postcode")]),
    ]
