import datetime

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_walks_from_home_to_article_author_and_category(live_server, page, settings):
    settings.ADVERTISING_EMAIL = "ads@newsroom.example"
    politics = CategoryFactory(name="Politics", slug="politics")
    asma = AuthorFactory(name="Asma Hussain", slug="asma-hussain", bio="Covers parliament.")
    published = datetime.datetime(2022, 1, 10, 10, 36, tzinfo=datetime.UTC)
    ArticleFactory(
        live=True,
        title="Parliament passes the budget",
        category=politics,
        authors=[asma],
        featured=True,
        published_at=published,
        body="<p>The vote was 120 to 80.</p>",
    )
    ArticleFactory(
        live=True,
        title="Rain expected in the south",
        category=politics,
        authors=[asma],
        published_at=timezone.now() - datetime.timedelta(days=1),
    )

    page.goto(live_server.url + "/")
    assert (
        page.locator(".lead").get_by_role("link", name="Parliament passes the budget").is_visible()
    )
    assert page.get_by_role("heading", name="Latest News").is_visible()

    page.locator(".lead").get_by_role("link", name="Parliament passes the budget").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Parliament passes the budget"
    assert page.locator(".byline").inner_text().strip() == "Written by Asma Hussain"
    assert page.locator(".story time").first.inner_text() == "10 Jan, 2022 | 4:06 pm"
    assert "The vote was 120 to 80." in page.locator(".body").inner_text()
    contact = page.locator("main .advertise")
    assert (
        "Are you interested in advertising on our website or video channel?" in contact.inner_text()
    )
    assert (
        contact.get_by_role("link", name="ads@newsroom.example").get_attribute("href")
        == "mailto:ads@newsroom.example"
    )
    assert (
        page.locator("aside.latest").get_by_role("link", name="Rain expected in the south").count()
        == 1
    )

    page.locator(".byline").get_by_role("link", name="Asma Hussain").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Asma Hussain"
    assert "Covers parliament." in page.content()
    assert page.get_by_role("link", name="Rain expected in the south").is_visible()

    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Politics").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Politics"
    assert page.get_by_role("link", name="Parliament passes the budget").is_visible()
    assert page.url == live_server.url + "/category/politics/"
