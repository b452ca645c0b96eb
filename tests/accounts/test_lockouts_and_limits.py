"""Client address, login lock-outs and rate limits that a stranger cannot turn against a user (docs/operations.md).

Requests reach the app through a reverse proxy on 127.0.0.1 (trusted) unless a test says otherwise; the client's
address is what the proxy appended last to X-Forwarded-For.
"""

import uuid
from ipaddress import ip_network

import pytest
import redis
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.core.cache import cache, caches
from django.test import RequestFactory, override_settings

from accounts import ratelimit
from accounts.addresses import client_address
from accounts.checks import shared_cache_for_rate_limits
from counselling.models import Inquiry
from partners.models import Partner
from tests.factories import counsellor

from .conftest import PASSWORD

LOGIN_PAGES = ["/konto/anmelden/", "/admin/login/"]
REQUEST_FORM = "/beratung/anfragen/"
PROXY = "127.0.0.1"
STRANGER = "198.51.100.66"
REAL_USER = "203.0.113.10"


@pytest.fixture(autouse=True)
def _behind_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = [ip_network("127.0.0.1/32"), ip_network("10.0.0.0/8"), ip_network("::1/128")]


@pytest.mark.parametrize(
    ("remote_addr", "forwarded_for", "expected"),
    [
        (PROXY, "203.0.113.10", "203.0.113.10"),  # the proxy's own entry
        (PROXY, "6.6.6.6, 203.0.113.10", "203.0.113.10"),  # what the client wrote itself is never read
        (PROXY, "203.0.113.10, 10.1.2.3", "203.0.113.10"),  # two trusted proxies in a row
        (PROXY, "", PROXY),  # nothing forwarded: the proxy itself
        (PROXY, "kaputt", PROXY),  # garbage: the last address we can vouch for
        ("198.51.100.7", "10.0.0.1", "198.51.100.7"),  # an untrusted peer cannot pose as anyone
        ("198.51.100.7", "", "198.51.100.7"),
        ("::1", "2001:db8::1", "2001:db8::1"),
        ("::ffff:198.51.100.7", "", "198.51.100.7"),  # IPv4-mapped IPv6 counts as the IPv4 address
    ],
)
def test_client_address_reads_forwarded_for_from_the_right(remote_addr, forwarded_for, expected):
    request = RequestFactory().get("/", REMOTE_ADDR=remote_addr, HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_address(request) == expected


def test_forwarded_for_is_ignored_without_trusted_proxies(settings):
    settings.TRUSTED_PROXIES = []
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.10")
    assert client_address(request) == PROXY


def login(client, url: str, *, user: str, password: str, address: str, peer: str = PROXY):
    return client.post(url, {"username": user, "password": password}, REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=address)


@pytest.mark.parametrize("url", LOGIN_PAGES)
def test_a_strangers_failures_never_lock_the_real_user_out(client, counsellor, url):
    counsellor.is_staff = True  # the admin login accepts staff only
    counsellor.save()
    answers = [
        login(client, url, user=counsellor.username, password="falsch", address=STRANGER).status_code
        for _ in range(django_settings.AXES_FAILURE_LIMIT + 1)
    ]
    # The fifth failure is answered with the lock-out already.
    assert answers == [200] * (django_settings.AXES_FAILURE_LIMIT - 1) + [429, 429]

    real = login(client, url, user=counsellor.username, password=PASSWORD, address=REAL_USER)
    assert real.status_code == 302
    assert client.session["_auth_user_id"] == str(counsellor.pk)
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [STRANGER]


def test_rotating_forwarded_for_from_an_untrusted_peer_does_not_escape_the_lock_out(client, counsellor):
    answers = [
        login(client, LOGIN_PAGES[0], user=counsellor.username, password="falsch", address=f"192.0.2.{n}",
              peer=STRANGER).status_code
        for n in range(8)
    ]  # fmt: skip
    assert answers == [200] * 4 + [429] * 4
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [STRANGER]


def test_lock_out_message_says_the_cool_off_in_words(client, counsellor):
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        login(client, LOGIN_PAGES[0], user=counsellor.username, password="falsch", address=STRANGER)
    response = login(client, LOGIN_PAGES[0], user=counsellor.username, password=PASSWORD, address=STRANGER)
    html = response.content.decode()
    assert response.status_code == 429
    assert "Bitte versuchen Sie es in 15 Minuten erneut." in html
    assert "PT15M" not in html
    assert response["Retry-After"] == "900"


@pytest.mark.parametrize("url", LOGIN_PAGES)
@pytest.mark.parametrize(("field", "limit"), [("username", 150), ("password", 1024)])
def test_overlong_login_input_is_a_form_error(client, counsellor, url, field, limit):
    message = (
        f"Bitte sicherstellen, dass der Wert aus höchstens {limit} Zeichen besteht. (Er besteht aus 10000 Zeichen.)"
    )
    data = {"username": counsellor.username, "password": PASSWORD, field: "a" * 10_000}
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert not AccessAttempt.objects.exists()
    assert "_auth_user_id" not in client.session


# The counselling request form.


@pytest.fixture
def office(db):
    office = Partner.objects.create(
        slug="lotsendienst-stuttgart", name="Lotsendienst Stuttgart", kind="beratung", is_contact_point=True,
        phone="0711 123456", email="kontakt@lotsendienst-stuttgart.example",
    )  # fmt: skip
    counsellor(office)  # the form offers only offices where someone reads the requests
    return office


def inquiry(office, **overrides) -> dict:
    data = {
        "kind": "person", "name": "Rita Test", "email": "rita@example.org", "phone": "", "postcode": "70173",
        "message": "Ich möchte meinen Berufsabschluss nachholen.", "office": office.slug, "consent": "on",
        "website": "",
    }  # fmt: skip
    return {**data, **overrides}


def send(client, data, *, address: str = REAL_USER, peer: str = PROXY):
    return client.post(REQUEST_FORM, data, REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=address).status_code


def test_request_limit_counts_only_requests_that_were_received(client, office, settings):
    settings.INQUIRY_RATE_LIMIT = 2
    answers = [
        send(client, inquiry(office, consent="")),  # missing consent: not received
        send(client, inquiry(office, postcode="abc")),  # bad postcode: not received
        send(client, inquiry(office)),
        send(client, inquiry(office, email="", phone="")),  # no way to answer: not received
        send(client, inquiry(office)),
        send(client, inquiry(office)),  # over the limit
        send(client, inquiry(office), address="203.0.113.99"),  # someone else behind the same proxy
    ]
    assert answers == [200, 200, 302, 200, 302, 429, 302]
    assert Inquiry.objects.count() == 3


def test_rotating_forwarded_for_from_an_untrusted_peer_does_not_escape_the_request_limit(client, office, settings):
    settings.INQUIRY_RATE_LIMIT = 5
    answers = [send(client, inquiry(office), address=f"192.0.2.{n}", peer=STRANGER) for n in range(30)]
    assert answers == [302] * 5 + [429] * 25
    assert Inquiry.objects.count() == 5


def test_request_limit_page_offers_the_offices_phone_and_email(client, office, settings):
    settings.INQUIRY_RATE_LIMIT = 1
    send(client, inquiry(office))
    response = client.post(REQUEST_FORM, inquiry(office), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=REAL_USER)
    html = response.content.decode()
    assert response.status_code == 429
    assert '<a href="tel:0711123456">0711 123456</a>' in html
    assert '<a href="mailto:kontakt@lotsendienst-stuttgart.example">kontakt@lotsendienst-stuttgart.example</a>' in html
    assert 'value="Rita Test"' in html  # the visitor's input is kept


def test_request_limit_counts_in_django_cache(client, office):
    send(client, inquiry(office))
    send(client, inquiry(office))
    assert cache.get(f"ratelimit:inquiry:{REAL_USER}") == 2


@pytest.mark.parametrize(
    ("backend", "warnings"),
    [("locmem.LocMemCache", ["accounts.W001"]), ("redis.RedisCache", [])],
)
def test_deploy_check_warns_about_a_per_process_cache(backend, warnings):
    config = {"default": {"BACKEND": f"django.core.cache.backends.{backend}", "LOCATION": "redis://127.0.0.1"}}
    with override_settings(CACHES=config):
        assert [warning.id for warning in shared_cache_for_rate_limits(None)] == warnings


def redis_url() -> str:
    url = django_settings.REDIS_URL or "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"needs Redis at {url} (set REDIS_URL)")
    return url


def test_request_limit_is_shared_by_two_processes_on_one_redis(monkeypatch, settings):
    settings.INQUIRY_RATE_LIMIT = 2
    # Two cache clients with their own connections stand for two app processes; a fresh prefix per run keeps the
    # test apart from anything else on that Redis.
    redis_cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url(),
                   "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}  # fmt: skip
    limit = ratelimit.RateLimit(scope="inquiry", limit_setting="INQUIRY_RATE_LIMIT")
    request = RequestFactory().post("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=REAL_USER)
    with override_settings(CACHES={"default": redis_cache}):
        first, second = caches.create_connection("default"), caches.create_connection("default")
        try:
            monkeypatch.setattr(ratelimit, "cache", first)
            assert limit.count(request) == 1
            monkeypatch.setattr(ratelimit, "cache", second)
            assert limit.exceeded(request) is False
            assert limit.count(request) == 2
            monkeypatch.setattr(ratelimit, "cache", first)
            assert limit.exceeded(request) is True
        finally:
            first.clear()
