"""A Sinhala or Tamil page costs the same fixed number of queries as its English twin."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def _queries(client, path):
    client.get(path)  # warms what is kept under the generation, as on a running site
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("count", [3, 12])
def test_edition_pages_cost_what_english_pages_cost(client, settings, count):
    settings.PAGE_CACHE = False
    category, author = CategoryFactory(slug="news"), AuthorFactory(slug="asma")
    articles = {
        code: [
            ArticleFactory(live=True, language=code, category=category, authors=[author])
            for _ in range(count)
        ]
        for code in ("en", "si", "ta")
    }
    for path in ("", "latest/", "category/news/", "author/asma/", "feeds/rss/"):
        assert _queries(client, "/ta/" + path) == _queries(client, "/" + path), path
    english, sinhala = articles["en"][0], articles["si"][0]
    assert _queries(client, sinhala.get_absolute_url()) == _queries(
        client, english.get_absolute_url()
    )
