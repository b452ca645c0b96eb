"""NameWord: the stems of place and provider names, which the search asks about instead of reading every name."""

from django.db import migrations, models

from offers.textsearch.words import stems


def fill(apps, schema_editor):
    NameWord = apps.get_model("offers", "NameWord")
    Postcode = apps.get_model("places", "Postcode")
    Partner = apps.get_model("partners", "Partner")
    for kind, texts in (
        ("place", Postcode.objects.values_list("city", flat=True).distinct().iterator()),
        ("provider", Partner.objects.values_list("name", flat=True).iterator()),
    ):
        words = {stem for text in texts for stem in stems(text) if len(stem) <= 60}
        NameWord.objects.bulk_create(
            [NameWord(word=word, kind=kind) for word in sorted(words)], ignore_conflicts=True, batch_size=1000
        )


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0026_vocabulary_text_translations"),
        ("partners", "0009_vocabulary_translations"),
        ("places", "0003_postcode_search_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="NameWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=60)),
                (
                    "kind",
                    models.CharField(choices=[("place", "Ort"), ("provider", "Anbieter")], max_length=10),
                ),
            ],
            options={"verbose_name": "Namenswort", "verbose_name_plural": "Namenswörter"},
        ),
        migrations.AddConstraint(
            model_name="nameword",
            constraint=models.UniqueConstraint(fields=("word", "kind"), name="offers_nameword_unique"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
