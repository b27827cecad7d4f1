"""An edit ends the cached pages of its own edition only; a shared row (a section, an author, a
fixed page) ends every edition's, and site-wide pages (sitemaps) end on any edit."""

import pytest

from freshness.generation import generation_cached
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def _cached(client, path):
    return client.get(path).get("X-Page-Cache") == "hit"


@pytest.fixture
def fronts(client):
    category = CategoryFactory()
    stories = {
        code: ArticleFactory(live=True, language=code, category=category)
        for code in ("en", "si", "ta")
    }
    for path in ("/", "/si/", "/ta/", "/sitemap-articles.xml"):
        client.get(path)
        assert _cached(client, path)
    return stories


def test_a_tamil_edit_leaves_the_english_and_sinhala_fronts_cached(client, fronts):
    tamil = fronts["ta"]
    tamil.title = "Tamil headline changed"
    tamil.save()

    assert _cached(client, "/")
    assert _cached(client, "/si/")
    assert not _cached(client, "/ta/")
    assert "Tamil headline changed" in client.get("/ta/").text
    assert not _cached(client, "/sitemap-articles.xml")


def test_an_english_edit_ends_the_english_pages(client, fronts):
    english = fronts["en"]
    english.title = "English headline changed"
    english.save()

    response = client.get("/")
    assert response.get("X-Page-Cache") != "hit"
    assert "English headline changed" in response.text
    assert _cached(client, "/ta/")


def test_a_byline_change_ends_only_its_articles_edition(client, fronts):
    author = AuthorFactory()  # a new author is shared: every edition's pages end
    for path in ("/", "/si/"):
        client.get(path)
    fronts["si"].article_authors.create(author=author, position=1)

    assert not _cached(client, "/si/")
    assert _cached(client, "/")


def test_a_shared_section_change_ends_every_editions_pages(client, fronts):
    category = fronts["en"].category
    category.name = "Renamed"
    category.save()

    assert not any(_cached(client, path) for path in ("/", "/si/", "/ta/"))


def test_generation_cached_values_follow_their_editions_scope(fronts):
    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    assert generation_cached("probe:en", compute, scope="en") == 1
    fronts["ta"].save()
    assert generation_cached("probe:en", compute, scope="en") == 1
    fronts["en"].save()
    assert generation_cached("probe:en", compute, scope="en") == 2
