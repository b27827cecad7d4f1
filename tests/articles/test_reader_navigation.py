"""Readers move on to more stories: related articles, the breaking banner, valid search pages."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory
from tests.helpers import assert_valid_page

pytestmark = pytest.mark.django_db


def _hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def test_related_articles_are_the_four_newest_live_in_the_same_category(client):
    sport = CategoryFactory(name="Sport", slug="sport")
    current = ArticleFactory(live=True, category=sport, published_at=_hours_ago(10))
    same = [
        ArticleFactory(live=True, title=f"Sport {i}", category=sport, published_at=_hours_ago(i))
        for i in range(1, 6)
    ]
    ArticleFactory(title="Sport draft", category=sport)
    ArticleFactory(live=True, title="Business story")

    response = client.get(current.get_absolute_url())

    assert [card.pk for card in response.context["related_articles"]] == [a.pk for a in same[:4]]
    assert "More in Sport" in response.text


def test_banner_shows_the_newest_live_breaking_story_on_every_page(client):
    ArticleFactory(live=True, title="Older alert", breaking=True, published_at=_hours_ago(3))
    breaking = ArticleFactory(live=True, title="Cyclone warning", breaking=True)
    ArticleFactory(title="Draft alert", breaking=True)
    ArticleFactory(live=True, title="Expired alert", breaking=True, breaking_until=_hours_ago(0))
    pages = ["/", "/latest/", breaking.category.get_absolute_url(), "/search/?q=x"]

    for url in pages:
        html = client.get(url).text
        assert '<aside class="breaking" aria-label="Breaking news">' in html, url
        assert f'<a href="{breaking.get_absolute_url()}">Cyclone warning</a>' in html, url


def test_no_banner_without_a_live_breaking_story(client):
    ArticleFactory(live=True, breaking=True, breaking_until=_hours_ago(1))
    ArticleFactory(breaking=True, status=Article.Status.REVIEW)

    assert 'class="breaking"' not in client.get("/").text


def test_search_and_article_pages_are_valid_html5(client):
    article = ArticleFactory(
        live=True,
        title="Harbour <news>",
        body="<p>harbour</p>",
        breaking=True,
        authors=[AuthorFactory()],
        lead_image_alt="A crane",
    )
    ArticleFactory(live=True, category=article.category)
    urls = [
        "/search/",
        "/search/?q=harbour",
        "/search/?q=harbour&category=nope",
        "/search/?q=%22%22",
        article.get_absolute_url(),
    ]
    for url in urls:
        assert_valid_page(client.get(url).content.decode())


@pytest.mark.parametrize("count", [5, 50])
def test_search_query_count_is_fixed(client, django_assert_num_queries, count):
    people = [AuthorFactory() for _ in range(3)]
    for i in range(count):
        ArticleFactory(live=True, title=f"Harbour story {i}", authors=people[: 1 + i % 3])
    url = "/search/?q=harbour"
    client.get(url)  # warms the menu and footer caches, as on a running site

    # section choices, count, page, bylines (the banner is cached with the content generation)
    with django_assert_num_queries(4):
        response = client.get(url)
    assert len(response.context["articles"]) == min(count, 20)
