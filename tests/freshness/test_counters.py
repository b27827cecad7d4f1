"""The shared cache's counters (the API's rate limit counts with them): `incr` adds to an
existing key in one step, keeping its timeout, and refuses a missing one."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.redis


def test_incr_adds_to_an_existing_counter_and_keeps_its_timeout():
    cache.add("counter", 1, timeout=60)

    assert cache.incr("counter") == 2
    assert cache.incr("counter", 5) == 7
    key = cache.make_and_validate_key("counter")
    assert 0 < cache._cache.get_client(key).ttl(key) <= 60


def test_incr_of_a_missing_counter_is_refused_and_creates_nothing():
    with pytest.raises(ValueError):
        cache.incr("missing")

    assert cache.get("missing") is None
