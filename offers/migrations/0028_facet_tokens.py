"""Facet tokens (offers.models.facet_tokens): the column, its values for every offer and, on PostgreSQL, its GIN
index (built after the values, which is faster than keeping the index during the UPDATE)."""

import django.contrib.postgres.search
from django.db import migrations
from django.utils import timezone

from offers.models import facet_tokens


def fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    facet_tokens.refresh(apps.get_model("offers", "Offer").objects.all(), timezone.localdate())
    schema_editor.execute("CREATE INDEX IF NOT EXISTS offer_facet_tokens_gin ON offers_offer USING gin (facet_tokens)")
    schema_editor.execute("ANALYZE offers_offer")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS offer_facet_tokens_gin")


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0027_nameword"),
    ]

    operations = [
        migrations.AddField(
            model_name="offer",
            name="facet_tokens",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill, drop_index),
    ]
