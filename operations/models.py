"""What the worker remembers in the database, so that several workers and restarts agree (docs/operations.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyJobRun(models.Model):
    """The day a daily job was last enqueued: a job is enqueued at most once per day, by whichever worker is first."""

    name = models.CharField(_("Job"), max_length=100, unique=True)
    last_run_on = models.DateField(_("zuletzt gestartet am"), null=True, blank=True)

    class Meta:
        verbose_name = _("täglicher Job")
        verbose_name_plural = _("tägliche Jobs")

    def __str__(self) -> str:
        return self.name


class WorkerHeartbeat(models.Model):
    """One row per worker process; `last_seen` shows the production check that some worker is alive."""

    worker_id = models.CharField(_("Worker"), max_length=64, unique=True)
    host = models.CharField(_("Rechner"), max_length=255)
    started_at = models.DateTimeField(_("gestartet"))
    last_seen = models.DateTimeField(_("zuletzt gesehen"), db_index=True)

    class Meta:
        verbose_name = _("Worker")
        verbose_name_plural = _("Worker")

    def __str__(self) -> str:
        return f"{self.worker_id}@{self.host}"
