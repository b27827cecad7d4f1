import pytest
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's


def _log_in(browser, live_server, username, next_path):
    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/?next={next_path}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}{next_path}")
    return page


def test_writer_submits_editor_previews_and_publishes_reader_sees_it(
    live_server, browser, writer, editor, tmp_path
):
    photo = tmp_path / "expressway.jpg"
    Image.new("RGB", (1600, 900), "steelblue").save(photo, "JPEG")
    CategoryFactory(name="Local", slug="local")
    AuthorFactory(name="Asma Hussain", user=writer)

    page = _log_in(browser, live_server, "writer", "/admin/articles/article/add/")
    page.get_by_label("Headline").fill("Floods close the southern expressway")
    page.get_by_label("Standfirst").fill("Drivers are told to use the old road.")
    page.get_by_label("Category").select_option(label="Local")
    page.locator("#id_lead_image").set_input_files(photo)
    page.locator("#id_lead_image_alt").fill("Water over the expressway near Galle")
    page.locator("#article_authors-0 .select2-selection").click()
    page.locator(".select2-search__field").fill("Asma")
    page.locator(".select2-results__option", has_text="Asma Hussain").click()
    page.get_by_role("button", name="Save and continue editing").click()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("In review")

    article = Article.objects.get(title="Floods close the southern expressway")
    assert article.slug == "floods-close-the-southern-expressway"
    assert article.status == Article.Status.REVIEW
    assert article.lead_image_width == 1600 and article.lead_image_renditions["srcset"]

    page = _log_in(browser, live_server, "editor", f"/admin/articles/article/{article.pk}/change/")
    page.get_by_role("link", name="Preview", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex"
    page.go_back()
    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messagelist")).to_contain_text("Published")

    reader = browser.new_context().new_page()
    reader.goto(live_server.url + "/")
    expect(reader.locator(".lead").get_by_role("link", name=article.title)).to_be_visible()
    image = reader.locator(".lead img")
    assert image.get_attribute("alt") == "Water over the expressway near Galle"
    assert "480w" in image.get_attribute("srcset")


def test_writer_has_no_publish_button_and_a_forged_one_is_refused(live_server, browser, writer):
    article = ArticleFactory(title="My first story", created_by=writer)

    page = _log_in(browser, live_server, "writer", f"/admin/articles/article/{article.pk}/change/")
    expect(page.get_by_role("button", name="Submit for review")).to_be_visible()
    assert page.get_by_role("button", name="Publish now").count() == 0

    page.evaluate(
        """() => {
            const forged = document.createElement("button");
            forged.name = "workflow"; forged.value = "publish"; forged.textContent = "Forged";
            document.querySelector("#article_form").append(forged);
        }"""
    )
    page.get_by_role("button", name="Forged").click()
    expect(page.get_by_text("You may not make this move on this article.")).to_be_visible()
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT and article.published_at is None
