"""During a rolling deploy two releases share the cache, each with its own CACHE_KEY_PREFIX: they
count one content generation, so an edit on either ends both releases' pages, while each reads
only the objects it pickled itself."""

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def releases(settings):
    default = settings.CACHES["default"]

    def run(release):
        settings.CACHES = {"default": {**default, "KEY_PREFIX": release}}

    return run


def test_an_edit_on_the_new_release_ends_the_old_releases_pages(client, releases):
    story = ArticleFactory(live=True, title="Harbour reopens")
    releases("release-1")
    client.get(story.get_absolute_url())
    assert client.get(story.get_absolute_url())["X-Page-Cache"] == "hit"

    releases("release-2")
    story.title = "Harbour reopens to container ships"
    story.save()

    releases("release-1")
    response = client.get(story.get_absolute_url())
    assert "X-Page-Cache" not in response
    assert "to container ships" in response.text


def test_each_release_reads_only_the_pages_it_stored(client, releases):
    story = ArticleFactory(live=True)
    releases("release-1")
    client.get(story.get_absolute_url())
    assert client.get(story.get_absolute_url())["X-Page-Cache"] == "hit"

    releases("release-2")
    assert "X-Page-Cache" not in client.get(story.get_absolute_url())
    assert client.get(story.get_absolute_url())["X-Page-Cache"] == "hit"
