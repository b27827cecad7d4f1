import pytest

from articles import services
from articles.models import Article, ArticleAuthor
from tests.articles.admin_forms import ADMIN, change_data, change_url
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db


def _bylines(article):
    return [
        (link.author.name, link.role)
        for link in article.article_authors.select_related("author").order_by("position")
    ]


@pytest.fixture
def edited_article(editor_client):
    """A live article saved twice through the admin: new headline and reordered bylines."""
    asma, ravi = AuthorFactory(name="Asma"), AuthorFactory(name="Ravi")
    article = ArticleFactory(live=True, title="First headline", authors=[asma, (ravi, "photos")])
    editor_client.post(change_url(article), change_data(article))
    article.refresh_from_db()
    data = change_data(article, title="Second headline", body="<p>Rewritten.</p>")
    data["article_authors-0-position"], data["article_authors-1-position"] = 1, 0
    assert editor_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    return article


def test_every_admin_save_is_recorded_with_who_and_when(editor_client, edited_article):
    versions = edited_article.history.all()
    assert [v.title for v in versions[:2]] == ["Second headline", "First headline"]
    assert {v.history_user.username for v in versions[:2]} == {"editor"}
    page = editor_client.get(f"{ADMIN}{edited_article.pk}/versions/").content.decode()
    assert "Second headline" in page and "editor" in page


def test_version_page_shows_what_differs_from_now(editor_client, edited_article):
    old = edited_article.history.filter(title="First headline").first()
    response = editor_client.get(f"{ADMIN}{edited_article.pk}/versions/{old.history_id}/")
    page = response.content.decode()
    assert "First headline" in page and "Second headline" in page
    assert "<ins>Photos by Ravi; </ins>Written by <del>Asma; Photos by Ravi</del>" in page
    assert "Restore this version" in page


def test_restore_brings_back_content_and_ordered_bylines_but_not_status(
    editor_client, edited_article
):
    published_at = edited_article.published_at
    edited_article.unpublish()
    edited_article.save()
    old = edited_article.history.filter(title="First headline").first()

    response = editor_client.post(
        f"{ADMIN}{edited_article.pk}/versions/{old.history_id}/",
        {"expected_version": edited_article.version},
    )

    assert response.status_code == 302
    edited_article.refresh_from_db()
    assert edited_article.title == "First headline"
    assert edited_article.body == "<p>The first paragraph of the story.</p>"
    assert _bylines(edited_article) == [("Asma", ""), ("Ravi", "photos")]
    assert edited_article.status == Article.Status.UNPUBLISHED
    assert edited_article.published_at == published_at
    assert edited_article.history.first().history_user.username == "editor"


def test_restore_from_a_stale_page_is_refused(editor_client, edited_article, editor):
    old = edited_article.history.filter(title="First headline").first()
    loaded_version = edited_article.version
    edited_article.title = "Third headline"
    services.article_save(article=edited_article, user=editor, expected_version=loaded_version)

    editor_client.post(
        f"{ADMIN}{edited_article.pk}/versions/{old.history_id}/",
        {"expected_version": loaded_version},
    )
    edited_article.refresh_from_db()
    assert edited_article.title == "Third headline"
    assert ArticleAuthor.objects.filter(article=edited_article).count() == 2


def test_writers_cannot_see_versions(writer_client, edited_article):
    assert writer_client.get(f"{ADMIN}{edited_article.pk}/versions/").status_code == 403


def test_a_restore_form_with_a_junk_version_is_a_clear_400_and_changes_nothing(
    editor_client, edited_article
):
    old = edited_article.history.filter(title="First headline").first()
    response = editor_client.post(
        f"{ADMIN}{edited_article.pk}/versions/{old.history_id}/", {"expected_version": "junk"}
    )
    assert response.status_code == 400
    edited_article.refresh_from_db()
    assert edited_article.title == "Second headline"


def test_restoring_a_version_whose_author_was_deleted_is_refused_clearly(editor_client):
    gone, stays = AuthorFactory(name="Gone"), AuthorFactory(name="Stays")
    article = ArticleFactory(live=True, title="Old byline", authors=[gone])
    editor_client.post(change_url(article), change_data(article))
    article.refresh_from_db()
    data = change_data(article, title="New byline")
    data["article_authors-0-author"] = stays.pk
    assert editor_client.post(change_url(article), data).status_code == 302
    gone.delete()
    article.refresh_from_db()
    old = article.history.filter(title="Old byline").first()

    response = editor_client.post(
        f"{ADMIN}{article.pk}/versions/{old.history_id}/",
        {"expected_version": article.version},
        follow=True,
    )

    assert response.status_code == 200
    assert "credits an author whose profile has since been deleted" in response.content.decode()
    article.refresh_from_db()
    assert article.title == "New byline" and _bylines(article) == [("Stays", "")]
