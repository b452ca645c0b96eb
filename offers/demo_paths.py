"""Demo qualification paths (loaded by offers.demo after the offers): the amoN routes of the Schweriner
Ausbildungszentrum and the five-module TQ chain in Stuttgart. Idempotent: rows are found by slug and position."""

from offers.models import ModuleOffer, Offer, PathModule, QualificationPath

MACHINE_OPERATOR = {
    "slug": "maschinen-und-anlagenfuehrer-tq",
    "title": "Maschinen- und Anlagenführer/in über Teilqualifizierung",
    "qualification": "Maschinen- und Anlagenführer/in",
    "dqr_level": 3,
    "chamber": "Industrie- und Handelskammer (IHK)",
    "summary": "In fünf Modulen zum Berufsabschluss: jedes Modul endet mit einer Kompetenzfeststellung der IHK, am "
    "Ende steht die Externenprüfung.",
    "duration_text": "5 Module zu je rund 3 Monaten, auch mit Pausen dazwischen",
    "exam": "Externenprüfung vor der IHK (§ 45 Abs. 2 BBiG). Die Module zählen als Berufserfahrung im Beruf; "
    "über die Zulassung entscheidet die Kammer.",
    "example": "Beim Schweriner Ausbildungszentrum (amoN) haben 28 Beschäftigte eines Betriebs mit rund 1.000 "
    "Beschäftigten diesen Weg berufsbegleitend gemacht. Die Agentur für Arbeit trug 70 % der Kosten, der Betrieb "
    "30 %.",
    "modules": [
        ("Metallbearbeitung", ["tq-maschinen-anlagenfuehrer-tq1"]),
        ("Fertigungsanlagen einrichten", ["tq-maschinen-anlagenfuehrer-tq2"]),
        ("Steuerungstechnik", ["tq-maschinen-anlagenfuehrer-tq3"]),
        ("Instandhaltung", ["tq-maschinen-anlagenfuehrer-tq4"]),
        ("Qualitätssicherung", ["tq-maschinen-anlagenfuehrer-tq5"]),
    ],
}

MECHATRONICS = {
    "slug": "mechatroniker-externenpruefung",
    "title": "Mechatroniker/in – Vorbereitung auf die Externenprüfung",
    "qualification": "Mechatroniker/in",
    "dqr_level": 4,
    "chamber": "Industrie- und Handelskammer (IHK)",
    "summary": "Wer lange genug als Helfer/in in der Mechatronik gearbeitet hat, macht den Abschluss ohne "
    "Ausbildung: 18 Monate berufsbegleitend, eine Woche im Monat im Ausbildungszentrum.",
    "duration_text": "18 Monate Teilzeit, eine Woche im Monat",
    "exam": "Externenprüfung Mechatroniker/in vor der IHK. Zugelassen wird, wer mindestens das Eineinhalbfache der "
    "Ausbildungszeit (bei 3,5 Jahren: 63 Monate) im Beruf gearbeitet hat (§ 45 Abs. 2 BBiG); die Kammer "
    "entscheidet.",
    "example": "",
    "modules": [("Vorbereitung auf die Externenprüfung", ["externenpruefung-mechatroniker"])],
}

PATHS = [MACHINE_OPERATOR, MECHATRONICS]


def load(*, stdout) -> None:
    for data in PATHS:
        _load_path(data)
    stdout.write(f"Demo paths: {len(PATHS)}")


def _load_path(data: dict) -> QualificationPath:
    fields = {key: value for key, value in data.items() if key not in ("slug", "modules")}
    path, _created = QualificationPath.objects.update_or_create(
        slug=data["slug"], defaults={**fields, "published": True}
    )
    for position, (title, slugs) in enumerate(data["modules"], start=1):
        module, _created = PathModule.objects.update_or_create(path=path, position=position, defaults={"title": title})
        for offer in Offer.objects.filter(slug__in=slugs):
            ModuleOffer.objects.get_or_create(module=module, offer=offer)
    return path
