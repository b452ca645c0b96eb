"""Daily jobs: the management commands in settings.DAILY_JOBS, enqueued once a day from JOBS_HOUR on (local time).

Each job is claimed with one conditional UPDATE of its DailyJobRun row, so of several workers (or a worker restarted
the same day) exactly one enqueues it. A worker that starts after the hour catches up on the same day.
"""

import time
from datetime import datetime

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.utils import timezone

from operations.models import DailyJobRun


@task
def run_daily_job(*, name: str) -> str:
    started = time.monotonic()
    print(f"Daily job {name}: started", flush=True)
    call_command(name)  # the command prints its own progress to the worker's output
    done = f"Daily job {name}: finished in {time.monotonic() - started:.1f} s"
    print(done, flush=True)
    return done


def enqueue_due_jobs(now: datetime | None = None) -> list[str]:
    """Enqueues every daily job not yet started today, once the configured hour has come; returns their names."""
    local = timezone.localtime(now or timezone.now())
    if local.hour < settings.JOBS_HOUR:
        return []
    return [name for name in settings.DAILY_JOBS if _claim(name, local.date())]


@transaction.atomic
def _claim(name: str, today) -> bool:
    DailyJobRun.objects.get_or_create(name=name)
    not_today = Q(last_run_on__isnull=True) | Q(last_run_on__lt=today)
    claimed = DailyJobRun.objects.filter(not_today, name=name).update(last_run_on=today)
    if claimed:
        # In the same transaction: a claim without its task (or a task without its claim) cannot be left behind.
        run_daily_job.enqueue(name=name)
    return bool(claimed)
