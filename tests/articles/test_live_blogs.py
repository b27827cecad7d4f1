"""Live blogs on the reader's side: the page (summary, key events, pinned update, updates with
their own addresses, pages), the polling endpoint, structured data, the feed, and the flags on
the front page and in the banner while coverage is open."""

import datetime
import json

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import liveblog
from articles.models import Article, Coverage
from tests.factories import ArticleFactory, LiveEntryFactory

pytestmark = pytest.mark.django_db

COLOMBO = datetime.timezone(datetime.timedelta(hours=5, minutes=30))
START = datetime.datetime(2026, 12, 3, 20, 0, tzinfo=COLOMBO)


@pytest.fixture(autouse=True)
def _evening(time_machine):
    time_machine.move_to(START + datetime.timedelta(hours=3))


@pytest.fixture
def live_blog():
    return ArticleFactory(
        live=True,
        title="Election night live",
        standfirst="Results as they come in.",
        body="<p>Polls closed at 4 pm.</p>",
        coverage=Coverage.OPEN,
        coverage_started_at=START,
        published_at=START,
    )


def _post(article, minutes, text, **fields):
    return LiveEntryFactory(
        article=article,
        body=f"<p>{text}</p>",
        posted_at=START + datetime.timedelta(minutes=minutes),
        **fields,
    )


def _json_ld(page, kind):
    blocks = page.split('<script type="application/ld+json">')[1:]
    found = [json.loads(block.split("</script>")[0]) for block in blocks]
    return next(item for item in found if item["@type"] == kind)


def test_the_page_shows_summary_key_events_pinned_update_and_updates_newest_first(
    client, live_blog
):
    _post(live_blog, 5, "Counting starts in Colombo.")
    key = _post(live_blog, 30, "First result: Galle.", key_event=True, title="Galle declared")
    _post(live_blog, 45, "Turnout above 70 per cent.", pinned=True)
    page = client.get(live_blog.get_absolute_url()).text
    page = page[page.index("<main") :]  # what the reader sees, not the structured data

    assert "Polls closed at 4 pm." in page and "Results as they come in." in page
    assert page.index("Key events") < page.index("Pinned") < page.index("Counting starts")
    assert f'href="{live_blog.get_absolute_url()}updates/{key.pk}/">Galle declared</a>' in page
    assert page.index("Turnout above 70") < page.index("First result") < page.index("Counting")
    assert "3 Dec, 2026 | 8:30 pm" in page  # the station's format, site time
    assert f'id="update-{key.pk}"' in page
    assert "Show new updates" in page  # without JavaScript


