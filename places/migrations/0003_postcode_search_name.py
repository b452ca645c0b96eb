from django.db import migrations, models

import places.validators
from places.districts import district_code, district_name
from places.names import search_key


def fill_search_names_and_districts(apps, schema_editor):
    """Rows imported before: the search key and, from the shipped mapping, the district."""
    Postcode = apps.get_model("places", "Postcode")
    rows = list(Postcode.objects.all())
    for row in rows:
        row.search_name = search_key(row.city)
        row.district_code = row.district_code or district_code(row.code)
        row.district = row.district or district_name(row.district_code)
    Postcode.objects.bulk_update(rows, ["search_name", "district_code", "district"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("places", "0002_postcode_district"),
    ]

    operations = [
        migrations.AddField(
            model_name="postcode",
            name="search_name",
            field=models.CharField(db_index=True, default="", editable=False, max_length=100),
        ),
        migrations.RunPython(fill_search_names_and_districts, migrations.RunPython.noop),
        # The table's own codes are checked for their form only: a new postcode is not in the table yet.
        migrations.AlterField(
            model_name="postcode",
            name="code",
            field=models.CharField(
                db_index=True,
                max_length=5,
                validators=[places.validators.validate_postcode_format],
                verbose_name="Postleitzahl",
            ),
        ),
    ]
