"""The files in deploy/ start what the README says and pass the proxy headers the app relies on."""

import configparser
import gc
import importlib
import shutil
import subprocess
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(DEPLOY / name)
    return parser


def test_web_unit_runs_gunicorn_with_the_production_environment():
    service = unit("lotsendienst-web.service")["Service"]

    command = " ".join(service["ExecStart"].replace("\\\n", " ").split())
    assert command.startswith("/srv/lotsendienst/.venv/bin/gunicorn lotsendienst.wsgi --bind 10.0.0.21:8000")
    assert (service["EnvironmentFile"], service["User"], service["Restart"]) == (
        "/etc/lotsendienst/env", "lotsendienst", "on-failure"
    )  # fmt: skip


def test_worker_unit_runs_the_one_worker_command():
    service = unit("lotsendienst-worker.service")["Service"]

    assert service["ExecStart"] == "/srv/lotsendienst/.venv/bin/python manage.py run_worker"
    assert (service["EnvironmentFile"], service["User"], service["Restart"]) == (
        "/etc/lotsendienst/env", "lotsendienst", "always"
    )  # fmt: skip


def test_proxy_passes_the_visitor_address_and_scheme():
    config = (DEPLOY / "nginx.conf").read_text()

    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in config
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in config
    assert "proxy_pass http://lotsendienst;" in config


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
def test_units_pass_systemd_analyze():
    units = [str(DEPLOY / "lotsendienst-web.service"), str(DEPLOY / "lotsendienst-worker.service")]
    result = subprocess.run(["systemd-analyze", "verify", *units], capture_output=True, text=True, timeout=60)

    # Only the paths of a real installation are missing on a development machine.
    problems = [line for line in result.stderr.splitlines() if line and "is not executable" not in line]
    assert problems == []


def test_the_wsgi_app_keeps_what_start_up_loaded_out_of_the_full_garbage_collections():
    """A full collection went through every module, URL pattern and view again: a pause of about 100 ms every few
    hundred requests of a worker."""
    gc.unfreeze()
    try:
        importlib.reload(importlib.import_module("lotsendienst.wsgi"))
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()  # the tests' own objects stay collectable
