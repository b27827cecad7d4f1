"""The admin's body editor keeps allowed video embeds and inserts new ones from a watch address."""

import pytest
from playwright.sync_api import expect

from tests.factories import ArticleFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

CLIP = "https://www.youtube-nocookie.com/embed/clip1"


def _log_in(page, live_server):
    UserFactory(username="chief", is_superuser=True)
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("chief")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()


def test_editor_keeps_an_embed_and_adds_one_from_a_youtube_watch_address(live_server, page):
    # The players themselves are not needed: only our own server answers.
    page.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    article = ArticleFactory(
        body=f'<p>Before the clip.</p><iframe src="{CLIP}" title="First clip"></iframe>'
    )
    _log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    editor = page.locator(".prose-editor")
    expect(editor.locator(f'.ProseMirror iframe[src="{CLIP}"]')).to_have_count(1)
    page.locator(".ProseMirror p", has_text="Before the clip.").click()
    page.once("dialog", lambda dialog: dialog.accept("https://www.youtube.com/watch?v=clip2"))
    editor.get_by_title("Insert video").click()
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url("**/admin/articles/article/")

    article.refresh_from_db()
    assert f'<iframe src="{CLIP}" title="First clip"></iframe>' in article.body
    assert 'src="https://www.youtube-nocookie.com/embed/clip2"' in article.body
    assert article.body.startswith("<p>Before the clip.</p>")
