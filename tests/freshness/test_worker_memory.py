"""Hot pages from each worker's memory (freshness.nearcache), as fresh as the shared cache.

"Another app server" is a separate Redis client here: its writes reach this process only as
Redis' announcements, exactly as another server's would. (The two-gunicorn test in
test_two_app_servers.py runs the same path between real processes.)
"""

import gzip
import pickle

import pytest
import redis
from django.conf import settings
from django.core.cache import cache

from articles.models import Article
from freshness import generation, nearcache
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.django_db, pytest.mark.redis]


@pytest.fixture
def other_server():
    client = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    yield client
    client.close()


@pytest.fixture
def story():
    return ArticleFactory(live=True, title="Harbour reopens after the storm")


def _held_in_memory(client, url):
    client.get(url)  # rendered and stored
    client.get(url)  # read from Redis, kept in memory
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    return response


def test_a_hot_page_is_served_from_the_workers_memory(client, story):
    url = story.get_absolute_url()
    response = _held_in_memory(client, url)

    assert "Harbour reopens" in response.text
    near = nearcache.near_cache()
    assert near.entries and near.size == sum(len(data) for data in near.entries.values())


def test_an_edit_announced_by_another_server_is_shown_on_the_next_request(
    client, story, other_server
):
    url = story.get_absolute_url()
    _held_in_memory(client, url)
    _held_in_memory(client, "/")

    # The page and the counters of its tags are all held in memory.
    counter = generation.tag_key(f"article:{story.pk}")
    held = nearcache.near_cache().entries
    assert cache.make_key(counter) in held and cache.make_key(generation.ANY_CHANGE_KEY) in held

    # Another server saves the edit: the row changes, then the story's tag counters move.
    Article.objects.filter(pk=story.pk).update(title="Harbour reopens to container ships")
    for key in (generation.ANY_CHANGE_KEY, counter):
        other_server.incr(cache.make_key(key))

    response = client.get(url)
    assert "X-Page-Cache" not in response and "to container ships" in response.text
    assert "to container ships" in client.get("/").text


def test_a_page_stored_by_another_server_replaces_the_one_in_memory(client, story, other_server):
    url = story.get_absolute_url()
    _held_in_memory(client, url)
    key = next(k for k in nearcache.near_cache().entries if "pagecache:page:" in k)
    stamped, until, status, headers, _body, stored_at, tags = pickle.loads(other_server.get(key))
    other_body = gzip.compress(b"<p>Stored by the other server</p>")
    other_server.set(
        key, pickle.dumps((stamped, until, status, headers, other_body, stored_at, tags))
    )

    assert client.get(url).text == "<p>Stored by the other server</p>"


def test_a_flushed_cache_empties_every_workers_memory(client, story, other_server):
    _held_in_memory(client, story.get_absolute_url())
    other_server.flushdb()

    assert "X-Page-Cache" not in client.get(story.get_absolute_url())


def test_a_workers_memory_stays_within_its_bound(other_server):
    near = nearcache.NearCache(max_bytes=40_000)
    keys = [f"bound-test-{n}" for n in range(30)]
    cache.set_many({key: b"x" * 2_000 for key in keys})

    for key in keys:
        assert near.get_many([key]) == {key: b"x" * 2_000}

    assert 0 < near.size <= 40_000
    assert cache.make_key(keys[-1]) in near.entries  # the newest kept, the oldest let go
    assert cache.make_key(keys[0]) not in near.entries
    near._stop()
