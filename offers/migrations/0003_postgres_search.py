"""PostgreSQL only: trigram extension, GIN indexes for full-text and typo-tolerant search.

On SQLite this migration does nothing; the search falls back to plain word matching there.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS offer_search_vector_gin ON offers_offer USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS offer_title_trgm_gin ON offers_offer USING gin (title gin_trgm_ops)",
    """
    UPDATE offers_offer o SET search_vector =
        setweight(to_tsvector('german', replace(coalesce(o.title, ''), '/', ' ')), 'A')
        || setweight(to_tsvector('german', replace(coalesce(o.summary, ''), '/', ' ')), 'B')
        || setweight(to_tsvector('german', replace(coalesce(o.description, ''), '/', ' ')), 'C')
        || setweight(to_tsvector('german', coalesce(p.name, '')), 'C')
    FROM partners_partner p WHERE p.id = o.provider_id
    """,
]
BACKWARD = [
    "DROP INDEX IF EXISTS offer_title_trgm_gin",
    "DROP INDEX IF EXISTS offer_search_vector_gin",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("offers", "0002_offer_dates_search_indexes")]
    operations = [migrations.RunPython(forward, backward)]
