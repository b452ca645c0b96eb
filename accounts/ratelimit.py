"""Rate limits per client address, counted in Django's cache: with REDIS_URL that is Redis, shared by every app
process, so three workers do not grant three times the limit (docs/operations.md, "Caching")."""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from accounts.addresses import client_address


@dataclass(frozen=True)
class RateLimit:
    scope: str
    limit_setting: str  # name of the setting with the number allowed per window, read at each request
    window_seconds: int = 3600

    def _key(self, request) -> str:
        return f"ratelimit:{self.scope}:{client_address(request)}"

    def exceeded(self, request) -> bool:
        """True once this address has used up the window's allowance; counts nothing."""
        return cache.get(self._key(request), 0) >= getattr(settings, self.limit_setting)

    def count(self, request) -> int:
        """Counts one use; the window starts with the first use and is not extended by later ones."""
        key = self._key(request)
        cache.add(key, 0, timeout=self.window_seconds)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.window_seconds)
            return 1
