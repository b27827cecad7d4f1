"""A link to the front page or to a story without a picture, shared on a social network, shows a
card: Open Graph tags with the site's share image, which answers as a 1200 x 630 PNG."""

import io

import pytest
from PIL import Image

from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _open_graph(page):
    return page.eval_on_selector_all(
        "meta[property^='og:']",
        "tags => Object.fromEntries(tags.map(tag => [tag.getAttribute('property'), tag.content]))",
    )


def test_front_page_and_a_story_without_a_picture_share_with_the_sites_image(live_server, page):
    article = ArticleFactory(live=True, title="Rain all week")

    page.goto(live_server.url + "/")
    home = _open_graph(page)
    assert home["og:type"] == "website"
    assert home["og:title"] == "Newsroom"
    assert home["og:url"] == live_server.url + "/"
    image = page.request.get(home["og:image"])
    assert image.ok and image.headers["content-type"] == "image/png"
    with Image.open(io.BytesIO(image.body())) as picture:
        assert picture.size == (1200, 630)

    page.goto(live_server.url + article.get_absolute_url())
    story = _open_graph(page)
    assert story["og:title"] == "Rain all week"
    assert story["og:image"] == home["og:image"]
