"""Readers find live articles by words in the headline, standfirst, body or byline."""

import datetime
import re

import pytest
from django.db import connection
from django.utils import timezone

from articles import search
from articles.models import Article, ArticleAuthor
from articles.search import search_articles
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def _titles(response):
    return [article.title for article in response.context["articles"]]


def test_search_finds_live_articles_by_body_text_and_hides_drafts(client):
    ArticleFactory(live=True, title="Port news", body="<p>The harbour reopened at dawn.</p>")
    ArticleFactory(title="Draft port news", body="<p>The harbour is secret.</p>")
    ArticleFactory(
        title="Scheduled port news",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(hours=1),
        body="<p>The harbour will close.</p>",
    )

    response = client.get("/search/", {"q": "harbour"})

    assert response.status_code == 200
    assert _titles(response) == ["Port news"]
    assert "1 result for “harbour”" in response.text


def test_search_matches_author_names(client):
    writer = AuthorFactory(name="Asma Hussain")
    ArticleFactory(live=True, title="Budget day", authors=[writer])
    ArticleFactory(live=True, title="Cricket final")

    assert _titles(client.get("/search/", {"q": "Hussain"})) == ["Budget day"]


def test_renaming_an_author_makes_their_articles_findable_by_the_new_name(client):
    writer = AuthorFactory(name="Nimal Silva")
    ArticleFactory(live=True, title="Election results", authors=[writer])

    writer.name = "Nimal Fernando"
    writer.save()

    assert _titles(client.get("/search/", {"q": "Fernando"})) == ["Election results"]
    assert _titles(client.get("/search/", {"q": "Silva"})) == []


def test_snippets_highlight_the_match_and_escape_everything_else(client):
    ArticleFactory(
        live=True,
        title="Market report",
        standfirst="",
        body="<p>Traders said <b>tea</b> prices &lt;script&gt;alert(1)&lt;/script&gt; rose.</p>",
    )

    html = client.get("/search/", {"q": "tea"}).text

    assert "<mark>tea</mark>" in html
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_headlines_of_results_highlight_the_match_too(client):
    ArticleFactory(live=True, title="Harbour <b>reopens</b>", standfirst="", body="")

    html = client.get("/search/", {"q": "harbour"}).text

    assert "<mark>Harbour</mark> &lt;b&gt;reopens&lt;/b&gt;</a></h2>" in html


def test_category_filter_keeps_only_that_section(client):
    sport = CategoryFactory(name="Sport", slug="sport")
    ArticleFactory(live=True, title="Rain stops play", body="<p>Rain in Kandy.</p>", category=sport)
    ArticleFactory(live=True, title="Rain floods roads", body="<p>Rain in Colombo.</p>")

    response = client.get("/search/", {"q": "rain", "category": "sport"})

    assert _titles(response) == ["Rain stops play"]


def test_an_unknown_category_is_a_clear_error_not_a_crash(client):
    ArticleFactory(live=True, title="Rain floods roads")

    response = client.get("/search/", {"q": "rain", "category": "no-such-section"})

    assert response.status_code == 200
    assert "There is no such section" in response.text
    assert _titles(response) == []


def test_results_pages_keep_the_query_in_their_links(client, settings):
    settings.PAGE_SIZE = 2
    category = CategoryFactory(slug="local")
    ArticleFactory.create_batch(5, live=True, body="<p>Monsoon rain.</p>", category=category)

    first = client.get("/search/", {"q": "monsoon", "category": "local"})
    assert 'rel="next" href="?q=monsoon&amp;category=local&amp;page=2"' in first.text
    last = client.get("/search/", {"q": "monsoon", "category": "local", "page": 3})
    assert len(last.context["articles"]) == 1
    assert 'rel="prev" href="?q=monsoon&amp;category=local&amp;page=2"' in last.text


def test_search_results_are_never_cached_and_not_indexed(client):
    response = client.get("/search/", {"q": "anything"})

    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex, follow">' in response.text


def test_every_page_has_an_accessible_search_form_in_the_header(client):
    html = client.get("/").text

    assert (
        '<form class="site-search" action="/search/" method="get" role="search" '
        'aria-label="Search the news">'
    ) in html
    assert '<label for="site-search-q" class="visually-hidden">Search the news</label>' in html
    assert 'id="site-search-q" name="q"' in html


