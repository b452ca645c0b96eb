"""Two app servers, a PostgreSQL primary with a streaming replica, and one Redis, all on this machine.

Run by .ci/run (LOTSE_CLUSTER_TESTS=1, root, Debian's postgresql and redis-server); skipped elsewhere with the
reason. The clusters, Redis and the servers are removed afterwards, also when a test fails. The figures (how long an
edit took to reach the other server, the replica lag) are printed; `pytest -rA` shows them.
"""

import os
import secrets
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from demo.accounts import DEMO_OTP_KEY
from tests.cluster.browser import Browser
from tests.cluster.machines import Cluster, Process, fetch, free_port, gunicorn, redis_server, run, wait_until_up

pytestmark = pytest.mark.cluster

DATABASE = "lotse_cluster"
PORT_A, PORT_B = 8027, 8028
PARTNER = "/partner/bildungswerk-sued/"
OFFER = "/angebote/schweissen-kompakt/"
PUBLIC_PAGES = ["/", "/angebote/", OFFER, "/partner/", PARTNER, "/foerderung/"]

SEED = """
import datetime
from django.contrib.auth.models import User
from django.utils import timezone
from offers.models import Offer, Run
from partners.models import Partner
from django_otp.plugins.otp_totp.models import TOTPDevice
from demo.accounts import DEMO_OTP_KEY
user = User.objects.create_superuser("koordination", "koordination@example.org", "demo")
TOTPDevice.objects.create(user=user, name="Demo", key=DEMO_OTP_KEY, confirmed=True)
partner = Partner.objects.create(slug="bildungswerk-sued", name="Bildungswerk Süd", kind=Partner.Kind.TRAEGER)
offer = Offer.objects.create(provider=partner, slug="schweissen-kompakt", title="Schweißen kompakt",
    summary="Ein Kurs.", kind=Offer.Kind.ANPASSUNG, status=Offer.Status.PUBLISHED)
start = timezone.localdate() + datetime.timedelta(days=30)
Run.objects.create(offer=offer, start_date=start, end_date=start + datetime.timedelta(days=30),
    schedule=Run.Schedule.TEILZEIT, learning_form=Run.LearningForm.ONLINE_LIVE)
"""


@dataclass
class Setup:
    primary: Cluster
    replica: Cluster
    redis: Process
    a: str
    b: str
    logs: Path

    def log_of(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text()


def app_environment(primary: Cluster, replica: Cluster, redis_port: int) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE", "REDIS"))}
    return {
        **keep,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "TESTING": "1",  # plain static files (no collectstatic) and the fast password hasher
        "DATABASE_URL": primary.url(DATABASE),
        "DATABASE_REPLICA_URL": replica.url(DATABASE),
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/3",  # a database number of its own
        "LOG_LEVEL": "WARNING",
    }


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    logs = tmp_path_factory.mktemp("two-servers")
    primary, replica = Cluster("lotse_test_primary"), Cluster("lotse_test_replica")
    started: list[Process] = []
    try:
        primary.create()
        primary.start()
        primary.sql(f"CREATE DATABASE {DATABASE}")
        redis_port = free_port()
        started.append(redis_server(redis_port, logs / "redis.log"))
        env = app_environment(primary, replica, redis_port)
        primary_only = {**env, "DATABASE_REPLICA_URL": ""}
        run(sys.executable, "manage.py", "migrate", "--no-input", "-v0", env=primary_only)
        run(sys.executable, "manage.py", "shell", "-c", SEED, env=primary_only)
        replica.create()
        replica.replicate(primary)
        for name, port in (("a", PORT_A), ("b", PORT_B)):
            started.append(gunicorn(port, env, logs / f"{name}.log"))
        for port in (PORT_A, PORT_B):
            wait_until_up(f"http://127.0.0.1:{port}/healthz")
        yield Setup(primary, replica, started[0], f"http://127.0.0.1:{PORT_A}", f"http://127.0.0.1:{PORT_B}", logs)
    finally:
        for process in reversed(started):
            process.stop()
        replica.drop()
        primary.drop()


def wait_for(url: str, text: str, seconds: float) -> float:
    """Seconds until the page at `url` shows `text`; fails after `seconds`."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        status, page = fetch(url)
        if status == 200 and text in page:
            return time.monotonic() - start
        time.sleep(0.05)
    raise AssertionError(f"{url} did not show {text!r} within {seconds} s")


def test_replica_streams_from_the_primary(setup):
    assert setup.replica.sql("SELECT pg_is_in_recovery()") == "t"
    assert setup.primary.sql("SELECT state FROM pg_stat_replication") == "streaming"


def test_edit_through_server_a_shows_on_server_b_within_two_seconds(setup):
    for path in (PARTNER, OFFER):  # B has read and cached both pages before the edit
        assert "Bildungswerk Süd" in fetch(setup.b + path)[1]
    admin = Browser(setup.a)
    admin.log_in_to_admin("koordination", "demo", otp_key=DEMO_OTP_KEY)
    partner_id = setup.primary.sql("SELECT id FROM partners_partner WHERE slug = 'bildungswerk-sued'", DATABASE)

    edited_at = time.monotonic()
    url, page = admin.submit(
        f"/admin/partners/partner/{partner_id}/change/", "partner_form", {"name": "Bildungswerk Südwest"}
    )
    saved = time.monotonic() - edited_at
    on_partner_page = wait_for(setup.b + PARTNER, "Bildungswerk Südwest", 2)
    on_offer_page = wait_for(setup.b + OFFER, "Bildungswerk Südwest", 2)

    assert url.endswith("/admin/partners/partner/"), page
    lag = setup.primary.sql("SELECT COALESCE(EXTRACT(EPOCH FROM replay_lag), 0) FROM pg_stat_replication")
    b_on_replica = setup.replica.sql(f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{DATABASE}'")
    print(
        f"admin save on A {saved:.3f} s; on B's partner page after {on_partner_page:.3f} s, on its offer page "
        f"after {on_partner_page + on_offer_page:.3f} s; replica replay lag (pg_stat_replication) {float(lag):.3f} s"
    )
    assert int(b_on_replica) >= 1  # B's public reads did use the replica


def test_pages_keep_working_from_the_primary_with_the_replica_stopped(setup):
    setup.replica.stop()

    statuses = [fetch(setup.b + path)[0] for _ in range(4) for path in PUBLIC_PAGES]

    assert statuses == [200] * len(statuses)
    # Found either by the periodic lag check or by a failed read; the log line may reach the file a moment later.
    deadline = time.monotonic() + 3
    while "reading from the primary" not in setup.log_of("b") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "reading from the primary" in setup.log_of("b")


def test_pages_still_render_with_redis_stopped(setup):
    setup.redis.stop()

    statuses = [fetch(server + path)[0] for server in (setup.a, setup.b) for path in PUBLIC_PAGES]

    assert statuses == [200] * len(statuses)
    assert "Redis unavailable" in setup.log_of("a") + setup.log_of("b")
