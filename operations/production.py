"""The production check (`manage.py check_production`): what `check --deploy` cannot see because it needs the
environment or the database. Each check returns the one message of its failure, or None (docs/operations.md)."""

from collections.abc import Callable
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.staff import staff_filter
from operations.models import WorkerHeartbeat

HEARTBEAT_WITHIN = timedelta(hours=1)


def shared_cache() -> str | None:
    if not settings.REDIS_URL:
        return "No shared cache: set REDIS_URL, else every app process caches and counts rate limits on its own."
    return None


def mail_server() -> str | None:
    if not settings.MAILERS["outgoing"]["BACKEND"].endswith("smtp.EmailBackend"):
        return "No e-mail server: set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD)."
    return None


def debug_off() -> str | None:
    return "DEBUG is on: set DJANGO_DEBUG=0." if settings.DEBUG else None


def trusted_proxies() -> str | None:
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and not settings.TRUSTED_PROXIES:
        return (
            "Behind a reverse proxy (DJANGO_BEHIND_PROXY=1) without DJANGO_TRUSTED_PROXIES: lock-outs and rate "
            "limits would count every visitor under the proxy's address."
        )
    return None


def staff_second_factor() -> str | None:
    if not apps.is_installed("django_otp"):
        return None  # no second factor in this installation to check
    from django_otp import user_has_device  # only importable where django-otp is installed

    staff = get_user_model().objects.filter(staff_filter(), is_active=True).distinct().order_by("username")
    missing = [user.get_username() for user in staff if not user_has_device(user, confirmed=True)]
    if missing:
        return (
            f"{len(missing)} staff account(s) without a second factor: {', '.join(missing)} "
            "(they set one up at their next login; deactivate accounts nobody uses)."
        )
    return None


def worker_seen() -> str | None:
    if not WorkerHeartbeat.objects.filter(last_seen__gte=timezone.now() - HEARTBEAT_WITHIN).exists():
        return "No worker seen in the last hour: run `python manage.py run_worker` beside the web server."
    return None


CHECKS: list[Callable[[], str | None]] = [
    shared_cache,
    mail_server,
    debug_off,
    trusted_proxies,
    staff_second_factor,
    worker_seen,
]


def failures() -> list[str]:
    return [message for check in CHECKS if (message := check())]