HOSTILE = [
    "",
    "   ",
    "x" * 5000,
    "word " * 400,
    '"unclosed quote',
    '""',
    "-",
    "or or or",
    "!!! ??? ... ;;; ---",
    "a & b | !c <-> (d)",
    "'; DROP TABLE articles_article; --",
    "foo:* & bar:A",
    "\\",
    "%_%",
    "\x00null\x00byte",
    "ශ්‍රී ලංකා",
    "இலங்கை செய்திகள்",
    "<script>alert(1)</script>",
    "the",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_error(client, query):
    ArticleFactory(live=True, title="Colombo harbour", body="<p>Ships.</p>")

    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text


def test_a_very_long_query_is_shortened_not_refused(client):
    ArticleFactory(live=True, title="Colombo harbour")

    response = client.get("/search/", {"q": "harbour " + "x" * 2000})

    assert response.status_code == 200
    assert len(response.context["form"].cleaned_data["q"]) <= 200


def test_sinhala_and_tamil_articles_are_found_by_their_own_words(client):
    ArticleFactory(live=True, title="ශ්‍රී ලංකා ක්‍රිකට් ජයග්‍රහණය", language="si")
    ArticleFactory(live=True, title="இலங்கை தேர்தல் முடிவுகள்", language="ta")

    assert _titles(client.get("/si/search/", {"q": "ක්‍රිකට්"})) == ["ශ්‍රී ලංකා ක්‍රිකට් ජයග්‍රහණය"]
    assert _titles(client.get("/ta/search/", {"q": "தேர்தல்"})) == ["இலங்கை தேர்தல் முடிவுகள்"]


@pytest.mark.postgres
def test_a_headline_match_outranks_a_body_match():
    # The body-only article is newer, so only ranking can put the headline match first.
    in_headline = ArticleFactory(
        live=True,
        title="Flood warning for Colombo",
        published_at=timezone.now() - datetime.timedelta(hours=3),
    )
    body_only = ArticleFactory(
        live=True, title="Weekly roundup", body="<p>Also: the flood warning.</p>"
    )

    assert list(search_articles("flood")) == [in_headline, body_only]


@pytest.mark.postgres
def test_english_search_matches_other_forms_of_a_word():
    ArticleFactory(live=True, title="Elections announced")

    assert [a.title for a in search_articles("election")] == ["Elections announced"]


@pytest.mark.postgres
def test_the_search_vector_weights_headline_standfirst_byline_and_body():
    writer = AuthorFactory(name="Ravi Perera")
    article = ArticleFactory(
        live=True,
        title="Harbour",
        standfirst="Cranes",
        body="<p>Ships &amp; <em>tugs</em></p>",
        authors=[writer],
    )
    article.refresh_from_db()

    weights = dict(re.findall(r"'(\w+)':\d+([A-D]?)", article.search_vector))
    assert weights == {
        "harbour": "A",
        "crane": "B",
        "ravi": "C",
        "perera": "C",
        "ship": "",  # D, the default weight, is not printed
        "tug": "",
    }


@pytest.mark.postgres
def test_refresh_search_vectors_updates_many_rows_in_one_statement(django_assert_num_queries):
    articles = ArticleFactory.create_batch(3, live=True, title="Tsunami drill")
    Article.objects.update(search_vector=None)

    with django_assert_num_queries(1):
        assert Article.objects.refresh_search_vectors() == 3

    assert {a.pk for a in search_articles("tsunami")} == {a.pk for a in articles}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the fallback is what SQLite runs")
def test_sqlite_fallback_matches_every_word_newest_first_with_a_highlighted_excerpt(client):
    older = ArticleFactory(
        live=True,
        title="Tea exports rise",
        standfirst="",
        body="<p>" + "Growers met. " * 30 + "Prices held in KANDY &amp; Galle.</p>",
        published_at=timezone.now() - datetime.timedelta(hours=3),
    )
    newer = ArticleFactory(live=True, title="Tea prices in Kandy")
    ArticleFactory(live=True, title="Tea auction")

    response = client.get("/search/", {"q": '"kandy" tea'})

    assert list(response.context["articles"]) == [newer, older]
    snippet = response.context["articles"][1].snippet
    assert snippet.startswith("… ")
    assert "<mark>KANDY</mark> &amp;amp; Galle" not in snippet
    assert "<mark>KANDY</mark> &amp; Galle" in snippet


def test_changing_the_byline_changes_what_finds_the_article(client):
    article = ArticleFactory(live=True, title="Budget day", authors=[AuthorFactory(name="Ravi")])
    link = article.article_authors.get()

    ArticleAuthor.objects.create(article=article, author=AuthorFactory(name="Kumari"), position=1)
    link.delete()

    assert _titles(client.get("/search/", {"q": "Kumari"})) == ["Budget day"]
    assert _titles(client.get("/search/", {"q": "Ravi"})) == []


@pytest.mark.postgres
def test_the_search_vector_has_a_gin_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'article_search_vector_idx'"
        )
        (definition,) = cursor.fetchone()

    assert "USING gin (search_vector)" in definition


@pytest.mark.postgres
def test_only_the_newest_matches_are_ranked_so_common_words_stay_fast(monkeypatch):
    monkeypatch.setattr(search, "MAX_RANKED", 2)
    old = ArticleFactory(
        live=True,
        title="Harbour harbour harbour",
        published_at=timezone.now() - datetime.timedelta(hours=9),
    )
    newer = [
        ArticleFactory(
            live=True,
            title=f"Harbour news {n}",
            published_at=timezone.now() - datetime.timedelta(hours=n),
        )
        for n in (1, 2)
    ]

    found = list(search_articles("harbour"))

    assert old not in found
    assert set(found) == set(newer)
