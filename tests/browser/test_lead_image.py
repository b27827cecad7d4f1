"""On a phone, the article page loads a small WebP rendition and reserves the image's space."""

import pytest

from tests.factories import ArticleFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_phone_picks_a_small_webp_rendition_and_keeps_the_image_box(live_server, page):
    article = ArticleFactory(live=True, with_image=True)

    page.goto(live_server.url + article.get_absolute_url())
    image = page.locator("figure.lead-image img")

    assert image.evaluate("img => img.currentSrc").endswith("-480w.webp")
    # Media files are not served here, so no pixel ever arrives: the box comes from the
    # width and height attributes alone, scaled to the phone's width by the site's CSS.
    box = image.bounding_box()
    assert 300 < box["width"] <= 390
    assert box["height"] == pytest.approx(box["width"] * 900 / 1600, abs=2)
