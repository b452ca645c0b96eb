"""The API's rate limit: requests per client address and minute, counted in the shared cache (Redis in production)."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from accounts.addresses import client_address


class ClientRateThrottle(SimpleRateThrottle):
    """Answers 429 with Retry-After once an address has made API_RATE_LIMIT requests within a minute."""

    scope = "api"

    def get_rate(self) -> str:
        # Read per request rather than at import, so the setting (and a test overriding it) always applies.
        return f"{settings.API_RATE_LIMIT}/min"

    def get_cache_key(self, request, view) -> str:
        # The client address as every rate limit sees it (X-Forwarded-For only from DJANGO_TRUSTED_PROXIES).
        return self.cache_format % {"scope": self.scope, "ident": client_address(request)}
