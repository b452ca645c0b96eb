"""`make bench`: the app under gunicorn on PostgreSQL with a generated catalogue, driven by wrk over loopback.

Steps: database (created if missing; catalogue regenerated only when its size differs), migrate, collectstatic,
a pass through Django's test client for queries per request, the long-tail pools read from the catalogue,
gunicorn on 127.0.0.1:<port> with a Redis cache of its own, wrk for a fixed time per scenario (the cache emptied
before each long-tail one), peak RSS of the workers, page sizes, results to bench/results/. gunicorn is stopped
at the end whatever happens.
"""

import argparse
import json
import os
import platform
import secrets
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.longtail import Walk, write_pool_file  # noqa: E402
from bench.report import add_ratios, parse_wrk, summary, worker_timeouts  # noqa: E402
from bench.scenarios import LONG_TAIL, SCENARIOS, WRITING  # noqa: E402
from bench.server import BIN, Gunicorn  # noqa: E402

RESULTS = ROOT / "bench" / "results"
PROBE_SAMPLE = 5  # URLs of each long-tail pool requested through the test client before the run
WRITER_EVERY = 2.0  # seconds between two saves of the partner in WRITING scenarios


def main() -> None:
    args = _arguments()
    env = _environment(args)
    os.environ.update(env)
    _require_redis(args.redis_url)
    generation = _prepare_database(args, env)
    _warm_database(args.database_url)
    _manage(env, "collectstatic", "--no-input", "-v0")
    repeated = {name: path for name, path in SCENARIOS.items() if _wanted(name, args.scenarios)}
    tail = [name for name in LONG_TAIL if _wanted(name, args.scenarios)]
    _django_setup()
    from bench.probe import forget_counts

    paths, probes = _probe(repeated)
    pools, biggest = _pools(args.pool_size) if tail else ({}, "")
    probes |= _probe_pools(tail, pools)
    forget_counts()  # gunicorn starts without the counts the probe computed: its first requests count them
    with tempfile.TemporaryDirectory() as folder, Gunicorn(args, env, Path(folder) / "gunicorn.log") as server:
        scenarios = [_drive(server, args, name, path) | probes[name] for name, path in paths.items()]
        walk = Walk(pools)
        scenarios += [
            _drive_tail(server, args, name, walk, Path(folder), biggest) | probes.get(name, {}) for name in tail
        ]
        peak_rss = server.peak_rss_mb()
        pages = [server.page_size(path) for path in _sized_pages(paths, pools)]
    add_ratios(scenarios)
    meta = _meta(args, generation) | {"pools": {kind: len(pool) for kind, pool in pools.items()}}
    result = {"meta": meta, "scenarios": scenarios, "peak_rss_mb": peak_rss, "pages": pages}
    print()
    print(summary(result))
    _write(result, args.offers)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--offers", type=int, default=100_000, help="size of the generated catalogue")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per scenario")
    parser.add_argument("--connections", type=int, default=4, help="concurrent keep-alive connections")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--worker-class", default="sync", help="gunicorn worker class (sync, gthread)")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (gthread only)")
    parser.add_argument(
        "--scenarios", "--only", default="", help="comma-separated scenario names (default: all); tail_* for the "
        "long tail alone, e.g. --scenarios healthz,tail_mix"
    )  # fmt: skip
    parser.add_argument(
        "--pool-size", type=int, default=0, help="distinct URLs per long-tail pool (default: 2000 or 300 per "
        "second of DURATION, whichever is larger)"
    )  # fmt: skip
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8100)), help="gunicorn's port")
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13"),
        help="the benchmark's own Redis database: it is emptied before each long-tail scenario",
    )  # fmt: skip
    parser.add_argument("--fresh", action="store_true", help="regenerate the catalogue even if its size fits")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lotsendienst_bench"),
    )
    args = parser.parse_args()
    unknown = set(filter(None, args.scenarios.split(","))) - set(SCENARIOS) - set(LONG_TAIL)
    if unknown:
        parser.error(f"unknown scenarios {', '.join(sorted(unknown))}; known: {', '.join([*SCENARIOS, *LONG_TAIL])}")
    args.pool_size = args.pool_size or max(2000, 300 * args.duration)
    return args


