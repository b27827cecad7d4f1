"""Under the Content-Security-Policy, every reader page and the admin's editing work with nothing
blocked: no violation is reported, in the console or as a `securitypolicyviolation` event."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CLIP = "https://www.youtube-nocookie.com/embed/clip1"
# Reported by the page itself, so a violation shows even where the browser says nothing.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`securitypolicyviolation: ${event.effectiveDirective} ${event.blockedURI}`)
})
"""


@pytest.fixture
def watched(live_server, page):
    """The page, reporting every policy violation (and header error) into a list."""
    problems = []

    def note(message):
        text = message.text
        if message.type in ("error", "warning") and (
            "securitypolicyviolation" in text
            or "Content Security Policy" in text
            or "Permissions-Policy" in text
            or "Refused to" in text
        ):
            problems.append(text)

    page.on("console", note)
    page.add_init_script(REPORT_VIOLATIONS)
    # The video players themselves are not needed: only our own server answers. A request the
    # policy refuses never reaches this handler, so aborting here cannot hide a violation.
    page.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    page.problems = problems
    return page


def test_reader_pages_run_under_the_policy_with_nothing_blocked(watched, live_server):
    page = watched
    section = CategoryFactory(name="Politics", slug="politics")
    author = AuthorFactory(name="Asma Hussain", slug="asma-hussain")
    article = ArticleFactory(
        live=True,
        with_image=True,
        title="Budget passes",
        category=section,
        authors=[author],
        body=f'<p>The vote.</p><iframe src="{CLIP}" title="The vote" allowfullscreen></iframe>',
    )
    ArticleFactory(live=True, category=section, authors=[author], featured=True)

    for path in [
        "/",
        article.get_absolute_url(),
        article.get_absolute_url(),  # again: now from the page cache
        "/category/politics/",
        "/author/asma-hussain/",
        "/search/?q=budget",
        "/advertise/",
        "/latest/",
        "/no-such-page/",
    ]:
        response = page.goto(live_server.url + path)
        policy = response.header_value("content-security-policy")
        assert "script-src 'self';" in policy + ";", path  # no nonce, no inline, no wildcard
        assert response.header_value("permissions-policy"), path
        page.wait_for_load_state("load")

    page.goto(live_server.url + article.get_absolute_url())
    expect(page.locator(f'.body iframe[src="{CLIP}"]')).to_have_count(1)
    assert page.problems == [], "\n".join(page.problems)


def test_the_admin_and_its_editor_with_the_video_button_run_under_the_policy(watched, live_server):
    page = watched
    UserFactory(username="chief", is_superuser=True)
    CategoryFactory(name="Local", slug="local")
    AuthorFactory(name="Asma Hussain")

    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("chief")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(live_server.url + "/admin/")

    page.goto(live_server.url + "/admin/articles/article/add/")
    page.get_by_label("Headline").fill("Floods close the expressway")
    page.get_by_label("Category").select_option(label="Local")
    page.locator("#article_authors-0 .select2-selection").click()  # the author autocomplete
    page.locator(".select2-search__field").fill("Asma")
    page.locator(".select2-results__option", has_text="Asma Hussain").click()
    editor = page.locator(".prose-editor")
    editor.locator(".tiptap.ProseMirror").click()
    page.keyboard.type("Water over the road.")
    page.once("dialog", lambda dialog: dialog.accept("https://www.youtube.com/watch?v=clip2"))
    editor.get_by_title("Insert video").click()
    expect(editor.locator(".ProseMirror iframe")).to_have_count(1)
    # Pressed from the keyboard: on this phone-sized form a mouse click that Playwright aims
    # while the page still scrolls can land beside the button (the policy is what is tested).
    page.get_by_role("button", name="Save and continue editing").press("Enter")
    expect(page.locator(".messagelist")).to_be_visible()

    article = Article.objects.get(title="Floods close the expressway")
    assert 'src="https://www.youtube-nocookie.com/embed/clip2"' in article.body
    response = page.reload()
    assert "'nonce-" in response.header_value("content-security-policy")
    expect(editor.locator(".ProseMirror iframe")).to_have_count(1)
    for path in [
        "/admin/",
        "/admin/articles/article/",
        f"/admin/articles/article/{article.pk}/versions/",
        "/admin/authors/author/add/",
        "/admin/advertising/enquiry/",
        "/admin/pages/page/add/",
    ]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
    assert page.problems == [], "\n".join(page.problems)
