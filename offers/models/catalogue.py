"""What the public search's caches are keyed by."""

import secrets

from asgiref.local import Local
from django.core.signals import request_finished, request_started
from django.db import models, transaction

# The token as this request read it. A public page asks for it several times (the counts, the result cards, the form,
# the vocabularies); one query a request is enough, since the token a request started with keys everything it
# caches. Only inside a request: a command or a task always reads the row.
_this_request = Local()


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
        token = getattr(_this_request, "token", None)
        if token is None:
            token = cls.objects.filter(pk=1).values_list("token", flat=True).first() or "-"
            if getattr(_this_request, "active", False):
                _this_request.token = token
        return token

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
    _this_request.token = None  # a request that writes reads the new token for the rest of it


def _request_starts(**kwargs) -> None:
    _this_request.active, _this_request.token = True, None


def _request_ends(**kwargs) -> None:
    _this_request.active, _this_request.token = False, None


request_started.connect(_request_starts, dispatch_uid="catalogue_version_request_starts")
request_finished.connect(_request_ends, dispatch_uid="catalogue_version_request_ends")
