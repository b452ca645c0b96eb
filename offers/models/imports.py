"""The log of a partner's bulk imports: who imported which file when, and what it changed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from partners.models import Partner


class ImportLog(models.Model):
    class Source(models.TextChoices):
        FILE = "file", _("Datei")
        FEED = "feed", _("Feed")

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="import_logs", verbose_name=_("Anbieter")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("importiert von")
    )
    created_at = models.DateTimeField(_("importiert am"), auto_now_add=True)
    file_name = models.CharField(_("Datei"), max_length=255)
    created = models.PositiveIntegerField(_("neu"), default=0)
    changed = models.PositiveIntegerField(_("geändert"), default=0)
    unchanged = models.PositiveIntegerField(_("unverändert"), default=0)
    archived = models.PositiveIntegerField(_("archiviert"), default=0)
    source = models.CharField(_("Quelle"), max_length=10, choices=Source.choices, default=Source.FILE)
    # A feed whose file has problems is logged too (with nothing written), so its editors see it failed.
    problems = models.PositiveIntegerField(_("Probleme"), default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Import")
        verbose_name_plural = _("Importe")

    def __str__(self) -> str:
        return f"{self.partner} – {self.file_name}"


class PendingUpload(models.Model):
    """A file between the admin's preview and its confirmation. In the database, not on a disk, because the app runs
    as several processes on several machines (README, "Production"); deleted on confirmation or after a day."""

    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE)
    complete = models.BooleanField(default=False)
    file_name = models.CharField(max_length=255)
    data = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.file_name
