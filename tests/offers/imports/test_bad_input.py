"""Every malformed file gets a clear report with row and column, and nothing is written (issue 14, "Bad input")."""

import csv
import io

import pytest
from django.test import override_settings

from offers.imports.template import HEADERS
from offers.imports.validate import Problem, check_file
from offers.models import Offer
from tabular.write import to_xlsx
from tests.offers.imports.conftest import csv_file, row

VENUE = "Für einen Präsenz- oder Hybridtermin bitte Postleitzahl und Ort des Lernorts angeben."


def problems(data: bytes, partner) -> list[Problem]:
    return check_file(data, partner=partner).problems


def plain_csv(*rows: dict, delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(HEADERS)
    for values in rows:
        writer.writerow([values.get(header, "") for header in HEADERS])
    return buffer.getvalue().encode(encoding)


@pytest.mark.parametrize(
    "data",
    [
        plain_csv(row(Titel="Fräsen für Ältere"), delimiter=";", encoding="cp1252"),
        plain_csv(row(Titel="Fräsen für Ältere"), delimiter=","),
        csv_file(row(Titel="Fräsen für Ältere")),
        to_xlsx([HEADERS, [row(Titel="Fräsen für Ältere").get(header, "") for header in HEADERS]]),
    ],
    ids=["windows-1252 with semicolons", "plain utf-8 with commas", "utf-8 with BOM", "xlsx"],
)
def test_each_accepted_encoding_and_format_reads_the_same_offer(partner, data):
    checked = check_file(data, partner=partner)

    assert checked.problems == []
    assert [(offer.external_id, offer.fields["title"]) for offer in checked.offers] == [("K-1", "Fräsen für Ältere")]


def test_a_file_in_neither_encoding_is_refused(partner):
    data = b"Kursnummer;Titel\r\n" + b"K-1;\x81\r\n"

    assert problems(data, partner) == [
        Problem(0, "", "Die Datei ist weder UTF-8 noch Windows-1252 kodiert (Byte 23). Bitte als CSV UTF-8 speichern.")
    ]


def test_a_file_marked_utf8_with_a_broken_character_is_refused(partner):
    data = "\ufeffKursnummer;Titel\r\n".encode() + "K-1;Fräsen\r\n".encode("cp1252")

    assert problems(data, partner) == [
        Problem(0, "", "Die Datei ist als UTF-8 gekennzeichnet, enthält aber ein ungültiges Zeichen (Byte 28).")
    ]


def test_a_wrong_delimiter_is_named(partner):
    assert problems(plain_csv(row(), delimiter="\t"), partner) == [
        Problem(1, "", "Die Kopfzeile hat nur eine Spalte. Bitte Semikolon oder Komma als Trennzeichen verwenden.")
    ]


def test_each_missing_required_column_is_named(partner):
    headers = [header for header in HEADERS if header not in ("Titel", "Lernform")]

    assert problems(csv_file(row(), headers=headers), partner) == [
        Problem(1, "Titel", "Die Pflichtspalte „Titel“ fehlt."),
        Problem(1, "Lernform", "Die Pflichtspalte „Lernform“ fehlt."),
    ]


@pytest.mark.parametrize("data", [b"", "\ufeff".encode(), b"\r\n"], ids=["empty", "bom only", "blank line"])
def test_an_empty_file_is_refused(partner, data):
    assert problems(data, partner) == [Problem(0, "", "Die Datei ist leer.")]


@override_settings(IMPORT_MAX_MB=1)
def test_a_file_over_the_size_limit_is_refused_with_the_limit_named(partner):
    data = csv_file(row(Beschreibung="x" * 1_300_000))

    assert problems(data, partner) == [Problem(0, "", "Die Datei ist 1,2 MB groß; erlaubt sind höchstens 1 MB.")]


@override_settings(IMPORT_MAX_ROWS=2)
def test_a_file_over_the_row_limit_is_refused_with_the_limit_named(partner):
    data = csv_file(row(), row(Kursnummer="K-2"), row(Kursnummer="K-3"))

    assert problems(data, partner) == [Problem(0, "", "Die Datei hat mehr als 2 Zeilen; erlaubt sind höchstens 2.")]


def test_bad_cells_are_reported_with_row_and_column(partner):
    data = csv_file(
        row(),
        row(Kursnummer="K-2", Beginn="2026-02-30"),
        row(Kursnummer="K-3", Preis="-5"),
        row(Kursnummer="K-4", Lernform="Präsenz", PLZ="", Ort=""),
        row(Kursnummer="K-5", Branchen="metall-elektro|Raumfahrt", Ende="Mitte März"),
        row(Kursnummer="K-6", Art="Kochkurs", AZAV="vielleicht", Plätze="zwölf"),
        row(Kursnummer="", Titel="ohne Nummer"),
        row(Kursnummer="K-7", Beginn="01.05.2027", Ende="01.04.2027"),
    )

    assert problems(data, partner) == [
        Problem(3, "Beginn", "Den Tag „2026-02-30“ gibt es nicht."),
        Problem(4, "Preis", "Der Preis darf nicht negativ sein (0 = kostenlos)."),
        Problem(5, "Ort", VENUE),
        Problem(6, "Branchen", "Unbekannter Wert „Raumfahrt“."),
        Problem(6, "Ende", "„Mitte März“ ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT)."),
        Problem(
            7,
            "Art",
            "Unbekannter Wert „Kochkurs“. Erlaubt: Anpassungsweiterbildung, Teilqualifizierung, "
            "Vorbereitung auf die Externenprüfung, Umschulung, Aufstiegsfortbildung, Berufsbegleitendes Studium, "
            "Berufsbezogener Sprachkurs, Beratung / Kompetenzfeststellung, Inhouse-Schulung.",
        ),
        Problem(7, "AZAV", "„vielleicht“ ist weder „ja“ noch „nein“."),
        Problem(7, "Plätze", "„zwölf“ ist keine ganze Zahl."),
        Problem(8, "Kursnummer", "Bitte eine Kursnummer angeben."),
        Problem(9, "Ende", "Das Ende darf nicht vor dem Beginn liegen."),
    ]
    assert Offer.objects.count() == 0


def test_rows_of_one_offer_that_disagree_are_reported(partner):
    data = csv_file(row(), row(Titel="Drehen", Beginn="01.09.2027", Ende=""))

    assert problems(data, partner) == [
        Problem(3, "Titel", "Weicht von Zeile 2 ab; alle Zeilen einer Kursnummer brauchen dieselben Angaben.")
    ]


def test_a_file_naming_another_partner_is_refused(partner):
    data = csv_file(
        row(Anbieter="bildungswerk-neckar"),
        row(Kursnummer="K-2", Anbieter="IHK Region Stuttgart"),
        headers=["Anbieter", *HEADERS],
    )

    assert problems(data, partner) == [
        Problem(
            3,
            "Anbieter",
            "Die Zeile nennt den Anbieter „IHK Region Stuttgart“; importiert wird nur für „Bildungswerk Neckar“.",
        )
    ]
