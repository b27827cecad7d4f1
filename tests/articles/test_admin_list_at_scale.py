"""The admin's article list stays cheap however large the archive: no DISTINCT, no full count
of a long list, no date hierarchy, a search answered by the stored search vector."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.changelist import EstimatedCountPaginator
from articles.models import Article
from tests.articles.admin_forms import ADMIN
from tests.factories import ArticleFactory, AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db


def _queries(client, url):
    client.get(url)  # warm the session and the menu cache
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in context.captured_queries]


@pytest.mark.parametrize(
    "query", ["", "?q=harbour", "?status__exact=published", "?q=harbour&status__exact=draft&p=1"]
)
def test_list_search_and_filters_run_seven_queries_without_distinct(editor_client, query):
    for number in range(4):
        ArticleFactory(live=number % 2, title=f"Harbour story {number}")
    page, queries = _queries(editor_client, f"{ADMIN}{query}")
    assert "Harbour story" in page or "0 articles" in page
    assert len(queries) == 7
    assert not any("DISTINCT" in sql.upper() for sql in queries)
    # One count of the filtered list (bounded), none of the whole table.
    assert sum("COUNT(" in sql.upper() for sql in queries) == 1


def test_search_finds_words_in_headlines_standfirsts_and_bylines(editor_client):
    ArticleFactory(title="Harbour reopens", status=Article.Status.REVIEW)
    ArticleFactory(title="Budget day", standfirst="The harbour gets a new pier.")
    ArticleFactory(title="Cricket final", authors=[AuthorFactory(name="Asma Hussain")])
    ArticleFactory(title="Nothing to see")

    harbour = editor_client.get(f"{ADMIN}?q=harbour").content.decode()
    assert "Harbour reopens" in harbour and "Budget day" in harbour
    assert "Nothing to see" not in harbour
    by_name = editor_client.get(f"{ADMIN}?q=Hussain").content.decode()
    assert "Cricket final" in by_name and "Harbour reopens" not in by_name
    assert "2 articles" in harbour


def test_each_row_shows_its_edition_bylines_and_who_last_saved_it(editor_client, editor):
    editor.first_name, editor.last_name = "Nimal", "Perera"
    editor.save()
    article = ArticleFactory(title="Port city", authors=[AuthorFactory(name="Asma Hussain")])
    history = article.history.latest()
    history.history_user = editor
    history.save()
    page = editor_client.get(ADMIN).content.decode()
    assert "English" in page and "Asma Hussain" in page and "by Nimal Perera" in page


def test_list_actions_still_save_whole_articles(editor_client):
    article = ArticleFactory(status=Article.Status.REVIEW, body="<p>Every word kept.</p>")
    editor_client.post(ADMIN, {"action": "publish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and article.body == "<p>Every word kept.</p>"
    assert article.history.latest().body == "<p>Every word kept.</p>"


@pytest.mark.postgres
def test_a_long_list_shows_the_planners_estimate(editor_client, monkeypatch):
    monkeypatch.setattr("articles.changelist.EXACT_COUNT_LIMIT", 3)
    author = AuthorFactory()
    ArticleFactory.create_batch(6, authors=[author], created_by=UserFactory())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    page = editor_client.get(ADMIN).content.decode()
    assert "about " in page and " articles" in page


def test_a_short_list_is_counted_exactly():
    ArticleFactory.create_batch(3)
    paginator = EstimatedCountPaginator(Article.objects.all(), 100)
    assert paginator.count == 3 and not paginator.estimated
