"""PostgreSQL: every offer's facet tokens get the thousandth of the sample range its sample number is in
(facet_tokens.FINE_BUCKET), which a text search's sampled counts read beside the hundredths. One token added to
each offer's tokens, rather than all of them written again (facet_tokens.refresh), which at a million offers would
read every link and run; this takes 3.5 minutes there. Every row is written anew, so until autovacuum has been
through the table the counts that read a covering index alone read the table too: `VACUUM (ANALYZE) offers_offer`
right after the migration spares them that (22 s at a million offers)."""

from django.db import migrations

# As facet_tokens writes it now (prefix "y", ten sample numbers a bucket), frozen here with the migration.
ADD_FINE_BUCKET = """
    UPDATE offers_offer
    SET facet_tokens = coalesce(facet_tokens, ''::tsvector) || array_to_tsvector(ARRAY['y' || (sample / 10)])
"""


def add_fine_bucket(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD_FINE_BUCKET)
        schema_editor.execute("ANALYZE offers_offer")


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0033_offer_start_cover_idx"),
    ]

    operations = [
        migrations.RunPython(add_fine_bucket, migrations.RunPython.noop),
    ]
