"""Seed the vocabularies (the qualification ladder, sectors, target groups and funding programmes of docs/domain.md).

Idempotent (update_or_create on the slug); coordinators edit the rows in the admin afterwards.
"""

from django.db import migrations

STEPS = [
    (
        "ohne-abschluss",
        "Ohne Berufsabschluss",
        "An- und Ungelernte, Menschen ohne anerkannten Berufsabschluss",
        "Berufsabschluss – über Teilqualifizierung, Externenprüfung oder Umschulung",
    ),
    (
        "fachkraft",
        "Fachkraft mit Berufsabschluss",
        "Fachkräfte mit abgeschlossener Berufsausbildung (DQR 3–4)",
        "Meister/in, Techniker/in oder Fachwirt/in (DQR 5–7)",
    ),
    (
        "aufstieg",
        "Meister, Techniker, Fachwirt",
        "Meister/innen, Techniker/innen, Fachwirt/innen und Berufsspezialist/innen",
        "Hochschulabschluss, zum Beispiel berufsbegleitend studieren",
    ),
    (
        "akademisch",
        "Hochschulabschluss",
        "Menschen mit Hochschulabschluss",
        "Spezialisierung und Weiterbildung im Beruf",
    ),
]

SECTORS = [
    ("automobil", "Automobilwirtschaft und Zulieferer"),
    ("maschinenbau", "Maschinen- und Anlagenbau"),
    ("metall-elektro", "Metall und Elektro"),
    ("kunststoff", "Kunststoff"),
    ("handwerk", "Handwerk"),
    ("pflege-gesundheit", "Pflege und Gesundheit"),
    ("handel-dienstleistung", "Handel und Dienstleistung"),
    ("logistik", "Logistik"),
    ("it-digitalisierung", "IT und Digitalisierung"),
    ("gastgewerbe", "Gastgewerbe"),
    ("bau", "Bau"),
    ("oeffentlicher-dienst-soziales", "Öffentlicher Dienst und Soziales"),
    ("branchenuebergreifend", "Branchenübergreifend"),
]

TARGET_GROUPS = [
    ("an-und-ungelernte", "An- und Ungelernte"),
    ("beschaeftigte-kmu", "Beschäftigte in KMU"),
    ("arbeitsuchende", "Arbeitsuchende"),
    ("migration", "Migrantinnen und Migranten / Menschen mit ausländischem Abschluss"),
    ("berufsrueckkehrende", "Frauen und Berufsrückkehrende"),
    ("aeltere-beschaeftigte", "Ältere Beschäftigte (45+)"),
    ("junge-erwachsene", "Junge Erwachsene"),
    ("studienabbrechende", "Studienabbrecherinnen und -abbrecher"),
    ("ausbildungspersonal", "Ausbildungspersonal und ausbildende Fachkräfte"),
    ("fuehrungskraefte", "Führungskräfte"),
    ("unternehmen", "Unternehmen / Personalverantwortliche"),
]

