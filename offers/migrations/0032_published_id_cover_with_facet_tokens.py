"""PostgreSQL: the listed offers' covering index keyed by id (migration 0006) carries the facet tokens too, as the
sample's and the provider's did since migration 0029.

A radius search starts from the runs near the place and checks each offer they point to. Since the facet filters
read `facet_tokens`, each of those checks fetched the wide offer row for its tokens: at 1,000,000 offers a 25 km
search around Magdeburg or Stuttgart checked 12,000–67,000 offers that way, 110–130 ms in the database. With the
tokens in the index the checks are index-only (radius searches' slowest tenth 161 → 141 ms a request, the database's
share 126–134 → 108–116 ms). The index grows from 65 to 220 MB at that size; building it takes seconds.
"""

from django.db import migrations

NAME = "offer_published_id_cover_idx"
DEFINITION = "ON offers_offer (id) INCLUDE ({columns}) WHERE status = 'published'"
COLUMNS = "listed_until, provider_id, kind, leads_to_id, price, azav"


def _recreate(schema_editor, columns: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")
    schema_editor.execute(f"CREATE INDEX {NAME} " + DEFINITION.format(columns=columns))


def with_tokens(apps, schema_editor):
    _recreate(schema_editor, COLUMNS + ", facet_tokens")


def without_tokens(apps, schema_editor):
    _recreate(schema_editor, COLUMNS)


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0031_facet_tokens_sample_and_start_week"),
    ]

    operations = [
        migrations.RunPython(with_tokens, without_tokens),
    ]
