"""The Django side of `make bench`: fills in the scenario URLs and counts each one's queries.

Runs in the bench process after django.setup(), against the same database as gunicorn, through Django's test
client: nothing has to be switched on in the app for it.
"""

import statistics
import time

from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from offers.models import Offer, Sector


def resolve(scenarios: dict[str, str]) -> dict[str, str]:
    values = {"sector": _busiest_sector(), "offer": _listed_offer()}
    return {name: path.format(**values) for name, path in scenarios.items()}


def _busiest_sector() -> str:
    sector = Sector.objects.annotate(n=Count("offers")).order_by("-n", "pk").first()
    return sector.slug if sector else "none"


def _listed_offer() -> str:
    offer = Offer.objects.listed().filter(slug__startswith="gen-").order_by("pk").first()
    return offer.slug if offer else "none"


def measure(path: str) -> dict:
    """Queries, their database time and the request's whole time in the app (after a warm-up request)."""
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    client.get(path)
    status, queries, db_ms, app_ms = _timed(client, path)
    return {
        "status": status,
        "queries": queries,
        "db_ms": round(db_ms, 1),
        "app_ms": round(app_ms, 1),
        "cold_ms": round(_cold_ms(client, path), 1),
    }


def measure_cold(paths: list[str]) -> dict:
    """A few URLs of a long-tail pool, each requested once with nothing cached (as the scenario will request them):
    the median of their queries and times, the slowest one's time as `cold_ms` and its URL as `slowest`, and how
    many did not answer 200."""
    if not paths:
        return {}
    forget_counts()
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    runs = [_timed(client, path) for path in paths]
    _status, queries, db_ms, app_ms = (statistics.median(column) for column in zip(*runs, strict=True))
    slowest = max(range(len(runs)), key=lambda i: runs[i][3])
    return {"queries": round(queries), "db_ms": round(db_ms, 1), "app_ms": round(app_ms, 1),
            "cold_ms": round(runs[slowest][3], 1), "slowest": paths[slowest],
            "probe_errors": sum(run[0] != 200 for run in runs)}  # fmt: skip


def _timed(client: Client, path: str) -> tuple[int, int, float, float]:
    """(status, queries, ms in the database, ms in the app) of one request; a status other than 200 is printed."""
    with CaptureQueriesContext(connection) as context:
        started = time.perf_counter()
        response = client.get(path)
        app_ms = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        print(f"  {path} answered {response.status_code} in the probe")
    db_ms = sum(float(query["time"]) for query in context.captured_queries) * 1000
    return response.status_code, len(context), db_ms, app_ms


def forget_counts() -> None:
    """Empties the cached counts and result pages."""
    from django.core.cache import cache

    cache.clear()


def _cold_ms(client, path: str) -> float:
    """The same request with nothing cached: what the first visitor after an edit (or on a new day) waits."""
    forget_counts()
    started = time.perf_counter()
    client.get(path)
    return (time.perf_counter() - started) * 1000
