"""Where a page's database time goes: each query of one request with its time, and EXPLAIN ANALYZE of the slowest.

DATABASE_URL=postgres://postgres@127.0.0.1:5432/lotsendienst_bench REDIS_URL=redis://127.0.0.1:6379/13 DJANGO_DEBUG=0 \\
    DJANGO_SECRET_KEY=... \\
    DJANGO_ALLOWED_HOSTS=testserver .venv/bin/python bench/explain.py "/angebote/?q=Mechatroniker" [--top 3]
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lotsendienst.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path")
    parser.add_argument("--top", type=int, default=3, help="how many of the slowest queries to explain")
    parser.add_argument("--cold", action="store_true", help="forget cached counts and pages first")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(raise_request_exception=False)
    client.get(args.path)  # warm caches
    if args.cold:
        from bench.probe import forget_counts

        forget_counts()
    with CaptureQueriesContext(connection) as context:
        status = client.get(args.path).status_code
    queries = sorted(context.captured_queries, key=lambda query: -float(query["time"]))
    total = sum(float(query["time"]) for query in queries)
    print(f"{args.path}: HTTP {status}, {len(queries)} queries, {total * 1000:.0f} ms in the database\n")
    for query in queries:
        print(f"{float(query['time']) * 1000:8.1f} ms  {query['sql'][:160]}")
    with connection.cursor() as cursor:
        for query in queries[: args.top]:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
            print(f"\n--- {float(query['time']) * 1000:.1f} ms ---\n{query['sql']}\n")
            print("\n".join(row[0] for row in cursor.fetchall()))


if __name__ == "__main__":
    main()
