"""Writing rows as CSV or XLSX that open right in German Excel."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from openpyxl import Workbook

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOM = "\ufeff"
DATE_FORMAT = "%d.%m.%Y"


def cell_text(value) -> str:
    """A value as German Excel reads it: decimal comma, TT.MM.JJJJ, "ja"/"nein", empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, datetime.datetime):
        return value.strftime(f"{DATE_FORMAT} %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT)
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return str(value)


def to_csv(rows: Iterable[Sequence]) -> bytes:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([cell_text(value) for value in row])
    return buffer.getvalue().encode("utf-8")


def _xlsx_value(value):
    # Numbers and dates stay typed in XLSX (Excel formats them by locale); booleans read as in the CSV.
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None)
    return value


def to_xlsx(rows: Iterable[Sequence], *, title: str = "Daten") -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    for row in rows:
        sheet.append([_xlsx_value(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
