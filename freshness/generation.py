"""Content generations: when anything a reader can see changes, every cached view of it is stale.

Every saved or deleted reader-visible row bumps a generation counter in the shared cache (the
apps name their models to freshness.signals.watch). A value kept with `generation_cached`
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

from .cache import SHARED_KEY_PREFIX
from .models import DeferredBump

# Shared by every release (see freshness.cache.make_key): an edit on one ends the other's pages.
GENERATION_KEY = SHARED_KEY_PREFIX + "content-generation"
NEXT_CHANGE_KEY = "freshness:next-change"

_next_change_sources = []
# This process has found the cache unreachable since it last made the deferred bumps.
_cache_was_unreachable = False


def register_next_change(source) -> None:
    """Add `source()`, which answers when the public site next changes by the clock alone (an
    aware datetime, or None): no cached page or value is kept past the earliest answer."""
    if source not in _next_change_sources:
        _next_change_sources.append(source)


def bump_generation(*, using: str = "default") -> None:
    """Make every cached page and value stale, on every app server sharing the cache.

    When the cache cannot be reached, the bump is recorded in the database `using` (inside the
    caller's transaction, so it commits with the edit) and made when the cache answers again.
    """
    global _cache_was_unreachable
    if not _incr():
        DeferredBump.objects.using(using).create()
        _cache_was_unreachable = True


def _incr() -> bool:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # first edit, the counter was evicted, or the cache is unreachable
        return start_generation() is not None
    return True


def start_generation() -> int | None:
    """The current generation, starting the counter if there is none; None while the cache
    cannot be reached."""
    # Start from the clock, not 1, so a counter lost to eviction never repeats an old value.
    cache.add(GENERATION_KEY, time.time_ns() // 1_000_000, timeout=None)
    return cache.get(GENERATION_KEY)


def make_deferred_bumps() -> None:
    """Make the bumps recorded while the cache was unreachable, then forget them."""
    global _cache_was_unreachable
    pending = list(DeferredBump.objects.values_list("pk", flat=True))
    if pending:
        if not _incr():
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


def lookup(key: str):
    """(generation, stored entry or None, the cached next-change record) in one round trip.

    The generation is None while the cache cannot be reached: then nothing is to be stored.
    """
    global _cache_was_unreachable
    found = cache.get_many([GENERATION_KEY, NEXT_CHANGE_KEY, key])
    generation = found.get(GENERATION_KEY) or start_generation()
    if generation is not None and _cache_was_unreachable:
        # Back after an outage: pages stored before an edit made meanwhile must end now.
        make_deferred_bumps()
        generation = cache.get(GENERATION_KEY)
    if generation is None:
        _cache_was_unreachable = True
    return generation, found.get(key), found.get(NEXT_CHANGE_KEY)


def valid_until(generation: int | None, next_change_record, now: float) -> float:
    """How long something whose data is read from `now` on may be kept: the page cache's
    lifetime, and never past the next scheduled change after `now`.

    Called before the data is read, never after: a change falling due while a page renders
    must still end it, though the page may not show it.
    """
    return min(now + settings.PAGE_CACHE_SECONDS, _next_change(generation, next_change_record, now))


def _next_change(generation: int | None, cached, now: float) -> float:
    """When the public site next changes on its own, as a timestamp (cached per generation)."""
    if cached and cached[0] == generation and cached[1] > now:
        return cached[1]
    moments = [moment for source in _next_change_sources if (moment := source())]
    value = min(moment.timestamp() for moment in moments) if moments else math.inf
    if generation is not None:
        cache.set(NEXT_CHANGE_KEY, (generation, value), timeout=settings.PAGE_CACHE_SECONDS)
    return value


def generation_cached(key: str, compute):
    """compute(), kept in the cache until any content changes or the next scheduled change."""
    generation, entry, next_change = lookup(key)
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
