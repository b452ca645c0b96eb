"""The one place lookup: what a visitor types for a place, to the Postcode row of its coordinates.

A postcode ("70173"), a postcode with its town ("70173 Stuttgart"), a town ("Schwerin") or the start of its name
("Esslingen" for Esslingen am Neckar), in any spelling places.names folds together ("Muenchen", "Schwäb. Gmünd").
Every name lookup is an equality or prefix match on the indexed Postcode.search_name."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Avg, Count, Min, Q
from django.utils.translation import gettext_lazy as _

from places.distance import KM_PER_DEGREE
from places.models import Postcode
from places.names import search_key
from places.validators import is_postcode

CODE_AND_CITY = re.compile(r"([0-9]{5})\s+(.+)")
MAX_CHOICES = 10
MAX_GROUPS = 60  # towns by name and district looked at for the choice
DOMINANT = 3
SAME_TOWN_KM = 30
MAX_HINTED = 5  # towns named in a hint (one postcode serves up to 39 villages)
CITY_HINT = _("Zur Postleitzahl %(code)s gehört %(cities)s.")


@dataclass(frozen=True)
class PlaceSearch:
    """What was found for `query`: the place used (or None) and the other towns it may mean (one row each).

    One town, or one that clearly dominates (DOMINANT times the postcodes of the next: Frankfurt am Main against
    Frankfurt (Oder), Schwerin against the village of that name): it is used, the others are offered. Several towns
    of similar size (the Neustadts): no place, the towns are the choice. Nothing: no place and no choice."""

    query: str
    place: Postcode | None = None
    alternatives: tuple[Postcode, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return self.place is None and bool(self.alternatives)

    @property
    def not_found(self) -> bool:
        return bool(self.query) and self.place is None and not self.alternatives


def find_places(query: str) -> PlaceSearch:
    query = " ".join(query.split())
    if is_postcode(query):
        return PlaceSearch(query, Postcode.objects.filter(code=query).order_by("city").first())
    match = CODE_AND_CITY.fullmatch(query)
    if match:
        return PlaceSearch(query, _postcode_of_town(match.group(1), search_key(match.group(2))))
    key = search_key(query)
    if not key:
        return PlaceSearch(query)
    # Whole words first: "Schwerin" is Schwerin, not also Schwerinsdorf; "Esslingen" is Esslingen am Neckar.
    towns = _towns(Q(search_name=key) | _starting_with(key + " ")) or _towns(_starting_with(key))
    if len(towns) == 1 or (len(towns) > 1 and towns[0].size >= DOMINANT * towns[1].size):
        return PlaceSearch(query, towns[0].row, tuple(town.row for town in towns[1:]))
    return PlaceSearch(query, alternatives=tuple(town.row for town in towns))


def locate(query: str) -> Postcode | None:
    """The place `query` names (the dominant town of several), or None."""
    return find_places(query).place


def label(postcode: Postcode) -> str:
    """A town's name for a choice, with its district where that tells the town apart ("Schwerin (Dahme-Spreewald)")."""
    district = postcode.district.split(",")[0]
    return postcode.city if not district or postcode.city.startswith(district) else f"{postcode.city} ({district})"


def _starting_with(prefix: str) -> Q:
    """Names starting with `prefix`, as a match the search_name index serves: PostgreSQL's LIKE uses the pattern
    index Django adds; SQLite's case-blind LIKE uses none, a range of its byte-ordered strings does (the keys hold
    only a-z, 0-9 and spaces, all below "~")."""
    if connection.vendor == "postgresql":
        return Q(search_name__startswith=prefix)
    return Q(search_name__gte=prefix, search_name__lt=prefix + "~")


def _postcode_of_town(code: str, key: str) -> Postcode | None:
    """The row of `code`; of the towns a postcode serves, the one whose name was given, else the first."""
    rows = list(Postcode.objects.filter(code=code).order_by("city"))
    return next((row for row in rows if row.search_name.startswith(key)), rows[0] if rows else None)


@dataclass
class Town:
    row: Postcode
    size: int  # its number of postcodes
    latitude: float
    longitude: float


def _towns(condition: Q) -> list[Town]:
    """One entry per town matching, most postcodes first (the towns people mean more often); its row is its lowest
    postcode, in larger towns the centre's."""
    groups = (
        Postcode.objects.filter(condition)
        .values("city", "district_code")
        .annotate(first_code=Min("code"), size=Count("id"), latitude=Avg("latitude"), longitude=Avg("longitude"))
        .order_by("-size", "city", "district_code")[:MAX_GROUPS]
    )
    towns: list[tuple[dict, int]] = []
    for group in groups:
        same = next((town for town in towns if _same_town(town[0], group)), None)
        if same is None:
            towns.append((group, group["size"]))
        else:
            towns[towns.index(same)] = (same[0], same[1] + group["size"])
    towns.sort(key=lambda town: -town[1])
    rows = {
        (row.code, row.city): row
        for row in Postcode.objects.filter(code__in=[group["first_code"] for group, _size in towns[:MAX_CHOICES]])
    }
    return [
        Town(rows[(group["first_code"], group["city"])], size, group["latitude"], group["longitude"])
        for group, size in towns[:MAX_CHOICES]
    ]


def _same_town(one: dict, other: dict) -> bool:
    """Postcodes of one town can lie in a neighbouring district (Stuttgart's airport, Köln's edges): groups of the
    same name near each other are one town."""
    if one["city"] != other["city"]:
        return False
    north = (one["latitude"] - other["latitude"]) * KM_PER_DEGREE
    east = (one["longitude"] - other["longitude"]) * KM_PER_DEGREE * math.cos(math.radians(one["latitude"]))
    return math.hypot(north, east) <= SAME_TOWN_KM


def city_hint(code: str, city: str) -> str:
    """„Zur Postleitzahl 18055 gehört Rostock.“ where `city` is none of the towns `code` serves; "" where it is one
    (in any spelling, also "Stuttgart-Bad Cannstatt" for Stuttgart), where no city was given or the code is unknown.

    A hint, not an error: addresses often name the part of a town ("Bad Cannstatt"), which the list does not know."""
    key = search_key(city)
    if not key or not is_postcode(code):
        return ""
    towns = list(Postcode.objects.filter(code=code).order_by("city").values_list("city", flat=True).distinct())
    if not towns or any(key.startswith(search_key(town)) or search_key(town).startswith(key) for town in towns):
        return ""
    return CITY_HINT % {"code": code, "cities": _(" oder ").join(towns[:MAX_HINTED])}
