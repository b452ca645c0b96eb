"""The page of a search sorted by distance: the nearest runs first, then the offers they belong to.

Sorting the offers of a radius search by the distance of each one's nearest run computes that distance offer by
offer (a subquery each): around a city at a million offers, 50 km hold 36,000 offers and took 0.6–2 s. Here the
current runs within the radius are grouped by offer with their smallest distance (one pass over the runs'
coordinate index) and sorted, and the offers are tested against the rest of the search in that order, up to the
end of the page: the same offers in the same order (distance, then id), at a tenth of the cost.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, Min
from django.db.models.expressions import RawSQL

from offers.models import Offer, Run
from offers.search.facets import q

NEAREST = "nearest_km"


def nearest_ids(offers, place, km: float, start: int, stop: int) -> list[int]:
    """The ids of the results `start` to `stop` of `offers` (a search without its place) with a current run within
    `km` of `place`, nearest first (ties by id)."""
    runs = Run.objects.current().within(place, km).values("offer_id").annotate(**{NEAREST: Min("distance_km")})
    runs_sql, runs_params = runs.order_by(NEAREST, "offer_id").query.sql_with_params()
    offer_id = f"{q(Offer._meta.db_table)}.{q(Offer._meta.pk.column)}"
    this_offer = RawSQL(f"{offer_id} = n.{q('offer_id')}", [], output_field=BooleanField())
    matching_sql, matching_params = offers.filter(this_offer).order_by().values("pk").query.sql_with_params()
    sql = (
        f"SELECT n.{q('offer_id')} FROM ({runs_sql}) n WHERE EXISTS ({matching_sql}) "
        f"ORDER BY n.{q(NEAREST)}, n.{q('offer_id')} LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*runs_params, *matching_params, stop - start, start])
        return [offer for (offer,) in cursor.fetchall()]
