"""Every public page is valid HTML5 with one <h1>, a language and a skip link."""

import pytest

from pages.models import Page
from tests.factories import ArticleFactory
from tests.helpers import assert_valid_page

pytestmark = pytest.mark.django_db


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
        assert_valid_page(client.get(url).content.decode())
