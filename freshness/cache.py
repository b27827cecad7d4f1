"""Django's Redis cache, keeping one client per connection pool and working on while Redis is down.

Django builds a new `redis.Redis` for every cache call, and redis-py 8 fills a table of about 170
response callbacks in each: that was a third of the CPU of a page-cache hit. A client is
thread-safe and its pool is fork-safe, so one per pool is enough.

An unreachable server (refused, timed out: the socket timeouts are short, see settings) makes the
cache behave as an empty one that keeps nothing: reads miss, writes are dropped, `incr` finds no
key, and the failure is logged. Pages then render uncached, sessions are in the database, and the
enquiry rate limit counts nothing (it fails open). After a failure, calls skip the server for
RETRY_SECONDS rather than each waiting for a timeout; `reachable()` asks it regardless.
"""

import functools
import logging
import time

import redis.exceptions
from django.core.cache.backends import redis as django_redis

logger = logging.getLogger(__name__)

# Keys that every release shares, whatever its KEY_PREFIX (see make_key).
SHARED_KEY_PREFIX = "shared:"
RETRY_SECONDS = 2.0
MADE_KEYS_MAX = 100_000
UNREACHABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
INCR_EXISTING = """
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCRBY', KEYS[1], ARGV[1]) end
return false
"""


def make_key(key, key_prefix, version):
    """Django's cache key, except that keys starting with SHARED_KEY_PREFIX ignore the
    per-release KEY_PREFIX: during a rolling deploy both releases then count one content
    generation, while each keeps its own pickled objects."""
    if key.startswith(SHARED_KEY_PREFIX):
        key_prefix = ""
    return f"{key_prefix}:{version}:{key}"


class _Client(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def incr(self, key, delta):
        # Django asks EXISTS, then INCRBY: two round trips, and a key that expires between
        # them comes back with no timeout. One script does both at once.
        value = self.get_client(key, write=True).eval(INCR_EXISTING, 1, key, delta)
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value


def _key_not_found(*args, **kwargs):
    raise ValueError("Key not found: the cache server cannot be reached.")


def _fail_soft(method, unreachable):
    """`method`, answering `unreachable(*args, **kwargs)` instead when the server is down."""

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        if time.monotonic() < self._skip_until:
            return unreachable(*args, **kwargs)
        try:
            return method(self, *args, **kwargs)
        except UNREACHABLE as error:
            self._unreachable(error)
            return unreachable(*args, **kwargs)

    return call


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _Client
        self._skip_until = 0.0
        self._made_keys = {}

    def make_and_validate_key(self, key, version=None):
        # Remembered: a page-cache hit reads a counter per tag it shows (a front page, about a
        # hundred), and Django's check of each key's characters was most of the hit's CPU.
        made = self._made_keys.get((key, version))
        if made is None:
            if len(self._made_keys) >= MADE_KEYS_MAX:
                self._made_keys.clear()
            made = self._made_keys[key, version] = super().make_and_validate_key(key, version)
        return made

    def _unreachable(self, error):
        self._skip_until = time.monotonic() + RETRY_SECONDS
        logger.warning("Cache server unreachable, working without it: %s", error)

    def reachable(self) -> bool:
        """Whether the server answers a PING now, even while calls are skipping it."""
        try:
            self._cache.get_client(write=True).ping()
        except UNREACHABLE as error:
            self._unreachable(error)
            return False
        self._skip_until = 0.0
        return True

    def _add_many(self, data, timeout=None, version=None):
        """Sets each key of `data` that does not exist yet, in one round trip (SET NX each)."""
        pipeline = self._cache.get_client(write=True).pipeline(transaction=False)
        for key, value in data.items():
            key = self.make_and_validate_key(key, version=version)
            pipeline.set(key, self._cache._serializer.dumps(value), nx=True)
        pipeline.execute()

    add_many = _fail_soft(_add_many, lambda *args, **kwargs: None)
    get = _fail_soft(django_redis.RedisCache.get, lambda key, default=None, version=None: default)
    get_many = _fail_soft(django_redis.RedisCache.get_many, lambda *args, **kwargs: {})
    has_key = _fail_soft(django_redis.RedisCache.has_key, lambda *args, **kwargs: False)
    add = _fail_soft(django_redis.RedisCache.add, lambda *args, **kwargs: False)
    set = _fail_soft(django_redis.RedisCache.set, lambda *args, **kwargs: None)
    set_many = _fail_soft(
        django_redis.RedisCache.set_many, lambda data, *args, **kwargs: list(data)
    )
    touch = _fail_soft(django_redis.RedisCache.touch, lambda *args, **kwargs: False)
    delete = _fail_soft(django_redis.RedisCache.delete, lambda *args, **kwargs: False)
    delete_many = _fail_soft(django_redis.RedisCache.delete_many, lambda *args, **kwargs: None)
    incr = _fail_soft(django_redis.RedisCache.incr, _key_not_found)
    clear = _fail_soft(django_redis.RedisCache.clear, lambda *args, **kwargs: False)
