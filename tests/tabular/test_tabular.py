import datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tabular.read import TableError, read
from tabular.write import to_csv, to_xlsx

HEADER = ["Titel", "Preis", "Beginn", "AZAV"]
ROW = ["Schweißen für Einsteiger", Decimal("1250.50"), datetime.date(2026, 3, 2), True]


def test_csv_starts_with_the_bom_and_writes_decimal_commas_and_german_dates():
    data = to_csv([HEADER, ROW, ["Kurs", 17.2, None, False]])

    assert (
        data
        == (
            "\ufeffTitel;Preis;Beginn;AZAV\r\nSchweißen für Einsteiger;1250,50;02.03.2026;ja\r\nKurs;17,2;;nein\r\n"
        ).encode()
    )


def test_xlsx_keeps_numbers_and_dates_typed():
    workbook = load_workbook(__import__("io").BytesIO(to_xlsx([HEADER, ROW])))
    rows = list(workbook.active.iter_rows(values_only=True))

    assert rows == [tuple(HEADER), ("Schweißen für Einsteiger", 1250.5, datetime.datetime(2026, 3, 2), "ja")]


def test_read_returns_rows_with_their_line_numbers_and_skips_empty_lines():
    table = read(to_csv([HEADER, ROW, ["", "", "", ""], ["Kurs", 17.2, None, False]]))

    assert table.columns == HEADER
    assert [(row.number, row.values["Titel"], row.values["Preis"]) for row in table.rows] == [
        (2, "Schweißen für Einsteiger", "1250,50"),
        (4, "Kurs", "17,2"),
    ]


@pytest.mark.parametrize(
    "data",
    [
        "Titel;Ort\r\nSchweißen;Göppingen\r\n".encode(),
        "\ufeffTitel;Ort\r\nSchweißen;Göppingen\r\n".encode(),
        "Titel;Ort\r\nSchweißen;Göppingen\r\n".encode("cp1252"),
        b'Titel,Ort\n"Schwei\xc3\x9fen",G\xc3\xb6ppingen\n',
    ],
    ids=["utf-8", "utf-8 with BOM", "windows-1252", "comma"],
)
def test_read_accepts_each_encoding_and_separator(data):
    assert read(data).rows[0].values == {"Titel": "Schweißen", "Ort": "Göppingen"}


def test_read_xlsx_gives_dates_as_german_text_and_whole_numbers_without_decimals():
    table = read(to_xlsx([HEADER, ["Kurs", 120.0, datetime.date(2026, 3, 2), "ja"]]))

    assert table.rows[0].values == {"Titel": "Kurs", "Preis": "120", "Beginn": "02.03.2026", "AZAV": "ja"}


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\r\n\r\n"], ids=["nothing", "bom only", "blank lines"])
def test_read_refuses_an_empty_file(data):
    with pytest.raises(TableError, match="^Die Datei ist leer.$"):
        read(data)


def test_read_refuses_more_rows_than_the_limit_and_names_it():
    data = to_csv([["Titel"], *[[f"Kurs {n}"] for n in range(4)]])

    with pytest.raises(TableError, match="^Die Datei hat mehr als 3 Zeilen; erlaubt sind höchstens 3.$"):
        read(data, max_rows=3)


def test_read_refuses_a_broken_xlsx():
    with pytest.raises(TableError, match="Die XLSX-Datei lässt sich nicht lesen"):
        read(b"PK\x03\x04 nothing else")
