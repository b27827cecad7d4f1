"""RSS and Atom feeds carry the latest live articles, well-formed, for readers and aggregators."""

import datetime

import feedparser
import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db

FEEDS = ["/feeds/rss/", "/feeds/atom/"]


def _parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.mark.parametrize("url", FEEDS)
def test_site_feed_holds_only_live_articles_newest_first(client, url):
    older = ArticleFactory(
        live=True, title="Older", published_at=timezone.now() - datetime.timedelta(hours=5)
    )
    newer = ArticleFactory(live=True, title="Newer")
    ArticleFactory(title="A draft")
    ArticleFactory(
        title="Scheduled",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(hours=1),
    )
    ArticleFactory(title="Pulled", status=Article.Status.UNPUBLISHED)

    _, feed = _parse(client, url)

    assert [entry.title for entry in feed.entries] == [newer.title, older.title]
    assert feed.entries[0].link == f"http://testserver{newer.get_absolute_url()}"


@pytest.mark.parametrize("url", FEEDS)
def test_feed_items_carry_summary_authors_category_and_times(client, url):
    people = [AuthorFactory(name="Asma Hussain"), AuthorFactory(name="Ravi Perera")]
    sport = CategoryFactory(name="Sport", slug="sport")
    published = timezone.now().replace(microsecond=0) - datetime.timedelta(hours=2)
    revised = published + datetime.timedelta(minutes=30)
    ArticleFactory(
        live=True,
        title="Final over",
        standfirst="A last-ball win.",
        authors=people,
        category=sport,
        published_at=published,
        revised_at=revised,
    )

    _, feed = _parse(client, url)

    entry = feed.entries[0]
    assert entry.summary == "A last-ball win."
    assert entry.author == "Asma Hussain, Ravi Perera"
    assert [tag.term for tag in entry.tags] == ["Sport"]
    assert datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC) == published
    if url.endswith("atom/"):
        assert datetime.datetime(*entry.updated_parsed[:6], tzinfo=datetime.UTC) == revised


@pytest.mark.parametrize("url", FEEDS)
def test_lead_image_is_an_enclosure_with_its_byte_size_and_type(client, url):
    article = ArticleFactory(live=True, with_image=True)

    _, feed = _parse(client, url)

    (enclosure,) = feed.entries[0].enclosures
    assert enclosure.href == f"http://testserver{article.lead_image.url}"
    assert enclosure.type == "image/jpeg"
    # The size stored at upload, which is the stored file's.
    assert enclosure.length == str(article.lead_image_bytes) == str(article.lead_image.size)


@pytest.mark.parametrize("url", FEEDS)
def test_feed_holds_the_latest_twenty(client, url):
    ArticleFactory.create_batch(25, live=True)

    _, feed = _parse(client, url)

    assert len(feed.entries) == 20


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_category_and_author_feeds_hold_only_their_articles(client, kind):
    sport = CategoryFactory(name="Sport", slug="sport")
    writer = AuthorFactory(name="Asma Hussain", slug="asma-hussain")
    ArticleFactory(live=True, title="Cricket", category=sport)
    ArticleFactory(live=True, title="Budget", authors=[writer])
    ArticleFactory(title="Draft cricket", category=sport, authors=[writer])

    _, category_feed = _parse(client, f"/category/sport/{kind}/")
    _, author_feed = _parse(client, f"/author/asma-hussain/{kind}/")

    assert [entry.title for entry in category_feed.entries] == ["Cricket"]
    assert category_feed.feed.title == "Sport | Newsroom"
    assert [entry.title for entry in author_feed.entries] == ["Budget"]
    assert author_feed.feed.title == "Asma Hussain | Newsroom"


@pytest.mark.parametrize("url", ["/category/nope/rss/", "/author/nobody/atom/"])
def test_feeds_of_unknown_categories_and_authors_are_404(client, url):
    assert client.get(url).status_code == 404


def test_pages_link_their_feeds_for_autodiscovery(client):
    article = ArticleFactory(live=True)
    category = article.category
    author = article.authors.get()
    expected = {
        "/": ["/feeds/rss/", "/feeds/atom/"],
        category.get_absolute_url(): [
            f"/category/{category.slug}/rss/",
            f"/category/{category.slug}/atom/",
        ],
        author.get_absolute_url(): [f"/author/{author.slug}/rss/", f"/author/{author.slug}/atom/"],
    }
    for page, feeds in expected.items():
        html = client.get(page).text
        rss, atom = feeds
        assert 'rel="alternate" type="application/rss+xml"' in html
        assert f'href="{rss}"' in html, page
        assert f'href="{atom}"' in html, page
        assert client.get(rss).status_code == 200
        assert client.get(atom).status_code == 200


@pytest.mark.parametrize("url", [*FEEDS, "/category/sport/rss/", "/author/asma/atom/"])
@pytest.mark.parametrize("count", [5, 50])
def test_feed_query_count_is_fixed(client, settings, django_assert_num_queries, url, count):
    settings.PAGE_CACHE = False  # the cost of rendering, not of a cache hit
    sport = CategoryFactory(slug="sport")
    writer = AuthorFactory(slug="asma")
    ArticleFactory.create_batch(count, live=True, category=sport, authors=[writer])

    expected = 2 if url.startswith("/feeds/") else 3  # (+ the category or author) + items + bylines
    with django_assert_num_queries(expected):
        client.get(url)
