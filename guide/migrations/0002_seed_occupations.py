"""The recognised occupations the Lotse's admission check offers: every occupation of docs/domain.md's table, which
covers the demo's Teilqualifizierung, Umschulung and Externenprüfung offers and the most common trades. Coordinators
keep them up to date in the admin; the regular periods follow each occupation's Ausbildungsordnung."""

from django.db import migrations

IHK, HWK, OTHER = "ihk", "hwk", "other"
# (slug, name, regular training period in months, examining chamber)
OCCUPATIONS = [
    ("anlagenmechaniker-shk", "Anlagenmechaniker/in für Sanitär-, Heizungs- und Klimatechnik", 42, HWK),
    ("baecker", "Bäcker/in", 36, HWK),
    ("berufskraftfahrer", "Berufskraftfahrer/in", 36, IHK),
    ("chemikant", "Chemikant/in", 42, IHK),
    ("dachdecker", "Dachdecker/in", 36, HWK),
    ("elektroniker-betriebstechnik", "Elektroniker/in für Betriebstechnik", 42, IHK),
    ("elektroniker-geraete-systeme", "Elektroniker/in für Geräte und Systeme", 42, IHK),
    ("elektroniker-handwerk", "Elektroniker/in (Handwerk)", 42, HWK),
    ("fachinformatiker", "Fachinformatiker/in", 36, IHK),
    ("fachkraft-gastronomie", "Fachkraft für Gastronomie", 24, IHK),
    ("fachkraft-kep", "Fachkraft für Kurier-, Express- und Postdienstleistungen", 24, IHK),
    ("fachkraft-lagerlogistik", "Fachkraft für Lagerlogistik", 36, IHK),
    ("fachkraft-metalltechnik", "Fachkraft für Metalltechnik", 24, IHK),
    ("fachkraft-schutz-sicherheit", "Fachkraft für Schutz und Sicherheit", 36, IHK),
    ("fachlagerist", "Fachlagerist/in", 24, IHK),
    ("fachverkaeufer-lebensmittelhandwerk", "Fachverkäufer/in im Lebensmittelhandwerk", 36, HWK),
    ("fahrzeuglackierer", "Fahrzeuglackierer/in", 36, HWK),
    ("friseur", "Friseur/in", 36, HWK),
    ("gaertner", "Gärtner/in", 36, OTHER),
    ("hochbaufacharbeiter", "Hochbaufacharbeiter/in", 24, HWK),
    ("hotelfachleute", "Hotelfachmann/Hotelfachfrau", 36, IHK),
    ("industriekaufleute", "Industriekaufmann/Industriekauffrau", 36, IHK),
    ("industriemechaniker", "Industriemechaniker/in", 42, IHK),
    ("kaufleute-bueromanagement", "Kaufmann/Kauffrau für Büromanagement", 36, IHK),
    ("kaufleute-dialogmarketing", "Kaufmann/Kauffrau für Dialogmarketing", 36, IHK),
    ("kaufleute-einzelhandel", "Kaufmann/Kauffrau im Einzelhandel", 36, IHK),
    ("kaufleute-gross-aussenhandel", "Kaufmann/Kauffrau im Groß- und Außenhandelsmanagement", 36, IHK),
    ("kaufleute-spedition-logistik", "Kaufmann/Kauffrau für Spedition und Logistikdienstleistung", 36, IHK),
    ("koch", "Koch/Köchin", 36, IHK),
    ("konstruktionsmechaniker", "Konstruktionsmechaniker/in", 42, IHK),
    ("kraftfahrzeugmechatroniker", "Kraftfahrzeugmechatroniker/in", 42, HWK),
    ("land-baumaschinenmechatroniker", "Land- und Baumaschinenmechatroniker/in", 42, HWK),
    ("maler-lackierer", "Maler/in und Lackierer/in", 36, HWK),
    ("maschinen-anlagenfuehrer", "Maschinen- und Anlagenführer/in", 24, IHK),
    ("maurer", "Maurer/in", 36, HWK),
    ("mechatroniker", "Mechatroniker/in", 42, IHK),
    ("medizinische-fachangestellte", "Medizinische/r Fachangestellte/r", 36, OTHER),
    ("metallbauer", "Metallbauer/in", 42, HWK),
    ("servicefachkraft-dialogmarketing", "Servicefachkraft für Dialogmarketing", 24, IHK),
    ("steuerfachangestellte", "Steuerfachangestellte/r", 36, OTHER),
    ("tischler", "Tischler/in", 36, HWK),
    ("verfahrensmechaniker-kunststoff", "Verfahrensmechaniker/in für Kunststoff- und Kautschuktechnik", 36, IHK),
    ("verkaeufer", "Verkäufer/in", 24, IHK),
    ("zahnmedizinische-fachangestellte", "Zahnmedizinische/r Fachangestellte/r", 36, OTHER),
    ("zerspanungsmechaniker", "Zerspanungsmechaniker/in", 42, IHK),
]


def seed(apps, schema_editor):
    Occupation = apps.get_model("guide", "Occupation")
    for slug, name, months, chamber in OCCUPATIONS:
        Occupation.objects.update_or_create(
            slug=slug, defaults={"name": name, "training_months": months, "chamber": chamber}
        )


def unseed(apps, schema_editor):
    apps.get_model("guide", "Occupation").objects.filter(slug__in=[row[0] for row in OCCUPATIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("guide", "0001_occupation")]
    operations = [migrations.RunPython(seed, unseed)]