# slug, name, short name, sponsor, legal basis, eligible, pays, plain-language description, url, region, active
FUNDING = [
    (
        "bildungsgutschein",
        "Bildungsgutschein",
        "Bildungsgutschein",
        "Agentur für Arbeit / Jobcenter",
        "§ 81 SGB III",
        "Arbeitslose, von Arbeitslosigkeit Bedrohte und Menschen ohne Berufsabschluss – nach einem "
        "Beratungsgespräch bei der Agentur für Arbeit oder dem Jobcenter. Träger und Kurs müssen nach AZAV "
        "zugelassen sein.",
        "Die Kursgebühren, meist zu 100 %. Fahrtkosten und Kinderbetreuung im Einzelfall.",
        "Mit dem Bildungsgutschein bezahlt die Agentur für Arbeit oder das Jobcenter Ihre Weiterbildung. "
        "Sie bekommen ihn nach einem Beratungsgespräch, wenn die Weiterbildung Ihre Chancen auf Arbeit "
        "verbessert. Sie suchen sich dann einen zugelassenen Kurs aus.",
        "https://www.arbeitsagentur.de/karriere-und-weiterbildung/bildungsgutschein",
        "bund",
        True,
    ),
    (
        "qualifizierungschancengesetz",
        "Beschäftigtenförderung nach dem Qualifizierungschancengesetz",
        "Qualifizierungschancengesetz",
        "Agentur für Arbeit",
        "§ 82 SGB III",
        "Beschäftigte, deren letzter Berufsabschluss in der Regel mindestens zwei Jahre zurückliegt. Die "
        "Weiterbildung dauert mehr als 120 Stunden und ist nach AZAV zugelassen.",
        "Kursgebühren und ein Zuschuss zum Arbeitsentgelt, gestaffelt nach Betriebsgröße: unter 50 "
        "Beschäftigte bis zu 100 % der Kursgebühren; 50–499 Beschäftigte Arbeitgeberanteil 50 %; ab 500 "
        "Beschäftigten Arbeitgeberanteil 75 % (Stand prüfen).",
        "Ihr Betrieb möchte Beschäftigte weiterbilden, weil sich die Arbeit verändert? Dann kann die Agentur "
        "für Arbeit einen großen Teil der Kosten übernehmen und den Lohn während der Weiterbildung bezuschussen. "
        "Kleine Betriebe bekommen am meisten.",
        "https://www.arbeitsagentur.de/unternehmen/finanziell/foerderung-von-weiterbildung",
        "bund",
        True,
    ),
    (
        "teilqualifizierung",
        "Berufsabschlussbezogene Weiterbildung und Teilqualifizierung",
        "Teilqualifizierung",
        "Agentur für Arbeit / Jobcenter",
        "§§ 81, 82 SGB III",
        "Beschäftigte und Arbeitslose ohne anerkannten Berufsabschluss.",
        "Bis zu 100 % der Kursgebühren und ein Zuschuss zum Arbeitsentgelt.",
        "Wer keinen Berufsabschluss hat, kann ihn Schritt für Schritt nachholen: in Teilqualifizierungen, "
        "die jeweils einen Teil eines Ausbildungsberufs abdecken, oder in einer Umschulung. Am Ende steht die "
        "Prüfung bei der Kammer. Die Agentur für Arbeit kann das bezahlen.",
        "https://www.arbeitsagentur.de/karriere-und-weiterbildung/berufsabschluss-nachholen",
        "bund",
        True,
    ),
    (
        "qualifizierungsgeld",
        "Qualifizierungsgeld",
        "Qualifizierungsgeld",
        "Agentur für Arbeit",
        "§§ 82a–82c SGB III (seit April 2024)",
        "Arbeitgeber, deren Beschäftigte wegen des Strukturwandels umfassend weitergebildet werden müssen.",
        "60 % (mit Kind 67 %) des ausgefallenen Nettoentgelts als Lohnersatz während der Weiterbildung.",
        "Wenn ein großer Teil der Belegschaft wegen des Wandels – zum Beispiel in der Automobilindustrie – "
        "neu lernen muss, zahlt die Agentur für Arbeit während der Weiterbildung einen Lohnersatz, ähnlich "
        "dem Kurzarbeitergeld.",
        "https://www.arbeitsagentur.de/unternehmen/finanziell/qualifizierungsgeld",
        "bund",
        True,
    ),
    (
        "aufstiegs-bafoeg",
        "Aufstiegs-BAföG (AFBG)",
        "Aufstiegs-BAföG",
        "Bund und Länder",
        "Aufstiegsfortbildungsförderungsgesetz (AFBG)",
        "Menschen mit Berufsabschluss, ohne Altersgrenze, für eine Fortbildung mit mindestens 400 "
        "Unterrichtsstunden zum Meister, Techniker, Fachwirt oder vergleichbar.",
        "Lehrgangs- und Prüfungsgebühren: 50 % Zuschuss, der Rest als Darlehen, davon wird die Hälfte bei "
        "bestandener Prüfung erlassen. Bei Vollzeit zusätzlich Unterhalt (einkommensabhängig).",
        "Sie möchten Meisterin, Techniker oder Fachwirtin werden? Das Aufstiegs-BAföG zahlt die Hälfte der "
        "Kursgebühren als Geschenk. Für den Rest gibt es ein günstiges Darlehen – und wer die Prüfung besteht, "
        "muss davon nur die Hälfte zurückzahlen.",
        "https://www.aufstiegs-bafoeg.de",
        "bund",
        True,
    ),
    (
        "weiterbildungsstipendium",
        "Weiterbildungsstipendium",
        "Weiterbildungsstipendium",
        "BMBF / Stiftung Begabtenförderung berufliche Bildung (SBB)",
        "Programm des Bundes",
        "Junge Fachkräfte unter 25 Jahren bei Aufnahme mit einem sehr guten Berufsabschluss.",
        "Bis zu rund 2.000 € pro Jahr für drei Jahre, 10 % Eigenanteil (Stand prüfen).",
        "Wer die Ausbildung besonders gut abgeschlossen hat, kann sich Weiterbildungen über drei Jahre "
        "mitfinanzieren lassen. Die Bewerbung läuft über die Kammer.",
        "https://www.sbb-stipendien.de/weiterbildungsstipendium",
        "bund",
        True,
    ),
    (
        "aufstiegsstipendium",
        "Aufstiegsstipendium",
        "Aufstiegsstipendium",
        "BMBF / Stiftung Begabtenförderung berufliche Bildung (SBB)",
        "Programm des Bundes",
        "Berufserfahrene mit Berufsabschluss und mindestens zwei Jahren Berufspraxis, für ein erstes Studium.",
        "Eine monatliche Pauschale im Vollzeitstudium, einen Jahresbetrag im berufsbegleitenden Studium "
        "(Stand prüfen).",
        "Sie haben einen Beruf gelernt, arbeiten seit einigen Jahren und möchten jetzt studieren? Das "
        "Aufstiegsstipendium unterstützt Ihr erstes Studium – auch neben dem Beruf.",
        "https://www.sbb-stipendien.de/aufstiegsstipendium",
        "bund",
        True,
    ),
    (
        "esf-fachkurse-bw",
        "ESF Plus Fachkurse Baden-Württemberg",
        "ESF-Fachkurse BW",
        "Land Baden-Württemberg mit dem Europäischen Sozialfonds Plus",
        "ESF Plus 2021–2027",
        "Beschäftigte, besonders in kleinen und mittleren Unternehmen, Selbstständige, Berufsrückkehrende, "
        "Menschen ab 55 und Menschen ohne Berufsabschluss in Baden-Württemberg.",
        "30 bis 70 % der Kursgebühren für Kurse von 8 bis 160 Unterrichtseinheiten.",
        "In Baden-Württemberg sind viele kurze Fachkurse günstiger, weil das Land und die EU einen Teil "
        "der Gebühr übernehmen. Der Zuschuss wird direkt vom Preis abgezogen.",
        "https://www.fachkurs-bw.de",
        "bw",
        True,
    ),
    (
        "bildungszeit-bw",
        "Bildungszeit Baden-Württemberg",
        "Bildungszeit BW",
        "Land Baden-Württemberg",
        "Bildungszeitgesetz Baden-Württemberg (BzG BW)",
        "Beschäftigte in Baden-Württemberg nach zwölf Monaten im Betrieb.",
        "Bis zu fünf Arbeitstage bezahlte Freistellung im Jahr für anerkannte Weiterbildungen.",
        "Für eine anerkannte Weiterbildung dürfen Sie bis zu fünf Tage im Jahr bezahlt freinehmen. "
        "Beantragen Sie die Bildungszeit rechtzeitig bei Ihrem Arbeitgeber.",
        "https://wm.baden-wuerttemberg.de/de/arbeit/weiterbildung/bildungszeit",
        "bw",
        True,
    ),
    (
        "bildungsfreistellung-mv",
        "Bildungsfreistellung Mecklenburg-Vorpommern",
        "Bildungsfreistellung MV",
        "Land Mecklenburg-Vorpommern",
        "Bildungsfreistellungsgesetz M-V (BfG M-V)",
        "Beschäftigte in Mecklenburg-Vorpommern.",
        "Bis zu fünf Arbeitstage bezahlte Freistellung im Jahr für vom LAGuS anerkannte Veranstaltungen.",
        "In Mecklenburg-Vorpommern dürfen Sie für anerkannte Weiterbildungen bis zu fünf Tage im Jahr "
        "bezahlt freinehmen.",
        "https://www.lagus.mv-regierung.de",
        "mv",
        True,
    ),
    (
        "avgs",
        "Aktivierungs- und Vermittlungsgutschein (AVGS)",
        "AVGS",
        "Agentur für Arbeit / Jobcenter",
        "§ 45 SGB III",
        "Arbeitsuchende und Arbeitslose.",
        "Maßnahmen zur Aktivierung und beruflichen Eingliederung, zum Beispiel Coaching oder Kompetenzfeststellung.",
        "Mit dem AVGS bezahlt die Agentur für Arbeit oder das Jobcenter ein Coaching oder eine "
        "Standortbestimmung, die Ihnen den Weg in Arbeit erleichtert.",
        "https://www.arbeitsagentur.de/arbeitslos-arbeit-finden/aktivierungs-und-vermittlungsgutschein",
        "bund",
        True,
    ),
    (
        "wegebau",
        "WeGebAU (bis 2018)",
        "WeGebAU",
        "Bundesagentur für Arbeit",
        "Programm der BA (bis 2018)",
        "Geringqualifizierte und Beschäftigte ab 45 Jahren in KMU.",
        "Kursgebühren und Zuschuss zum Arbeitsentgelt.",
        "Das Programm gibt es nicht mehr. Es ist in der Beschäftigtenförderung nach § 82 SGB III "
        "(Qualifizierungschancengesetz) aufgegangen.",
        "https://www.arbeitsagentur.de",
        "bund",
        False,
    ),
]


def seed(apps, schema_editor):
    step_model = apps.get_model("offers", "QualificationStep")
    for order, (slug, name, who, next_step) in enumerate(STEPS, start=1):
        step_model.objects.update_or_create(
            slug=slug, defaults={"name": name, "who": who, "next_step": next_step, "order": order}
        )
    for model_name, rows in (("Sector", SECTORS), ("TargetGroup", TARGET_GROUPS)):
        model = apps.get_model("offers", model_name)
        for slug, name in rows:
            model.objects.update_or_create(slug=slug, defaults={"name": name})
    funding_model = apps.get_model("offers", "FundingProgramme")
    for slug, name, short, sponsor, basis, eligible, pays, description, url, region, active in FUNDING:
        funding_model.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "short_name": short,
                "sponsor": sponsor,
                "legal_basis": basis,
                "eligible": eligible,
                "pays": pays,
                "description": description,
                "url": url,
                "region": region,
                "active": active,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("offers", "0003_postgres_search")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
