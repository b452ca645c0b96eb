"""PostgreSQL: every offer's facet tokens written again, now with the week of its next start (facet_tokens.START_WEEK),
which the start-date window of a text search reads (offers.search.soonest.in_window)."""

from django.db import migrations
from django.utils import timezone

from offers.models import facet_tokens


def refresh(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        facet_tokens.refresh(apps.get_model("offers", "Offer").objects.all(), timezone.localdate())
        schema_editor.execute("ANALYZE offers_offer")


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0030_text_facets_sample_gin"),
    ]

    operations = [
        migrations.RunPython(refresh, migrations.RunPython.noop),
    ]
