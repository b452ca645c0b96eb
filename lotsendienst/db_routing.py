"""Public reads from the PostgreSQL read replica, everything else from the primary.

`ReplicaRoutingMiddleware` decides per request whether its reads may use the replica: only a visitor's GET or HEAD
of a public page, never the admin, the desk, a signed-in user, or a browser that wrote in the last few seconds (the
`RECENT_WRITE_COOKIE`), so an editor always reads their own writes. `PrimaryReplicaRouter` then sends every write,
every read after a write in the same request, every read inside a transaction and every read of login or counselling
data to the primary; other reads go to the replica while `replica_lag.health` says it is fresh. A public read that
the replica fails is answered again from the primary. Outside a request (commands, migrations, the worker)
everything uses the primary. See docs/operations.md, "Read replica".
"""

from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connections

from lotsendienst import replica_lag

PRIMARY = "default"
REPLICA = replica_lag.REPLICA
# Login state, sessions and counselling records are personal and change under the user's hands: never from a copy.
PRIMARY_ONLY_APPS = frozenset({"admin", "auth", "axes", "counselling", "sessions"})
PRIMARY_ONLY_PATHS = ("/admin/", "/beratung/", "/konto/")
RECENT_WRITE_COOKIE = "lotse_primary"


@dataclass
class RequestRouting:
    may_use_replica: bool
    wrote: bool = False


_current: ContextVar[RequestRouting | None] = ContextVar("lotsendienst_request_routing", default=None)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def sticky_seconds() -> int:
    """How long a browser keeps reading from the primary after a write: until any replica still used has it."""
    return settings.DATABASE_REPLICA_MAX_LAG + replica_lag.CHECK_EVERY_SECONDS + 1


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        instance = hints.get("instance")
        if instance is not None and instance._state.db:
            return instance._state.db
        return REPLICA if _replica_allowed(model) else PRIMARY

    def db_for_write(self, model, **hints):
        routing = _current.get()
        if routing is not None:
            routing.wrote = True
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


def _replica_allowed(model) -> bool:
    routing = _current.get()
    return (
        routing is not None
        and routing.may_use_replica
        and not routing.wrote
        and model._meta.app_label not in PRIMARY_ONLY_APPS
        and not connections[PRIMARY].in_atomic_block
        and replica_lag.health.is_fresh()
    )


class ReplicaRoutingMiddleware:
    """After AuthenticationMiddleware: a session cookie makes it ask whether the user is signed in."""

    def __init__(self, get_response):
        if not replica_configured():
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        public_read = _is_public_read(request)
        response, routing = self._respond(request, public_read)
        if public_read and response.status_code == 503 and replica_lag.take_failure():
            # The replica broke under this request (pages/outage.py made it a 503): a public GET is safe to
            # answer again, now from the primary, so the visitor never sees the replica fail.
            replica_lag.health.mark_down()
            response, routing = self._respond(request, False)
        if routing.wrote or request.method not in ("GET", "HEAD", "OPTIONS"):
            response.set_cookie(
                RECENT_WRITE_COOKIE, "1", max_age=sticky_seconds(), secure=request.is_secure(), httponly=True
            )
        return response

    def _respond(self, request, may_use_replica: bool):
        routing = RequestRouting(may_use_replica=may_use_replica)
        token = _current.set(routing)
        try:
            return self.get_response(request), routing
        finally:
            _current.reset(token)


def _is_public_read(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(PRIMARY_ONLY_PATHS)
        and RECENT_WRITE_COOKIE not in request.COOKIES
        and not (settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated)
    )
