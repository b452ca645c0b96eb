import re

import pytest
from django.db import connection

from bench import run


def _arguments(monkeypatch, *argv):
    monkeypatch.setattr("sys.argv", ["run.py", *argv])
    return run._arguments()


def test_pool_size_defaults_to_2000_or_300_per_second_of_duration(monkeypatch):
    assert _arguments(monkeypatch, "--duration", "5").pool_size == 2000
    assert _arguments(monkeypatch, "--duration", "20").pool_size == 6000
    assert _arguments(monkeypatch, "--duration", "20", "--pool-size", "2500").pool_size == 2500


def test_port_and_redis_database_are_knobs(monkeypatch):
    monkeypatch.setenv("BENCH_PORT", "8130")
    monkeypatch.setenv("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")

    args = _arguments(monkeypatch)

    assert (args.port, args.redis_url) == (8130, "redis://127.0.0.1:6379/12")
    assert run._environment(args)["REDIS_URL"] == "redis://127.0.0.1:6379/12"


def test_scenarios_selects_by_name_and_refuses_unknown_ones(monkeypatch, capsys):
    args = _arguments(monkeypatch, "--scenarios", "healthz,tail_mix")

    assert [name for name in [*run.SCENARIOS, *run.LONG_TAIL] if run._wanted(name, args.scenarios)] == [
        "healthz", "tail_mix"
    ]  # fmt: skip
    with pytest.raises(SystemExit):
        _arguments(monkeypatch, "--only", "healthz,tail_foo")
    assert "unknown scenarios tail_foo" in capsys.readouterr().err


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_catalogue_is_read_into_memory_before_the_scenarios(capsys):
    database = connection.settings_dict
    url = f"postgresql://{database['USER']}@{database['HOST']}:{database['PORT'] or 5432}/{database['NAME']}"

    run._warm_database(url)

    read = re.search(r"Database read into the operating system's cache: (\d+) MB", capsys.readouterr().out)
    assert read is not None
    assert int(read.group(1)) > 0  # the test database's tables and indexes, a few MB
