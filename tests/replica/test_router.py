import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.core.exceptions import MiddlewareNotUsed
from django.db import router
from django.http import HttpResponse
from django.test import RequestFactory

from counselling.models import Inquiry
from lotsendienst.db_routing import PrimaryReplicaRouter, ReplicaRoutingMiddleware
from offers.models import Offer
from partners.models import Partner

ROOT = Path(__file__).resolve().parents[2]


class Visit:
    """One request through ReplicaRoutingMiddleware; the view records where reads would go."""

    def __init__(self, method="get", path="/angebote/", cookies=None, user=None, write_first=False):
        self.request = getattr(RequestFactory(), method)(path)
        self.request.COOKIES.update(cookies or {})
        self.request.user = user or SimpleNamespace(is_authenticated=False)
        self.write_first = write_first
        self.reads: dict[str, str] = {}
        self.response = ReplicaRoutingMiddleware(self.view)(self.request)

    def view(self, request):
        if self.write_first:
            router.db_for_write(Offer)
        for model in (Offer, Partner, Inquiry, Session, User):
            self.reads[model._meta.label] = router.db_for_read(model)
        return HttpResponse("ok")


def test_router_sends_a_visitors_public_reads_to_the_replica(replica):
    visit = Visit()

    assert visit.reads == {
        "offers.Offer": "replica",
        "partners.Partner": "replica",
        "counselling.Inquiry": "default",
        "sessions.Session": "default",
        "auth.User": "default",
    }
    assert "lotse_primary" not in visit.response.cookies


def test_router_sends_every_write_to_the_primary(replica):
    assert PrimaryReplicaRouter().db_for_write(Offer) == "default"
    assert PrimaryReplicaRouter().allow_migrate("replica", "offers") is False
    assert PrimaryReplicaRouter().allow_migrate("default", "offers") is True


def test_router_reads_after_a_write_in_the_same_request_from_the_primary(replica):
    visit = Visit(write_first=True)

    assert set(visit.reads.values()) == {"default"}
    assert visit.response.cookies["lotse_primary"]["max-age"] == 8


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_router_marks_a_browser_that_wrote_for_the_next_seconds(replica, method):
    visit = Visit(method=method)

    assert set(visit.reads.values()) == {"default"}
    cookie = visit.response.cookies["lotse_primary"]
    assert (cookie.value, cookie["max-age"], cookie["httponly"]) == ("1", 8, True)


def test_router_reads_own_writes_from_the_primary_while_the_marker_lasts(replica):
    assert set(Visit(cookies={"lotse_primary": "1"}).reads.values()) == {"default"}


@pytest.mark.parametrize(
    "path", ["/admin/offers/offer/", "/beratung/faelle/", "/beratung/anfragen/", "/konto/anmelden/"]
)
def test_router_serves_admin_desk_and_login_from_the_primary(replica, path):
    assert set(Visit(path=path).reads.values()) == {"default"}


def test_router_serves_signed_in_users_from_the_primary(replica):
    editor = SimpleNamespace(is_authenticated=True)

    visit = Visit(path="/angebote/schweissen-kompakt/", cookies={"sessionid": "abc"}, user=editor)

    assert set(visit.reads.values()) == {"default"}


def test_router_lets_a_visitor_with_a_merkliste_session_read_from_the_replica(replica):
    visit = Visit(cookies={"sessionid": "abc"})

    assert visit.reads["offers.Offer"] == "replica"


def test_router_uses_the_primary_outside_a_request(replica):
    assert router.db_for_read(Offer) == "default"


def test_router_keeps_related_reads_on_the_instances_database(replica):
    offer = Offer()
    offer._state.db = "replica"

    assert PrimaryReplicaRouter().db_for_read(Partner, instance=offer) == "replica"


@pytest.mark.django_db
def test_router_reads_inside_a_primary_transaction_from_the_primary(replica):
    # pytest-django runs this test inside a transaction on the primary.
    assert Visit().reads["offers.Offer"] == "default"


def test_router_falls_back_to_the_primary_when_the_replica_is_unreachable(replica, caplog):
    replica.unreachable()

    assert Visit().reads["offers.Offer"] == "default"
    assert "Read replica unreachable, reading from the primary: connection to server" in caplog.text


