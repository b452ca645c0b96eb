"""Turning wrk's output into figures, and figures into tables (no Django, no I/O: easy to test)."""

import json
import re

MARKER = "BENCH_JSON "


def parse_wrk(output: str) -> dict:
    """The figures of one wrk run, from the line that bench/wrk.lua prints at the end."""
    lines = [line for line in output.splitlines() if line.startswith(MARKER)]
    if not lines:
        raise ValueError("wrk printed no BENCH_JSON line; was it started with -s bench/wrk.lua?")
    raw = json.loads(lines[-1][len(MARKER) :])
    seconds = raw["duration_us"] / 1_000_000
    socket_errors = raw["connect"] + raw["read"] + raw["write"] + raw["timeout"]
    done = raw["requests"]
    figures = {
        "requests": done,
        # Requests sent, also those still open at the end: how far a long-tail scenario got through its pool.
        "sent": raw.get("sent", done),
        "rps": round(done / seconds, 1) if seconds else 0.0,
        "kb": round(raw["bytes"] / done / 1024, 1) if done else None,
        "non2xx": raw["non2xx"],
        "socket_errors": socket_errors,
        # No answer at all within the run is a failure too, even when wrk counted no error.
        "errors": raw["non2xx"] + socket_errors + (0 if done else 1),
    }
    for name in ("p50", "p95", "p99", "max"):
        # wrk records no latency for answers slower than its --timeout (max stays 0): no figure, not 0 ms.
        figures[f"{name}_ms"] = round(raw[f"{name}_us"] / 1000, 1) if done and raw["max_us"] else None
    return figures


TIMEOUT_MARK = "WORKER TIMEOUT"
FAILED_REQUEST = re.compile(r"Error handling request (?:GET|HEAD) (\S+)")


def worker_timeouts(gunicorn_output: str) -> dict:
    """Requests that made a gunicorn worker time out, from its output: failures for their visitors, also those wrk
    had stopped waiting for when its time was up (it counts none of these)."""
    count = gunicorn_output.count(TIMEOUT_MARK)
    return {"worker_timeouts": count, "timed_out": FAILED_REQUEST.findall(gunicorn_output)[:count]}


def add_ratios(scenarios: list[dict], baseline: str = "healthz") -> None:
    """Each scenario's throughput as a share of the baseline's, measured in the same run."""
    base = next((s["rps"] for s in scenarios if s["name"] == baseline), 0)
    for scenario in scenarios:
        scenario["ratio"] = round(scenario["rps"] / base, 3) if base else None


COLUMNS = [
    ("scenario", "name", "{}"),
    ("req/s", "rps", "{:.1f}"),
    ("p50 ms", "p50_ms", "{:.1f}"),
    ("p95 ms", "p95_ms", "{:.1f}"),
    ("p99 ms", "p99_ms", "{:.1f}"),
    ("errors", "errors", "{}"),
    ("queries", "queries", "{}"),
    ("db ms", "db_ms", "{:.1f}"),
    ("app ms", "app_ms", "{:.1f}"),
    ("cold ms", "cold_ms", "{:.1f}"),
    ("÷ healthz", "ratio", "{:.3f}"),
    ("kB", "kb", "{:.1f}"),
    ("URLs", "urls", "{}"),
]


def _cell(scenario: dict, key: str, fmt: str) -> str:
    value = scenario.get(key)
    return "–" if value is None else fmt.format(value)


def table(scenarios: list[dict]) -> str:
    rows = [[title for title, _, _ in COLUMNS]]
    rows += [[_cell(s, key, fmt) for _, key, fmt in COLUMNS] for s in scenarios]
    return _render(rows)


def _render(rows: list[list[str]]) -> str:
    """Rows as aligned text: first column left, the others right, a rule under the header."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def summary(result: dict) -> str:
    meta = result["meta"]
    head = (
        f"{meta['offers']} generated offers, {meta['duration']} s per scenario, {meta['connections']} connections, "
        f"gunicorn {meta['workers']} × {meta['worker_class']} on {meta['cpu']} ({meta['cores']} cores, "
        f"{meta['ram_gb']} GB RAM), commit {meta['commit']}, {meta['started']}"
    )
    notes = [f"peak RSS of one gunicorn worker: {result['peak_rss_mb']} MB"]
    notes += [
        f"page size {page['path']}: {page['kb']} kB, {page['gzip_kb']} kB gzip" for page in result.get("pages", [])
    ]
    notes += [note for scenario in result["scenarios"] for note in _notes(scenario)]
    return f"{head}\n\n{table(result['scenarios'])}\n\n" + "\n".join(notes)


def _notes(scenario: dict) -> list[str]:
    """What the table cannot show of a scenario: where to look first, and what made its figures less clean."""
    name, notes = scenario["name"], []
    if scenario.get("slowest"):
        notes.append(f"{name}: slowest probed {scenario['slowest']} ({scenario['cold_ms']} ms)")
    if scenario.get("probe_errors"):
        notes.append(f"{name}: {scenario['probe_errors']} probed URLs did not answer 200")
    if scenario.get("worker_timeouts"):
        paths = ", ".join(scenario["timed_out"])
        notes.append(f"{name}: {scenario['worker_timeouts']} worker timeouts (30 s), counted as errors: {paths}")
    if scenario.get("reused"):
        notes.append(f"{name}: {scenario['reused']} requests reused a URL (pool used up)")
    if "saves" in scenario:
        notes.append(f"{name}: the partner saved an offer {scenario['saves']} times during the run")
    return notes


def compare(a: dict, b: dict) -> str:
    """Two runs side by side: per scenario req/s and p95 of A and B, and B's change against A."""
    b_by_name = {s["name"]: s for s in b["scenarios"]}
    rows = [["scenario", "A req/s", "B req/s", "A p95 ms", "B p95 ms", "p95 B/A", "A q", "B q"]]
    for s in a["scenarios"]:
        other = b_by_name.get(s["name"], {})
        change = other["p95_ms"] / s["p95_ms"] if other.get("p95_ms") and s["p95_ms"] else None
        rows.append([
            s["name"], f"{s['rps']:.1f}", _cell(other, "rps", "{:.1f}"), _cell(s, "p95_ms", "{:.1f}"),
            _cell(other, "p95_ms", "{:.1f}"), "–" if change is None else f"{change:.2f}",
            _cell(s, "queries", "{}"), _cell(other, "queries", "{}"),
        ])  # fmt: skip
    rows.append(["peak RSS MB", "", "", "", "", "", str(a["peak_rss_mb"]), str(b["peak_rss_mb"])])
    title = f"A: {_label(a)}   B: {_label(b)}"
    return "\n".join([title, "", _render(rows)])


def _label(result: dict) -> str:
    return f"{result['meta']['offers']} offers, {result['meta']['started']}"
