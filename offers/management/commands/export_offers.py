"""python manage.py export_offers FILE [--partner SLUG]

One partner's offers or the whole catalogue in the import template (docs/import.md); CSV, XLSX or open-Qcat XML by
FILE's ending."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from offers.imports.export import export_rows
from offers.imports.openqcat_write import openqcat_chunks
from offers.models import Offer
from partners.models import Partner
from tabular.write import to_csv, to_xlsx

WRITERS = {".csv": to_csv, ".xlsx": to_xlsx, ".xml": None}


class Command(BaseCommand):
    help = "Schreibt Angebote in der Importvorlage als CSV oder XLSX oder als open-Qcat-XML (nach der Dateiendung)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--partner", help="nur die Angebote dieses Anbieters (Kurzname)")

    def handle(self, *args, file: Path, partner: str | None, **options):
        suffix = file.suffix.lower()
        if suffix not in WRITERS:
            raise CommandError(_("Die Datei muss auf .csv, .xlsx oder .xml enden."))
        offers = Offer.objects.all()
        if partner:
            provider = Partner.objects.filter(slug=partner).first()
            if provider is None:
                raise CommandError(_("Keinen Anbieter mit dem Kurznamen „%(slug)s“ gefunden.") % {"slug": partner})
            offers = offers.filter(provider=provider)
        if suffix == ".xml":
            with file.open("wb") as out:  # piece by piece: the whole catalogue is never in memory
                out.writelines(openqcat_chunks(offers))
        else:
            file.write_bytes(WRITERS[suffix](export_rows(offers)))
        count = offers.count()
        message = ngettext(
            "%(count)s Angebot nach %(file)s geschrieben.", "%(count)s Angebote nach %(file)s geschrieben.", count
        )
        self.stdout.write(message % {"count": count, "file": file})
