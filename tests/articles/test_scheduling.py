import datetime

import pytest
import time_machine

from articles.models import Article
from tests.articles.admin_forms import change_data, change_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

COLOMBO = datetime.timezone(datetime.timedelta(hours=5, minutes=30))
BEFORE = datetime.datetime(2026, 12, 10, 10, 0, tzinfo=COLOMBO)
GO_LIVE = datetime.datetime(2026, 12, 12, 18, 0, tzinfo=COLOMBO)


def _pages(article):
    """Every reader-facing list the article joins, with what shows it there."""
    author = article.authors.get().get_absolute_url()
    section = article.category.get_absolute_url()
    title, path = article.title, article.get_absolute_url()
    return [
        ("/", title),
        ("/latest/", title),
        (section, title),
        (author, title),
        ("/feeds/rss/", title),
        ("/feeds/atom/", title),
        (f"{section}rss/", title),
        (f"{author}atom/", title),
        ("/sitemap-articles.xml", path),
        ("/news-sitemap.xml", title),
    ]


def test_scheduled_article_appears_everywhere_exactly_when_its_time_comes(editor_client, client):
    # Pages, feeds and sitemaps are requested (and cached) a second before: none may hold it back.
    with time_machine.travel(BEFORE, tick=False):
        article = ArticleFactory(title="Budget day verdict", status=Article.Status.REVIEW)
        response = editor_client.post(
            change_url(article),
            change_data(article, workflow="schedule", schedule_at="2026-12-12T18:00"),
        )
        assert response.status_code == 302
        article.refresh_from_db()

    with time_machine.travel(GO_LIVE - datetime.timedelta(seconds=1), tick=False):
        for url, shown_by in _pages(article):
            assert shown_by not in client.get(url).content.decode(), url
        assert client.get(article.get_absolute_url()).status_code == 404

    with time_machine.travel(GO_LIVE, tick=False):
        for url, shown_by in _pages(article):
            assert shown_by in client.get(url).content.decode(), url
        assert client.get(article.get_absolute_url()).status_code == 200
        assert article.get_absolute_url().startswith("/2026/12/12/")
