"""Hot cache entries in each worker's memory, dropped the moment Redis says their key changed.

A page-cache hit was a Redis round trip and an unpickled entry (freshness.generation.lookup
reads the page, the counters of its tags and the next-change record in one `get_many`). Here
each worker process keeps what it read in a bounded LRU of its own (PAGE_CACHE_WORKER_MB,
pickled, so a caller can never change another request's copy) and asks Redis only for what it
does not hold.

Freshness comes from Redis' server-assisted client-side caching, used directly because
redis-py's own client-side cache refuses servers older than 7.4: one connection per worker
turns on `CLIENT TRACKING ... REDIRECT <itself> BCAST PREFIX <this cache's keys>` and
subscribes to `__redis__:invalidate`, so Redis announces on it every write, expiry and
eviction of any key of this cache, by any client on any app server (an edit's `INCR` of a
tag counter among them). RESP2 and BCAST work on Redis 6.0 and later.

- Every lookup first reads whatever announcements have arrived (one non-blocking `recv`) and
  drops those keys: Redis sends an announcement when the write happens, so an edit on another
  server is dropped here before anyone can ask this worker for the page (network reordering
  aside: a fraction of a millisecond between hosts).
- A key fetched from Redis is kept only if no announcement for it arrived between asking and
  keeping (an announcement read while the reply was on its way would otherwise be lost).
- At most every HEARTBEAT_SECONDS a lookup sends PING on the connection and reads up to its
  answer: every announcement Redis sent before is then applied, and a silent connection is
  found out.
- The connection failing, Redis failing a read, or Redis being skipped by the fail-soft cache
  (freshness.cache) empties the worker's copy: while Redis is down nothing is served from
  memory, and after it returns the copy starts empty (announcements may have been lost).

Entries keep their own validity (the page cache's tag counters and end time): this layer only
guarantees they are the same objects Redis holds now.
"""

import logging
import os
import pickle
import select
import socket
import ssl
import threading
import time
from collections import OrderedDict

import redis
from django.conf import settings
from django.core.cache import cache, caches

from .cache import SHARED_KEY_PREFIX, RedisCache

logger = logging.getLogger(__name__)

CHANNEL = b"__redis__:invalidate"
HEARTBEAT_SECONDS = 1.0
RETRY_SECONDS = 2.0
# Kept for a key Redis does not hold (no pickle is empty): its first write is announced too.
_ABSENT = b""


class _Incomplete(Exception):
    """The buffer ends inside a reply."""


def _parse(buffer: bytes, pos: int):
    """One RESP2 reply from buffer[pos:]: (value, position after it)."""
    end = buffer.find(b"\r\n", pos)
    if end < 0:
        raise _Incomplete
    kind, line, pos = buffer[pos], buffer[pos + 1 : end], end + 2
    if kind in b"+":
        return bytes(line), pos
    if kind in b"-":
        return redis.exceptions.ResponseError(bytes(line).decode()), pos
    if kind in b":":
        return int(line), pos
    if kind in b"$":
        size = int(line)
        if size < 0:
            return None, pos
        if len(buffer) < pos + size + 2:
            raise _Incomplete
        return bytes(buffer[pos : pos + size]), pos + size + 2
    if kind in b"*":
        size = int(line)
        if size < 0:
            return None, pos
        items = []
        for _ in range(size):
            item, pos = _parse(buffer, pos)
            items.append(item)
        return items, pos
    raise redis.exceptions.ConnectionError(f"Unexpected reply from Redis: {bytes(line)!r}")


def _command(*args) -> bytes:
    parts = [f"*{len(args)}\r\n".encode()]
    for arg in args:
        data = arg if isinstance(arg, bytes) else str(arg).encode()
        parts.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(parts)


