"""PostgreSQL: every offer's facet tokens written again, now with its sample bucket and the week of its next start
(facet_tokens.SAMPLE_BUCKET, START_WEEK), which a text search's counts and its start-date window read through the
index of migration 0030."""

from django.db import migrations
from django.utils import timezone

from offers.models import facet_tokens


def refresh(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        facet_tokens.refresh(apps.get_model("offers", "Offer").objects.all(), timezone.localdate())
        schema_editor.execute("ANALYZE offers_offer")


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0030_text_facets_gin"),
    ]

    operations = [
        migrations.RunPython(refresh, migrations.RunPython.noop),
    ]
