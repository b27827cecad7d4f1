"""Content generations per tag: a change ends exactly the cached pages and values that show it.

Everything cached (a page, a `generation_cached` value) records the *tags* of what it shows:
"article:42" for a story whose headline it prints, "section:7" for a section's list, "chrome"
for the menus every page has. A tag is a string; the apps choose the vocabulary (see the
README's table) and name, per model, the tags a change of a row touches
(freshness.signals.watch). Each tag has a counter in the shared cache; a change bumps the
counters of its tags, and an entry is used only while every counter it was stored under is
unchanged: the counters are read in the same round trip as the entry (one MGET), so every app
server sharing the cache sees an edit on its next request, and nothing else ends.

Tags are collected while a page renders: `tag()` adds the view's own, and a `generation_cached`
value hands the tags it was computed with to whatever reads it. A page whose view names none of
its own gets its edition's tag ("edition:<code>", which every change in the edition bumps), so
a page nobody tagged is never kept past a change it might show. Every entry also carries EVERY,
bumped only when what changed cannot be told (edits made while the cache was unreachable).

Nothing is kept past the next scheduled change either (an article's publish or expiry time, a
featured or breaking flag running out: the apps register what tells it with
`register_next_change`).

The cache may be unreachable (freshness.cache makes Redis answer as an empty cache then): values
are computed every time, nothing is stored, and a bump that cannot reach the counters is recorded
in the database and made (as EVERY) as soon as the cache answers again, so no page cached before
an edit outlives the outage.
"""

import contextlib
import contextvars
import math
import time
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from . import nearcache
from .cache import SHARED_KEY_PREFIX
from .models import DeferredBump

# Shared by every release (see freshness.cache.make_key): an edit on one ends the other's pages.
GENERATION_KEY = SHARED_KEY_PREFIX + "content-generation"
# Bumped by every change: the cached next-change record lives under it, and a render that
# overlaps a change is not stored (see `stamps`).
ANY_CHANGE_KEY = GENERATION_KEY
EVERY = "*"
NEXT_CHANGE_KEY = "freshness:next-change"

_next_change_sources = []
# This process has found the cache unreachable since it last made the deferred bumps.
_cache_was_unreachable = False
# The counters each cached key was last stored under, per process: a hit then reads the entry
# and all its counters in one round trip. Bounded: it is only a guess, checked on every read.
_known_counters = {}
KNOWN_COUNTERS_MAX = 50_000


class _Collector:
    __slots__ = ("own", "tags")

    def __init__(self):
        self.tags = set()
        self.own = False  # whether the page's own code named any tag (see `page_tags`)


_collector = contextvars.ContextVar("freshness_tags", default=None)


def tag(*tags: str) -> None:
    """Records that what is being rendered (or computed for `generation_cached`) shows `tags`."""
    collector = _collector.get()
    if collector is not None:
        collector.tags.update(tags)
        collector.own = True


def _inherit(tags) -> None:
    """Hands a cached value's tags to what reads it (not counted as the reader's own)."""
    collector = _collector.get()
    if collector is not None:
        collector.tags.update(tags)


@contextlib.contextmanager
def collecting_tags():
    """Collects the tags named inside the block; yields the collector (`.tags`, `.own`)."""
    collector = _Collector()
    token = _collector.set(collector)
    try:
        yield collector
    finally:
        _collector.reset(token)


def register_next_change(source) -> None:
    """Add `source()`, which answers when the public site next changes by the clock alone (an
    aware datetime, or None): no cached page or value is kept past the earliest answer."""
    if source not in _next_change_sources:
        _next_change_sources.append(source)


def tag_key(name: str) -> str:
    return f"{GENERATION_KEY}:tag:{name}"


def edition_tag(code: str) -> str:
    return f"edition:{code}"


def all_scopes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def current_scope() -> str:
    """The scope of what is being served: the active language's edition, else EVERY."""
    language = translation.get_language()
    return language if language in all_scopes() else EVERY