class Announcements:
    """A connection on which Redis announces every change to keys starting with `prefixes`."""

    def __init__(self, url: str, prefixes, *, timeout: float):
        params = redis.ConnectionPool.from_url(url).connection_kwargs
        if params.get("path"):
            sock = socket.socket(socket.AF_UNIX)
            sock.settimeout(timeout)
            sock.connect(params["path"])
        else:
            sock = socket.create_connection(
                (params.get("host", "localhost"), params.get("port", 6379)), timeout=timeout
            )
            if url.startswith("rediss://"):
                sock = ssl.create_default_context().wrap_socket(
                    sock, server_hostname=params.get("host")
                )
        sock.setblocking(False)
        self.sock, self.buffer, self.start, self.timeout = sock, bytearray(), 0, timeout
        if params.get("password"):
            self.call("AUTH", *filter(None, [params.get("username"), params["password"]]))
        client_id = self.call("CLIENT", "ID")
        tracking = [arg for prefix in prefixes for arg in ("PREFIX", prefix)]
        self.call("CLIENT", "TRACKING", "ON", "REDIRECT", client_id, "BCAST", *tracking)
        self.call("SUBSCRIBE", CHANNEL)

    def call(self, *args):
        """Send a command and wait for its reply (only before SUBSCRIBE)."""
        self.sock.sendall(_command(*args))
        reply = self._next(wait=True)
        if isinstance(reply, Exception):
            raise reply
        return reply

    def _next(self, *, wait: bool):
        """The next complete reply; None (without waiting) when none has arrived yet."""
        while True:
            try:
                reply, self.start = _parse(self.buffer, self.start)
            except _Incomplete:
                # Parsed replies are cut off only now, not one by one: a worker back from a long
                # idle spell may find megabytes of announcements waiting.
                del self.buffer[: self.start]
                self.start = 0
            else:
                return reply
            # The socket does not block: waiting is select()'s job, bounded by the timeout.
            buffered = isinstance(self.sock, ssl.SSLSocket) and self.sock.pending()
            if wait and not buffered and not select.select([self.sock], [], [], self.timeout)[0]:
                raise TimeoutError("Redis did not answer in time.")
            try:
                data = self.sock.recv(65536)
            except (BlockingIOError, ssl.SSLWantReadError):
                return None
            if not data:
                raise redis.exceptions.ConnectionError("Redis closed the connection.")
            self.buffer += data

    def changed(self, *, barrier: bool = False):
        """Keys announced as changed since the last call (None in the list: every key).

        With `barrier`, a PING is sent and everything Redis sent before its answer is read.
        """
        if barrier:
            self.sock.sendall(_command("PING"))
        keys = []
        while (message := self._next(wait=barrier)) is not None:
            kind = message[0]
            if kind == b"message" and message[1] == CHANNEL:
                keys.extend(message[2] if message[2] is not None else [None])
            elif kind == b"pong":
                barrier = False
        return keys

    def close(self):
        self.sock.close()


