from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django_tasks_db.models import DBTaskResult

from offers.models import Offer
from operations.models import DailyJobRun, WorkerHeartbeat
from operations.schedule import enqueue_due_jobs
from tests.factories import OfferFactory, days
from tests.operations.conftest import run_worker

BERLIN = ZoneInfo("Europe/Berlin")
JOBS = [
    "refresh_offer_dates",
    "apply_retention",
    "erase_old_inhouse_requests",
    "remind_stale_offers",
    "remind_overdue_inquiries",
    "remind_needs_analyses",
    "prune_db_task_results",
    "fetch_partner_feeds",
]


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, 5, tzinfo=BERLIN)


def queued_jobs() -> list[str]:
    results = DBTaskResult.objects.filter(task_path="operations.schedule.run_daily_job").order_by("enqueued_at")
    return [result.args_kwargs["kwargs"]["name"] for result in results]


@pytest.fixture
def jobs_at_three(settings):
    settings.JOBS_HOUR = 3
    return settings


def test_no_job_is_enqueued_before_the_hour(db, jobs_at_three):
    assert enqueue_due_jobs(at(25, 2)) == []
    assert queued_jobs() == []


def test_every_daily_job_is_enqueued_once_from_the_hour_on(db, jobs_at_three):
    assert enqueue_due_jobs(at(25, 3)) == JOBS
    assert queued_jobs() == JOBS
    assert set(DailyJobRun.objects.values_list("name", "last_run_on")) == {(name, at(25, 3).date()) for name in JOBS}


def test_a_second_worker_or_a_restart_the_same_day_enqueues_nothing(db, jobs_at_three):
    enqueue_due_jobs(at(25, 3))

    assert enqueue_due_jobs(at(25, 3)) == []
    assert enqueue_due_jobs(at(25, 23)) == []
    assert queued_jobs() == JOBS


def test_the_next_day_runs_every_job_again(db, jobs_at_three):
    enqueue_due_jobs(at(25, 3))

    assert enqueue_due_jobs(at(26, 2)) == []
    assert enqueue_due_jobs(at(26, 4)) == JOBS
    assert queued_jobs() == JOBS + JOBS


def test_a_worker_started_after_the_hour_catches_up_the_same_day(db, jobs_at_three):
    assert enqueue_due_jobs(at(25, 17)) == JOBS


def test_a_later_job_registered_in_the_settings_runs_the_same_way(db, jobs_at_three):
    jobs_at_three.DAILY_JOBS = ["refresh_offer_dates", "clearsessions"]

    assert enqueue_due_jobs(at(25, 3)) == ["refresh_offer_dates", "clearsessions"]


def test_worker_runs_the_daily_jobs_prints_progress_and_records_its_heartbeat(transactional_db, settings, capsys):
    settings.JOBS_HOUR = 0
    offer = OfferFactory(runs__start_date=days(10))
    Offer.objects.filter(pk=offer.pk).update(next_start=None)  # as if the dates were out of step

    run_worker()

    offer.refresh_from_db()
    assert offer.next_start == days(10)
    assert [result.status for result in DBTaskResult.objects.all()] == ["SUCCESSFUL"] * len(JOBS)
    output = capsys.readouterr().out
    for name in JOBS:
        assert f"Daily job {name}: started" in output
        assert f"Daily job {name}: finished in" in output
    assert "Angebote aktualisiert." in output
    assert "Retention 1095 days: cases closed before" in output
    [heartbeat] = WorkerHeartbeat.objects.all()
    assert heartbeat.last_seen - heartbeat.started_at < timedelta(seconds=5)
