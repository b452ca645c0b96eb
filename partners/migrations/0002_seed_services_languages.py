from django.db import migrations

SERVICES = [
    ("qualifizierungsberatung", "Qualifizierungsberatung"),
    ("foerdermittelberatung", "Fördermittelberatung"),
    ("anerkennungsberatung", "Anerkennungsberatung"),
    ("weiterbildung", "Weiterbildung"),
    ("kompetenzfeststellung", "Kompetenzfeststellung"),
    ("personalentwicklungsberatung", "Personalentwicklungsberatung"),
    ("ausbildungsberatung", "Ausbildungsberatung"),
    ("pruefungen", "Prüfungen"),
    ("vermittlung", "Arbeitsvermittlung"),
    ("studienberatung", "Studienberatung"),
    ("gesundheitsfoerderung", "Betriebliche Gesundheitsförderung"),
]

LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "Englisch"),
    ("ar", "Arabisch"),
    ("tr", "Türkisch"),
    ("ru", "Russisch"),
    ("uk", "Ukrainisch"),
    ("pl", "Polnisch"),
    ("ro", "Rumänisch"),
    ("fa", "Persisch"),
    ("fr", "Französisch"),
    ("es", "Spanisch"),
    ("it", "Italienisch"),
    ("hr", "Kroatisch"),
    ("el", "Griechisch"),
    ("vi", "Vietnamesisch"),
]


def seed(apps, schema_editor):
    Service = apps.get_model("partners", "Service")
    Language = apps.get_model("partners", "Language")
    for slug, name in SERVICES:
        Service.objects.update_or_create(slug=slug, defaults={"name": name})
    for code, name in LANGUAGES:
        Language.objects.update_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
