from bench.outage import summarise


def test_outage_report_counts_503s_apart_from_other_errors_and_times_the_recovery():
    results = [
        (10.0, "/", 200),
        (10.5, "/angebote/", 503),
        (11.0, "/partner/", 500),
        (11.2, "/", "ConnectionResetError"),
        (12.0, "/healthz", 503),
        (13.0, "/", 200),
    ]

    report = summarise(results, command_started=10.2, command_done=11.5)

    assert report == {
        "requests": 6,
        "statuses": {200: 2, 503: 2, 500: 1, "ConnectionResetError": 1},
        "errors_other_than_503": ["/partner/: 500", "/: ConnectionResetError"],
        "command_seconds": 1.3,
        "outage_window_seconds": 1.5,
        "recovery_after_command_seconds": 0.5,
        "first_failure_after_command_start": 0.3,
    }


def test_outage_report_without_failures():
    report = summarise([(1.0, "/", 200)], command_started=0.5, command_done=0.7)

    assert (report["errors_other_than_503"], report["outage_window_seconds"]) == ([], 0)
    assert report["first_failure_after_command_start"] is None
