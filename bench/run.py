"""`make bench`: the app under gunicorn on PostgreSQL with a generated catalogue, driven by wrk over loopback.

Steps: database (created if missing; catalogue regenerated only when its size differs), migrate, collectstatic,
a pass through Django's test client for queries per request, gunicorn on 127.0.0.1:8100, wrk for a fixed time per
scenario, peak RSS of the workers, results to bench/results/. gunicorn is stopped at the end whatever happens.
"""

import argparse
import json
import os
import platform
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.report import add_ratios, parse_wrk, summary  # noqa: E402
from bench.scenarios import SCENARIOS  # noqa: E402

BIN = ROOT / ".venv" / "bin"
HOST, PORT = "127.0.0.1", 8100
RESULTS = ROOT / "bench" / "results"


def main() -> None:
    args = _arguments()
    env = _environment(args.database_url)
    os.environ.update(env)
    generation = _prepare_database(args, env)
    _manage(env, "collectstatic", "--no-input", "-v0")
    paths, probes = _probe({name: path for name, path in SCENARIOS.items() if _wanted(name, args.only)})
    with _gunicorn(args, env) as master:
        scenarios = [_drive(name, path, args) | probes[name] for name, path in paths.items()]
        peak_rss = _peak_rss_mb(master)
    add_ratios(scenarios)
    result = {"meta": _meta(args, generation), "scenarios": scenarios, "peak_rss_mb": peak_rss}
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
    parser.add_argument("--only", default="", help="comma-separated scenario names (default: all)")
    parser.add_argument("--fresh", action="store_true", help="regenerate the catalogue even if its size fits")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lotsendienst_bench"),
    )
    return parser.parse_args()


def _environment(database_url: str) -> dict[str, str]:
    return {
        "DATABASE_URL": database_url,
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


def _generated_offers(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM offers_offer WHERE slug LIKE 'gen-%%'").fetchone()[0]


def _wanted(name: str, only: str) -> bool:
    return not only or name in only.split(",")


def _probe(scenarios: dict[str, str]) -> tuple[dict[str, str], dict[str, dict]]:
    """Resolves the scenario URLs against this catalogue and counts each one's queries with the test client."""
    import django

    django.setup()
    from bench.probe import forget_counts, measure, resolve

    paths = resolve(scenarios)
    measured = {name: measure(path) for name, path in paths.items()}
    forget_counts()  # gunicorn starts without the counts the probe computed: its first requests count them
    return paths, measured


class _gunicorn:
    def __init__(self, args, env: dict):
        self.command = [
            str(BIN / "gunicorn"), "lotsendienst.wsgi", "--bind", f"{HOST}:{PORT}", "--workers", str(args.workers),
            "--worker-class", args.worker_class, "--threads", str(args.threads), "--timeout", "30",
            "--log-level", "warning",
        ]  # fmt: skip
        self.env = os.environ | env
        self.process = None

    def __enter__(self) -> int:
        _refuse_busy_port()
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=self.env, start_new_session=True)
        signal.signal(signal.SIGTERM, _interrupt)
        _wait_healthy(self.process)
        return self.process.pid

    def __exit__(self, *exc) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        print("gunicorn stopped.")


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _refuse_busy_port() -> None:
    try:
        urllib.request.urlopen(f"http://{HOST}:{PORT}/healthz", timeout=1)
    except OSError:
        return
    raise SystemExit(f"Something already answers on {HOST}:{PORT}; stop it first.")


def _wait_healthy(process: subprocess.Popen, seconds: int = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited during start-up; see its output above.")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{PORT}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer /healthz within {seconds} s.")


def _drive(name: str, path: str, args) -> dict:
    _settle(args.workers)
    url = f"http://{HOST}:{PORT}{path}"
    wrk = ["wrk", "-t1", f"-c{args.connections}", "--timeout", "30s", "-s", str(ROOT / "bench" / "wrk.lua")]
    subprocess.run([*wrk, "-d2s", url], capture_output=True, timeout=60, check=True)  # warm-up, not counted
    done = subprocess.run(
        [*wrk, f"-d{args.duration}s", url], capture_output=True, text=True, timeout=args.duration + 60
    )
    figures = {"name": name, "path": path} | parse_wrk(done.stdout)
    print(f"{name:14} {figures['rps']:8.1f} req/s  p95 {figures['p95_ms']} ms  errors {figures['errors']}")
    return figures


def _settle(workers: int, seconds: int = 180) -> None:
    """Sync workers finish requests whose client has gone: wait until every worker is free again (as many
    parallel /healthz requests as workers all answer within a second), so that the previous scenario's backlog
    does not count against the next one."""
    deadline = time.monotonic() + seconds
    with ThreadPoolExecutor(workers) as pool:
        while time.monotonic() < deadline:
            if max(pool.map(_healthz_seconds, range(workers))) < 1:
                return
            time.sleep(0.5)


def _healthz_seconds(_) -> float:
    started = time.monotonic()
    try:
        urllib.request.urlopen(f"http://{HOST}:{PORT}/healthz", timeout=60).close()
    except OSError:
        return 60.0
    return time.monotonic() - started


def _peak_rss_mb(master: int) -> float:
    """VmHWM (peak resident set) of the largest gunicorn worker."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    peaks = [_vm_hwm_kb(int(pid)) for pid in children]
    return round(max(peaks, default=0) / 1024, 1)


def _vm_hwm_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _meta(args, generation: dict | None) -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    ram_kb = int(Path("/proc/meminfo").read_text().split()[1])
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {
        "offers": args.offers, "duration": args.duration, "connections": args.connections, "workers": args.workers,
        "worker_class": args.worker_class, "threads": args.threads, "cpu": cpu, "cores": os.cpu_count(),
        "ram_gb": round(ram_kb / 1024 / 1024, 1), "commit": commit.stdout.strip() or "unknown",
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
