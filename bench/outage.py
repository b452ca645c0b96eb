"""Load a running portal while a command breaks its database, and count what the visitors got.

    .venv/bin/python bench/outage.py --base-url http://127.0.0.1:8026 --duration 30 --at 10 \\
        -- pg_ctlcluster 15 mycluster restart

Several threads fetch public pages in a loop for `--duration` seconds; after `--at` seconds the command runs once.
The report: requests per status, errors other than 503 (the target is none), the outage window (first to last
answer that was not 200) and the recovery time (from the end of the command to the last answer that was not 200).
Never point the command at a database other people use; see docs/operations.md, "Outages".
"""

import argparse
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from itertools import cycle

PATHS = ["/", "/angebote/", "/angebote/?q=Mechatroniker", "/partner/", "/foerderung/", "/healthz"]


def fetch(url: str) -> int | str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError as error:
        return type(error).__name__


def load(base_url: str, until: float, results: list, lock: threading.Lock) -> None:
    for path in cycle(PATHS):
        if time.monotonic() >= until:
            return
        status = fetch(base_url + path)
        with lock:
            results.append((time.monotonic(), path, status))


def run(args) -> dict:
    results: list = []
    lock = threading.Lock()
    start = time.monotonic()
    until = start + args.duration
    threads = [threading.Thread(target=load, args=(args.base_url, until, results, lock)) for _ in range(args.threads)]
    for thread in threads:
        thread.start()
    time.sleep(args.at)
    command_started = time.monotonic()
    subprocess.run(args.command, check=True)
    command_done = time.monotonic()
    for thread in threads:
        thread.join()
    return summarise(results, command_started, command_done)


def summarise(results: list, command_started: float, command_done: float) -> dict:
    statuses = Counter(status for _at, _path, status in results)
    failed = [(at, path, status) for at, path, status in results if status != 200]
    return {
        "requests": len(results),
        "statuses": dict(statuses),
        "errors_other_than_503": [f"{path}: {status}" for _at, path, status in failed if status != 503],
        "command_seconds": round(command_done - command_started, 2),
        "outage_window_seconds": round(failed[-1][0] - failed[0][0], 2) if failed else 0,
        "recovery_after_command_seconds": round(max(0, failed[-1][0] - command_done), 2) if failed else 0,
        "first_failure_after_command_start": round(failed[0][0] - command_started, 2) if failed else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--at", type=float, default=10, help="seconds after the start to run the command")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("command", nargs="+", help="what breaks the database, e.g. pg_ctlcluster 15 NAME restart")
    report = run(parser.parse_args())
    for key, value in report.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
