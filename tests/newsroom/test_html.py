"""Every public page is valid HTML5 with one <h1>, a language and a skip link."""

import html5lib
import pytest

from pages.models import Page
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _assert_valid(html):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(html)
    assert document.get("lang")
    assert len(document.findall(".//h1")) == 1
    assert document.find(".//main") is not None
    assert document.find(".//a[@href='#content']") is not None
    for image in document.findall(".//img"):
        assert image.get("alt") is not None


def test_public_pages_are_valid_html5(client):
    article = ArticleFactory(live=True, lead_image_alt="A crane")
    page = Page.objects.create(title="About us", slug="about", body="We report.\n\nDaily.")
    urls = [
        "/",
        "/latest/",
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        article.authors.get().get_absolute_url(),
        page.get_absolute_url(),
        "/missing/page/",
    ]
    for url in urls:
        _assert_valid(client.get(url).content.decode())
