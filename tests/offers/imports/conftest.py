from decimal import Decimal

import pytest
from django.forms.models import model_to_dict

from offers.imports.template import HEADERS
from offers.models import Offer, Run
from tabular.write import to_csv
from tests.factories import (
    STUTTGART,
    LanguageFactory,
    OfferFactory,
    PartnerFactory,
    PostcodeFactory,
    RunFactory,
    days,
    step,
)


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


@pytest.fixture
def catalogue(partner):
    """Offers with every kind of value an export writes: vocabularies, a rolling start, a draft without runs and an
    offer without Kursnummer."""
    rich = OfferFactory(
        provider=partner, external_id="K-100", title='Schweißen; "MAG" & <WIG>', description="Zeile 1\nZeile 2",
        kind=Offer.Kind.TEILQUALIFIZIERUNG, levels=["ohne-abschluss", "fachkraft"], sectors=["metall-elektro"],
        funding=["bildungsgutschein"], target_groups=["arbeitsuchende"], price=Decimal("2450.50"), azav=True,
        dqr_level=3, teaching_hours=480, leads_to=step("fachkraft"), runs__place=STUTTGART, runs__seats=12,
        runs__application_deadline=days(20),
    )  # fmt: skip
    rich.languages.set([LanguageFactory(code="de"), LanguageFactory(code="tr")])
    RunFactory(offer=rich, rolling_start=True, start_date=None, end_date=None, status=Run.Status.FEW)
    draft = OfferFactory(provider=partner, external_id="K-200", status=Offer.Status.DRAFT, runs=0, price=0)
    unnumbered = OfferFactory(provider=partner, external_id="")
    return [rich, draft, unnumbered]


def snapshot(partner) -> list:
    offers = Offer.objects.filter(provider=partner).order_by("pk")
    return [
        (model_to_dict(offer, exclude=["last_confirmed_at"]), sorted(map(str, offer.runs.values_list())))
        for offer in offers
    ]
