"""The article form as a desk sees it: the publish panel on top, the writer's own byline
pre-filled, a missing byline summarised at the top of the form."""

import pytest

from articles.models import Article
from tests.articles.admin_forms import ADMIN, add_data, change_data, change_url
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def _panel(page):
    return page[page.index('class="desk-publish"') : page.index("</section>")]


def test_a_writers_new_story_has_their_own_byline_filled_in(writer_client, writer):
    me = AuthorFactory(name="Asma Hussain", user=writer)
    AuthorFactory(name="Someone Else")
    page = writer_client.get(f"{ADMIN}add/").content.decode()
    assert f'<option value="{me.pk}" selected>Asma Hussain</option>' in page


def test_the_pre_filled_byline_is_saved_though_nobody_touched_it(writer_client, writer):
    me = AuthorFactory(user=writer)
    data = add_data(title="Pre-filled", category=CategoryFactory(), author=me)
    writer_client.post(f"{ADMIN}add/", data)
    assert Article.objects.get(title="Pre-filled").author_names == [me.name]


def test_a_story_without_a_byline_is_refused_with_the_reason_at_the_top(editor_client):
    data = add_data(title="Nobody wrote this", category=CategoryFactory(), author=AuthorFactory())
    data["article_authors-0-author"] = ""
    response = editor_client.post(f"{ADMIN}add/", data)
    page = response.content.decode()
    summary = page.index('class="errorlist desk-summary"')
    assert summary < page.index('id="fieldset-0-0-heading"')  # above the story's fields
    assert "Add a byline: who wrote this story?" in page[summary : summary + 300]
    assert not Article.objects.filter(title="Nobody wrote this").exists()


def test_the_publish_panel_offers_a_writer_only_their_own_moves(writer_client, writer):
    article = ArticleFactory(title="My draft", created_by=writer)
    panel = _panel(writer_client.get(change_url(article)).content.decode())
    assert "Readers see nothing yet: it is not public." in panel
    assert 'value="submit"' in panel and 'value="publish"' not in panel
    assert "Delete this story" not in panel


def test_the_publish_panel_shows_an_editor_what_readers_see_and_every_move(editor_client):
    live = ArticleFactory(live=True, title="Harbour reopens", featured=True)
    panel = _panel(editor_client.get(change_url(live)).content.decode())
    assert f'Readers see it now at <a href="{live.get_absolute_url()}">' in panel
    assert "Featured" in panel and "Delete this story" in panel
    assert 'value="unpublish"' in panel and "Unpublish “Harbour reopens”?" in panel
    draft = ArticleFactory()
    panel = _panel(editor_client.get(change_url(draft)).content.decode())
    assert 'value="publish"' in panel and 'value="schedule"' in panel
    assert panel.index('name="_continue"') < panel.index('value="publish"')  # Enter saves


def test_preview_shows_the_unsaved_form_in_the_readers_layout(editor_client):
    article = ArticleFactory(title="Saved headline", body="<p>Saved text.</p>")
    page = editor_client.get(change_url(article)).content.decode()
    assert f'formaction="{ADMIN}{article.pk}/preview/form/"' in _panel(page)

    data = change_data(article, title="Typed but not saved", body="<p>Fresh words.</p>")
    response = editor_client.post(f"{ADMIN}{article.pk}/preview/form/", data)
    preview = response.content.decode()
    assert response.status_code == 200 and response["X-Robots-Tag"] == "noindex"
    assert "Preview — not public" in preview
    assert "Typed but not saved" in preview and "Fresh words." in preview
    article.refresh_from_db()
    assert article.title == "Saved headline"


def test_a_writer_cannot_preview_someone_elses_article_by_posting(writer_client):
    article = ArticleFactory(title="Not yours")
    response = writer_client.post(f"{ADMIN}{article.pk}/preview/form/", change_data(article))
    assert response.status_code == 403


def test_the_form_names_each_bylines_author_without_a_query_per_byline(
    editor_client, django_assert_num_queries
):
    one = ArticleFactory(authors=[AuthorFactory(name="Asma Hussain")])
    three = ArticleFactory(authors=AuthorFactory.create_batch(3))
    editor_client.get(change_url(one))  # warm the session and the menu cache
    with django_assert_num_queries(9):
        editor_client.get(change_url(one))
    with django_assert_num_queries(9):
        page = editor_client.get(change_url(three)).content.decode()
    for author in three.authors.all():
        assert f'<option value="{author.pk}" selected>{author.name}</option>' in page
