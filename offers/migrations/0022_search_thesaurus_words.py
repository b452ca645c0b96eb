"""The search's own vocabulary: the thesaurus (seeded, kept by coordinators) and the words table with its index.

On PostgreSQL the words table gets a trigram GIN index (close spellings, words containing a query word) and is
filled from the existing offers; on SQLite the two FTS5 tables are created and filled (offers.textsearch.sqlite).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations, models

from offers.textsearch import postgres, sqlite
from offers.textsearch.words import stems

COORDINATOR_GROUP = "Netzwerkkoordination"
CODENAMES = ["view_thesaurusentry", "add_thesaurusentry", "change_thesaurusentry", "delete_thesaurusentry"]
# (term, synonyms, broader terms)
SEED = [
    ("Staplerschein", "Gabelstapler, Staplerführerschein", "Flurförderzeug"),
    ("Staplerführerschein", "Gabelstapler, Staplerschein", ""),
    ("Altenpflege", "Altenpfleger, Pflegehilfe", "Pflege"),
    ("Pflegehelfer", "Pflegehilfe, Pflegeassistenz", "Pflege"),
    ("Buchhaltung", "Finanzbuchhaltung, Lohnbuchhaltung", "Rechnungswesen"),
    ("Kalkulation", "Preiskalkulation", "Rechnungswesen"),
    ("Existenzgründung", "Gründung, Gründungsseminar", "Selbstständigkeit"),
    ("Ausbilderschein", "Ausbildereignung, AEVO", ""),
    ("Schweißer", "Schweißen", ""),
    ("Elektriker", "Elektroniker, Elektrotechnik", ""),
    ("Lagerist", "Lagerlogistik, Fachlagerist", "Logistik"),
    ("Computerkurs", "Digitale Grundbildung, Excel", "EDV"),
    ("Bewerbungstraining", "Bewerbungscoaching", ""),
    ("Berufsanerkennung", "Anerkennung, Anerkennungsberatung", ""),
    ("Sprachkurs", "Deutsch", ""),
    ("Kfz", "Fahrzeugtechnik", ""),
]
WORDS_INDEX = "CREATE INDEX IF NOT EXISTS offers_searchword_trgm_gin ON offers_searchword USING gin (word gin_trgm_ops)"


def seed(apps, schema_editor):
    Entry = apps.get_model("offers", "ThesaurusEntry")
    for term, synonyms, broader in SEED:
        defaults = {"synonyms": synonyms, "broader_terms": broader, "key": " ".join(stems(term))}
        Entry.objects.get_or_create(term=term, defaults=defaults)


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; a fresh database needs them now.
    app_config = apps.get_app_config("offers")
    original = getattr(app_config, "models_module", None)
    app_config.models_module = original or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = original
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="offers", codename__in=CODENAMES)
    for group in Group.objects.filter(name=COORDINATOR_GROUP):
        group.permissions.add(*permissions)


def build_index(apps, schema_editor):
    offers = apps.get_model("offers", "Offer").objects.all()
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(WORDS_INDEX)
        postgres.collect_words(offers)
        return
    for statement in sqlite.CREATE:
        schema_editor.execute(statement)
    sqlite.write(offers)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        for statement in sqlite.DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0021_inhouse_requests"),
        ("partners", "0003_role_groups"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("word", models.CharField(max_length=60, primary_key=True, serialize=False)),
            ],
            options={
                "verbose_name": "Suchwort",
                "verbose_name_plural": "Suchwörter",
            },
        ),
        migrations.CreateModel(
            name="ThesaurusEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("term", models.CharField(max_length=100, unique=True, verbose_name="Suchbegriff")),
                (
                    "synonyms",
                    models.TextField(
                        blank=True,
                        help_text="Mehrere durch Komma getrennt, z. B. „Gabelstapler, Flurförderzeug“.",
                        verbose_name="Synonyme",
                    ),
                ),
                (
                    "broader_terms",
                    models.TextField(
                        blank=True,
                        help_text="Mehrere durch Komma getrennt, z. B. „Pflege“.",
                        verbose_name="Oberbegriffe",
                    ),
                ),
                ("key", models.CharField(db_index=True, editable=False, max_length=200)),
            ],
            options={
                "verbose_name": "Thesaurus-Eintrag",
                "verbose_name_plural": "Thesaurus",
                "ordering": ["term"],
            },
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
        migrations.RunPython(build_index, drop_index),
    ]
