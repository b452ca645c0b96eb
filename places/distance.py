"""The one distance computation: great-circle kilometres from a place to each row's latitude/longitude, computed in
the database (spherical law of cosines; ACOS, COS, SIN and RADIANS are PostgreSQL functions, and Django registers
them on SQLite), so rows can be filtered and sorted by it."""

from __future__ import annotations

import math
from typing import Protocol

from django.db.models import Case, FloatField, Q, QuerySet, Value, When
from django.db.models.functions import ACos, Cos, Least, Radians, Sin

EARTH_RADIUS_KM = 6371.0
KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180  # of latitude everywhere, of longitude at the equator


class Place(Protocol):
    """A Postcode, or anything else with coordinates."""

    latitude: float
    longitude: float


def distance_km(place: Place) -> Case:
    """Kilometres from `place` to the row's own latitude and longitude; NULL for a row without coordinates."""
    lat = math.radians(place.latitude)
    cosine = Value(math.sin(lat)) * Sin(Radians("latitude")) + Value(math.cos(lat)) * Cos(Radians("latitude")) * Cos(
        Radians("longitude") - Value(math.radians(place.longitude))
    )
    # Rounding can lift the cosine of a zero distance just above 1, where ACOS fails.
    kilometres = ACos(Least(cosine, Value(1.0))) * Value(EARTH_RADIUS_KM)
    # PostgreSQL's LEAST skips NULL, which would put a row without coordinates 0 km away: it gets no distance.
    located = Q(latitude__isnull=False, longitude__isnull=False)
    return Case(When(located, then=kilometres), output_field=FloatField())


class LocatedQuerySet(QuerySet):
    """For models with latitude and longitude fields."""

    def with_distance_from(self, place: Place) -> LocatedQuerySet:
        """Annotated with distance_km from `place` (None where a row has no coordinates)."""
        return self.annotate(distance_km=distance_km(place))

    def within(self, place: Place, km: float) -> LocatedQuerySet:
        """Rows at most `km` from `place`, annotated with distance_km. A bounding box comes first, so that an index
        on latitude and longitude narrows the rows before any distance is computed."""
        dlat = km / KM_PER_DEGREE
        dlon = km / (KM_PER_DEGREE * max(math.cos(math.radians(place.latitude)), 0.01))
        boxed = self.filter(
            latitude__range=(place.latitude - dlat, place.latitude + dlat),
            longitude__range=(place.longitude - dlon, place.longitude + dlon),
        )
        return boxed.with_distance_from(place).filter(distance_km__lte=km)
