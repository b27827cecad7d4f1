"""An editor starts the Tamil translation of a live English story from its change form."""

import pytest
from playwright.sync_api import expect

from articles.models import Article, ArticleAuthor
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's


def test_editor_translates_a_live_english_story_into_tamil(
    live_server, browser, editor, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    story = ArticleFactory(
        live=True,
        with_image=True,
        title="Floods close the Kelani bridge",
        category=CategoryFactory(name="Local", slug="local"),
        authors=[
            AuthorFactory(name="Asma Hussain"),
            (AuthorFactory(name="Ruwan Bandara"), ArticleAuthor.Role.PHOTOS),
        ],
    )
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(10_000)
    page = context.new_page()
    change = f"/admin/articles/article/{story.pk}/change/"
    page.goto(f"{live_server.url}/admin/login/?next={change}")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}{change}")

    panel = page.locator(".wf-translations")
    expect(panel).to_contain_text("This story is in no other edition yet.")
    page.get_by_role("button", name="Translate into Tamil").click()

    expect(page.locator(".messagelist")).to_contain_text("A Tamil draft of this story was started")
    tamil = Article.objects.get(language="ta")
    page.wait_for_url(f"{live_server.url}/admin/articles/article/{tamil.pk}/change/")
    expect(page.get_by_label("Headline")).to_have_value(
        "[To translate] Floods close the Kelani bridge"
    )
    expect(page.get_by_label("Edition")).to_have_value("ta")
    expect(page.get_by_label("Category")).to_have_value(str(story.category_id))
    expect(page.locator("#id_lead_image_alt")).to_have_value("A teal test card")
    expect(panel.get_by_role("link", name="Floods close the Kelani bridge").first).to_be_visible()
    expect(panel).to_contain_text("English")
    expect(panel).to_contain_text("Published")
    expect(page.get_by_role("button", name="Translate into Tamil")).to_have_count(0)
    page.screenshot(path=tmp_path / "tamil-draft.png", full_page=True)

    page.goto(f"{live_server.url}{change}")
    expect(panel).to_contain_text("Tamil")
    expect(panel).to_contain_text("Draft")
    expect(
        panel.get_by_role("link", name="[To translate] Floods close the Kelani bridge")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Translate into Sinhala")).to_be_visible()
    page.screenshot(path=tmp_path / "english-story.png", full_page=True)

    assert tamil.translation_group == story.translation_group
    assert [a.name for a in tamil.authors.order_by("article_credits__position")] == [
        "Asma Hussain",
        "Ruwan Bandara",
    ]
    context.close()
