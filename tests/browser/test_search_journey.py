import pytest

from tests.factories import ArticleFactory, CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_searches_from_the_header_without_javascript(live_server, browser, settings):
    settings.PAGE_SIZE = 2
    sport = CategoryFactory(name="Sport", slug="sport")
    for n in range(3):
        ArticleFactory(live=True, title=f"Monsoon delays match {n}", category=sport)
    ArticleFactory(live=True, title="Monsoon floods roads", body="<p>Monsoon rain.</p>")
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()

    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Search the news").fill("monsoon")
    page.get_by_role("button", name="Search").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Search"
    assert page.get_by_role("status").inner_text() == "4 results for “monsoon”"
    page.get_by_label("Section", exact=True).select_option("sport")
    page.locator("main").get_by_role("button", name="Search").click()
    assert page.get_by_role("status").inner_text() == "3 results for “monsoon”"
    assert page.locator("mark").first.inner_text().lower() == "monsoon"

    page.get_by_role("link", name="Older").click()
    assert page.locator(".search-results li").count() == 1
    assert "category=sport" in page.url
    page.locator(".search-results").get_by_role("link").first.click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Monsoon delays match")
    context.close()
