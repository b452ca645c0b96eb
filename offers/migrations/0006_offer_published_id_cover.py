"""PostgreSQL only: the listed offers' filter and facet columns keyed by id, so that a search that starts from
runs or link rows (radius, text, link filters) checks and counts the offers they point to with index-only lookups
instead of fetching each wide offer row (1,000,000 offers are ~2 GB; this index is a few dozen MB)."""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS offer_published_id_cover_idx ON offers_offer (id) "
    "INCLUDE (listed_until, provider_id, kind, leads_to_id, price, azav) WHERE status = 'published'"
)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS offer_published_id_cover_idx")


class Migration(migrations.Migration):
    dependencies = [("offers", "0005_catalogue_version_listed_cover")]
    operations = [migrations.RunPython(forward, backward)]
