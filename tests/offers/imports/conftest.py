import pytest

from offers.imports.template import HEADERS
from tabular.write import to_csv
from tests.factories import STUTTGART, PartnerFactory, PostcodeFactory


def row(**cells) -> dict:
    """One row of the template: a published Anpassungsweiterbildung with one online run; cells override by header
    (spaces for underscores: Offen_für="fachkraft")."""
    values = {
        "Kursnummer": "K-1",
        "Titel": "CNC-Fräsen",
        "Kurzbeschreibung": "Fräsen an CNC-Maschinen.",
        "Art": "Anpassungsweiterbildung",
        "Preis": "1.250,50",
        "Beginn": "02.03.2027",
        "Ende": "30.04.2027",
        "Zeitform": "Teilzeit",
        "Lernform": "online-live",
    }
    values.update({header.replace("_", " "): value for header, value in cells.items()})
    return values


def csv_file(*rows: dict, headers=HEADERS) -> bytes:
    return to_csv([headers, *[[values.get(header, "") for header in headers] for values in rows]])


@pytest.fixture
def partner(db):
    PostcodeFactory(place=STUTTGART)
    return PartnerFactory(name="Bildungswerk Neckar", slug="bildungswerk-neckar")
