from django.core.management.base import BaseCommand, CommandError

from places.geonames import PostcodeFileError, import_postcodes


class Command(BaseCommand):
    help = "Loads German postcodes with coordinates from a GeoNames postal-code file (tab-separated, e.g. DE.txt)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="path to the GeoNames file")

    def handle(self, *args, file: str, **options):
        try:
            result = import_postcodes(file)
        except PostcodeFileError as exc:
            for line in exc.bad_lines:
                self.stderr.write(line)
            raise CommandError(str(exc)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Postleitzahlen: {result.created} neu, {result.updated} aktualisiert, {result.unchanged} unverändert."
            )
        )
