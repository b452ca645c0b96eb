from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from offers.models import ImportLog, Offer
from tests.factories import editor
from tests.offers.imports.conftest import csv_file, row


@pytest.fixture
def catalogue(tmp_path):
    path = tmp_path / "katalog.csv"
    path.write_bytes(csv_file(row(), row(Kursnummer="K-2")))
    return path


def run(*args) -> str:
    out = StringIO()
    call_command("import_offers", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


def test_command_imports_with_a_progress_bar_and_names_the_user_in_the_history(partner, catalogue):
    user = editor(partner, username="redaktion-neckar")

    output = run(catalogue, "--partner", partner.slug, "--user", "redaktion-neckar")

    log = ImportLog.objects.get()
    assert output == (
        f"\r[{'#' * 30}] 2/2\nImport {log.pk} gespeichert: 2 neu, 0 geändert, 0 unverändert, 0 archiviert.\n"
    )
    assert (log.user, log.file_name, log.created) == (user, "katalog.csv", 2)
    assert Offer.objects.get(external_id="K-1").history.first().history_user == user


def test_command_dry_run_reports_the_plan_and_writes_nothing(partner, catalogue):
    output = run(catalogue, "--partner", partner.slug, "--dry-run")

    assert output == "Vorschau (nichts gespeichert): 2 neu, 0 geändert, 0 unverändert, 0 archiviert.\n"
    assert Offer.objects.count() == ImportLog.objects.count() == 0


def test_command_archive_missing_archives_the_partners_offers_missing_from_the_file(partner, catalogue, tmp_path):
    run(catalogue, "--partner", partner.slug)
    smaller = tmp_path / "nur-k1.csv"
    smaller.write_bytes(csv_file(row()))

    output = run(smaller, "--partner", partner.slug, "--archive-missing")

    assert output.endswith("0 neu, 0 geändert, 1 unverändert, 1 archiviert.\n")
    assert dict(Offer.objects.values_list("external_id", "status")) == {"K-1": "published", "K-2": "archived"}


def test_command_prints_the_report_and_fails_on_bad_rows(partner, tmp_path):
    path = tmp_path / "fehler.csv"
    path.write_bytes(csv_file(row(Preis="-5"), row(Kursnummer="K-2", Beginn="2026-02-30")))
    errors = StringIO()

    with pytest.raises(CommandError, match="^2 Probleme – es wurde nichts gespeichert.$"):
        call_command("import_offers", str(path), "--partner", partner.slug, stdout=StringIO(), stderr=errors)

    assert errors.getvalue() == (
        "Zeile 2, Spalte „Preis“: Der Preis darf nicht negativ sein (0 = kostenlos).\n"
        "Zeile 3, Spalte „Beginn“: Den Tag „2026-02-30“ gibt es nicht.\n"
    )
    assert Offer.objects.count() == 0


def test_command_refuses_an_unknown_partner(db, catalogue):
    with pytest.raises(CommandError, match="^Keinen Anbieter mit dem Kurznamen „gibt-es-nicht“ gefunden.$"):
        run(catalogue, "--partner", "gibt-es-nicht")
