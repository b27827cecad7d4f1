"""The article form as a desk uses it: the writer's own byline already there, a headline that
counts its characters, a publish panel whose unpublish asks first, naming the story."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.test_accessibility import _axe_violations
from tests.browser.test_editorial_journey import _log_in
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DESKTOP = {"width": 1366, "height": 900}


def test_a_writers_new_story_carries_their_byline_and_counts_its_headline(
    live_server, browser, writer, tmp_path
):
    CategoryFactory(name="Local")
    AuthorFactory(name="Asma Hussain", user=writer)
    page = _log_in(browser, live_server, "writer", "/admin/articles/article/add/")
    page.set_viewport_size(DESKTOP)

    expect(page.locator("#article_authors-0 .select2-selection")).to_contain_text("Asma Hussain")
    page.get_by_label("Headline").fill("Floods close the southern expressway")
    expect(page.locator("#id_title-count")).to_contain_text("36 characters")
    page.get_by_label("Category").select_option(label="Local")
    page.screenshot(path=tmp_path / "writer-new-story.png", full_page=True)
    violations = _axe_violations(page)
    assert not violations, "\n".join(violations)
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    article = Article.objects.get(title="Floods close the southern expressway")
    assert article.author_names == ["Asma Hussain"]


def test_unpublishing_a_live_story_asks_first_and_cancelling_keeps_it_live(
    live_server, browser, editor, tmp_path
):
    article = ArticleFactory(live=True, title="Harbour reopens after the storm")
    page = _log_in(browser, live_server, "editor", f"/admin/articles/article/{article.pk}/change/")
    page.set_viewport_size(DESKTOP)
    panel = page.get_by_role("region", name="Publishing")
    expect(panel).to_contain_text("Readers see it now at")
    page.screenshot(path=tmp_path / "editor-live-story.png", full_page=True)
    violations = _axe_violations(page)
    assert not violations, "\n".join(violations)

    panel.get_by_role("button", name="Unpublish").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Unpublish “Harbour reopens after the storm”?")
    page.screenshot(path=tmp_path / "unpublish-question.png")
    page.keyboard.press("Enter")  # the focused, safe choice
    expect(dialog).to_have_count(0)
    article.refresh_from_db()
    assert article.is_live

    panel.get_by_role("button", name="Unpublish").click()
    page.get_by_role("dialog").get_by_role("button", name="Unpublish").click()
    expect(page.locator(".messagelist")).to_contain_text("Unpublished")
    article.refresh_from_db()
    assert article.status == Article.Status.UNPUBLISHED


def test_unsaved_changes_survive_a_closed_tab_and_can_be_restored(live_server, browser, editor):
    article = ArticleFactory(title="Port strike ends", body="<p>Workers return.</p>")
    url = f"/admin/articles/article/{article.pk}/change/"
    page = _log_in(browser, live_server, "editor", url)
    armed = page.locator("#desk-autosave[data-armed]")
    armed.wait_for(state="attached")  # edits before it are the loaded form, not kept
    page.get_by_label("Headline").fill("Port strike ends after nine days")
    page.get_by_role("textbox", name="Body").click()
    page.keyboard.press("End")
    page.keyboard.type(" Ships are unloading again.")
    page.wait_for_function(
        "key => localStorage.getItem(key) !== null",
        arg=f"newsroom-autosave:{editor.pk}:{article.pk}",
        timeout=10_000,
    )
    context = page.context
    page.close()  # the tab is gone, nothing was saved

    page = context.new_page()
    page.goto(live_server.url + url)
    offer = page.locator("#desk-autosave")
    expect(offer).to_contain_text("Unsaved changes to this story from")
    expect(page.get_by_label("Headline")).to_have_value("Port strike ends")
    offer.get_by_role("button", name="Restore them").click()
    expect(page.get_by_label("Headline")).to_have_value("Port strike ends after nine days")
    expect(page.get_by_role("textbox", name="Body")).to_contain_text("Ships are unloading again.")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert article.title == "Port strike ends after nine days"
    assert "Ships are unloading again." in article.body

    page.goto(live_server.url + url)
    page.locator("#desk-autosave[data-armed]").wait_for(state="attached")
    expect(page.locator("#desk-autosave")).to_be_hidden()  # saved: nothing left to offer


def test_the_dashboard_and_the_list_fit_a_laptop_and_pass_axe(
    live_server, browser, editor, tmp_path
):
    for number in range(12):
        ArticleFactory(
            live=number % 3 == 0,
            title=f"A long headline about the harbour and the budget, number {number}",
            authors=[AuthorFactory(name=f"Reporter With A Long Name {number}")],
            status=Article.Status.REVIEW if number % 3 == 1 else Article.Status.DRAFT,
        )
    page = _log_in(browser, live_server, "editor", "/admin/")
    page.set_viewport_size(DESKTOP)
    expect(page.get_by_role("region", name="Awaiting review")).to_be_visible()
    page.screenshot(path=tmp_path / "dashboard.png", full_page=True)
    violations = _axe_violations(page)
    assert not violations, "\n".join(violations)

    page.goto(live_server.url + "/admin/articles/article/")
    page.screenshot(path=tmp_path / "list.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    violations = _axe_violations(page)
    assert not violations, "\n".join(violations)


def test_an_edit_conflict_shows_a_word_diff_and_lets_the_editor_choose(
    live_server, browser, editor, tmp_path
):
    from django.contrib.auth.models import Group

    from articles import services
    from newsroom.roles import EDITORS
    from tests.factories import UserFactory

    colleague = UserFactory(username="ravi", first_name="Ravi", last_name="Kumar")
    colleague.groups.add(Group.objects.get(name=EDITORS))
    article = ArticleFactory(title="Budget passes on Monday")
    url = f"/admin/articles/article/{article.pk}/change/"
    page = _log_in(browser, live_server, "editor", url)
    page.set_viewport_size(DESKTOP)

    def colleague_saves(title):
        stored = Article.objects.get(pk=article.pk)
        stored.title = title
        services.article_save(article=stored, user=colleague, expected_version=stored.version)

    # Take theirs: the form comes back with the colleague's words.
    colleague_saves("Budget passes on Tuesday")
    page.get_by_label("Headline").fill("Budget passes late on Monday")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".errornote, .errorlist").first).to_be_visible()
    expect(page.locator("body")).to_contain_text("Ravi Kumar saved this article at")
    conflict = page.get_by_role("region", name="What differs: their saved version and yours")
    diff = conflict.locator(".desk-diff__text")
    expect(diff.locator("del")).to_have_text("Tuesday")
    expect(diff.locator("ins")).to_have_text(["late ", "Monday"])
    page.screenshot(path=tmp_path / "conflict.png", full_page=True)
    conflict.get_by_role("link", name="Take theirs: discard my edits").click()
    expect(page.get_by_label("Headline")).to_have_value("Budget passes on Tuesday")

    # Keep mine: saving again, having seen theirs, overwrites on purpose.
    colleague_saves("Budget passes on Wednesday")
    page.get_by_label("Headline").fill("Budget passes, says the minister")
    page.get_by_role("button", name="Save changes").click()
    conflict = page.get_by_role("region", name="What differs: their saved version and yours")
    conflict.get_by_role("button", name="Keep mine: save my version over theirs").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert article.title == "Budget passes, says the minister"

    page.goto(f"{live_server.url}{url.removesuffix('change/')}versions/")
    expect(page.locator(".desk-timeline tbody tr").first).to_contain_text("headline")
    page.screenshot(path=tmp_path / "versions.png", full_page=True)
    violations = _axe_violations(page)
    assert not violations, "\n".join(violations)


def test_preview_on_a_phone_opens_the_unsaved_story_at_a_phones_width(live_server, browser, editor):
    article = ArticleFactory(title="Saved headline")
    page = _log_in(browser, live_server, "editor", f"/admin/articles/article/{article.pk}/change/")
    page.get_by_label("Headline").fill("Typed, not saved")
    with page.expect_popup() as opened:
        page.get_by_role("button", name="Preview on a phone").click()
    preview = opened.value
    preview.wait_for_load_state()
    expect(preview.get_by_role("heading", level=1)).to_have_text("Typed, not saved")
    expect(preview.locator(".preview-banner")).to_contain_text("Preview — not public")
    assert preview.evaluate("window.innerWidth") <= 400
    article.refresh_from_db()
    assert article.title == "Saved headline"
