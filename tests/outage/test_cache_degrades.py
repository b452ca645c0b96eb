import logging
import socket

import pytest
from django.core.cache import caches

from counselling.models import Inquiry
from lotsendienst import cache as degrading
from lotsendienst.cache import DegradingRedisCache


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down(settings, monkeypatch):
    monkeypatch.setitem(degrading._last_logged, "at", -degrading.LOG_EVERY_SECONDS)
    settings.CACHES = {
        "default": {
            "BACKEND": "lotsendienst.cache.DegradingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/3",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    return caches["default"]


def test_cache_answers_like_an_empty_cache_while_redis_is_down(redis_down, caplog):
    assert isinstance(redis_down, DegradingRedisCache)
    with caplog.at_level(logging.WARNING, logger="lotsendienst.cache"):
        redis_down.set("a", 1)
        answers = [
            redis_down.get("a"),
            redis_down.get("a", "fehlt"),
            redis_down.add("a", 1),
            redis_down.incr("hits", 2),
            redis_down.get_many(["a", "b"]),
            redis_down.has_key("a"),
            redis_down.delete("a"),
            redis_down.set_many({"a": 1}),
            redis_down.get_or_set("c", 7),
        ]
        redis_down.delete_many(["a"])
        redis_down.clear()

    assert answers == [None, "fehlt", False, 2, {}, False, False, [], 7]
    messages = [r.getMessage() for r in caplog.records if r.name == "lotsendienst.cache"]
    assert len(messages) == 1  # one line per interval, not one per call
    assert messages[0].startswith("Redis unavailable (set), serving without the cache: Error 111 connecting to")


def test_pages_render_while_redis_is_down(client, redis_down, db):
    assert client.get("/angebote/").status_code == 200
    assert client.get("/").status_code == 200


def test_request_form_still_takes_requests_while_redis_is_down(client, redis_down, office):
    data = {
        "kind": "person", "name": "Rita Test", "email": "rita@example.org", "phone": "", "postcode": "",
        "message": "Ich möchte meinen Abschluss nachholen.", "office": office.slug, "consent": "on", "website": "",
    }  # fmt: skip

    response = client.post("/beratung/anfragen/", data)

    assert response.status_code == 302
    assert list(Inquiry.objects.values_list("name", flat=True)) == ["Rita Test"]


def test_one_redis_client_serves_every_call(settings):
    """Django builds a redis-py client per cache call; ours keeps one per connection pool."""
    settings.CACHES = {"default": {"BACKEND": "lotsendienst.cache.DegradingRedisCache",
                                   "LOCATION": "redis://127.0.0.1:6379/14"}}  # fmt: skip
    cache = caches["default"]
    cache.set("one-client", 1)
    assert cache.get("one-client") == 1
    assert cache._cache.get_client("one-client") is cache._cache.get_client("other", write=True)
    cache.delete("one-client")
