"""Nothing on a reader page is wider than a 390 px phone, with its images loaded or broken (an
image that fails shows its alt text in the box reserved for it)."""

import factory
import pytest

from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_ALT = (
    "Supporters of the governing coalition gather outside the parliament complex in "
    "Sri Jayawardenepura Kotte on the morning of the budget vote, waving flags and banners"
)
PAGES = ["/", "article", "/category/politics/", "/author/asma-hussain/", "/search/?q=budget"]
PAGES += ["/advertise/", "/latest/"]


@pytest.fixture
def site(live_server):
    politics = CategoryFactory(name="Politics", slug="politics")
    asma = AuthorFactory(
        name="Asma Hussain",
        slug="asma-hussain",
        photo=factory.django.ImageField(filename="asma.jpg", width=400, height=400, color="navy"),
    )
    stories = [
        ArticleFactory(
            live=True,
            with_image=True,
            lead_image_alt=LONG_ALT,
            title=f"Budget passes after a long night of debate in parliament, part {n}",
            category=politics,
            authors=[asma],
            featured=n == 0,
        )
        for n in range(3)
    ]
    return {"article": stories[1].get_absolute_url()}


@pytest.mark.parametrize("images", ["loaded", "broken"])
def test_no_reader_page_is_wider_than_a_phone(live_server, page, site, images, tmp_path):
    if images == "broken":
        page.route("**/media/**", lambda route: route.fulfill(status=404, body="gone"))
    widths = {}
    for path in PAGES:
        page.goto(live_server.url + site.get(path, path))
        page.wait_for_load_state("load")
        widths[path] = page.evaluate("document.documentElement.scrollWidth")
        name = path.strip("/").replace("/", "-").replace("?", "-") or "home"
        page.screenshot(path=tmp_path / f"{images}-{name}.png", full_page=True)
    assert page.viewport_size["width"] == 390
    assert {path: width for path, width in widths.items() if width > 390} == {}
