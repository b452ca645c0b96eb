"""Import of German postcodes from the GeoNames postal-code format (tab-separated, 12 columns):

country, postal code, place name, admin name1, admin code1, admin name2, admin code2, admin name3,
admin code3, latitude, longitude, accuracy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from django.db import transaction

from places.districts import district_code, district_name
from places.models import Postcode
from places.signals import postcodes_imported
from places.validators import is_postcode

MIN_COLUMNS = 11
# Every German postcode, shipped with the portal (places/data/README.md says where it comes from).
BUNDLED_FILE = Path(__file__).resolve().parent / "data" / "postcodes_de.txt"


class PostcodeFileError(Exception):
    """The file cannot be used; nothing was changed."""

    def __init__(self, message: str, bad_lines: list[str] | None = None):
        super().__init__(message)
        self.bad_lines = bad_lines or []


class PostcodeRow(NamedTuple):
    code: str
    city: str
    latitude: float
    longitude: float
    district_code: str


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rows: list[PostcodeRow] = field(default_factory=list)


def parse_line(line: str) -> PostcodeRow:
    """One GeoNames line → PostcodeRow; ValueError with a German reason if bad. The district comes from the shipped
    postcode mapping, for a postcode it does not know from the Kreis key GeoNames puts in admin code 3 (most states)
    or admin code 2 (Mecklenburg-Vorpommern)."""
    columns = line.rstrip("\r\n").split("\t")
    if len(columns) < MIN_COLUMNS:
        raise ValueError(f"{len(columns)} Spalten statt mindestens {MIN_COLUMNS} (Tabulator-getrennt)")
    code, city = columns[1].strip(), columns[2].strip()
    if not is_postcode(code):
        raise ValueError(f"Postleitzahl „{code[:20]}“ hat nicht fünf Ziffern")
    if not city or len(city) > 100:
        raise ValueError("Ortsname fehlt oder ist länger als 100 Zeichen")
    try:
        latitude, longitude = float(columns[9]), float(columns[10])
    except ValueError:
        raise ValueError("Breiten- oder Längengrad ist keine Zahl") from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValueError("Koordinaten liegen außerhalb des gültigen Bereichs")
    kreis_keys = tuple(columns[index].strip() for index in (8, 6) if len(columns[index].strip()) == 5)
    return PostcodeRow(code, city, latitude, longitude, district_code(code, kreis_keys))


def read_file(path: Path | str) -> list[PostcodeRow]:
    """Parse the whole file first; any bad line makes the file unusable (so nothing half-imported)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PostcodeFileError(f"Datei nicht gefunden: {path}") from None
    except (UnicodeDecodeError, IsADirectoryError, PermissionError) as exc:
        raise PostcodeFileError(f"Datei kann nicht als UTF-8-Text gelesen werden: {exc}") from None
    rows, bad = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(parse_line(line))
        except ValueError as exc:
            bad.append(f"Zeile {number}: {exc}")
    if bad:
        raise PostcodeFileError(f"{len(bad)} fehlerhafte Zeile(n), nichts geändert.", bad)
    if not rows:
        raise PostcodeFileError("Die Datei enthält keine Postleitzahlen, nichts geändert.")
    return rows


@transaction.atomic
def import_postcodes(*paths: Path | str) -> ImportResult:
    """Add the files' postcodes and update changed ones; a later file's row wins over an earlier one's."""
    rows = list({(row.code, row.city): row for path in paths for row in read_file(path)}.values())
    result = ImportResult(rows=rows)
    existing = {(p.code, p.city): p for p in Postcode.objects.all()}
    new, changed = [], []
    for row in rows:
        postcode = existing.get((row.code, row.city))
        if postcode is None:
            new.append(_postcode(Postcode(code=row.code, city=row.city), row))
        elif _differs(postcode, row):
            changed.append(_postcode(postcode, row))
        else:
            result.unchanged += 1
    Postcode.objects.bulk_create(new, batch_size=1000)
    Postcode.objects.bulk_update(changed, UPDATED_FIELDS, batch_size=1000)
    result.created, result.updated = len(new), len(changed)
    if new or changed:
        postcodes_imported.send(sender=Postcode)
    return result


UPDATED_FIELDS = ["latitude", "longitude", "district_code", "district", "search_name"]


def _differs(postcode: Postcode, row: PostcodeRow) -> bool:
    return (postcode.latitude, postcode.longitude, postcode.district_code) != (
        row.latitude,
        row.longitude,
        row.district_code,
    ) or not postcode.search_name


def _postcode(postcode: Postcode, row: PostcodeRow) -> Postcode:
    """bulk_create and bulk_update skip save(): the derived fields are filled here."""
    postcode.latitude, postcode.longitude = row.latitude, row.longitude
    postcode.district_code, postcode.district = row.district_code, district_name(row.district_code)
    postcode.fill_derived_fields()
    return postcode
