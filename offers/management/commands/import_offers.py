"""python manage.py import_offers FILE --partner SLUG [--dry-run] [--archive-missing] [--user NAME]

The admin's import from the command line (docs/import.md): the same checks, the same report, the same writes."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from offers.imports.report import counts_line, report_lines
from offers.imports.service import import_file, preview
from partners.models import Partner


class Command(BaseCommand):
    help = (
        "Importiert den Angebotskatalog eines Anbieters aus CSV oder XLSX in der Importvorlage oder aus open-Qcat-XML."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--partner", required=True, help="Kurzname (slug) des Anbieters")
        parser.add_argument("--dry-run", action="store_true", help="nur prüfen und die Vorschau zeigen")
        parser.add_argument("--archive-missing", action="store_true", help="die Datei ist vollständig")
        parser.add_argument("--user", help="Benutzername, der in der Versionsgeschichte steht")

    def handle(self, *args, file: Path, partner: str, dry_run: bool, archive_missing: bool, user, **options):
        provider = Partner.objects.filter(slug=partner).first()
        if provider is None:
            raise CommandError(_("Keinen Anbieter mit dem Kurznamen „%(slug)s“ gefunden.") % {"slug": partner})
        by = get_user_model().objects.filter(username=user).first() if user else None
        if user and by is None:
            raise CommandError(_("Kein Konto „%(user)s“.") % {"user": user})
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(_("Die Datei lässt sich nicht lesen: %(error)s") % {"error": error}) from error
        if dry_run:
            result, log = preview(data=data, partner=provider, complete=archive_missing), None
        else:
            result, log = import_file(
                data=data, partner=provider, complete=archive_missing, by=by, file_name=file.name,
                progress=self.progress,
            )  # fmt: skip
        self.finish(result, log, dry_run)

    def progress(self, done: int, total: int) -> None:
        if done == total or done % 100 == 0:
            width = 30
            bar = "#" * (width * done // max(total, 1))
            self.stdout.write(f"\r[{bar:<{width}}] {done}/{total}", ending="")
            if done == total:
                self.stdout.write("")
            self.stdout.flush()

    def finish(self, result, log, dry_run: bool) -> None:
        if result.problems:
            for line in report_lines(result.problems):
                self.stderr.write(line)
            count = len(result.problems)
            message = ngettext(
                "%(count)s Problem – es wurde nichts gespeichert.",
                "%(count)s Probleme – es wurde nichts gespeichert.",
                count,
            )
            raise CommandError(message % {"count": count})
        counts = counts_line(result.plan.counts)
        if dry_run:
            self.stdout.write(_("Vorschau (nichts gespeichert): %(counts)s.") % {"counts": counts})
        else:
            self.stdout.write(_("Import %(number)s gespeichert: %(counts)s.") % {"number": log.pk, "counts": counts})
