"""The anonymous page cache: hits cost no queries, and every change a reader could see is served
fresh on the next request. Runs on local memory and, in CI's second run, on Redis."""

import datetime
import gzip

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import ArticleAuthor, Correction
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db


def _get(client, url, **headers):
    """The response and how many queries it cost (0 means it came from the page cache)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


@pytest.fixture
def story():
    return ArticleFactory(live=True, title="Harbour reopens after the storm")


def test_a_repeated_anonymous_page_comes_from_the_cache_without_queries(client, story):
    first, first_queries = _get(client, "/")
    second, second_queries = _get(client, "/")
    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content
    assert "Harbour reopens after the storm" in second.text
    assert second["Cache-Control"] == "public, max-age=60"
    assert second["ETag"] == first["ETag"]
    assert second.has_header("Last-Modified")


def test_the_cdn_lifetime_comes_from_the_setting(client, story, settings):
    settings.PAGE_CACHE_CDN_SECONDS = 15
    _get(client, "/latest/")
    response, _ = _get(client, "/latest/")
    assert response["Cache-Control"] == "public, max-age=15"


def test_a_csrf_cookie_neither_splits_nor_bypasses_the_cache(client, story):
    _get(client, story.get_absolute_url())
    client.cookies["csrftoken"] = "a" * 32
    response, queries = _get(client, story.get_absolute_url())
    assert queries == 0
    assert "Set-Cookie" not in response
    assert response["Vary"] == "Accept-Encoding"  # not Cookie: a CDN need not split on cookies


def test_readers_that_accept_gzip_get_the_page_compressed_from_the_first_request(client, story):
    plain, _ = _get(client, story.get_absolute_url())
    first, _ = _get(client, "/latest/", accept_encoding="gzip, deflate, br")
    hit, queries = _get(client, story.get_absolute_url(), accept_encoding="gzip, deflate, br")
    assert queries == 0 and hit["X-Page-Cache"] == "hit"
    for response in (first, hit):
        assert response["Content-Encoding"] == "gzip"
        assert int(response["Content-Length"]) == len(response.content)
        assert response["ETag"].startswith('W/"')
    assert gzip.decompress(hit.content) == plain.content
    assert len(hit.content) < len(plain.content) / 3
    assert "Content-Encoding" not in plain and int(plain["Content-Length"]) == len(plain.content)
    assert hit["ETag"] == "W/" + plain["ETag"]
    not_modified, _ = _get(
        client, story.get_absolute_url(), accept_encoding="gzip", if_none_match=hit["ETag"]
    )
    assert not_modified.status_code == 304


def test_a_matching_if_none_match_gets_304_from_the_cache(client, story):
    first, _ = _get(client, story.get_absolute_url())
    response, queries = _get(client, story.get_absolute_url(), if_none_match=first["ETag"])
    assert response.status_code == 304
    assert response.content == b""
    assert queries == 0
    changed, _ = _get(client, story.get_absolute_url(), if_none_match='"something-else"')
    assert changed.status_code == 200


def test_query_strings_are_part_of_the_key(client, settings):
    settings.PAGE_SIZE = 2
    ArticleFactory.create_batch(3, live=True)
    first = client.get("/latest/")
    second = client.get("/latest/?page=2")
    assert first.context["page_obj"].number == 1
    assert second.context["page_obj"].number == 2


def test_logged_in_staff_pages_are_never_cached_or_served_from_the_cache(client, story):
    _get(client, "/")  # cached for anonymous readers
    client.force_login(UserFactory())
    response = client.get("/")
    assert "X-Page-Cache" not in response  # rendered for the editor, not replayed
    assert "private" in response["Cache-Control"]
    client.logout()
    client.cookies.clear()

    story.title = "Harbour reopens, ships queue"
    story.save()
    client.force_login(UserFactory())
    _get(client, "/")  # an editor's page is not stored for readers ...
    client.logout()
    client.cookies.clear()
    response = client.get("/")
    assert "X-Page-Cache" not in response  # ... so the reader's first visit renders
    assert "ships queue" in response.text


def test_never_cache_responses_and_the_admin_are_not_stored(client, story):
    _get(client, "/healthz")
    response, queries = _get(client, "/healthz")
    assert queries > 0
    assert "no-store" in response["Cache-Control"]
    for _ in range(2):
        response = client.get("/admin/login/")
        assert "public" not in response["Cache-Control"]
        assert "csrftoken" in response.cookies  # rendered each time, never replayed


def test_missing_pages_are_not_cached(client, story):
    _get(client, "/category/no-such-section/")
    again, queries = _get(client, "/category/no-such-section/")
    assert again.status_code == 404
    assert "X-Page-Cache" not in again and queries > 0  # rendered again, not replayed
    CategoryFactory(slug="no-such-section", name="New section")
    response, _ = _get(client, "/category/no-such-section/")
    assert response.status_code == 200


def test_the_switch_turns_the_cache_off(client, story, settings):
    settings.PAGE_CACHE = False
    client.get("/")
    response = client.get("/")
    assert "X-Page-Cache" not in response
    assert "Cache-Control" not in response


# Invalidation: each change is served on the very next request.


def _cache_pages(client, *urls):
    for url in urls:
        _get(client, url)
        assert _get(client, url)[1] == 0, f"{url} was not cached"


def test_publishing_shows_the_article_everywhere_on_the_next_request(client, story):
    _cache_pages(client, "/", "/latest/")
    draft = ArticleFactory(title="Budget passes second reading")
    draft.publish()
    draft.save()
    for url in ["/", "/latest/", draft.category.get_absolute_url()]:
        assert "Budget passes second reading" in client.get(url).text, url
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_unpublishing_removes_the_article_on_the_next_request(client, story):
    url = story.get_absolute_url()
    _cache_pages(client, url, "/latest/")
    story.unpublish()
    story.save()
    assert client.get(url).status_code == 404
    assert "Harbour reopens" not in client.get("/latest/").text


def test_an_edit_is_served_on_the_next_request(client, story):
    _cache_pages(client, story.get_absolute_url(), "/")
    story.title = "Harbour reopens to container ships"
    story.save()
    assert "to container ships" in client.get(story.get_absolute_url()).text
    assert "to container ships" in client.get("/").text


def test_a_correction_is_served_on_the_next_request(client, story):
    _cache_pages(client, story.get_absolute_url())
    Correction.objects.create(article=story, text="The harbour opened on Tuesday.")
    assert "opened on Tuesday" in client.get(story.get_absolute_url()).text


def test_an_author_change_is_served_on_the_next_request(client, story):
    author = story.authors.get()
    _cache_pages(client, story.get_absolute_url(), author.get_absolute_url())
    author.name = "Asma Hussain"
    author.save()
    assert "Asma Hussain" in client.get(story.get_absolute_url()).text
    assert "Asma Hussain" in client.get(author.get_absolute_url()).text


def test_a_byline_change_is_served_on_the_next_request(client, story):
    _cache_pages(client, story.get_absolute_url())
    story.authors.add(AuthorFactory(name="Kumar Perera"), through_defaults={"position": 1})
    assert "Kumar Perera" in client.get(story.get_absolute_url()).text
    ArticleAuthor.objects.filter(author__name="Kumar Perera").delete()
    assert "Kumar Perera" not in client.get(story.get_absolute_url()).text


def test_a_category_change_is_served_on_the_next_request(client, story):
    category = story.category
    _cache_pages(client, "/", story.get_absolute_url(), category.get_absolute_url())
    category.name = "Ports and Shipping"
    category.save()
    for url in ["/", story.get_absolute_url(), category.get_absolute_url()]:
        assert "Ports and Shipping" in client.get(url).text, url


def test_a_scheduled_article_goes_live_at_its_time_through_cached_pages(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    ArticleFactory(live=True)
    scheduled = ArticleFactory(title="Embargoed budget story")
    scheduled.publish(at=timezone.now() + datetime.timedelta(minutes=30))
    scheduled.save()
    _cache_pages(client, "/", "/latest/")
    # No CDN copy may outlive the publish time either.
    assert client.get("/latest/")["Cache-Control"] == "public, max-age=60"

    time_machine.shift(datetime.timedelta(minutes=29, seconds=30))
    assert client.get("/latest/")["Cache-Control"] == "public, max-age=30"
    time_machine.shift(datetime.timedelta(seconds=30))
    for url in ["/", "/latest/"]:
        assert "Embargoed budget story" in client.get(url).text, url


def test_an_expiring_featured_flag_ends_the_cached_front_page(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    ArticleFactory(live=True, title="The regular lead")
    ArticleFactory(
        live=True,
        title="The featured story",
        featured=True,
        featured_until=timezone.now() + datetime.timedelta(minutes=5),
        published_at=timezone.now() - datetime.timedelta(days=1),
    )
    _cache_pages(client, "/")
    assert 'id="lead-title" class="lead__title"><a href="' in client.get("/").text
    assert "The featured story" in client.get("/").text.split("Latest News")[0]
    time_machine.shift(datetime.timedelta(minutes=5))
    assert "The regular lead" in client.get("/").text.split("Latest News")[0]


def test_the_front_page_choice_is_fresh_after_edits_and_at_scheduled_times_without_page_cache(
    client, settings, time_machine
):
    settings.PAGE_CACHE = False  # the front page's own cache of which articles go where
    time_machine.move_to(timezone.now(), tick=False)
    ArticleFactory(live=True, title="Monday's lead")
    client.get("/")
    ArticleFactory(live=True, title="Tuesday's lead", published_at=timezone.now())
    assert "Tuesday&#39;s lead" in client.get("/").text.split("Latest News")[0]

    scheduled = ArticleFactory(title="Wednesday's lead")
    scheduled.publish(at=timezone.now() + datetime.timedelta(hours=1))
    scheduled.save()
    assert "Wednesday" not in client.get("/").text
    time_machine.shift(datetime.timedelta(hours=1))
    assert "Wednesday&#39;s lead" in client.get("/").text.split("Latest News")[0]
