"""What the edge is told about each response: a reader page's tags and long edge lifetime in the
headers of the edge in use, nothing for anyone signed in, nothing at all without an edge."""

import datetime

import pytest
from django.utils import timezone

from edge.backends import Varnish
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return ArticleFactory(live=True, title="Harbour reopens after the storm")


def _max_age(header):
    return int(header.split("max-age=")[1].split(",")[0])


def test_behind_varnish_or_fastly_a_page_carries_surrogate_keys_and_a_long_edge_lifetime(
    client, settings, story
):
    settings.EDGE_BACKEND = "varnish"
    url = story.get_absolute_url()

    for response in (client.get(url), client.get(url)):  # stored, then a page-cache hit
        keys = response["Surrogate-Key"].split()
        assert keys == sorted(response.cache_tags)  # the tags the page cache keeps it under
        assert {f"article:{story.pk}", f"section:{story.category_id}", "chrome"} <= set(keys)
        assert response["Surrogate-Control"] == (
            "max-age=3600, stale-while-revalidate=30, stale-if-error=86400"
        )
        assert response["Cache-Control"] == "public, max-age=60"  # the browser's
    assert response["X-Page-Cache"] == "hit"
    # A page whose view names no tags of its own carries its edition's.
    assert client.get("/sitemap.xml")["Surrogate-Key"] == "edition:en edition:si edition:ta"


def test_a_page_with_too_many_tags_for_the_header_carries_its_editions_tag_and_a_short_life(
    client, settings, story, monkeypatch
):
    settings.EDGE_BACKEND = "varnish"
    many = ArticleFactory.create_batch(3, live=True, category=story.category)
    with_all = client.get(story.get_absolute_url())["Surrogate-Key"]
    assert all(f"article:{article.pk}" in with_all.split() for article in many)

    # The edge's limit (a constant of the backend), just under this page's tags.
    monkeypatch.setattr(Varnish, "tag_header_limit", len(with_all) - 1)
    response = client.get(story.get_absolute_url())

    assert response["X-Page-Cache"] == "hit"
    assert response["Surrogate-Key"] == "edition:en"
    assert _max_age(response["Surrogate-Control"]) == 60  # PAGE_CACHE_CDN_SECONDS


def test_behind_cloudflare_a_page_carries_cache_tags_and_cloudflares_own_lifetime(
    client, settings, story
):
    settings.EDGE_BACKEND = "cloudflare"
    response = client.get(story.get_absolute_url())

    assert response["Cache-Tag"] == ",".join(sorted(response.cache_tags))
    assert f"article:{story.pk}" in response["Cache-Tag"].split(",")
    assert response["Cloudflare-CDN-Cache-Control"].startswith("max-age=3600,")
    assert "Surrogate-Key" not in response and "Surrogate-Control" not in response


def test_the_edge_never_keeps_a_page_past_its_next_scheduled_change(client, settings, story):
    settings.EDGE_BACKEND = "varnish"
    ArticleFactory(live=True, published_at=timezone.now() + datetime.timedelta(minutes=10))

    lifetime = _max_age(client.get(story.get_absolute_url())["Surrogate-Control"])
    assert 590 <= lifetime <= 600


def test_signed_in_staff_and_missing_pages_get_nothing_for_the_edge(
    editor_client, client, settings, story
):
    settings.EDGE_BACKEND = "varnish"
    staff = editor_client.get(story.get_absolute_url())
    missing = client.get("/2026/01/01/no-such-story/")

    assert staff.status_code == 200 and "private" in staff["Cache-Control"]
    assert missing.status_code == 404
    for response in (staff, missing):
        assert "Surrogate-Key" not in response and "Surrogate-Control" not in response


def test_without_an_edge_pages_carry_no_edge_headers(client, settings, story):
    settings.EDGE_BACKEND = "none"
    response = client.get(story.get_absolute_url())

    assert response["Cache-Control"] == "public, max-age=60"
    assert "Surrogate-Key" not in response and "Surrogate-Control" not in response
