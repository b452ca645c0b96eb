"""Partner feeds: fetched within bounds from a local test server, imported with the same rules, and on any problem
nothing applied and the partner's editors mailed the report."""

import ipaddress
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from offers.imports.fetch import FetchError, fetch
from offers.imports.partner_feeds import import_feed
from offers.models import ImportLog, Offer
from partners.models import Partner
from tests.conftest import verified_login
from tests.factories import OfferFactory, PartnerFactory, editor
from tests.offers.imports.conftest import csv_file, row, snapshot


class Route:
    def __init__(self, body=b"", *, status=200, headers=(), delay=0.0, length=True):
        self.body, self.status, self.headers, self.delay, self.length = body, status, headers, delay, length


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        route = self.server.routes.get(self.path) or Route(b"not found", status=404)
        time.sleep(route.delay)
        self.send_response(route.status)
        for name, value in route.headers:
            self.send_header(name, value.replace("{base}", self.server.base))
        if route.length:
            self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        self.wfile.write(route.body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(settings):
    """An HTTP server on 127.0.0.1 in a thread; `server.routes[path] = Route(...)`. Loopback is allowed for it."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.routes = {}
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    settings.FEED_ALLOWED_NETWORKS = [ipaddress.ip_network("127.0.0.0/8")]
    settings.FEED_TIMEOUT_SECONDS = 1
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def feed_partner(partner, server):
    partner.feed_url = f"{server.base}/katalog.csv"
    partner.save()
    return partner


def test_feed_is_fetched_and_imported(server, feed_partner, mailoutbox):
    server.routes["/katalog.csv"] = Route(csv_file(row(), row(Kursnummer="K-2", Titel="Schweißen")))

    log = import_feed(feed_partner)

    assert sorted(Offer.objects.filter(provider=feed_partner).values_list("external_id", "title")) == [
        ("K-1", "CNC-Fräsen"),
        ("K-2", "Schweißen"),
    ]
    assert (log.source, log.file_name, log.created, log.problems, log.user) == (
        ImportLog.Source.FEED, feed_partner.feed_url, 2, 0, None
    )  # fmt: skip
    assert mailoutbox == []


def test_same_feed_the_next_day_changes_nothing_and_never_archives(server, feed_partner):
    kept = OfferFactory(provider=feed_partner, external_id="ALT-1")
    server.routes["/katalog.csv"] = Route(csv_file(row()))
    import_feed(feed_partner)
    before = snapshot(feed_partner)

    log = import_feed(feed_partner)

    assert (log.created, log.changed, log.unchanged, log.archived) == (0, 0, 1, 0)
    assert snapshot(feed_partner) == before
    assert Offer.objects.get(pk=kept.pk).status == Offer.Status.PUBLISHED


def test_malformed_feed_applies_nothing_and_mails_the_editors_the_report(server, feed_partner, mailoutbox):
    editor(feed_partner, email="redaktion@neckar.example")
    editor(email="fremd@example.org")
    server.routes["/katalog.csv"] = Route(csv_file(row(), row(Kursnummer="K-2", Beginn="30.02.2026")))

    log = import_feed(feed_partner)

    assert Offer.objects.count() == 0
    assert (log.source, log.problems, log.created) == (ImportLog.Source.FEED, 1, 0)
    [mail] = mailoutbox
    assert mail.to == ["redaktion@neckar.example"]
    assert mail.subject == "Katalog-Feed von Bildungswerk Neckar nicht übernommen"
    assert "Zeile 3, Spalte „Beginn“: Den Tag „30.02.2026“ gibt es nicht." in mail.body
    assert "Es wurde nichts gespeichert" in mail.body


def test_unreachable_feed_is_reported_too(server, feed_partner, mailoutbox):
    editor(feed_partner, email="redaktion@neckar.example")

    log = import_feed(feed_partner)  # no route: 404

    assert log.problems == 1
    assert "Datei: Der Server antwortet mit dem Status 404." in mailoutbox[0].body


@pytest.mark.parametrize("with_length", [True, False], ids=["announced", "unannounced"])
def test_too_large_a_file_is_refused(server, settings, with_length):
    settings.IMPORT_MAX_MB = 1
    server.routes["/gross.csv"] = Route(b"x" * (1024 * 1024 + 1), length=with_length)

    with pytest.raises(FetchError, match=r"^Die Datei ist größer als 1 MB; der Abruf wurde abgebrochen\.$"):
        fetch(f"{server.base}/gross.csv")


def test_too_slow_a_server_is_refused(server):
    server.routes["/langsam.csv"] = Route(b"Kursnummer", delay=1.5)

    started = time.monotonic()
    with pytest.raises(FetchError, match=r"^Der Server hat die Datei nicht innerhalb von 1 Sekunden geliefert\.$"):
        fetch(f"{server.base}/langsam.csv")
    assert time.monotonic() - started < 1.4


def test_redirects_are_followed_three_times_at_most(server):
    server.routes["/a"] = Route(status=302, headers=[("Location", "/b")])
    server.routes["/b"] = Route(status=301, headers=[("Location", "{base}/c")])
    server.routes["/c"] = Route(status=307, headers=[("Location", "/d")])
    server.routes["/d"] = Route(b"angekommen")
    server.routes["/loop"] = Route(status=302, headers=[("Location", "/loop")])

    assert fetch(f"{server.base}/a") == b"angekommen"
    with pytest.raises(FetchError, match=r"^Mehr als 3 Weiterleitungen; der Abruf wurde abgebrochen\.$"):
        fetch(f"{server.base}/loop")


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/katalog.csv", "gopher://127.0.0.1/"], ids=["file", "ftp", "gopher"]
)
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(FetchError) as refused:
        fetch(url)

    assert str(refused.value) == f"Abgerufen werden nur Adressen mit http:// oder https://, nicht „{url}“."


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("localhost", "127.0.0.1"),
        ("10.1.2.3", "10.1.2.3"),
        ("192.168.0.10", "192.168.0.10"),
        ("169.254.169.254", "169.254.169.254"),
        ("[::1]", "::1"),
        ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1"),
    ],
)
def test_private_loopback_and_link_local_addresses_are_refused(settings, host, address):
    settings.FEED_ALLOWED_NETWORKS = []

    with pytest.raises(FetchError) as refused:
        fetch(f"http://{host}/katalog.csv")

    name = host.strip("[]")
    assert str(refused.value) == (
        f"„{name}“ führt zur internen Adresse {address}; abgerufen werden nur öffentlich erreichbare Server."
    )


def test_a_redirect_to_a_private_address_is_refused(server):
    server.routes["/weiter"] = Route(status=302, headers=[("Location", "http://10.1.2.3/katalog.csv")])

    with pytest.raises(FetchError, match="„10.1.2.3“ führt zur internen Adresse 10.1.2.3"):
        fetch(f"{server.base}/weiter")


def test_feed_address_must_be_http_or_https(partner):
    partner.feed_url = "ftp://example.org/katalog.csv"

    with pytest.raises(ValidationError) as invalid:
        partner.full_clean()

    assert invalid.value.message_dict == {"feed_url": ["Bitte eine Adresse mit http:// oder https:// angeben."]}


def test_daily_job_fetches_every_active_partners_feed(server, feed_partner):
    server.routes["/katalog.csv"] = Route(csv_file(row()))
    out = StringIO()

    call_command("fetch_partner_feeds", stdout=out)

    assert "fetch_partner_feeds" in settings.DAILY_JOBS
    assert out.getvalue().splitlines() == [
        "bildungswerk-neckar: 1 neu, 0 geändert, 0 unverändert, 0 archiviert",
        "1 feed(s) fetched.",
    ]


def change_data(partner, feed_url: str) -> dict:
    return {
        "name": partner.name,
        "kind": partner.kind,
        "feed_url": feed_url,
        "version": partner.version,
        "contact_persons-TOTAL_FORMS": "0",
        "contact_persons-INITIAL_FORMS": "0",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }


def test_editor_registers_the_feed_of_own_partner_only(client, partner):
    other = PartnerFactory(slug="fremd")
    verified_login(client, editor(partner))
    change = "admin:partners_partner_change"

    saved = client.post(reverse(change, args=[partner.pk]), change_data(partner, "https://neckar.example/export.xml"))
    foreign = client.post(reverse(change, args=[other.pk]), change_data(other, "https://fremd.example/export.csv"))

    assert saved.status_code == 302
    assert Partner.objects.get(pk=partner.pk).feed_url == "https://neckar.example/export.xml"
    assert foreign.status_code == 404
    assert Partner.objects.get(pk=other.pk).feed_url == ""


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("file:///etc/passwd", "Gib eine gültige URL ein."),
        ("ftp://neckar.example/export.csv", "Bitte eine Adresse mit http:// oder https:// angeben."),
    ],
)
def test_admin_refuses_other_schemes_next_to_the_field(client, partner, address, message):
    verified_login(client, editor(partner))

    response = client.post(reverse("admin:partners_partner_change", args=[partner.pk]), change_data(partner, address))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["feed_url"] == [message]
    assert response.context["adminform"].form["feed_url"].value() == address
    assert Partner.objects.get(pk=partner.pk).feed_url == ""
