from django.core.management.base import BaseCommand, CommandError

from places.geonames import BUNDLED_FILE, PostcodeFileError, import_postcodes


class Command(BaseCommand):
    help = (
        "Loads German postcodes with coordinates and districts: the full list shipped with the portal (--bundled) "
        "and/or GeoNames postal-code files (tab-separated, e.g. DE.txt); a later file wins."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="paths to GeoNames files")
        parser.add_argument("--bundled", action="store_true", help="the full German list in places/data (offline)")

    def handle(self, *args, files: list[str], bundled: bool, **options):
        paths = ([BUNDLED_FILE] if bundled else []) + files
        if not paths:
            raise CommandError("Bitte eine GeoNames-Datei angeben oder --bundled für die mitgelieferte Liste.")
        try:
            result = import_postcodes(*paths)
        except PostcodeFileError as exc:
            for line in exc.bad_lines:
                self.stderr.write(line)
            raise CommandError(str(exc)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Postleitzahlen: {result.created} neu, {result.updated} aktualisiert, {result.unchanged} unverändert."
            )
        )
