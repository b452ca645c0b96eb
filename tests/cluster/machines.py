"""Throw-away PostgreSQL clusters, a Redis server and gunicorn servers for the two-server test.

Everything runs on this machine on ports of its own; nothing touches the shared PostgreSQL on 5432 or Redis on
6379. Debian's cluster tools (postgresql-common) manage the clusters; they need root.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("pg_createcluster", "pg_ctlcluster", "pg_dropcluster", "redis-server", "runuser")


def missing_tools() -> str:
    """Why the two-server test cannot run here ('' when it can)."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        return f"needs {', '.join(missing)} (Debian: postgresql, redis-server)"
    if os.geteuid() != 0:
        return "needs root to create PostgreSQL clusters with pg_createcluster"
    if not postgres_version():
        return "no PostgreSQL server binaries in /usr/lib/postgresql"
    return ""


def postgres_version() -> str:
    versions = sorted(
        (p.name for p in Path("/usr/lib/postgresql").glob("*") if (p / "bin" / "postgres").exists()), key=int
    )
    return versions[-1] if versions else ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(*command: str, **kwargs) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True, timeout=120, **kwargs)
    except subprocess.CalledProcessError as error:
        raise AssertionError(f"{' '.join(command)} failed:\n{error.stdout}\n{error.stderr}") from None


class Cluster:
    """One PostgreSQL cluster made by pg_createcluster; `drop()` removes it with its data."""

    def __init__(self, name: str):
        self.version = postgres_version()
        self.name = name
        self.port = free_port()
        self.data = Path(f"/var/lib/postgresql/{self.version}/{name}")

    def create(self) -> None:
        self.drop()  # a run that was killed may have left it behind
        # fsync off: this data is thrown away, and the test should not wait for the disk.
        run("pg_createcluster", self.version, self.name, "-p", str(self.port), "-o", "fsync=off", "--", "--auth=trust")

    def start(self) -> None:
        run("pg_ctlcluster", self.version, self.name, "start")

    def stop(self) -> None:
        run("pg_ctlcluster", self.version, self.name, "stop", "-m", "fast")

    def drop(self) -> None:
        subprocess.run(["pg_dropcluster", "--stop", self.version, self.name], capture_output=True, timeout=120)

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def sql(self, query: str, database: str = "postgres") -> str:
        return run("psql", self.url(database), "-tAc", query).stdout.strip()

    def replicate(self, primary: "Cluster") -> None:
        """Replaces this new (not started) cluster's data by a base backup of `primary`, then follows it."""
        for entry in self.data.iterdir():  # keep the directory itself: it belongs to postgres
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        pg_basebackup = f"/usr/lib/postgresql/{self.version}/bin/pg_basebackup"
        run("runuser", "-u", "postgres", "--", pg_basebackup, "-h", "127.0.0.1", "-p", str(primary.port),
            "-U", "postgres", "-D", str(self.data), "-X", "stream", "-R", "--checkpoint=fast")  # fmt: skip
        self.start()


class Process:
    """A server started in the background, stopped (and waited for) by `stop()`."""

    def __init__(self, command: list[str], log: Path, env: dict[str, str] | None = None):
        self.log = log
        with log.open("w") as output:
            self.popen = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()


def redis_server(port: int, log: Path) -> Process:
    return Process(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], log
    )


def gunicorn(port: int, env: dict[str, str], log: Path) -> Process:
    command = [str(Path(sys.executable).parent / "gunicorn"), "lotsendienst.wsgi", "--bind", f"127.0.0.1:{port}",
               "--workers", "2", "--timeout", "30", "--graceful-timeout", "5"]  # fmt: skip
    return Process(command, log, env)


def fetch(url: str, timeout: float = 10) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if fetch(url, timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer 200 within {seconds} s")