def test_long_coverage_is_paginated_and_each_update_keeps_its_address(client, live_blog):
    updates = [_post(live_blog, minute, f"Update at minute {minute}.") for minute in range(45)]
    first = client.get(live_blog.get_absolute_url()).text
    assert "Update at minute 44." in first and "Update at minute 10." not in first
    assert "Page 1 of 3" in first

    oldest = updates[0]
    response = client.get(f"{live_blog.get_absolute_url()}updates/{oldest.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"{live_blog.get_absolute_url()}?page=3#update-{oldest.pk}"
    assert "Update at minute 0." in client.get(response["Location"]).text


def test_polling_returns_only_newer_updates_and_costs_no_query_when_cached(client, live_blog):
    _post(live_blog, 1, "Before the reader came.")
    page = client.get(live_blog.get_absolute_url()).text
    cursor = page.split('data-cursor="')[1].split('"')[0]
    _post(live_blog, 2, "While the reader was reading.")
    url = f"{live_blog.get_absolute_url()}since/?since={cursor}"

    answer = client.get(url).json()
    assert answer["open"] is True
    assert [update["html"].count("While the reader") for update in answer["updates"]] == [1]
    assert int(answer["cursor"]) > int(cursor)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert len(queries) == 0 and again["X-Page-Cache"] == "hit"
    assert (
        client.get(f"{live_blog.get_absolute_url()}since/?since={answer['cursor']}").json()[
            "updates"
        ]
        == []
    )


@pytest.mark.parametrize("since", ["", "abc", "-1", "1e5", "12.5", "99999999999999", "1%00"])
def test_a_malformed_since_is_a_400_never_a_500(client, live_blog, since):
    response = client.get(f"{live_blog.get_absolute_url()}since/?since={since}")
    assert response.status_code == 400
    assert "since" in response.json()["error"]


def test_polling_cannot_read_unpublished_or_embargoed_live_blogs(client, live_blog):
    draft = ArticleFactory(coverage=Coverage.OPEN)
    embargoed = ArticleFactory(
        live=True, coverage=Coverage.OPEN, embargo_until=timezone.now() + datetime.timedelta(1)
    )
    ordinary = ArticleFactory(live=True)
    for article in (draft, embargoed, ordinary):
        assert client.get(f"{article.get_absolute_url()}since/?since=0").status_code == 404


def test_hostile_markup_in_an_update_is_cleaned(client, live_blog, editor):
    entry = liveblog.live_entry_post(
        article=live_blog,
        user=editor,
        body='<p onclick="steal()">Hi<script>alert(1)</script></p><img src=x onerror=alert(2)>',
    )
    assert "script" not in entry.body and "onclick" not in entry.body
    assert "onerror" not in client.get(live_blog.get_absolute_url()).text


def test_plain_text_from_the_fast_form_becomes_escaped_paragraphs(live_blog, editor):
    entry = liveblog.live_entry_post(
        article=live_blog, user=editor, body="Turnout: 70% & rising\n\nMore <soon"
    )
    assert entry.body == "<p>Turnout: 70% &amp; rising</p><p>More &lt;soon</p>"


def test_structured_data_is_a_live_blog_posting_with_its_updates(client, live_blog):
    _post(live_blog, 10, "Counting starts.", key_event=True, title="Counting starts")
    data = _json_ld(client.get(live_blog.get_absolute_url()).text, "LiveBlogPosting")
    assert data["coverageStartTime"] == "2026-12-03T20:00:00+05:30"
    assert "coverageEndTime" not in data
    assert data["liveBlogUpdate"][0]["headline"] == "Counting starts"
    assert data["liveBlogUpdate"][0]["datePublished"] == "2026-12-03T20:10:00+05:30"


def test_the_feed_has_an_item_per_update(client, live_blog):
    _post(live_blog, 10, "Counting starts.")
    _post(live_blog, 20, "Galle declared.", key_event=True, title="Galle declared")
    page = client.get(live_blog.get_absolute_url()).text
    feed_url = f"{live_blog.get_absolute_url()}rss/"
    assert f'title="Election night live (RSS)" href="{feed_url}"' in page  # autodiscovery
    feed = feedparser.parse(client.get(f"{live_blog.get_absolute_url()}rss/").content)
    assert feed.feed.title == "Election night live"
    assert [entry.title for entry in feed.entries] == ["Galle declared", "3 Dec, 2026 | 8:10 pm"]
    assert feed.entries[0].link.endswith(f"/updates/{live_blog.entries.first().pk}/")


def test_an_open_live_blog_is_flagged_on_the_front_page_and_in_the_banner(
    client, live_blog, editor
):
    front = client.get("/").text
    assert '<span class="live-flag">Live</span>' in front
    assert 'aria-label="Live coverage"' in front
    liveblog.live_coverage_close(article=Article.objects.get(pk=live_blog.pk), user=editor)
    front = client.get("/").text
    assert "live-flag" not in front and 'aria-label="Live coverage"' not in front


def test_a_closed_live_blog_stays_readable_and_says_coverage_has_ended(client, live_blog, editor):
    _post(live_blog, 10, "Final result declared.")
    article = Article.objects.get(pk=live_blog.pk)
    liveblog.live_coverage_close(article=article, user=editor)
    page = client.get(live_blog.get_absolute_url()).text
    assert "Final result declared." in page and "Coverage has ended" in page
    assert "live.js" not in page and "data-since-url" not in page
    assert client.get(f"{live_blog.get_absolute_url()}since/?since=0").json()["open"] is False
    data = _json_ld(page, "LiveBlogPosting")
    assert data["coverageEndTime"]


@pytest.mark.parametrize("updates", [3, 30])
def test_the_page_and_polling_cost_a_fixed_number_of_queries(
    client, live_blog, settings, django_assert_num_queries, updates
):
    settings.PAGE_CACHE = False
    for minute in range(updates):
        _post(live_blog, minute, f"Update {minute}.", key_event=minute % 3 == 0, title="Key")
    client.get(live_blog.get_absolute_url())  # the menu, banner and side lists are kept
    # The article, its bylines (no translations: no query for them); the updates' count, page
    # and bylines, the pinned one, the key events, the cursor.
    with django_assert_num_queries(8):
        client.get(live_blog.get_absolute_url())
    # The live blog, the updates since, their bylines.
    with django_assert_num_queries(3):
        client.get(f"{live_blog.get_absolute_url()}since/?since=0")
