"""The NUTS-3 district (Kreis or kreisfreie Stadt) of a German postcode, from the mapping files shipped in
places/data/ (their source and licence are in the README there)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
POSTCODE_DISTRICTS = DATA / "postcode_districts.tsv"  # postcode → NUTS-3 code
DISTRICTS = DATA / "districts_de.tsv"  # NUTS-3 code, official municipality key of the Kreis (AGS), name


def _tsv(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line]


@cache
def _by_postcode() -> dict[str, str]:
    return dict(_tsv(POSTCODE_DISTRICTS))


@cache
def _names() -> dict[str, str]:
    return {nuts: name for nuts, _key, name in _tsv(DISTRICTS)}


@cache
def _by_key() -> dict[str, str]:
    return {key: nuts for nuts, key, _name in _tsv(DISTRICTS)}


def district_code(postcode: str, kreis_keys: tuple[str, ...] = ()) -> str:
    """The NUTS-3 code of `postcode`; for a postcode the mapping does not know yet (a new one), the code of the first
    of `kreis_keys` (five-digit Kreis keys, as GeoNames files carry them) that names a Kreis; else ""."""
    if postcode in _by_postcode():
        return _by_postcode()[postcode]
    return next((_by_key()[key] for key in kreis_keys if key in _by_key()), "")


def district_name(code: str) -> str:
    return _names().get(code, "")
