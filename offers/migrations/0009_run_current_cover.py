"""PostgreSQL only: a run's "current" columns, facet columns and place keyed by its offer, so that the facet counts
and the nearest-venue distance read the runs of the counted offers with index-only lookups instead of fetching each
run row; and the same columns keyed by place, so that a radius search finds its runs without fetching them."""

from django.db import migrations

CREATE = [
    "CREATE INDEX IF NOT EXISTS run_offer_current_cover_idx ON offers_run (offer_id) "
    "INCLUDE (status, rolling_start, start_date, end_date, learning_form, schedule, latitude, longitude)",
    "CREATE INDEX IF NOT EXISTS run_place_cover_idx ON offers_run (latitude, longitude) "
    "INCLUDE (offer_id, status, rolling_start, start_date, end_date)",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS run_place_cover_idx")
        schema_editor.execute("DROP INDEX IF EXISTS run_offer_current_cover_idx")


class Migration(migrations.Migration):
    dependencies = [("offers", "0008_offer_sample")]

    operations = [migrations.RunPython(forward, backward)]