def test_router_falls_back_to_the_primary_when_the_replica_lags_too_far(replica, settings, caplog):
    settings.DATABASE_REPLICA_MAX_LAG = 5
    replica.lag = 5.5

    assert Visit().reads["offers.Offer"] == "default"
    assert "Read replica 5.5 s behind, reading from the primary" in caplog.text


def test_router_accepts_a_replica_exactly_at_the_lag_limit(replica, settings):
    settings.DATABASE_REPLICA_MAX_LAG = 5
    replica.lag = 5

    assert Visit().reads["offers.Offer"] == "replica"


def test_router_checks_the_replica_at_most_every_two_seconds(replica):
    Visit()
    replica.unreachable()
    replica.wait(1.9)
    assert Visit().reads["offers.Offer"] == "replica"  # the last answer still holds
    assert replica.measured == 1

    replica.wait(0.1)
    assert Visit().reads["offers.Offer"] == "default"
    assert replica.measured == 2


def test_router_returns_to_the_replica_once_it_answers_again(replica):
    replica.unreachable()
    Visit()
    replica.lag = 0.1
    replica.wait(2)

    assert Visit().reads["offers.Offer"] == "replica"


def test_router_answers_a_read_the_replica_failed_again_from_the_primary(replica, caplog):
    answered_from = []

    def view(request):
        database = router.db_for_read(Offer)
        answered_from.append(database)
        if database == "replica":  # the replica dies under this query; pages/outage.py answers 503
            replica.failed_queries += 1
            return HttpResponse(status=503)
        return HttpResponse("ok")

    response = ReplicaRoutingMiddleware(view)(RequestFactory().get("/angebote/"))

    assert (response.status_code, answered_from) == (200, ["replica", "default"])
    assert "Read replica failed during a request, reading from the primary" in caplog.text
    assert Visit().reads["offers.Offer"] == "default"  # until the next check
    replica.wait(2)
    assert Visit().reads["offers.Offer"] == "replica"


def test_router_does_not_repeat_a_503_the_replica_did_not_cause(replica):
    calls = []

    def view(request):
        calls.append(router.db_for_read(Offer))
        return HttpResponse(status=503)

    response = ReplicaRoutingMiddleware(view)(RequestFactory().get("/angebote/"))

    assert (response.status_code, calls) == (503, ["replica"])


def test_routing_middleware_stays_out_without_a_replica():
    with pytest.raises(MiddlewareNotUsed):
        ReplicaRoutingMiddleware(lambda request: HttpResponse())


def run_settings(env: dict[str, str]) -> subprocess.CompletedProcess:
    script = (
        "import django; django.setup(); from django.conf import settings; r = settings.DATABASES['replica']; "
        "print(r['HOST'], r['PORT'], r['NAME'], r['OPTIONS']['connect_timeout'], r['TEST']['MIRROR'], "
        "settings.DATABASE_REPLICA_MAX_LAG, settings.DATABASES['default']['OPTIONS']['connect_timeout'])"
    )
    environment = {"PATH": "/usr/bin:/bin", "DJANGO_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "lotsendienst.settings"}
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env={**environment, **env}, capture_output=True, text=True, timeout=60
    )


def test_replica_url_adds_a_replica_database_mirrored_in_tests():
    result = run_settings({
        "DATABASE_URL": "postgres://app@192.0.2.11:5432/lotse",
        "DATABASE_REPLICA_URL": "postgres://app@192.0.2.12:5433/lotse",
        "DATABASE_REPLICA_MAX_LAG": "3",
    })  # fmt: skip

    assert result.stdout.strip() == "192.0.2.12 5433 lotse 2 default 3 5", result.stderr


def test_replica_url_needs_a_postgresql_primary():
    result = run_settings({"DATABASE_REPLICA_URL": "postgres://app@192.0.2.12:5433/lotse"})

    assert result.returncode != 0
    assert "DATABASE_REPLICA_URL needs DATABASE_URL to name a PostgreSQL primary." in result.stderr
