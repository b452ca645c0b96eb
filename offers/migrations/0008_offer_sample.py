"""A random sample number per offer (see Offer.sample) and, on PostgreSQL, the listed offers' filter and facet
columns keyed by it, so that counting a uniform sample of a very large search is an index range scan."""

from django.db import migrations, models

import offers.models

RANDOMISE = {
    "postgresql": "UPDATE offers_offer SET sample = floor(random() * 10000)::int",
    "sqlite": "UPDATE offers_offer SET sample = abs(random()) % 10000",
}
CREATE = (
    "CREATE INDEX IF NOT EXISTS offer_sample_cover_idx ON offers_offer (sample) "
    "INCLUDE (id, listed_until, provider_id, kind, leads_to_id, price, azav) WHERE status = 'published'"
)


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor in RANDOMISE:
        schema_editor.execute(RANDOMISE[vendor])
    if vendor == "postgresql":
        schema_editor.execute(CREATE)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS offer_sample_cover_idx")


class Migration(migrations.Migration):
    dependencies = [("offers", "0007_search_summary")]

    operations = [
        migrations.AddField(
            model_name="offer",
            name="sample",
            field=models.PositiveSmallIntegerField(default=offers.models.random_sample, editable=False),
        ),
        migrations.RunPython(forward, backward),
    ]
