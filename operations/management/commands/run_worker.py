import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from operations.worker import ScheduledWorker


class Command(DbWorkerCommand):
    help = (
        "The one worker to run beside the web server: sends queued e-mails, runs the daily jobs at JOBS_HOUR and "
        "records its heartbeat. --batch works off what is due now and exits."
    )

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*")  # mails and daily jobs alike

    def handle(self, *, verbosity: int, reload: bool, batch: bool, **options) -> None:
        self.configure_logging(verbosity)
        worker = ScheduledWorker(
            queue_names=options["queue_name"].split(","),
            excluded_queue_names=[],
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"] and not batch,
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        if reload and not batch:
            # As in db_worker: only the reloader's child process, which runs the worker, handles the signals.
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            if not batch:  # a batch run is short; Ctrl-C may simply interrupt it
                worker.configure_signals()
            worker.run()
