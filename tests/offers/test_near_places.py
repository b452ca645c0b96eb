"""`near` on the search page and in the API: a town by name or prefix, a choice where it is ambiguous, and a clear
message with no pretended results where it is unknown."""

import pytest

from places.models import Postcode
from tests.factories import ESSLINGEN, SCHWERIN, STUTTGART, OfferFactory, RunFactory

pytestmark = pytest.mark.django_db
SEARCH = "/angebote/"
API = "/api/v1/offers/"
NEUSTADTS = [
    ("35279", "Neustadt (Hessen)", 50.85, 9.11, "DE724", "Marburg-Biedenkopf"),
    ("23730", "Neustadt in Holstein", 54.1, 10.81, "DEF0H", "Ostholstein"),
    ("15755", "Schwerin", 52.16, 13.74, "DE40C", "Dahme-Spreewald"),  # a village of the city's name
]


@pytest.fixture
def offers(postcodes):
    Postcode.objects.create(code="19055", city="Schwerin", latitude=53.64, longitude=11.42)
    Postcode.objects.create(code="19057", city="Schwerin", latitude=53.61, longitude=11.37)
    for code, city, latitude, longitude, nuts, district in NEUSTADTS:
        Postcode.objects.create(
            code=code, city=city, latitude=latitude, longitude=longitude, district_code=nuts, district=district
        )
    found = {}
    for key, place in (("stuttgart", STUTTGART), ("esslingen", ESSLINGEN), ("schwerin", SCHWERIN)):
        found[key] = OfferFactory(title=f"Schweißkurs {place.city}", runs=0)
        RunFactory(offer=found[key], place=place)
    return found


def _titles(response) -> list[str]:
    return sorted(offer.title for offer in response.context["offers"])


def test_a_town_prefix_finds_the_offers_near_it(client, offers):
    response = client.get(SEARCH, {"near": "Esslingen", "radius": "5"})
    assert _titles(response) == ["Schweißkurs Esslingen am Neckar"]
    assert "Umkreis 5 km um 73728 Esslingen am Neckar" in response.text


def test_an_umlaut_spelling_and_the_city_against_a_village_of_its_name(client, offers):
    response = client.get(SEARCH, {"near": "schwerin", "radius": "25"})
    assert _titles(response) == ["Schweißkurs Schwerin"]
    assert response.context["place_choices"] == [("Schwerin (Dahme-Spreewald)", "?near=15755+Schwerin&radius=25")]
    assert "Auch gemeint sein könnte:" in response.text


def test_an_unknown_place_says_so_keeps_the_input_and_shows_no_results(client, offers):
    response = client.get(SEARCH, {"near": "Atlantis", "q": "Schweißkurs"})
    assert _titles(response) == []
    assert response.context["page_obj"].paginator.count == 0
    assert (
        "Zu „Atlantis“ haben wir keinen Ort gefunden. Bitte eine Postleitzahl oder einen Ortsnamen eingeben, z. B. "
        "70173 oder Stuttgart." in response.text
    )
    assert 'value="Atlantis"' in response.text
    assert response.context["without_place"] == "?q=Schwei%C3%9Fkurs"


def test_an_ambiguous_name_offers_the_towns_and_no_radius_result_until_one_is_chosen(client, offers):
    response = client.get(SEARCH, {"near": "Neustadt", "q": "Schweißkurs", "radius": "50"})
    assert _titles(response) == []
    assert (
        "„Neustadt“ passt zu mehreren Orten: Neustadt (Hessen) (Marburg-Biedenkopf), Neustadt in Holstein "
        "(Ostholstein). Bitte einen davon wählen oder die Postleitzahl angeben." in response.text
    )
    assert "Bitte wählen Sie den Ort:" in response.text
    assert response.context["place_choices"] == [
        ("Neustadt (Hessen) (Marburg-Biedenkopf)", "?near=35279+Neustadt+%28Hessen%29&q=Schwei%C3%9Fkurs&radius=50"),
        ("Neustadt in Holstein (Ostholstein)", "?near=23730+Neustadt+in+Holstein&q=Schwei%C3%9Fkurs&radius=50"),
    ]
    chosen = client.get(SEARCH, {"near": "35279 Neustadt (Hessen)", "q": "Schweißkurs", "radius": "50"})
    assert chosen.context["place"].code == "35279"
    assert "near" not in chosen.context["form"].errors


def test_api_near_takes_town_names(client, offers):
    data = client.get(API, {"near": "Esslingen", "radius": "5"}).json()
    assert [row["title"] for row in data["results"]] == ["Schweißkurs Esslingen am Neckar"]


@pytest.mark.parametrize(
    ("near", "message"),
    [
        (
            "Atlantis",
            "Zu „Atlantis“ haben wir keinen Ort gefunden. Bitte eine Postleitzahl oder einen Ortsnamen eingeben, "
            "z. B. 70173 oder Stuttgart.",
        ),
        (
            "Neustadt",
            "„Neustadt“ passt zu mehreren Orten: Neustadt (Hessen) (Marburg-Biedenkopf), Neustadt in Holstein "
            "(Ostholstein). Bitte einen davon wählen oder die Postleitzahl angeben.",
        ),
    ],
)
def test_api_answers_an_unknown_or_ambiguous_place_with_an_error(client, offers, near, message):
    response = client.get(API, {"near": near})
    assert response.status_code == 400
    assert response.json() == {"near": [message]}
