"""PostgreSQL: the text and the facet tokens in one GIN index, which replaces the text-only one.

A text search with filters, the sample a text search's counts read and the start-date window of its ranking are each
a condition on the text and one on the facet tokens (filters, sample buckets and start weeks are all tokens, see
offers.models.facet_tokens). With one index per column PostgreSQL read every match of the text from the table and
dropped most of them there where it underestimated the text: the sampled count of "Hygiene Pflege" at 1,000,000
offers visited 25,571 table pages for 2,179 sampled offers. Conditions on several columns of one GIN index are
intersected inside the index. A GIN index serves a condition on any one of its columns as well as a single-column
index, so the text-only index goes.
"""

from django.db import migrations

FORWARD = [
    "SET LOCAL maintenance_work_mem = '256MB'",
    "CREATE INDEX IF NOT EXISTS offer_text_facets_gin ON offers_offer USING gin (search_vector, facet_tokens)",
    "DROP INDEX IF EXISTS offer_search_vector_gin",
]
BACKWARD = [
    "CREATE INDEX IF NOT EXISTS offer_search_vector_gin ON offers_offer USING gin (search_vector)",
    "DROP INDEX IF EXISTS offer_text_facets_gin",
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