def _environment(args) -> dict[str, str]:
    return {
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SETTINGS_MODULE": "lotsendienst.settings",
        "LOG_LEVEL": "ERROR",
    }


def _manage(env: dict, *command: str, timeout: int = 600) -> None:
    subprocess.run([BIN / "python", "manage.py", *command], cwd=ROOT, env=os.environ | env, check=True, timeout=timeout)


def _prepare_database(args, env: dict) -> dict | None:
    """Returns the generation figures when the catalogue had to be (re)generated, else None."""
    import psycopg

    url = args.database_url
    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')
    _manage(env, "migrate", "--no-input", "-v0")
    have = _generated_offers(url)
    if have == args.offers and not args.fresh:
        print(f"Catalogue already holds {have} generated offers; keeping it.")
        return None
    print(f"Catalogue holds {have} generated offers, {args.offers} wanted: recreating the database {name}.")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    _manage(env, "migrate", "--no-input", "-v0")
    started = time.monotonic()
    _manage(env, "load_demo", "--force", "--scale", str(args.offers), timeout=4 * 3600)
    generated = time.monotonic() - started
    with psycopg.connect(url, autocommit=True) as conn:
        # The generator's search-vector UPDATE leaves every offer row twice on disk; rewrite the table compactly
        # so that scans measure the catalogue, not the load procedure.
        conn.execute("VACUUM FULL offers_offer")
        conn.execute("VACUUM ANALYZE")
    return {"seconds": round(generated, 1), "offers": args.offers}


def _warm_database(url: str) -> None:
    """Reads every table and index of the catalogue into the operating system's cache (pg_prewarm), as they are on a
    database server that has been running for a while. Right after the catalogue was generated and rewritten, part of
    it is on disk only: the first scenarios then measured the disk (text searches 400-1,600 ms in the database against
    100-140 ms once read). The app's cache stays empty: that is what the long tail measures."""
    import psycopg

    started = time.monotonic()
    with psycopg.connect(url, autocommit=True) as conn:
        try:
            conn.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
        except psycopg.Error as error:
            print(f"Database not read into memory first (pg_prewarm: {error}); the first scenarios may read the disk.")
            return
        blocks = conn.execute(
            "SELECT coalesce(sum(pg_prewarm(c.oid, 'read')), 0) FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'pg_toast') AND c.relkind IN ('r', 'i', 't', 'm')"
        ).fetchone()[0]
        megabytes = blocks * int(conn.execute("SHOW block_size").fetchone()[0]) // 2**20
    print(f"Database read into the operating system's cache: {megabytes} MB in {time.monotonic() - started:.0f} s.")


