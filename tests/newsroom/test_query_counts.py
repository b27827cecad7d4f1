"""Every public page costs a fixed number of queries, however many articles it lists."""

import pytest

from pages.models import Page
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def _fill(count):
    categories = [CategoryFactory(slug=f"cat-{i}") for i in range(3)]
    people = [AuthorFactory(slug=f"person-{i}") for i in range(3)]
    articles = [
        ArticleFactory(
            live=True, category=categories[i % 3], authors=people[: 1 + i % 3], featured=i == 0
        )
        for i in range(count)
    ]
    return articles, categories, people


# Each count includes the breaking-news banner's query; the article page adds related articles.
PAGES = {
    "home": (lambda a, c, p: "/", 2),
    "latest": (lambda a, c, p: "/latest/", 2),
    "category": (lambda a, c, p: c[0].get_absolute_url(), 3),
    "author": (lambda a, c, p: p[0].get_absolute_url(), 3),
    "article": (lambda a, c, p: a[1].get_absolute_url(), 5),
    "latest, page 2": (lambda a, c, p: "/latest/?page=2", 2),
    "fixed page": (
        lambda a, c, p: Page.objects.create(title="About", slug="about").get_absolute_url(),
        1,
    ),
}


@pytest.mark.parametrize("count", [25, 60])
@pytest.mark.parametrize("page", PAGES.keys())
def test_public_page_query_count_is_fixed(client, django_assert_num_queries, settings, count, page):
    settings.PAGE_CACHE = False  # the cost of rendering, not of a cache hit
    data = _fill(count)
    url_for, expected = PAGES[page]
    url = url_for(*data)
    client.get(url)  # warms the menu and footer caches, as on a running site
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200, url
