"""The API's browsable docs: Swagger UI from our own static files, under the site's
Content-Security-Policy with nothing blocked, listing the endpoints from the served schema."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_content_security_policy import watched  # noqa: F401 (a fixture)
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_docs_page_lists_the_endpoints_with_nothing_blocked(watched, live_server, tmp_path):  # noqa: F811
    page = watched
    page.set_viewport_size({"width": 1280, "height": 900})
    ArticleFactory(live=True, title="Harbour reopens")
    page.goto(live_server.url + "/api/v1/docs/")
    page.goto(live_server.url + "/api/v1/docs/")  # again: served as the first time
    expect(page.get_by_text("/api/v1/articles/", exact=True)).to_be_visible(timeout=30_000)
    expect(page.get_by_text("/api/v1/editions/{edition}/front-page/", exact=True)).to_be_visible()
    page.screenshot(path=tmp_path / "api-docs.png", full_page=False)
    assert page.problems == [], "\n".join(page.problems)
