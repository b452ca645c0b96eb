"""What the public search's caches are keyed by and what they share between processes."""

import secrets

from django.db import models


class CatalogueVersion(models.Model):
    """A single row whose token changes with every edit that can change what the public search shows.

    Cached facet counts and totals are keyed by it (offers.filters), so an edit by any process invalidates
    them in every process, whatever the cache backend. A random token rather than a counter: a rolled-back
    transaction cannot make an old number, and with it an old cache entry, valid again.
    """

    token = models.CharField(max_length=32, default="")

    def __str__(self) -> str:
        return self.token

    @classmethod
    def current(cls) -> str:
        return cls.objects.filter(pk=1).values_list("token", flat=True).first() or "-"

    @classmethod
    def bump(cls) -> None:
        token = secrets.token_hex(8)
        if not cls.objects.filter(pk=1).update(token=token):
            cls.objects.update_or_create(pk=1, defaults={"token": token})
        SearchSummary.objects.all().delete()  # keyed by the old token: never read again


class SearchSummary(models.Model):
    """Totals and facet counts of one search under one catalogue version and day (key as in OfferFilter), shared by
    all processes: the first process computes them while the others wait for it (an advisory lock on PostgreSQL),
    instead of each one counting a large catalogue at the same time. Emptied whenever the version changes."""

    key = models.CharField(max_length=120, primary_key=True)
    data = models.JSONField()

    def __str__(self) -> str:
        return self.key
