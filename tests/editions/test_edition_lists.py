"""Every reader list shows its own edition's articles only."""

import pytest

from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories():
    category, author = CategoryFactory(slug="news"), AuthorFactory(slug="asma")
    return {
        code: ArticleFactory(
            live=True,
            language=code,
            title=f"Story in {code}",
            slug=f"story-{code}",
            category=category,
            authors=[author],
            breaking=True,
        )
        for code in ("en", "si", "ta")
    }


@pytest.mark.parametrize(
    "path", ["", "latest/", "category/news/", "author/asma/", "feeds/rss/", "feeds/atom/"]
)
@pytest.mark.parametrize(("prefix", "code"), [("/", "en"), ("/si/", "si"), ("/ta/", "ta")])
def test_each_edition_lists_only_its_own_stories(client, stories, prefix, code, path):
    text = client.get(prefix + path).text

    assert f"Story in {code}" in text
    assert all(f"Story in {other}" not in text for other in stories if other != code)


def test_an_article_page_lists_latest_news_and_breaking_news_of_its_own_edition(client, stories):
    ArticleFactory(
        live=True, language="si", title="More Sinhala news", category=stories["si"].category
    )

    text = client.get(stories["si"].get_absolute_url()).text

    assert "More Sinhala news" in text
    assert "Story in en" not in text and "Story in ta" not in text


def test_search_finds_only_the_editions_articles(client, stories):
    found = client.get("/ta/search/", {"q": "Story"}).context["articles"]

    assert [article.language for article in found] == ["ta"]


@pytest.mark.parametrize(("prefix", "code"), [("/", "en"), ("/si/", "si"), ("/ta/", "ta")])
def test_feeds_say_their_editions_language(client, stories, prefix, code):
    assert f"<language>{code}</language>" in client.get(prefix + "feeds/rss/").text
    assert f'xml:lang="{code}"' in client.get(prefix + "feeds/atom/").text