class NearCache:
    """A bounded LRU of pickled cache values, emptied of each key Redis announces."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.entries: OrderedDict[str, bytes] = OrderedDict()
        self.size = 0
        self.pending: set[str] = set()
        self.announcements = None
        self.checked_at = 0.0
        self.retry_at = 0.0
        self.lock = threading.Lock()

    def get_many(self, keys: list[str]) -> dict:
        with self.lock:
            if not self._listening():
                return cache.get_many(keys)
            found, missing = {}, {}
            for key in keys:
                stored_key = cache.make_key(key)
                data = self.entries.get(stored_key)
                if data is None:
                    missing[key] = stored_key
                    continue
                self.entries.move_to_end(stored_key)
                if data:
                    found[key] = pickle.loads(data)
            if missing:
                self.pending = set(missing.values())
                fetched = cache.get_many(list(missing))
                found.update(fetched)
                if self._listening() and not _skipping():
                    for key, stored_key in missing.items():
                        if stored_key in self.pending:
                            value = fetched.get(key, _ABSENT)
                            self._keep(
                                stored_key,
                                _ABSENT
                                if value is _ABSENT
                                else pickle.dumps(value, pickle.HIGHEST_PROTOCOL),
                            )
                self.pending = set()
            return found

    def _keep(self, stored_key: str, data: bytes):
        if len(data) > self.max_bytes // 4:
            return  # one huge value must not push out everything else
        self._drop(stored_key)
        self.entries[stored_key] = data
        self.size += len(data)
        while self.size > self.max_bytes:
            _, oldest = self.entries.popitem(last=False)
            self.size -= len(oldest)

    def _drop(self, stored_key: str):
        data = self.entries.pop(stored_key, None)
        if data is not None:
            self.size -= len(data)
        self.pending.discard(stored_key)

    def clear(self):
        self.entries.clear()
        self.size = 0
        self.pending = set()

    def _listening(self) -> bool:
        """Whether announcements are being received (every one so far applied)."""
        now = time.monotonic()
        if _skipping():
            self._stop()
            return False
        if self.announcements is None:
            if now < self.retry_at:
                return False
            try:
                self.announcements = Announcements(
                    settings.CACHES["default"]["LOCATION"],
                    tracked_prefixes(),
                    timeout=settings.CACHES["default"]["OPTIONS"].get("socket_timeout") or 1.0,
                )
            except (OSError, redis.exceptions.RedisError) as error:
                logger.warning("No cache announcements, serving nothing from memory: %s", error)
                self._stop()
                return False
            self.checked_at = now
        try:
            barrier = now - self.checked_at > HEARTBEAT_SECONDS
            for stored_key in self.announcements.changed(barrier=barrier):
                if stored_key is None:
                    self.clear()
                else:
                    self._drop(stored_key.decode())
        except (OSError, redis.exceptions.RedisError) as error:
            logger.warning("Cache announcements lost, serving nothing from memory: %s", error)
            self._stop()
            return False
        if barrier:
            self.checked_at = now
        return True

    def _stop(self):
        if self.announcements is not None:
            self.announcements.close()
            self.announcements = None
        self.retry_at = time.monotonic() + RETRY_SECONDS
        self.clear()


def tracked_prefixes() -> list[str]:
    """The Redis key prefixes of this cache's keys, none starting with another (Redis refuses
    overlapping BCAST prefixes)."""
    prefixes = sorted({cache.make_key(""), cache.make_key(SHARED_KEY_PREFIX)})
    return [p for p in prefixes if not any(p != q and p.startswith(q) for q in prefixes)]


def _skipping() -> bool:
    """Whether the fail-soft cache is skipping Redis after a failure (freshness.cache)."""
    return time.monotonic() < getattr(cache, "_skip_until", 0.0)


_near: NearCache | None = None
_near_of = None  # (process id, server, key prefix, size) the near cache was made for
_making = threading.Lock()


def near_cache() -> NearCache | None:
    """This process's near cache; None when off (PAGE_CACHE_WORKER_MB = 0) or the cache is not
    Redis. Made anew in each process (a forked worker must not share its parent's socket) and
    when the settings name another server; shared by the process's threads (Django gives each
    thread a cache object of its own, but they all read the same server)."""
    global _near, _near_of
    shared = caches["default"]
    if settings.PAGE_CACHE_WORKER_MB <= 0 or not isinstance(shared, RedisCache):
        return None
    owner = (
        os.getpid(),
        str(settings.CACHES["default"]["LOCATION"]),
        shared.make_key(""),
        settings.PAGE_CACHE_WORKER_MB,
    )
    if _near_of != owner:
        with _making:
            if _near_of != owner:
                if _near is not None:
                    _near._stop()
                _near = NearCache(settings.PAGE_CACHE_WORKER_MB * 1024 * 1024)
                _near_of = owner
    return _near


def get_many(keys: list[str]) -> dict:
    """`cache.get_many(keys)`, answered from this worker's memory where it holds the keys."""
    near = near_cache()
    return cache.get_many(keys) if near is None else near.get_many(keys)
