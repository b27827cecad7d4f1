import pytest
from django.test import Client

from tests.articles.admin_forms import change_data, change_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _with_new_correction(article, text):
    data = change_data(article)
    n = int(data["corrections-TOTAL_FORMS"])
    data.update(
        {
            "corrections-TOTAL_FORMS": n + 1,
            f"corrections-{n}-kind": "correction",
            f"corrections-{n}-text": text,
            f"corrections-{n}-created_at_0": "",
            f"corrections-{n}-created_at_1": "",
        }
    )
    return data


def test_a_correction_shows_on_the_page_and_moves_the_updated_time(editor_client):
    article = ArticleFactory(live=True)
    data = _with_new_correction(article, "The minister's name was misspelt.")
    data["corrections-0-created_at_0"] = "2026-01-01"
    data["corrections-0-created_at_1"] = "09:00:00"
    assert editor_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.revised_at is not None
    page = Client().get(article.get_absolute_url()).content.decode()
    assert "The minister&#39;s name was misspelt." in page
    assert "Updated" in page


def test_a_plain_edit_does_not_freshen_the_updated_time(editor_client):
    article = ArticleFactory(live=True)
    editor_client.post(change_url(article), change_data(article, title="Typo fixed"))
    article.refresh_from_db()
    assert article.title == "Typo fixed" and article.revised_at is None
    assert "Updated" not in Client().get(article.get_absolute_url()).content.decode()


def test_an_edit_marked_material_sets_the_updated_time(editor_client):
    article = ArticleFactory(live=True)
    editor_client.post(change_url(article), change_data(article, substantive="on"))
    article.refresh_from_db()
    assert article.revised_at is not None


def test_a_material_edit_before_publication_sets_no_updated_time(editor_client):
    article = ArticleFactory()
    editor_client.post(change_url(article), change_data(article, substantive="on"))
    article.refresh_from_db()
    assert article.revised_at is None


def test_writers_cannot_add_corrections(writer_client, writer):
    article = ArticleFactory(created_by=writer)
    writer_client.post(change_url(article), _with_new_correction(article, "Sneaky note"))
    assert not article.corrections.exists()
