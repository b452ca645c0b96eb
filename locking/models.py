"""Optimistic locking: a version column that every save of an existing row checks and counts up, so a save based
on an outdated copy is refused instead of overwriting someone else's change (docs/roles.md, no lost updates)."""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class StaleEdit(Exception):
    """The row was saved by someone else after this copy was read."""


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(_("Version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding:
            return super().save(*args, **kwargs)
        using = kwargs.get("using") or self._state.db
        with transaction.atomic(using=using):
            # The conditional update both checks and locks the row until the transaction ends.
            claimed = (
                type(self)
                ._base_manager.using(using)
                .filter(pk=self.pk, version=self.version)
                .update(version=models.F("version") + 1)
            )
            if not claimed:
                raise StaleEdit(f"{self._meta.label} {self.pk} changed since version {self.version}")
            self.version += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
            super().save(*args, **kwargs)
