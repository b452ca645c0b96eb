from django.db import migrations

# PostgreSQL only (like offer_listed_cover_idx): a partner's profile (docs/urls.md) reads its page of offers in start
# order and counts its facets from this provider's entries alone, instead of filtering every listed offer.
PROVIDER_COVER = (
    "CREATE INDEX IF NOT EXISTS offer_provider_cover_idx ON offers_offer (provider_id, next_start, id) "
    "INCLUDE (listed_until, kind, leads_to_id, price, azav) WHERE status = 'published'"
)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PROVIDER_COVER)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS offer_provider_cover_idx")


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0012_funding_programme_updated_at"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
