"""A reader's open live blog shows an update the desk posts, without a reload, within the
polling interval; when the editor ends coverage the page says so and stops asking."""

import pytest
from playwright.sync_api import expect

from articles.models import Coverage
from tests.browser.test_editorial_journey import _log_in
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_sees_a_posted_update_and_polling_stops_when_coverage_ends(
    live_server, browser, page, editor, settings, tmp_path
):
    settings.LIVE_POLL_SECONDS = 1
    blog = ArticleFactory(
        live=True,
        title="Election night live",
        standfirst="Results as they come in.",
        coverage=Coverage.OPEN,
    )
    page.goto(live_server.url + blog.get_absolute_url())
    expect(page.locator("html")).to_have_attribute("data-live-polling", "on")
    expect(page.get_by_text("No updates yet.")).to_be_visible()

    desk = _log_in(browser, live_server, "editor", f"/admin/articles/liveblog/{blog.pk}/change/")
    desk.get_by_label("New update").fill("First result: Galle declared.")
    desk.get_by_role("button", name="Post").click()
    expect(desk.locator("[data-live-post-status]")).to_have_text("Posted.")
    # Posted in the background: the desk page did not reload, the update is at the top.
    expect(desk.locator("#live-desk-updates li").first).to_contain_text("Galle declared")
    expect(desk.get_by_label("New update")).to_have_value("")
    desk.screenshot(path=tmp_path / "desk.png", full_page=True)

    update = page.locator(".live-updates .live-update").first
    expect(update).to_contain_text("First result: Galle declared.", timeout=20_000)
    expect(page.get_by_text("No updates yet.")).to_have_count(0)
    page.screenshot(path=tmp_path / "reader-update.png", full_page=True)

    desk.get_by_role("button", name="End coverage").click()
    expect(page.locator("html")).to_have_attribute("data-live-polling", "stopped", timeout=20_000)
    expect(page.locator("[data-live-status]")).to_have_text("Coverage has ended")
    page.screenshot(path=tmp_path / "reader-ended.png", full_page=True)
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.wait_for_timeout(3_000)
    assert not [url for url in asked if "/since/" in url]
