"""Each reader page has one advertising block, and landmarks of one kind have distinct names."""

import html5lib
import pytest

from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def _landmarks(html):
    document = html5lib.parse(html, namespaceHTMLElements=False)
    return document, [
        (
            element.tag,
            element.get("role"),
            element.get("aria-label") or element.get("aria-labelledby"),
        )
        for element in document.iter()
        if element.tag in ("aside", "nav", "form", "section") or element.get("role")
    ]


@pytest.mark.parametrize(
    "path",
    [
        "article",
        "/",
        "/latest/",
        "/category/politics/",
        "/author/asma-hussain/",
        "/search/?q=x",
        "/advertise/",
    ],
)
def test_a_reader_page_has_one_advertising_block_and_unique_landmark_names(client, path):
    politics = CategoryFactory(name="Politics", slug="politics")
    author = AuthorFactory(name="Asma Hussain", slug="asma-hussain")
    article = ArticleFactory(live=True, category=politics, authors=[author])
    html = client.get(article.get_absolute_url() if path == "article" else path).text

    _, landmarks = _landmarks(html)
    assert [mark for mark in landmarks if mark[2] == "Advertising"] == [
        ("aside", None, "Advertising")
    ]
    named = [mark for mark in landmarks if mark[2]]
    assert len(named) == len(set(named)), named


def test_on_an_article_the_advertising_block_follows_the_story_and_latest_news(client):
    article = ArticleFactory(live=True)
    document, _ = _landmarks(client.get(article.get_absolute_url()).text)
    main = document.find(".//main")
    order = [
        element.get("class")
        for element in main.iter()
        if element.get("class") in ("story", "latest", "advertise")
    ]
    assert order == ["story", "latest", "advertise"]
    assert document.find(".//footer//aside") is None
