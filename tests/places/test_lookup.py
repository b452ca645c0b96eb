"""Places by postcode, name, prefix, abbreviation and umlaut spelling; a choice where a name is ambiguous."""

import pytest

from places.lookup import find_places, label, locate
from places.models import Postcode

pytestmark = pytest.mark.django_db

ROWS = [
    # code, city, latitude, longitude, district_code, district
    ("70173", "Stuttgart", 48.7784, 9.18, "DE111", "Stuttgart, Stadtkreis"),
    ("70174", "Stuttgart", 48.7823, 9.1716, "DE111", "Stuttgart, Stadtkreis"),
    ("70629", "Stuttgart", 48.6969, 9.1994, "DE113", "Esslingen"),  # the airport, across the district border
    ("73728", "Esslingen am Neckar", 48.7427, 9.3057, "DE113", "Esslingen"),
    ("73730", "Esslingen am Neckar", 48.7339, 9.326, "DE113", "Esslingen"),
    ("73732", "Esslingen am Neckar", 48.7564, 9.3286, "DE113", "Esslingen"),
    ("54636", "Eßlingen", 49.9, 6.5, "DEB23", "Eifelkreis Bitburg-Prüm"),
    ("73525", "Schwäbisch Gmünd", 48.7996, 9.7982, "DE11D", "Ostalbkreis"),
    ("80331", "München", 48.1374, 11.5755, "DE212", "München, Kreisfreie Stadt"),
    ("50667", "Köln", 50.9384, 6.9599, "DEA23", "Köln, Kreisfreie Stadt"),
    ("66386", "St. Ingbert", 49.2786, 7.1125, "DEC05", "Saarpfalz-Kreis"),
    ("19053", "Schwerin", 53.6278, 11.4147, "DE804", "Schwerin, Kreisfreie Stadt"),
    ("19055", "Schwerin", 53.64, 11.42, "DE804", "Schwerin, Kreisfreie Stadt"),
    ("19057", "Schwerin", 53.61, 11.37, "DE804", "Schwerin, Kreisfreie Stadt"),
    ("15755", "Schwerin", 52.16, 13.74, "DE40C", "Dahme-Spreewald"),
    ("23992", "Schwerinsdorf", 53.9, 11.6, "DE80M", "Nordwestmecklenburg"),
    ("67433", "Neustadt an der Weinstraße", 49.35, 8.14, "DEB3D", "Neustadt an der Weinstraße, Kreisfreie Stadt"),
    ("35279", "Neustadt (Hessen)", 50.85, 9.11, "DE724", "Marburg-Biedenkopf"),
    ("23730", "Neustadt in Holstein", 54.1, 10.81, "DEF0H", "Ostholstein"),
]


@pytest.fixture
def places(db):
    for code, city, latitude, longitude, nuts, district in ROWS:
        Postcode.objects.create(
            code=code, city=city, latitude=latitude, longitude=longitude, district_code=nuts, district=district
        )


def _found(query: str) -> tuple[str | None, list[str]]:
    search = find_places(query)
    return (str(search.place) if search.place else None), [label(row) for row in search.alternatives]


@pytest.mark.parametrize(
    ("query", "place"),
    [
        ("70173", "70173 Stuttgart"),
        ("70173 Stuttgart", "70173 Stuttgart"),
        ("  stuttgart ", "70173 Stuttgart"),  # the airport's postcode in the next district is the same town
        ("Esslingen am Neckar", "73728 Esslingen am Neckar"),
        ("Schwäbisch Gmünd", "73525 Schwäbisch Gmünd"),
        ("Schwäb. Gmünd", "73525 Schwäbisch Gmünd"),
        ("schwaeb. gmuend", "73525 Schwäbisch Gmünd"),
        ("Muenchen", "80331 München"),
        ("MÜNCHEN", "80331 München"),
        ("Koeln", "50667 Köln"),
        ("Sankt Ingbert", "66386 St. Ingbert"),
        ("St. Ingbert", "66386 St. Ingbert"),
        ("Esslingen a", "73728 Esslingen am Neckar"),
        ("Schwäbisch", "73525 Schwäbisch Gmünd"),
    ],
)
def test_one_place_by_postcode_name_abbreviation_and_spelling(places, query, place):
    assert _found(query) == (place, [])


def test_a_prefix_of_a_name_finds_the_town_and_offers_the_smaller_one_of_the_same_spelling(places):
    # "Eßlingen" folds to the same key: the town with three postcodes is used, the village offered.
    assert _found("Esslingen") == ("73728 Esslingen am Neckar", ["Eßlingen (Eifelkreis Bitburg-Prüm)"])
    assert _found("Essl") == ("73728 Esslingen am Neckar", ["Eßlingen (Eifelkreis Bitburg-Prüm)"])


def test_a_whole_name_does_not_also_match_longer_names_and_the_city_dominates_the_village(places):
    assert _found("Schwerin") == ("19053 Schwerin", ["Schwerin (Dahme-Spreewald)"])
    assert _found("Schwerins") == ("23992 Schwerinsdorf", [])


def test_towns_of_similar_size_are_a_choice_without_a_place(places):
    search = find_places("Neustadt")
    assert search.ambiguous and not search.not_found
    assert search.place is None
    assert [label(row) for row in search.alternatives] == [
        "Neustadt (Hessen) (Marburg-Biedenkopf)",
        "Neustadt an der Weinstraße",
        "Neustadt in Holstein (Ostholstein)",
    ]
    assert locate("Neustadt") is None


@pytest.mark.parametrize("query", ["Atlantis", "99999", "99999 Nirgendwo", "---", "7017"])
def test_nothing_found(places, query):
    search = find_places(query)
    assert (search.place, search.alternatives, search.not_found) == (None, (), True)


def test_an_empty_query_is_no_search(places):
    assert not find_places("  ").not_found


def test_the_name_lookup_uses_the_index_not_a_scan(places, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        find_places("Esslingen")


def test_the_name_match_is_served_by_the_search_name_index(places):
    from django.db import connection

    from places.lookup import _starting_with

    query = Postcode.objects.filter(_starting_with("esslingen "))
    plan = query.explain()
    assert "search_name" in plan and ("INDEX" in plan.upper() or connection.vendor == "postgresql")
    assert [row.city for row in query] == ["Esslingen am Neckar"] * 3
