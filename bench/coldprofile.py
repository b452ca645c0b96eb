"""Where the long tail's time goes: a few URLs of each pool, each requested once with the cache emptied, through
Django's test client; per pool the median and slowest times in the app and the database, the slowest URLs, and
the query shapes that cost most per request (literals and numbers folded, so one shape gathers all its URLs).

Same environment as bench/explain.py (DATABASE_URL of the benchmark's catalogue, REDIS_URL, DJANGO_DEBUG=0, ...):
    .venv/bin/python bench/coldprofile.py [--kinds text,radius] [-n 10] [--top 4]
"""

import argparse
import collections
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lotsendienst.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kinds", default="text,typo,radius,filters,deep,partner,pages,offer")
    parser.add_argument("-n", type=int, default=10, help="URLs per pool, spread over the pool")
    parser.add_argument("--top", type=int, default=4, help="query shapes to print per pool")
    args = parser.parse_args()

    import django

    django.setup()
    from bench.catalogue import read_catalogue
    from bench.pool import build_pools

    pools = build_pools(read_catalogue(2000), 2000)
    for kind in args.kinds.split(","):
        urls = pools[kind][:: max(1, len(pools[kind]) // args.n)][: args.n]
        _report(kind, [_cold_request(url) for url in urls], args.top)


def _cold_request(url: str) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        status = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False).get(url).status_code
        app_ms = (time.perf_counter() - started) * 1000
    times = [(_shape(query["sql"]), float(query["time"]) * 1000) for query in queries.captured_queries]
    return {"url": url, "status": status, "app_ms": app_ms, "db_ms": sum(ms for _, ms in times), "queries": times}


def _shape(sql: str) -> str:
    sql = re.sub(r"'[^']*'", "?", sql)
    sql = re.sub(r"\b\d+(\.\d+)?\b", "N", sql)
    return re.sub(r"\(N(, N)*\)", "(N…)", sql)[:200]


def _report(kind: str, requests: list[dict], top: int) -> None:
    app = sorted(request["app_ms"] for request in requests)
    db = [request["db_ms"] for request in requests]
    print(f"\n== {kind}: {len(requests)} URLs, app p50 {statistics.median(app):.0f} ms, max {app[-1]:.0f} ms; "
          f"database p50 {statistics.median(db):.0f} ms")  # fmt: skip
    for request in sorted(requests, key=lambda r: -r["app_ms"])[:3]:
        print(f"   {request['app_ms']:7.0f} ms, database {request['db_ms']:5.0f} ms, {len(request['queries']):3} "
              f"queries, {request['status']}  {request['url']}")  # fmt: skip
    shapes = collections.Counter()
    for request in requests:
        for shape, ms in request["queries"]:
            shapes[shape] += ms
    for shape, ms in shapes.most_common(top):
        print(f"   {ms / len(requests):7.1f} ms a request  {shape}")


if __name__ == "__main__":
    main()
