"""Content generations: when anything a reader can see changes, every cached view of it is stale.

Every saved or deleted reader-visible row bumps a generation counter in the shared cache
(newsroom.signals wires the models). A value kept with `generation_cached` remembers the
generation it was computed under and is never used under another, so every app server sharing
the cache sees an edit on its next request. A value also never outlives the next scheduled
change (an article's publish time, a featured or breaking flag expiring). The anonymous page
cache (newsroom.pagecache) keeps whole pages by the same rules.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "pagecache:generation"
NEXT_CHANGE_KEY = "pagecache:next-change"


def bump_generation() -> None:
    """Make every cached page and value stale, on every app server sharing the cache."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # first edit, or the counter was evicted
        start_generation()


def start_generation() -> int:
    # Start from the clock, not 1, so a counter lost to eviction never repeats an old value.
    cache.add(GENERATION_KEY, time.time_ns() // 1_000_000, timeout=None)
    return cache.get(GENERATION_KEY)


def lookup(key: str):
    """(generation, stored entry or None, the cached next-change record) in one round trip."""
    found = cache.get_many([GENERATION_KEY, NEXT_CHANGE_KEY, key])
    return (
        found.get(GENERATION_KEY) or start_generation(),
        found.get(key),
        found.get(NEXT_CHANGE_KEY),
    )


def valid_until(generation: int, next_change_record, now: float) -> float:
    """How long something computed now may be kept: the page cache's lifetime, and never past
    the next scheduled change."""
    return min(now + settings.PAGE_CACHE_SECONDS, _next_change(generation, next_change_record))


def _next_change(generation: int, cached) -> float:
    """When the public site next changes on its own, as a timestamp (cached per generation)."""
    from .models import Article

    now = time.time()
    if cached and cached[0] == generation and cached[1] > now:
        return cached[1]
    moment = Article.objects.next_scheduled_change()
    value = moment.timestamp() if moment else math.inf
    cache.set(NEXT_CHANGE_KEY, (generation, value), timeout=settings.PAGE_CACHE_SECONDS)
    return value


def generation_cached(key: str, compute):
    """compute(), kept in the cache until any content changes or the next scheduled change."""
    generation, entry, next_change = lookup(key)
    now = time.time()
    if entry and entry[0] == generation and entry[1] > now:
        return entry[2]
    value = compute()
    until = valid_until(generation, next_change, now)
    if until - now >= 1:
        cache.set(key, (generation, until, value), timeout=math.ceil(until - now))
    return value