def scope_tags(scope: str) -> set[str]:
    """The tags of an edition (EVERY: of every edition): what an untagged page carries."""
    codes = all_scopes() if scope == EVERY else [scope]
    return {edition_tag(code) for code in codes}


def every_edition() -> set[str]:
    """The tags of every edition: for a change of something every edition shows."""
    return scope_tags(EVERY)


def bump_tags(tags, *, using: str = "default") -> bool:
    """End the cached pages and values carrying any of `tags`, on every app server sharing the
    cache. False when the cache cannot be reached: the bump is then recorded in the database
    `using` (inside the caller's transaction, so it commits with the edit) and made when the
    cache answers again (as EVERY: an outage is rare, and the record need not say which)."""
    global _cache_was_unreachable
    keys = [ANY_CHANGE_KEY, *(tag_key(name) for name in sorted(set(tags)))]
    if not all([_incr(key) for key in keys]):
        DeferredBump.objects.using(using).create()
        _cache_was_unreachable = True
        return False
    return True


def _incr(key: str) -> bool:
    try:
        cache.incr(key)
    except ValueError:  # first bump, the counter was evicted, or the cache is unreachable
        return _start([key]) is not None
    return True


def _start(keys) -> dict | None:
    """The counters of `keys`, starting the missing ones; None while the cache is unreachable."""
    # From the clock, not 1, so a counter lost to eviction never repeats an old value.
    now = time.time_ns() // 1_000_000
    add_many = getattr(cache, "add_many", None)
    if add_many is not None:
        add_many(dict.fromkeys(keys, now))
    else:
        for key in keys:
            cache.add(key, now, timeout=None)
    found = cache.get_many(keys)
    return found if len(found) == len(keys) else None


def make_deferred_bumps() -> None:
    """Make the bumps recorded while the cache was unreachable, then forget them."""
    global _cache_was_unreachable
    pending = list(DeferredBump.objects.values_list("pk", flat=True))
    if pending:
        if not all([_incr(ANY_CHANGE_KEY), _incr(tag_key(EVERY))]):
            return
        DeferredBump.objects.filter(pk__in=pending).delete()
    _cache_was_unreachable = False


def cache_reachable() -> bool:
    """Whether the shared cache answers now (asked, not assumed). Load balancers ask every few
    seconds (/healthz), so bumps deferred by any process, even one that has since exited, are
    made within seconds of the cache's return."""
    reachable = getattr(cache, "reachable", None)
    if reachable is not None and not reachable():
        return False
    if _cache_was_unreachable or DeferredBump.objects.exists():
        make_deferred_bumps()
    return True


class Found(NamedTuple):
    """What `lookup` read in one round trip."""

    entry: object  # the stored entry if every counter it was stored under still holds, else None
    counters: dict | None  # counter key -> value as read (None: the cache is unreachable)
    next_change: object  # the cached next-change record, or None


def _valid(entry, counters) -> bool:
    stamps, until = entry[0], entry[1]
    return until > time.time() and all(counters.get(key) == value for key, value in stamps.items())


def lookup(key: str) -> Found:
    """The entry stored under `key` if it is still valid, with the counters read beside it.

    Reads the entry, the counters of the tags it was last stored under (as this process last
    saw them) and the next-change record in one round trip; a second only when the entry
    carries tags this process had not seen with it. Both go through the worker's own copy
    (freshness.nearcache): a hot page and its counters are then read without asking Redis,
    and Redis announces any bump of a counter to every worker holding it.
    """
    global _cache_was_unreachable
    guessed = list(_known_counters.get(key, ()))
    base = [ANY_CHANGE_KEY, tag_key(EVERY)]
    found = nearcache.get_many([key, NEXT_CHANGE_KEY, *base, *guessed])
    entry = found.pop(key, None)
    record = found.pop(NEXT_CHANGE_KEY, None)
    if any(name not in found for name in base):
        started = _start(base)
        if started is None:
            _cache_was_unreachable = True
            return Found(None, None, None)
        return Found(None, started, record)  # counters just started: nothing stored is valid
    if _cache_was_unreachable:
        # Back after an outage: pages stored before an edit made meanwhile must end now.
        make_deferred_bumps()
        return Found(None, None, record) if _cache_was_unreachable else lookup(key)
    if entry is not None:
        if missing := [name for name in entry[0] if name not in found]:
            found.update(nearcache.get_many(missing))
            remember_counters(key, entry[0])  # stored by another process, or under new tags
        if not _valid(entry, found):
            entry = None
    return Found(entry, found, record)


