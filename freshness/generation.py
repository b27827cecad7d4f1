"""Content generations: when anything a reader can see changes, every cached view of it is stale.

Every saved or deleted reader-visible row bumps a generation counter in the shared cache (the
apps name their models to freshness.signals.watch). Counters are scoped: one per edition (a
language code of settings.LANGUAGES) and one, EVERY, that every bump also moves. A row that
belongs to one edition (an article) bumps that edition's counter; a shared row (a section, an
author, a fixed page) bumps every edition's. A page or value reads the counter of the scope it
shows: an edition's pages outlive the other editions' edits; site-wide pages (sitemaps) read
EVERY. A value kept with `generation_cached`
remembers the generation it was computed under and is never used under another, so every app
server sharing the cache sees an edit on its next request. A value also never outlives the next
scheduled change (an article's publish time, a featured or breaking flag expiring: the apps
register what tells it with `register_next_change`). The anonymous page cache
(freshness.pagecache) keeps whole pages by the same rules.

The cache may be unreachable (freshness.cache makes Redis answer as an empty cache then): values
are computed every time, nothing is stored, and a bump that cannot reach the counter is recorded
in the database and made as soon as the cache answers again, so no page cached before an edit
outlives the outage.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from . import nearcache
from .cache import SHARED_KEY_PREFIX
from .models import DeferredBump

# Shared by every release (see freshness.cache.make_key): an edit on one ends the other's pages.
GENERATION_KEY = SHARED_KEY_PREFIX + "content-generation"
EVERY = "*"
NEXT_CHANGE_KEY = "freshness:next-change"

_next_change_sources = []
# This process has found the cache unreachable since it last made the deferred bumps.
_cache_was_unreachable = False


def register_next_change(source) -> None:
    """Add `source()`, which answers when the public site next changes by the clock alone (an
    aware datetime, or None): no cached page or value is kept past the earliest answer."""
    if source not in _next_change_sources:
        _next_change_sources.append(source)


def generation_key(scope: str) -> str:
    return GENERATION_KEY if scope == EVERY else f"{GENERATION_KEY}:{scope}"


def all_scopes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def current_scope() -> str:
    """The scope of what is being served: the active language's edition, else EVERY."""
    language = translation.get_language()
    return language if language in all_scopes() else EVERY


def bump_generation(*, scopes=None, using: str = "default") -> None:
    """Make the cached pages and values of `scopes` (editions' codes; None for every edition)
    stale, on every app server sharing the cache; site-wide ones (EVERY) always.

    When the cache cannot be reached, the bump is recorded in the database `using` (inside the
    caller's transaction, so it commits with the edit) and made when the cache answers again
    (then for every scope: an outage is rare, and the record need not say which).
    """
    global _cache_was_unreachable
    targets = all_scopes() if scopes is None else [s for s in scopes if s != EVERY]
    if not all([_incr(scope) for scope in (*targets, EVERY)]):
        DeferredBump.objects.using(using).create()
        _cache_was_unreachable = True


def _incr(scope: str) -> bool:
    try:
        cache.incr(generation_key(scope))
    except ValueError:  # first edit, the counter was evicted, or the cache is unreachable
        return start_generation(scope) is not None
    return True


def start_generation(scope: str = EVERY) -> int | None:
    """The current generation of `scope`, starting its counter if there is none; None while
    the cache cannot be reached."""
    # Start from the clock, not 1, so a counter lost to eviction never repeats an old value.
    key = generation_key(scope)
    cache.add(key, time.time_ns() // 1_000_000, timeout=None)
    return cache.get(key)


def make_deferred_bumps() -> None:
    """Make the bumps recorded while the cache was unreachable, then forget them."""
    global _cache_was_unreachable
    pending = list(DeferredBump.objects.values_list("pk", flat=True))
    if pending:
        if not all([_incr(scope) for scope in (*all_scopes(), EVERY)]):
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


def lookup(key: str, scope: str = EVERY):
    """(generation of `scope`, stored entry or None, the cached next-change record) in one
    round trip.

    The generation is None while the cache cannot be reached: then nothing is to be stored.
    The next-change record is kept under the EVERY generation (any edit may move it), which
    comes with it.
    """
    global _cache_was_unreachable
    own, every = generation_key(scope), generation_key(EVERY)
    found = nearcache.get_many([own, every, NEXT_CHANGE_KEY, key])
    generation = found.get(own) or start_generation(scope)
    if generation is not None and _cache_was_unreachable:
        # Back after an outage: pages stored before an edit made meanwhile must end now.
        make_deferred_bumps()
        generation = cache.get(own)
    if generation is None:
        _cache_was_unreachable = True
        return None, found.get(key), None
    record = found.get(NEXT_CHANGE_KEY)
    next_change = (found.get(every) or start_generation(EVERY), record)
    return generation, found.get(key), next_change


def valid_until(generation: int | None, next_change, now: float) -> float:
    """How long something whose data is read from `now` on may be kept: the page cache's
    lifetime, and never past the next scheduled change after `now`.

    Called before the data is read, never after: a change falling due while a page renders
    must still end it, though the page may not show it.
    """
    if generation is None or next_change is None:
        return min(now + settings.PAGE_CACHE_SECONDS, _next_change(None, None, now))
    every, record = next_change
    return min(now + settings.PAGE_CACHE_SECONDS, _next_change(every, record, now))


def next_scheduled_change(now: float) -> float:
    """When the public site next changes by the clock alone, as a timestamp (math.inf if
    nothing is scheduled): how long a cache that is told of edits (the edge) may keep a page."""
    every = generation_key(EVERY)
    found = nearcache.get_many([every, NEXT_CHANGE_KEY])
    return _next_change(found.get(every), found.get(NEXT_CHANGE_KEY), now)


def _next_change(generation: int | None, cached, now: float) -> float:
    """When the public site next changes on its own, as a timestamp (cached per EVERY
    generation)."""
    if cached and cached[0] == generation and cached[1] > now:
        return cached[1]
    moments = [moment for source in _next_change_sources if (moment := source())]
    value = min(moment.timestamp() for moment in moments) if moments else math.inf
    if generation is not None:
        cache.set(NEXT_CHANGE_KEY, (generation, value), timeout=settings.PAGE_CACHE_SECONDS)
    return value


def generation_cached(key: str, compute, *, scope: str | None = None):
    """compute(), kept in the cache until content of `scope` changes (by default the edition
    being served: name it in `key` too) or the next scheduled change."""
    generation, entry, next_change = lookup(key, current_scope() if scope is None else scope)
    if generation is None:
        return compute()
    now = time.time()
    if entry and entry[0] == generation and entry[1] > now:
        return entry[2]
    until = valid_until(generation, next_change, now)
    value = compute()
    remaining = until - time.time()
    if remaining >= 1:
        cache.set(key, (generation, until, value), timeout=math.ceil(remaining))
    return value
