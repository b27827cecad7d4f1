import pytest

from tests.articles.admin_forms import change_data, change_url
from tests.factories import ArticleFactory, AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db

AUTHORS = "/admin/authors/author/"


def _author_form(author, **changes):
    return {
        "name": author.name,
        "slug": author.slug,
        "job_title": author.job_title,
        "bio": author.bio,
        "email": author.email,
        "social_handle": author.social_handle,
        "user": "",
        **changes,
    }


def test_an_editor_links_an_author_to_a_writers_login(editor_client, writer, writer_client):
    writer.first_name, writer.last_name = "Asma", "Hussain"
    writer.save()
    author = AuthorFactory(name="Asma Hussain")
    article = ArticleFactory(authors=[author])
    refused = writer_client.post(change_url(article), change_data(article, title="Mine now"))
    assert refused.status_code == 302  # not theirs: not even in their admin
    article.refresh_from_db()
    assert article.title != "Mine now"

    page = editor_client.get(f"{AUTHORS}{author.pk}/change/").content.decode()
    assert "Asma Hussain (writer)" in page
    response = editor_client.post(
        f"{AUTHORS}{author.pk}/change/", _author_form(author, user=writer.pk)
    )

    assert response.status_code == 302
    author.refresh_from_db()
    assert author.user == writer
    # The writer now edits the article bylined to them.
    edit = writer_client.post(change_url(article), change_data(article, title="Mine now"))
    assert edit.status_code == 302
    article.refresh_from_db()
    assert article.title == "Mine now"


def test_only_active_staff_can_be_linked(editor_client):
    author = AuthorFactory()
    reader = UserFactory(username="a-reader", is_staff=False)
    gone = UserFactory(username="a-leaver", is_active=False)

    page = editor_client.get(f"{AUTHORS}{author.pk}/change/").content.decode()
    assert "a-reader" not in page and "a-leaver" not in page
    response = editor_client.post(
        f"{AUTHORS}{author.pk}/change/", _author_form(author, user=reader.pk)
    )
    assert response.status_code == 200
    author.refresh_from_db()
    assert author.user is None and gone.pk
