"""Django's Redis cache, but a Redis outage only costs speed: every call answers as if the key were missing.

The portal is correct without its cache (every entry is keyed by the catalogue version, docs/operations.md,
"Caching"), so a stopped or unreachable Redis must not fail a request. Connection errors are logged, at most one
line per LOG_EVERY_SECONDS per process, and the call returns what an empty cache would.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

LOG_EVERY_SECONDS = 30
_last_logged = {"at": -LOG_EVERY_SECONDS}


def _log(operation: str, error: Exception) -> None:
    now = time.monotonic()
    if now - _last_logged["at"] >= LOG_EVERY_SECONDS:
        _last_logged["at"] = now
        logger.warning("Redis unavailable (%s), serving without the cache: %s", operation, error)


def _degrades_to(answer):
    """`answer(*arguments)` is what the call returns while Redis cannot be reached."""

    def decorate(method):
        @functools.wraps(method)
        def call(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except (RedisConnectionError, RedisTimeoutError) as error:
                _log(method.__name__, error)
                return answer(*args, **kwargs)

        return call

    return decorate


class DegradingRedisCacheClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        """One redis-py client per connection pool, not a new one per call as Django's: creating one builds its table
        of response callbacks, and a cold search page makes some forty cache calls. (The client is thread-safe; the
        pool hands out the connections.)"""
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        if id(pool) not in clients:
            clients[id(pool)] = self._client(connection_pool=pool)
        return clients[id(pool)]

    add = _degrades_to(lambda key, value, timeout: False)(RedisCacheClient.add)
    get = _degrades_to(lambda key, default: default)(RedisCacheClient.get)
    set = _degrades_to(lambda key, value, timeout: None)(RedisCacheClient.set)
    touch = _degrades_to(lambda key, timeout: False)(RedisCacheClient.touch)
    delete = _degrades_to(lambda key: False)(RedisCacheClient.delete)
    get_many = _degrades_to(lambda keys: {})(RedisCacheClient.get_many)
    has_key = _degrades_to(lambda key: False)(RedisCacheClient.has_key)
    incr = _degrades_to(lambda key, delta: delta)(RedisCacheClient.incr)  # counts as a fresh counter
    set_many = _degrades_to(lambda data, timeout: [])(RedisCacheClient.set_many)
    delete_many = _degrades_to(lambda keys: None)(RedisCacheClient.delete_many)
    clear = _degrades_to(lambda: False)(RedisCacheClient.clear)


class DegradingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = DegradingRedisCacheClient
