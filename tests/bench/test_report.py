import io

import pytest

from bench.probe import measure_cold, resolve
from bench.report import add_ratios, compare, parse_wrk, summary, table, worker_timeouts
from bench.scenarios import SCENARIOS
from offers.models import Offer, Sector
from offers.scale import generate

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8100/angebote/
  1 threads and 4 connections
BENCH_JSON {"requests": 1500, "duration_us": 10000000, "bytes": 900000, "non2xx": 3, "connect": 0, "read": 1, \
"write": 0, "timeout": 2, "p50_us": 24500, "p95_us": 61250, "p99_us": 90040, "max_us": 120000, "mean_us": 26000.5}
"""


def _scenario(name, rps, p95, queries=None):
    return {"name": name, "rps": rps, "p50_ms": 1.0, "p95_ms": p95, "p99_ms": 2.0, "errors": 0, "queries": queries}


def _result(offers, scenarios):
    machine = {"cpu": "AMD EPYC", "cores": 2, "ram_gb": 23.5, "commit": "abc1234", "started": "2026-11-21 23:00 UTC"}
    meta = {"offers": offers, "duration": 10, "connections": 4, "workers": 3, "worker_class": "sync", **machine}
    return {"meta": meta, "scenarios": scenarios, "peak_rss_mb": 88.5}


def test_parse_wrk_reads_rate_percentiles_and_errors():
    figures = parse_wrk(WRK_OUTPUT)

    assert figures == {
        "requests": 1500, "sent": 1500, "rps": 150.0, "p50_ms": 24.5, "p95_ms": 61.2, "p99_ms": 90.0,
        "max_ms": 120.0, "non2xx": 3, "socket_errors": 3, "errors": 6, "kb": 0.6,
    }  # fmt: skip


def test_parse_wrk_reads_how_many_requests_a_pool_walk_sent():
    figures = parse_wrk(WRK_OUTPUT.replace('"requests": 1500,', '"requests": 1500, "sent": 1504,'))

    assert figures["sent"] == 1504 and figures["requests"] == 1500


def test_parse_wrk_without_marker_line_raises_a_clear_error():
    with pytest.raises(ValueError, match="BENCH_JSON"):
        parse_wrk("Running 10s test\nunable to connect to 127.0.0.1:8100 Connection refused\n")


def test_add_ratios_divides_by_the_healthz_baseline():
    scenarios = [_scenario("healthz", 1000.0, 2.0), _scenario("search", 250.0, 40.0)]

    add_ratios(scenarios)

    assert [s["ratio"] for s in scenarios] == [1.0, 0.25]


def test_add_ratios_without_baseline_leaves_none():
    scenarios = [_scenario("search", 250.0, 40.0)]

    add_ratios(scenarios)

    assert scenarios[0]["ratio"] is None


def test_table_shows_each_scenario_and_dashes_for_missing_values():
    lines = table([_scenario("healthz", 1000.0, 2.0, queries=1), _scenario("detail", 80.5, 31.0)]).splitlines()

    assert lines[0].split() == ["scenario", "req/s", "p50", "ms", "p95", "ms", "p99", "ms", "errors", "queries",
                                "db", "ms", "app", "ms", "cold", "ms", "÷", "healthz", "kB", "URLs"]  # fmt: skip
    assert lines[2].split()[:7] == ["healthz", "1000.0", "1.0", "2.0", "2.0", "0", "1"]
    assert lines[3].split()[:7] == ["detail", "80.5", "1.0", "31.0", "2.0", "0", "–"]


def test_summary_names_machine_and_peak_memory():
    text = summary(_result(100000, [_scenario("healthz", 1000.0, 2.0)]))

    assert "100000 generated offers" in text and "AMD EPYC (2 cores, 23.5 GB RAM)" in text
    assert text.endswith("peak RSS of one gunicorn worker: 88.5 MB")


def test_summary_names_page_sizes_reused_urls_and_the_writer_s_saves():
    tail = _scenario("tail_mix_writer", 12.0, 140.0) | {"reused": 17, "saves": 5}
    deep = _scenario("tail_deep", 5.0, 900.0) | {"slowest": "/angebote/?page=4000", "cold_ms": 812.5, "probe_errors": 1}
    result = _result(100000, [_scenario("healthz", 1000.0, 2.0), deep, tail])
    result["pages"] = [{"path": "/angebote/", "kb": 61.5, "gzip_kb": 8.2}]

    notes = summary(result).splitlines()[-6:]

    assert notes == [
        "peak RSS of one gunicorn worker: 88.5 MB",
        "page size /angebote/: 61.5 kB, 8.2 kB gzip",
        "tail_deep: slowest probed /angebote/?page=4000 (812.5 ms)",
        "tail_deep: 1 probed URLs did not answer 200",
        "tail_mix_writer: 17 requests reused a URL (pool used up)",
        "tail_mix_writer: the partner saved an offer 5 times during the run",
    ]


def test_compare_puts_two_runs_side_by_side_with_p95_change():
    a = _result(100000, [_scenario("search", 200.0, 50.0, 5), _scenario("detail", 300.0, 20.0, 4)])
    b = _result(1000000, [_scenario("search", 100.0, 125.0, 5)])

    rows = [line.split() for line in compare(a, b).splitlines()[4:]]

    assert rows[0] == ["search", "200.0", "100.0", "50.0", "125.0", "2.50", "5", "5"]
    assert rows[1] == ["detail", "300.0", "–", "20.0", "–", "–", "4", "–"]


@pytest.mark.django_db
def test_resolve_fills_in_a_real_sector_and_a_listed_offer():
    generate(30, stdout=io.StringIO(), seed=11)

    paths = resolve(SCENARIOS)

    sector = paths["level_sector"].split("sector=")[1]
    offer_slug = paths["detail"].split("/")[2]
    assert Sector.objects.filter(slug=sector).exists()
    offer = Offer.objects.get(slug=offer_slug)
    assert offer.status == Offer.Status.PUBLISHED and offer.runs.exists()
    assert "{" not in "".join(paths.values())


def test_parse_wrk_with_no_completed_request_counts_an_error_and_no_latency():
    stalled = WRK_OUTPUT.replace('"requests": 1500', '"requests": 0').replace('"non2xx": 3', '"non2xx": 0')
    stalled = stalled.replace('"read": 1', '"read": 0').replace('"timeout": 2', '"timeout": 0')

    figures = parse_wrk(stalled)

    assert figures["rps"] == 0.0 and figures["errors"] == 1
    assert figures["p50_ms"] is figures["p95_ms"] is figures["p99_ms"] is None


def test_parse_wrk_with_only_answers_slower_than_the_timeout_gives_no_latency():
    slow = WRK_OUTPUT.replace('"requests": 1500', '"requests": 1').replace('"max_us": 120000', '"max_us": 0')

    figures = parse_wrk(slow)

    assert figures["requests"] == 1 and figures["p95_ms"] is None and figures["max_ms"] is None


@pytest.mark.django_db
def test_measure_cold_gives_the_median_of_a_few_uncached_urls_and_the_slowest():
    generate(30, stdout=io.StringIO(), seed=12)

    figures = measure_cold(["/angebote/?q=Pflege", "/angebote/?q=Umschulung", "/angebote/?near=70173&radius=10"])

    assert set(figures) == {"queries", "db_ms", "app_ms", "cold_ms", "slowest", "probe_errors"}
    assert figures["queries"] >= 1 and figures["cold_ms"] >= figures["app_ms"] > 0
    assert figures["slowest"].startswith("/angebote/?") and figures["probe_errors"] == 0
    assert measure_cold([]) == {}


GUNICORN_OUTPUT = """[2026-11-25 23:13:28 +0100] [12165] [CRITICAL] WORKER TIMEOUT (pid:12167)
[2026-11-25 23:13:28 +0100] [12167] [ERROR] Error handling request GET /partner/gen-bildungswerk-1/?page=140
Traceback (most recent call last):
SystemExit: 1
[2026-11-25 23:13:29 +0100] [12165] [ERROR] Worker (pid:12167) was sent SIGKILL! Perhaps out of memory?
"""


def test_worker_timeouts_counts_them_and_names_the_requests():
    assert worker_timeouts(GUNICORN_OUTPUT) == {
        "worker_timeouts": 1,
        "timed_out": ["/partner/gen-bildungswerk-1/?page=140"],
    }
    assert worker_timeouts("[INFO] Booting worker with pid: 7\n") == {"worker_timeouts": 0, "timed_out": []}


def test_summary_names_the_requests_that_timed_out():
    tail = _scenario("tail_partner", 1.0, 4000.0) | {"worker_timeouts": 2, "timed_out": ["/partner/a/", "/partner/b/"]}

    notes = summary(_result(100000, [tail])).splitlines()

    assert notes[-1] == "tail_partner: 2 worker timeouts (30 s), counted as errors: /partner/a/, /partner/b/"
