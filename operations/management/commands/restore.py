import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import ENGINES, BackupError, check_restorable, engine, restore


class Command(BaseCommand):
    help = "Replaces every table of the database with a backup made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the backup file")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="do not ask for confirmation (scripts)"
        )

    def handle(self, *args, file: Path, interactive: bool = True, **options):
        try:
            check_restorable(file)
            if interactive and not self._confirmed(file):
                raise CommandError("Restore cancelled; nothing changed.")
            self.stdout.write(f"Restoring {file} into the {ENGINES[engine()]} database …")
            started = time.monotonic()
            restore(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Restored {file} in {time.monotonic() - started:.1f} s."))

    def _confirmed(self, file: Path) -> bool:
        answer = input(f"This replaces ALL data in the database with {file}. Type 'yes' to continue: ")
        return answer.strip().lower() == "yes"
