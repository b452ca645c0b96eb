"""The app under test: gunicorn on one port, with what `make bench` needs to know about it while it runs."""

import gzip
import os
import signal
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"


class Gunicorn:
    """Started on entering, stopped (its whole process group) on leaving, whatever happened in between. Its output
    goes to `log`, which new_output() reads piece by piece."""

    def __init__(self, args, env: dict, log: Path):
        self.base_url = f"http://{HOST}:{args.port}"
        self.command = [
            str(BIN / "gunicorn"), "lotsendienst.wsgi", "--bind", f"{HOST}:{args.port}", "--workers", str(args.workers),
            "--worker-class", args.worker_class, "--threads", str(args.threads), "--timeout", "30",
            "--log-level", "warning",
        ]  # fmt: skip
        self.env = os.environ | env
        self.process = None
        self.log, self._read = log, 0

    def __enter__(self) -> "Gunicorn":
        self._refuse_busy_port()
        with self.log.open("w") as output:
            self.process = subprocess.Popen(
                self.command, cwd=ROOT, env=self.env, start_new_session=True, stdout=output, stderr=subprocess.STDOUT
            )
        signal.signal(signal.SIGTERM, _interrupt)
        self._wait_healthy()
        return self

    def __exit__(self, *exc) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        print("gunicorn stopped.")

    def _refuse_busy_port(self) -> None:
        try:
            urllib.request.urlopen(f"{self.base_url}/healthz", timeout=1)
        except OSError:
            return
        raise SystemExit(f"Something already answers on {self.base_url}; stop it first or choose another --port.")

    def _wait_healthy(self, seconds: int = 30) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("gunicorn exited during start-up; see its output above.")
            try:
                with urllib.request.urlopen(f"{self.base_url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise SystemExit(f"gunicorn did not answer /healthz within {seconds} s.")

    def new_output(self) -> str:
        """What gunicorn wrote since the last call (echoed, so that tracebacks are not lost)."""
        with self.log.open() as output:
            output.seek(self._read)
            text = output.read()
            self._read = output.tell()
        sys.stderr.write(text)
        return text

    def settle(self, workers: int, seconds: int = 180) -> None:
        """Sync workers finish requests whose client has gone: wait until every worker is free again (as many
        parallel /healthz requests as workers all answer within a second), so that the previous scenario's
        backlog does not count against the next one."""
        deadline = time.monotonic() + seconds
        with ThreadPoolExecutor(workers) as pool:
            while time.monotonic() < deadline:
                if max(pool.map(self._healthz_seconds, range(workers))) < 1:
                    return
                time.sleep(0.5)

    def _healthz_seconds(self, _) -> float:
        started = time.monotonic()
        try:
            urllib.request.urlopen(f"{self.base_url}/healthz", timeout=60).close()
        except OSError:
            return 60.0
        return time.monotonic() - started

    def peak_rss_mb(self) -> float:
        """VmHWM (peak resident set) of the largest gunicorn worker."""
        master = self.process.pid
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        return round(max((_vm_hwm_kb(int(pid)) for pid in children), default=0) / 1024, 1)

    def page_size(self, path: str) -> dict:
        """A page's size as sent and compressed: the app leaves compressing HTML to the proxy in front of it
        (gzip -6 stands in for it), unless it compressed the answer itself."""
        request = urllib.request.Request(f"{self.base_url}{path}", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=120) as response:
            body = response.read()
            encoded = response.headers.get("Content-Encoding") == "gzip"
        raw = gzip.decompress(body) if encoded else body
        compressed = body if encoded else gzip.compress(body, compresslevel=6)
        return {"path": path, "kb": round(len(raw) / 1024, 1), "gzip_kb": round(len(compressed) / 1024, 1)}


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _vm_hwm_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0