def _generated_offers(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM offers_offer WHERE slug LIKE 'gen-%%'").fetchone()[0]


def _wanted(name: str, only: str) -> bool:
    return not only or name in only.split(",")


def _require_redis(url: str) -> None:
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        raise SystemExit(f"make bench needs Redis at {url} (the app's shared cache): {error}") from error


def _django_setup() -> None:
    import django

    django.setup()


def _probe(repeated: dict[str, str]) -> tuple[dict[str, str], dict[str, dict]]:
    """Resolves the repeated scenarios' URLs against this catalogue and counts each one's queries."""
    from bench.probe import measure, resolve

    paths = resolve(repeated)
    return paths, {name: measure(path) for name, path in paths.items()}


def _pools(size: int) -> tuple[dict[str, list[str]], str]:
    """The long-tail pools of this catalogue, and its biggest provider (the partner who edits in WRITING ones)."""
    from bench.catalogue import read_catalogue
    from bench.pool import build_pools

    catalogue = read_catalogue(size)
    pools = build_pools(catalogue, size)
    for kind, pool in pools.items():
        print(f"pool {kind:8} {len(pool):6} URLs" + ("" if len(pool) >= size else "  (all there are)"))
    return pools, catalogue.partners[0][0] if catalogue.partners else ""


def _probe_pools(tail: list[str], pools: dict[str, list[str]]) -> dict[str, dict]:
    """Queries and times of a few URLs of each single-kind pool, each requested once with nothing cached."""
    from bench.pool import sample
    from bench.probe import measure_cold

    single = [name for name in tail if len(LONG_TAIL[name]) == 1]  # a mix is made of the others
    return {name: measure_cold(sample(pools[LONG_TAIL[name][0]], PROBE_SAMPLE)) for name in single}


def _wrk(server: Gunicorn, args, path: str, seconds: int, pool: Path | None = None) -> dict:
    command = ["wrk", "-t1", f"-c{args.connections}", f"-d{seconds}s", "--timeout", "30s"]
    command += ["-s", str(ROOT / "bench" / "wrk.lua"), f"{server.base_url}{path}"]
    command += ["--", str(pool)] if pool else []
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    return parse_wrk(done.stdout)


def _drive(server: Gunicorn, args, name: str, path: str) -> dict:
    _wrk(server, args, path, 2)  # warm-up, not counted
    server.settle(args.workers)
    server.new_output()
    figures = {"name": name, "path": path, "urls": 1} | _wrk(server, args, path, args.duration)
    return _finish(server, args, figures)


def _drive_tail(server: Gunicorn, args, name: str, walk: Walk, folder: Path, biggest: str) -> dict:
    """No warm-up and an empty cache: the long tail is what visitors meet when nothing they ask was asked before."""
    from bench.probe import forget_counts
    from bench.writer import PartnerWriter, offers_of

    kinds = LONG_TAIL[name]
    pool = write_pool_file(folder / f"{name}.txt", walk.urls(kinds))
    forget_counts()
    writer = PartnerWriter(offers_of(biggest), args.duration, WRITER_EVERY) if name in WRITING else nullcontext()
    with writer:
        figures = {"name": name, "path": "+".join(kinds)} | _wrk(server, args, "/", args.duration, pool)
    figures |= {"urls": sum(len(walk.pools[kind]) for kind in kinds), "reused": walk.advance(kinds, figures["sent"])}
    if name in WRITING:
        figures["saves"] = writer.saves
    return _finish(server, args, figures)


def _finish(server: Gunicorn, args, figures: dict) -> dict:
    """Waits until the scenario's backlog is worked off, so that it does not count against the next one, and counts
    the requests that made a worker time out meanwhile as errors."""
    server.settle(args.workers)
    timeouts = worker_timeouts(server.new_output())
    figures |= timeouts | {"errors": figures["errors"] + timeouts["worker_timeouts"]}
    print(f"{figures['name']:16} {figures['rps']:8.1f} req/s  p95 {figures['p95_ms']} ms  errors {figures['errors']}")
    return figures


def _sized_pages(paths: dict[str, str], pools: dict[str, list[str]]) -> list[str]:
    """A plain search, a text search and the biggest provider's profile (the page that once sent megabytes)."""
    sized = [paths[name] for name in ("search", "text") if name in paths] or ["/angebote/"]
    return sized + pools.get("partner", [])[:1]


def _meta(args, generation: dict | None) -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    ram_kb = int(Path("/proc/meminfo").read_text().split()[1])
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {
        "offers": args.offers, "duration": args.duration, "connections": args.connections, "workers": args.workers,
        "worker_class": args.worker_class, "threads": args.threads, "cpu": cpu, "cores": os.cpu_count(),
        "ram_gb": round(ram_kb / 1024 / 1024, 1), "commit": commit.stdout.strip() or "unknown",
        "pool_size": args.pool_size,
        "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "generation": generation,
    }  # fmt: skip


def _write(result: dict, offers: int) -> None:
    RESULTS.mkdir(exist_ok=True)
    stem = RESULTS / f"{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}-{offers}"
    stem.with_suffix(".json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    stem.with_suffix(".txt").write_text(summary(result) + "\n")
    print(f"\nResults: {stem.relative_to(ROOT)}.json (compare two runs: .venv/bin/python bench/compare.py A B)")


if __name__ == "__main__":
    main()
