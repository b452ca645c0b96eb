"""A per-address rate limit for the public request form, in Django's cache (locmem or Redis)."""

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def client_address(request) -> str:
    """Behind our reverse proxy every request comes from the proxy; it appends the real client last."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def hit_and_check(request, scope: str = "inquiry") -> bool:
    """Counts one attempt; True when the address has gone over the limit for this hour."""
    key = f"ratelimit:{scope}:{client_address(request)}"
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count > settings.INQUIRY_RATE_LIMIT
