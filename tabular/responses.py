"""Downloads in the one tabular format, marked so no shared cache keeps them (exports may hold personal data)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

from tabular.write import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, to_csv, to_xlsx

FORMATS = ("csv", "xlsx")


def download(rows: Iterable[Sequence], *, filename: str, file_format: str = "csv") -> HttpResponse:
    """`filename` without extension; `file_format` is "csv" or "xlsx"."""
    if file_format == "xlsx":
        response = HttpResponse(to_xlsx(rows), content_type=XLSX_CONTENT_TYPE)
    else:
        response = HttpResponse(to_csv(rows), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    add_never_cache_headers(response)
    return response
