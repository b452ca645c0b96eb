"""Strict helpers that read settings from the environment and fail loudly on bad values."""

import ipaddress
import os

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a yes/no value; use one of: 1, 0, true, false, yes, no, on, off."
    )


def env_int(name: str, default: int, *, minimum: int | None = None, maximum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={value} is below the minimum of {minimum}.")
    if maximum is not None and value > maximum:
        raise ImproperlyConfigured(f"{name}={value} is above the maximum of {maximum}.")
    return value


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    items = [item.strip() for item in raw.split(",")]
    if any(not item for item in items) and raw.strip():
        raise ImproperlyConfigured(f"{name}={raw!r} has an empty entry; separate values with single commas.")
    return [item for item in items if item]


def env_origins(name: str) -> list[str]:
    origins = env_list(name)
    for origin in origins:
        if not origin.startswith(("http://", "https://")):
            raise ImproperlyConfigured(
                f"{name}: {origin!r} must start with https:// (or http://), e.g. https://lotse.example.org."
            )
    return origins


def env_networks(name: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """Comma-separated addresses or CIDR ranges, e.g. 127.0.0.1,10.0.0.0/8,::1."""
    networks = []
    for item in env_list(name):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name}: {item!r} is not an IP address or CIDR range such as 10.0.0.0/8."
            ) from None
    return networks


INSECURE_KEY_MARKERS = ("django-insecure", "change-me", "dev-only")


def secret_key(*, debug: bool) -> str:
    key = env_str("DJANGO_SECRET_KEY")
    if debug:
        return key or "django-insecure-dev-only-key-do-not-use-in-production"
    if not key:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    if any(marker in key for marker in INSECURE_KEY_MARKERS) or len(key) < 40:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is a default or too short (< 40 characters); generate a new one with "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
        )
    return key
