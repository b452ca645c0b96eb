import math

import pytest
from django.db.models import F

from partners.models import Partner
from places.distance import EARTH_RADIUS_KM
from places.models import Postcode

pytestmark = pytest.mark.django_db
STUTTGART = Postcode(code="70173", city="Stuttgart", latitude=48.7784, longitude=9.18)
SCHWERIN = Postcode(code="19053", city="Schwerin", latitude=53.6278, longitude=11.4147)


def haversine_km(a, b) -> float:
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lat2 - lat1, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def located(slug: str, latitude=None, longitude=None, **fields) -> Partner:
    fields = {"name": slug.title(), "kind": Partner.Kind.BERATUNG, **fields}
    return Partner.objects.create(slug=slug, latitude=latitude, longitude=longitude, **fields)


def test_with_distance_from_is_the_great_circle_distance_computed_in_the_database():
    esslingen = located("esslingen", 48.7427, 9.3057)
    schwerin = located("schwerin", 53.6278, 11.4147)

    distances = dict(Partner.objects.with_distance_from(STUTTGART).values_list("slug", "distance_km"))

    assert distances["esslingen"] == pytest.approx(haversine_km(STUTTGART, esslingen), abs=1e-6)
    assert distances["schwerin"] == pytest.approx(haversine_km(STUTTGART, schwerin), abs=1e-6)
    assert 10 < distances["esslingen"] < 10.5
    assert 560 < distances["schwerin"] < 570


def test_with_distance_from_the_same_place_is_zero_and_without_coordinates_none():
    located("here", STUTTGART.latitude, STUTTGART.longitude)
    located("nowhere")
    located("half", latitude=48.7)

    distances = dict(Partner.objects.with_distance_from(STUTTGART).values_list("slug", "distance_km"))

    assert distances == {"here": pytest.approx(0, abs=1e-6), "nowhere": None, "half": None}


def test_within_keeps_rows_inside_the_radius_only():
    located("esslingen", 48.7427, 9.3057)  # 10.2 km
    located("ludwigsburg", 48.8975, 9.1919)  # 13.3 km
    located("schwerin", 53.6278, 11.4147)
    located("nowhere")

    assert set(Partner.objects.within(STUTTGART, 10).values_list("slug", flat=True)) == set()
    assert set(Partner.objects.within(STUTTGART, 12).values_list("slug", flat=True)) == {"esslingen"}
    assert set(Partner.objects.within(STUTTGART, 25).values_list("slug", flat=True)) == {"esslingen", "ludwigsburg"}


def test_contact_points_are_the_active_flagged_partners_by_name_and_sort_by_distance():
    located("b-schwerin", SCHWERIN.latitude, SCHWERIN.longitude, name="B Schwerin", is_contact_point=True)
    esslingen = located("a-esslingen", 48.7427, 9.3057, name="A Esslingen", is_contact_point=True)
    located("c-unbekannt", name="C Unbekannt", is_contact_point=True)
    located("d-geschlossen", 48.78, 9.18, name="D Geschlossen", is_contact_point=True, active=False)
    located("e-anbieter", 48.78, 9.18, name="E Anbieter")

    by_name = Partner.objects.contact_points()
    nearest = by_name.with_distance_from(SCHWERIN).order_by(F("distance_km").asc(nulls_last=True), "name", "pk")

    assert [partner.slug for partner in by_name] == ["a-esslingen", "b-schwerin", "c-unbekannt"]
    assert [(partner.slug, partner.distance_km) for partner in nearest] == [
        ("b-schwerin", pytest.approx(0, abs=1e-6)),
        ("a-esslingen", pytest.approx(haversine_km(SCHWERIN, esslingen), abs=1e-6)),
        ("c-unbekannt", None),
    ]
