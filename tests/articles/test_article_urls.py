"""Addresses built by hand (for speed on list pages) are exactly what the URL conf answers."""

import datetime

import pytest
from django.urls import resolve, reverse, set_script_prefix

from pages.models import Page
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    article = ArticleFactory(live=True, slug="harbour-reopens")
    article.url_date = datetime.date(2022, 1, 9)
    return article


def test_article_category_and_author_addresses_match_the_url_conf(article):
    author = article.authors.get()
    assert article.get_absolute_url() == reverse(
        "articles:detail",
        kwargs={"year": "2022", "month": "01", "day": "09", "slug": "harbour-reopens"},
    )
    assert article.category.get_absolute_url() == reverse(
        "articles:category", kwargs={"slug": article.category.slug}
    )
    assert author.get_absolute_url() == reverse("articles:author", kwargs={"slug": author.slug})
    assert resolve(article.get_absolute_url()).view_name == "articles:detail"
    page = Page.objects.create(title="About us", slug="about", body="Who we are.")
    assert page.get_absolute_url() == reverse("pages:detail", kwargs={"slug": "about"})


def test_addresses_keep_the_script_prefix_when_mounted_below_the_root(article):
    set_script_prefix("/news/")
    try:
        assert article.get_absolute_url() == "/news/2022/01/09/harbour-reopens/"
        assert article.category.get_absolute_url().startswith("/news/category/")
        assert Page(slug="about").get_absolute_url() == "/news/about/"
    finally:
        set_script_prefix("/")
