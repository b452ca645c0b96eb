"""Reading an uploaded CSV or XLSX file into rows of dicts, each with its line number in the file.

CSV may be UTF-8 (with or without BOM) or Windows-1252, separated by semicolons or commas; the separator is taken
from the header line. Problems are raised as `TableError` with a plain German message."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

XLSX_MAGIC = b"PK\x03\x04"
BOM = b"\xef\xbb\xbf"


class TableError(ValueError):
    """The file as a whole cannot be read; the message says why, in German."""


@dataclass(frozen=True)
class Row:
    number: int  # line in the CSV file or row in the sheet, counting the header as 1
    values: dict[str, str]


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[Row]


def decode(data: bytes) -> str:
    """UTF-8 (a BOM says so for sure), else Windows-1252, as Excel on Windows saves "CSV (Trennzeichen-getrennt)"."""
    has_bom = data.startswith(BOM)
    body = data[len(BOM) :] if has_bom else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        if has_bom:
            message = _(
                "Die Datei ist als UTF-8 gekennzeichnet, enthält aber ein ungültiges Zeichen (Byte %(position)s)."
            )
            raise TableError(message % {"position": error.start + len(BOM) + 1}) from error
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError as error:
        raise TableError(
            _("Die Datei ist weder UTF-8 noch Windows-1252 kodiert (Byte %(position)s). Bitte als CSV UTF-8 speichern.")
            % {"position": error.start + 1}
        ) from error


def sniff_delimiter(header: str) -> str:
    """The header line decides: the separator that splits it into more columns (ties go to the semicolon)."""
    return "," if header.count(",") > header.count(";") else ";"


def _clean(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def too_many_rows(limit: int) -> TableError:
    return TableError(
        _("Die Datei hat mehr als %(limit)s Zeilen; erlaubt sind höchstens %(limit)s.")
        % {"limit": f"{limit:,}".replace(",", ".")}
    )


def _table(lines, max_rows: int | None) -> Table:
    header = next(lines, None)
    if header is None or not any(_clean(cell) for cell in header):
        raise TableError(_("Die Datei ist leer."))
    columns = [_clean(cell) for cell in header]
    rows = []
    for number, cells in enumerate(lines, start=2):
        cleaned = [_clean(cell) for cell in cells]
        if not any(cleaned):
            continue
        if max_rows is not None and len(rows) >= max_rows:
            raise too_many_rows(max_rows)
        rows.append(Row(number, dict(zip(columns, cleaned + [""] * (len(columns) - len(cleaned)), strict=False))))
    return Table(columns, rows)


def read_csv(data: bytes, *, max_rows: int | None = None) -> Table:
    text = decode(data)
    if not text.strip():
        raise TableError(_("Die Datei ist leer."))
    delimiter = sniff_delimiter(text.splitlines()[0])
    return _table(iter(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)), max_rows)


def read_xlsx(data: bytes, *, max_rows: int | None = None) -> Table:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise TableError(_("Die XLSX-Datei lässt sich nicht lesen. Bitte in Excel neu speichern.")) from error
    try:
        return _table(workbook.worksheets[0].iter_rows(values_only=True), max_rows)
    finally:
        workbook.close()


def read(data: bytes, *, max_rows: int | None = None) -> Table:
    """CSV or XLSX, told apart by content (an XLSX file is a zip archive), not by the file name."""
    if not data:
        raise TableError(_("Die Datei ist leer."))
    if data.startswith(XLSX_MAGIC):
        return read_xlsx(data, max_rows=max_rows)
    return read_csv(data, max_rows=max_rows)
