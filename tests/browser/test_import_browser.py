"""Issue 14, "Done when": a new partner editor downloads the template, fills in 30 offers, uploads them, reads the
report, fixes the two errors and imports."""

from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from offers.models import ImportLog, Offer
from tabular.read import read
from tabular.write import to_csv
from tests.conftest import browser_login
from tests.factories import STUTTGART, PartnerFactory, PostcodeFactory, editor, sector

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _migrate_again(app: str, name: str, function: str) -> None:
    """Transactional tests flush what data migrations seeded; run one again on the models of its own time."""
    models_then = MigrationLoader(connection).project_state((app, name), at_end=True).apps
    getattr(import_module(f"{app}.migrations.{name}"), function)(models_then, None)


@pytest.fixture
def new_editor(transactional_db):
    _migrate_again("partners", "0003_role_groups", "create_groups")
    _migrate_again("offers", "0016_import_log_permissions", "grant")
    sector("metall-elektro")
    PostcodeFactory(place=STUTTGART)
    partner = PartnerFactory(name="Bildungswerk Neckar", slug="bildungswerk-neckar")
    return partner, editor(partner, username="neu-in-der-redaktion")


def catalogue(headers: list[str], *, mistakes: bool) -> bytes:
    rows = []
    for number in range(1, 31):
        values = {
            "Kursnummer": f"BW-{number:03d}",
            "Titel": f"Lehrgang {number}",
            "Kurzbeschreibung": "Ein Lehrgang für Beschäftigte in der Metallindustrie.",
            "Art": "Anpassungsweiterbildung",
            "Branchen": "metall-elektro",
            "Preis": f"{900 + number},00",
            "Beginn": f"{number % 28 + 1:02d}.03.2027",
            "Zeitform": "Teilzeit",
            "Lernform": "Präsenz",
            "PLZ": "70173",
            "Ort": "Stuttgart",
        }
        if mistakes and number == 6:
            values["Preis"] = "-900,00"
        if mistakes and number == 19:
            values["Ort"] = ""
        rows.append([values.get(header, "") for header in headers])
    return to_csv([headers, *rows])


def test_new_partner_editor_imports_30_offers_after_fixing_two_errors(browser_page, new_editor, tmp_path):
    partner, user = new_editor
    page = browser_page
    page.goto("/admin/login/?next=/admin/offers/importlog/importieren/")
    browser_login(page, user)
    page.get_by_role("heading", name="Angebote importieren").wait_for()

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV", exact=True).click()
    headers = read(download.value.path().read_bytes()).columns
    (tmp_path / "katalog.csv").write_bytes(catalogue(headers, mistakes=True))
    page.get_by_label("Datei:", exact=True).set_input_files(tmp_path / "katalog.csv")
    page.get_by_role("button", name="Datei prüfen").click()

    report = page.locator("#import-problems")
    report.get_by_text("2 Probleme – es wurde nichts gespeichert.").wait_for()
    assert report.locator("tbody tr").all_inner_texts() == [
        "7\tPreis\tDer Preis darf nicht negativ sein (0 = kostenlos).",
        "20\tOrt\tFür einen Präsenz- oder Hybridtermin bitte Postleitzahl und Ort des Lernorts angeben.",
    ]
    assert Offer.objects.count() == 0

    (tmp_path / "katalog.csv").write_bytes(catalogue(headers, mistakes=False))
    page.get_by_label("Datei:", exact=True).set_input_files(tmp_path / "katalog.csv")
    page.get_by_role("button", name="Datei prüfen").click()
    page.locator("#import-preview").get_by_text("Vorschau: „katalog.csv“ für Bildungswerk Neckar").wait_for()
    page.get_by_role("button", name="Import bestätigen").click()
    page.wait_for_url("**/admin/offers/importlog/")

    assert page.get_by_text("Import abgeschlossen: 30 neu, 0 geändert, 0 unverändert, 0 archiviert.").is_visible()
    assert Offer.objects.filter(provider=partner).count() == 30
    assert list(ImportLog.objects.values_list("user__username", "file_name", "created")) == [
        ("neu-in-der-redaktion", "katalog.csv", 30)
    ]
    page.watch.assert_clean()
