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


def _translated(article):
    ArticleFactory(live=True, language="si", translation_group=article.translation_group)
    return article


# (address, queries warm, queries after a change). Warm: the header, footer and breaking banner,
# the front page's stories, an article page's Latest News and section lists and a list's length
# (for "Page N of M") are kept under the content generation (freshness.generation). After any
# change they are read again, at a fixed cost (the banner asks for a breaking story and for an
# open live blog). The first render also reads the site settings (brand.site), kept whole until
# they are saved: an edit of the content does not read them again.
PAGES = {
    "home": (lambda a, c, p: "/", 0, 13),
    "latest": (lambda a, c, p: "/latest/", 1, 8),
    "category": (lambda a, c, p: c[0].get_absolute_url(), 2, 9),
    "author": (lambda a, c, p: p[0].get_absolute_url(), 2, 9),
    "article": (lambda a, c, p: a[1].get_absolute_url(), 2, 10),
    # An article with a translation also asks for its live translations (hreflang).
    "translated article": (lambda a, c, p: _translated(a[1]).get_absolute_url(), 3, 11),
    "latest, page 2": (lambda a, c, p: "/latest/?page=2", 1, 8),
    "fixed page": (
        lambda a, c, p: Page.objects.create(title="About", slug="about").get_absolute_url(),
        1,
        7,
    ),
}


@pytest.mark.parametrize("count", [25, 60])
@pytest.mark.parametrize("page", PAGES.keys())
def test_public_page_query_count_is_fixed(client, django_assert_num_queries, settings, count, page):
    settings.PAGE_CACHE = False  # the cost of rendering, not of a cache hit
    data = _fill(count)
    url_for, warm, after_change = PAGES[page]
    url = url_for(*data)
    with django_assert_num_queries(after_change):
        response = client.get(url)
    assert response.status_code == 200, url
    with django_assert_num_queries(warm):
        response = client.get(url)
    assert response.status_code == 200, url
