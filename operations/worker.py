"""The one worker process: django-tasks-db's worker, plus a thread that records a heartbeat and enqueues the daily
jobs when they are due (docs/operations.md)."""

import logging
import socket
import threading
import time

from django.db import DatabaseError, close_old_connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker

from operations.models import WorkerHeartbeat
from operations.schedule import enqueue_due_jobs

TICK_SECONDS = 60
logger = logging.getLogger(__name__)


def beat(worker_id: str, *, started_at) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"last_seen": timezone.now()},
        create_defaults={"host": socket.gethostname(), "started_at": started_at, "last_seen": timezone.now()},
    )


def tick(worker_id: str, *, started_at) -> None:
    """One round of housekeeping; a database outage only skips it, the next round tries again."""
    try:
        beat(worker_id, started_at=started_at)
        for name in enqueue_due_jobs():
            logger.info("Enqueued daily job %s", name)
    except DatabaseError:
        logger.exception("Worker %s: heartbeat or schedule failed; trying again in %d s", worker_id, TICK_SECONDS)
    finally:
        close_old_connections()


class ScheduledWorker(Worker):
    """Runs tasks as django-tasks-db's worker does; the housekeeping runs beside it in a daemon thread (or once,
    before the queue is emptied, in batch mode)."""

    def run(self) -> None:
        started_at = timezone.now()
        if self.batch:
            tick(self.worker_id, started_at=started_at)
        else:
            threading.Thread(target=self._housekeeping, args=(started_at,), daemon=True).start()
        super().run()

    def _housekeeping(self, started_at) -> None:
        while self.running:
            tick(self.worker_id, started_at=started_at)
            time.sleep(TICK_SECONDS)
