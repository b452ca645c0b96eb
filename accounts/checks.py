from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def shared_cache_for_rate_limits(app_configs, **kwargs):
    """Rate limits count in the cache; a per-process cache lets every worker grant the full allowance again."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("LocMemCache", "DummyCache")):
        return [
            Warning(
                "Rate limits count in a per-process cache: each app process grants the full allowance.",
                hint="Set REDIS_URL so every process shares one cache (docs/operations.md).",
                id="accounts.W001",
            )
        ]
    return []