def stamps(tags, found: Found) -> dict | None:
    """{counter key: value} to store an entry showing `tags` under, read after it was rendered;
    None if it must not be stored: the cache is unreachable, or something changed since
    `found` was read before the render (the render may have read the old rows)."""
    if found.counters is None:
        return None
    keys = [ANY_CHANGE_KEY, tag_key(EVERY), *(tag_key(name) for name in tags)]
    now = cache.get_many(keys)
    if len(now) < len(keys):
        now = _start(keys)
        if now is None:
            return None
    if now[ANY_CHANGE_KEY] != found.counters[ANY_CHANGE_KEY]:
        return None
    return {key: now[key] for key in keys if key != ANY_CHANGE_KEY}


def remember_counters(key: str, stamped: dict) -> None:
    """Notes which counters `key` was stored under, for `lookup` to read with it next time."""
    if len(_known_counters) >= KNOWN_COUNTERS_MAX:
        _known_counters.clear()
    _known_counters[key] = tuple(stamped)


def valid_until(found: Found, now: float) -> float:
    """How long something whose data is read from `now` on may be kept: the page cache's
    lifetime, and never past the next scheduled change after `now`.

    Called before the data is read, never after: a change falling due while a page renders
    must still end it, though the page may not show it.
    """
    any_change = None if found.counters is None else found.counters.get(ANY_CHANGE_KEY)
    return min(now + settings.PAGE_CACHE_SECONDS, _next_change(any_change, found.next_change, now))


def next_scheduled_change(now: float) -> float:
    """When the public site next changes by the clock alone, as a timestamp (math.inf if
    nothing is scheduled): how long a cache that is told of edits (the edge) may keep a page."""
    found = nearcache.get_many([ANY_CHANGE_KEY, NEXT_CHANGE_KEY])
    return _next_change(found.get(ANY_CHANGE_KEY), found.get(NEXT_CHANGE_KEY), now)


def _next_change(generation: int | None, cached, now: float) -> float:
    """When the public site next changes on its own, as a timestamp (cached until any change)."""
    if cached and cached[0] == generation and cached[1] > now:
        return cached[1]
    moments = [moment for source in _next_change_sources if (moment := source())]
    value = min(moment.timestamp() for moment in moments) if moments else math.inf
    if generation is not None:
        cache.set(NEXT_CHANGE_KEY, (generation, value), timeout=settings.PAGE_CACHE_SECONDS)
    return value


def generation_cached(key: str, compute, *, tags=(), scope: str | None = None):
    """compute(), kept in the cache until a change of what it shows or the next scheduled change.

    What it shows: `tags`, plus the tags `tag()` recorded while it was computed; with neither
    (or with `scope`, an edition's code or EVERY), the edition's tags (by default the edition
    being served: name it in `key` too). The value's tags pass to whatever reads it.
    """
    found = lookup(key)
    if found.entry is not None:
        _inherit(found.entry[2])
        return found.entry[3]
    now = time.time()
    until = valid_until(found, now)
    with collecting_tags() as collected:
        value = compute()
    shown = collected.tags | set(tags)
    if scope is not None or not shown:
        shown |= scope_tags(current_scope() if scope is None else scope)
    _inherit(shown)
    stamped = stamps(shown, found)
    remaining = until - time.time()
    if stamped is not None and remaining >= 1:
        cache.set(key, (stamped, until, tuple(shown), value), timeout=math.ceil(remaining))
        remember_counters(key, stamped)
    return value
