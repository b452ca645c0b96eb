"""PostgreSQL: the text, the facet tokens and the sample number in one GIN index (btree_gin indexes the number).

A text search's counts read a sample of its matches. With the text and the sample in separate indexes PostgreSQL
read every match from the table and dropped the rows outside the sample there: "Hygiene Pflege" at 1,000,000
offers visited 25,571 table pages to count 2,179 sampled offers (89 ms). Conditions on several columns of one GIN
index are intersected inside the index, so only the sampled matches are read (2,175 pages, 30 ms); a text with
facet filters likewise (1,260 → 1,123 pages, 24 → 8 ms). The index replaces the text-only one: a GIN index serves a
condition on any of its columns as well as a single-column index.

The sample bound must be a smallint (offers.search.estimates.sampled): btree_gin has no operator comparing the
smallint column with an integer, and PostgreSQL would leave the bound to the table again.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "SET LOCAL maintenance_work_mem = '256MB'",
    "CREATE INDEX IF NOT EXISTS offer_text_facets_sample_gin ON offers_offer "
    "USING gin (search_vector, facet_tokens, sample)",
    "DROP INDEX IF EXISTS offer_search_vector_gin",
]
BACKWARD = [
    "CREATE INDEX IF NOT EXISTS offer_search_vector_gin ON offers_offer USING gin (search_vector)",
    "DROP INDEX IF EXISTS offer_text_facets_sample_gin",
]


def _run(statements: list[str]):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0029_cover_indexes_with_facet_tokens"),
    ]

    operations = [
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]
