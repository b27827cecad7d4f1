"""The desk's side of live blogs in the admin: starting and ending coverage, the fast post form
(with and without JavaScript), pinning, promoting, editing and deleting updates, and who may."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from articles.models import Article, Coverage, LiveEntry
from newsroom.roles import DESKS, EDITORS
from tests.factories import ArticleFactory, AuthorFactory, LiveEntryFactory, UserFactory

pytestmark = pytest.mark.django_db

DESK = "/admin/articles/liveblog/"


@pytest.fixture
def live_blog():
    return ArticleFactory(live=True, title="Election night live", coverage=Coverage.OPEN)


def _post(client, article, body, **extra):
    return client.post(f"{DESK}{article.pk}/post/", {"body": body, **extra}, **extra.pop("h", {}))


def test_an_editor_starts_live_coverage_from_the_article_list(editor_client):
    article = ArticleFactory(live=True, title="Budget day")
    response = editor_client.post(
        "/admin/articles/article/",
        {"action": "open_coverage", "_selected_action": [article.pk]},
        follow=True,
    )
    assert "Live coverage started for 1." in response.text
    article.refresh_from_db()
    assert article.coverage == Coverage.OPEN and article.coverage_started_at
    listing = editor_client.get(DESK).text
    assert "Budget day" in listing


def test_a_writer_posts_an_update_without_javascript_and_history_records_it(
    writer_client, writer, live_blog
):
    AuthorFactory(user=writer, name="Asma Hussain")
    desk = writer_client.get(f"{DESK}{live_blog.pk}/change/")
    assert 'id="live-post-form"' in desk.text and "End coverage" not in desk.text

    response = _post(writer_client, live_blog, "Counting has started in Colombo.")
    assert response.status_code == 302 and response["Location"].endswith(
        f"{DESK}{live_blog.pk}/change/"
    )
    entry = LiveEntry.objects.get()
    assert entry.body == "<p>Counting has started in Colombo.</p>"
    assert [author.name for author in entry.authors.all()] == ["Asma Hussain"]
    assert entry.history.count() == 1 and entry.history.first().history_user == writer
    assert "Counting has started in Colombo." in writer_client.get(response["Location"]).text


def test_the_fast_form_posted_by_script_gets_the_update_back_as_html(editor_client, live_blog):
    response = editor_client.post(
        f"{DESK}{live_blog.pk}/post/",
        {"body": "First result: Galle.", "key_event": "1", "title": "Galle declared"},
        headers={"Accept": "application/json"},
    )
    answer = response.json()
    assert response.status_code == 200 and answer["message"] == "Posted."
    assert "First result: Galle." in answer["html"] and "Galle declared" in answer["html"]
    assert LiveEntry.objects.get(pk=answer["id"]).key_event


def test_posting_to_a_closed_live_blog_is_refused(editor_client, live_blog):
    editor_client.post(f"{DESK}{live_blog.pk}/coverage/close/")
    live_blog.refresh_from_db()
    assert live_blog.coverage == Coverage.CLOSED
    response = editor_client.post(
        f"{DESK}{live_blog.pk}/post/", {"body": "Late"}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["error"] == (
        "Live coverage of this story has ended: it takes no more updates."
    )
    assert not LiveEntry.objects.exists()


def test_another_desk_cannot_post_and_a_writer_cannot_end_coverage(writer_client, live_blog):
    tamil = UserFactory(username="tamil-editor")
    tamil.groups.add(*Group.objects.filter(name__in=[EDITORS, DESKS["ta"]]))
    client = Client()
    client.force_login(tamil)
    response = client.post(f"{DESK}{live_blog.pk}/post/", {"body": "Wrong desk"}, follow=True)
    assert "You do not post updates to this live blog." in response.text
    assert not LiveEntry.objects.exists()

    response = writer_client.post(f"{DESK}{live_blog.pk}/coverage/close/", follow=True)
    assert "Only the desk&#x27;s editors open and close live coverage." in response.text
    assert Article.objects.get(pk=live_blog.pk).coverage == Coverage.OPEN


def test_hostile_markup_posted_from_the_desk_is_cleaned(editor_client, live_blog):
    _post(
        editor_client, live_blog, '<p>Hi</p><script>alert(1)</script><a href="javascript:x">y</a>'
    )
    assert LiveEntry.objects.get().body == "<p>Hi</p>y"


def test_an_editor_pins_edits_promotes_and_deletes_updates(editor_client, editor, live_blog):
    first = LiveEntryFactory(article=live_blog, body="<p>Turnout above 70 per cent.</p>")
    second = LiveEntryFactory(article=live_blog, body="<p>Recount in Kandy.</p>")
    editor_client.post(f"{DESK}update/{first.pk}/pin/")
    editor_client.post(f"{DESK}update/{second.pk}/pin/")
    assert list(LiveEntry.objects.filter(pinned=True)) == [second]

    response = editor_client.post(
        f"/admin/articles/liveentry/{first.pk}/change/",
        {"body": "<p>Turnout above 72 per cent.</p>", "title": ""},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.edited_at and first.body == "<p>Turnout above 72 per cent.</p>"
    assert first.history.count() == 4  # posted, pinned, unpinned (another was), edited

    response = editor_client.post(f"{DESK}update/{second.pk}/promote/")
    story = Article.objects.exclude(pk=live_blog.pk).get()
    assert response["Location"] == f"/admin/articles/article/{story.pk}/change/"
    assert story.status == Article.Status.DRAFT and story.body == "<p>Recount in Kandy.</p>"
    assert story.title == "Recount in Kandy." and story.category_id == live_blog.category_id

    editor_client.post(f"{DESK}update/{first.pk}/delete/")
    assert not LiveEntry.objects.filter(pk=first.pk).exists()
    assert LiveEntry.history.filter(id=first.pk, history_type="-").exists()
