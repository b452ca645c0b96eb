"""What the public search's caches are keyed by."""

import secrets

from django.db import models, transaction


class CatalogueVersion(models.Model):
    """A single row whose token changes with every edit that can change what a public page shows.

    Every cached piece of a public page (counts, result pages, cards, the search form, the offer page) is keyed by
    it (docs/operations.md#caching), so an edit by any process invalidates them in every process. A random token
    rather than a counter: a rolled-back transaction cannot make an old number, and with it an old cache entry,
    valid again.
    """

    token = models.CharField(max_length=32, default="")

    def __str__(self) -> str:
        return self.token

    @classmethod
    def current(cls) -> str:
        return cls.objects.filter(pk=1).values_list("token", flat=True).first() or "-"

    @classmethod
    def bump(cls) -> None:
        """Change the token once the current transaction commits, however many writes in it ask for it.

        After the commit, not before: a visitor's request between the bump and the commit would otherwise cache the
        old data under the new token. And a short write of its own: the single row is not locked for the length of
        every editor's transaction. A rolled-back transaction drops the callback, and with it the bump.
        """
        connection = transaction.get_connection()
        if any(callback is _write_new_token for _, callback, _ in connection.run_on_commit):
            return
        transaction.on_commit(_write_new_token)


def _write_new_token() -> None:
    token = secrets.token_hex(8)
    if not CatalogueVersion.objects.filter(pk=1).update(token=token):
        CatalogueVersion.objects.update_or_create(pk=1, defaults={"token": token})
