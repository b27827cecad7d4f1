"""Sitemaps and robots.txt tell crawlers where every live page is."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from articles.models import Article, ArticleAuthor, Category
from pages.models import Page
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def _xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def _hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def test_sitemap_index_lists_articles_categories_authors_and_pages_with_lastmod(client):
    ArticleFactory(live=True)
    Page.objects.create(title="About", slug="about", body="Us.")

    index = _xml(client, "/sitemap.xml")

    assert index.tag == f"{SITEMAP}sitemapindex"
    entries = {
        e.findtext(f"{SITEMAP}loc"): e.findtext(f"{SITEMAP}lastmod")
        for e in index.findall(f"{SITEMAP}sitemap")
    }
    assert set(entries) == {
        f"http://testserver/sitemap-{section}.xml"
        for section in ["articles", "categories", "authors", "pages"]
    }
    assert all(entries.values())


def test_article_sitemap_lists_only_live_articles_with_their_modified_time(client):
    published = _hours_ago(3).replace(microsecond=0)
    revised = published + datetime.timedelta(hours=1)
    live = ArticleFactory(live=True, published_at=published, revised_at=revised)
    ArticleFactory(title="Draft")
    ArticleFactory(status=Article.Status.PUBLISHED, published_at=_hours_ago(-2))

    urlset = _xml(client, "/sitemap-articles.xml")

    assert urlset.tag == f"{SITEMAP}urlset"
    (url,) = urlset.findall(f"{SITEMAP}url")
    assert url.findtext(f"{SITEMAP}loc") == f"http://testserver{live.get_absolute_url()}"
    assert url.findtext(f"{SITEMAP}lastmod") == timezone.localdate(revised).isoformat()


def test_category_author_and_page_sitemaps_list_their_pages_in_every_edition(client):
    article = ArticleFactory(live=True)
    page = Page.objects.create(title="About", slug="about", body="Us.")
    expected = {
        "categories": article.category.get_absolute_url(),
        "authors": article.authors.get().get_absolute_url(),
        "pages": page.get_absolute_url(),
    }
    for section, path in expected.items():
        urlset = _xml(client, f"/sitemap-{section}.xml")
        locs = [u.findtext(f"{SITEMAP}loc") for u in urlset.findall(f"{SITEMAP}url")]
        assert locs == [f"http://testserver{prefix}{path[1:]}" for prefix in ("/", "/si/", "/ta/")]


def test_news_sitemap_lists_articles_of_the_last_48_hours_in_google_news_format(client, settings):
    settings.SITE_NAME = "Newsfirst & Co"
    recent = ArticleFactory(
        live=True, title="Rates held <again>", published_at=_hours_ago(2), language="si"
    )
    ArticleFactory(live=True, title="Two days old", published_at=_hours_ago(49))
    ArticleFactory(title="Draft", published_at=_hours_ago(1))
    # Revised today but first published long ago: not news any more.
    ArticleFactory(live=True, published_at=_hours_ago(72), revised_at=_hours_ago(1))

    urlset = _xml(client, "/news-sitemap.xml")

    assert urlset.tag == f"{SITEMAP}urlset"
    (url,) = urlset.findall(f"{SITEMAP}url")
    assert url.findtext(f"{SITEMAP}loc") == f"http://testserver{recent.get_absolute_url()}"
    news = url.find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "Newsfirst & Co"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "si"
    assert news.findtext(f"{NEWS}title") == "Rates held <again>"
    published = news.findtext(f"{NEWS}publication_date")
    assert published.endswith("+05:30")
    assert datetime.datetime.fromisoformat(published) == recent.published_at.replace(microsecond=0)


def _bulk_live(count, category, hours_ago):
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            title=f"Bulk {hours_ago}-{i}",
            slug=f"bulk-{hours_ago}-{i}",
            category=category,
            status=Article.Status.PUBLISHED,
            published_at=now - datetime.timedelta(hours=hours_ago, seconds=i),
            url_date=timezone.localdate(now),
        )
        for i in range(count)
    )


def test_news_sitemap_holds_at_most_1000_newest(client):
    category = CategoryFactory()
    _bulk_live(1001, category, hours_ago=1)

    urls = _xml(client, "/news-sitemap.xml").findall(f"{SITEMAP}url")

    assert len(urls) == 1000
    assert urls[0].findtext(f"{SITEMAP}loc").endswith("/bulk-1-0/")
    assert not any(u.findtext(f"{SITEMAP}loc").endswith("/bulk-1-1000/") for u in urls)


def test_robots_txt_names_both_sitemaps_and_keeps_crawlers_out_of_admin_and_search(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/news-sitemap.xml" in lines


def _fill(count):
    categories = [CategoryFactory() for _ in range(3)]
    people = [AuthorFactory() for _ in range(3)]
    _bulk_live(count, categories[0], hours_ago=1)
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, author=people[i % 3])
        for i, article in enumerate(Article.objects.all())
    )
    for i in range(count // 5):
        Page.objects.create(title=f"Page {i}", slug=f"page-{i}", body="Text.")
    assert Category.objects.count() == 3


@pytest.mark.parametrize("count", [5, 50])
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/sitemap.xml", 8),  # per section: its latest lastmod + its page count
        ("/sitemap-articles.xml", 2),  # count + page
        ("/sitemap-categories.xml", 1),  # the rows, once for every edition
        ("/sitemap-authors.xml", 1),
        ("/sitemap-pages.xml", 1),
        ("/news-sitemap.xml", 2),
    ],
)
def test_sitemap_query_count_is_fixed(
    client, settings, django_assert_num_queries, count, url, expected
):
    settings.PAGE_CACHE = False  # the cost of rendering, not of a cache hit
    _fill(count)
    client.get(url)  # warms the menu and footer caches, as on a running site

    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
