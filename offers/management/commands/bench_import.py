"""python manage.py bench_import [--offers 10000] [--runs 25000]

Measures the bulk import (docs/import.md): writes a catalogue file in the import template for a partner of its own
("bench-import", created if missing, its offers replaced on every run), imports it, imports it again (nothing may
change) and prints the seconds of each step. Run it against a database of its own, never production."""

from __future__ import annotations

import datetime
import time

from django.core.management.base import BaseCommand

from offers.imports.service import import_file
from offers.imports.template import HEADERS
from offers.models import Offer
from partners.models import Partner
from tabular.write import to_csv

SLUG = "bench-import"
KINDS = ["Anpassungsweiterbildung", "Teilqualifizierung", "Umschulung", "Aufstiegsfortbildung"]
SECTORS = ["metall-elektro", "logistik|handwerk", "pflege-gesundheit", "it-digitalisierung"]


def bench_rows(offers: int, runs: int) -> list[list[str]]:
    """`offers` offers with `runs` runs spread over them as evenly as possible, one row per run."""
    start = datetime.date.today() + datetime.timedelta(days=30)
    rows = [HEADERS]
    for number in range(offers):
        count = runs // offers + (1 if number < runs % offers else 0)
        for index in range(max(count, 1)):
            rows.append([_cell(header, number, index, start) for header in HEADERS])
    return rows


def _cell(header: str, number: int, index: int, start: datetime.date) -> str:
    classroom = number % 2 == 0
    begins = start + datetime.timedelta(days=7 * index + number % 90)
    values = {
        "Kursnummer": f"B-{number:06d}",
        "Titel": f"Lehrgang {number} <Metall & Elektro>",
        "Kurzbeschreibung": f"Kurzbeschreibung des Lehrgangs {number}.",
        "Beschreibung": "Inhalte: Grundlagen, Praxis, Prüfungsvorbereitung. " * 5,
        "Art": KINDS[number % len(KINDS)],
        "Offen für": "ohne-abschluss|fachkraft",
        "Branchen": SECTORS[number % len(SECTORS)],
        "Förderprogramme": "bildungsgutschein" if number % 3 == 0 else "",
        "Preis": f"{1000 + number % 500},50",
        "AZAV": "ja" if number % 2 else "nein",
        "Beginn": begins.strftime("%d.%m.%Y"),
        "Ende": (begins + datetime.timedelta(days=60)).strftime("%d.%m.%Y"),
        "Zeitform": "Vollzeit" if index % 2 else "Teilzeit",
        "Lernform": "Präsenz" if classroom else "online-live",
        "PLZ": "70173" if classroom else "",
        "Ort": "Stuttgart" if classroom else "",
    }
    return values.get(header, "")


class Command(BaseCommand):
    help = "Misst den Import: erzeugt eine Katalogdatei, importiert sie zweimal und gibt die Zeiten aus."

    def add_arguments(self, parser):
        parser.add_argument("--offers", type=int, default=10_000)
        parser.add_argument("--runs", type=int, default=25_000)

    def handle(self, *args, offers: int, runs: int, **options):
        partner, _created = Partner.objects.get_or_create(slug=SLUG, defaults={"name": "Benchmark Import"})
        Offer.objects.filter(provider=partner).delete()
        data = to_csv(bench_rows(offers, runs))
        self.stdout.write(f"Datei: {offers} Angebote, {runs} Termine, {len(data) / 1024 / 1024:.1f} MB")
        for label in ("erster Import", "derselbe Import noch einmal"):
            began = time.perf_counter()
            result, log = import_file(data=data, partner=partner, complete=True, by=None, file_name="bench.csv")
            seconds = time.perf_counter() - began
            if log is None:
                self.stderr.write(f"{len(result.problems)} Probleme, zuerst: {result.problems[0]}")
                return
            self.stdout.write(f"{label}: {seconds:.1f} s ({result.plan.counts})")
