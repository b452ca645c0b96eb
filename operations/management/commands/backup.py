import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from operations.backup import ENGINES, SUFFIX, BackupError, backup, engine


class Command(BaseCommand):
    help = "Backs up the database: PostgreSQL with pg_dump (custom format), SQLite with its online backup API."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, help="file to write (default: lotsendienst-<date and time>.<suffix>)"
        )

    def handle(self, *args, output: Path | None = None, **options):
        try:
            vendor = engine()
            path = output or Path(f"lotsendienst-{timezone.localtime():%Y-%m-%dT%H%M%S}.{SUFFIX[vendor]}")
            self.stdout.write(f"Backing up the {ENGINES[vendor]} database to {path} …")
            started = time.monotonic()
            backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        size = path.stat().st_size / 1_000_000
        self.stdout.write(
            self.style.SUCCESS(f"Backup written: {path} ({size:.1f} MB in {time.monotonic() - started:.1f} s).")
        )
