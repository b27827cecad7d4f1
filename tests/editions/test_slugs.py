"""Sinhala and Tamil headlines get readable addresses with their words intact; the admin, the
address, the validator and the redirects agree on what a slug is."""

import pytest
from django.utils.encoding import iri_to_uri

from articles.models import Article
from editions.slugs import slugify
from tests.articles.admin_forms import ADMIN, add_data, change_data, change_url
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

SRI_LANKA = "ශ්\u200dරී ලංකා"  # with the ZWJ that makes the "shri" ligature


@pytest.mark.parametrize(
    ("headline", "language", "slug"),
    [
        (SRI_LANKA + " ක්‍රිකට් ජයග්‍රහණය!", "si", "ශ්\u200dරී-ලංකා-ක්\u200dරිකට්-ජයග්\u200dරහණය"),
        ("இலங்கை: தேர்தல் முடிவுகள்", "ta", "இலங்கை-தேர்தல்-முடிவுகள்"),
        ("ශ්‍රී ලංකා vs India, 2026", "si", "ශ්\u200dරී-ලංකා-vs-india-2026"),
        ("Rain in Colombo!", "en", "rain-in-colombo"),
    ],
)
def test_a_headline_becomes_a_slug_that_keeps_its_words(headline, language, slug):
    assert slugify(headline, language=language) == slug


def test_django_slugify_would_break_the_words_ours_does_not():
    from django.utils.text import slugify as django_slugify

    assert django_slugify(SRI_LANKA, allow_unicode=True) == "ශර-ලක"
    assert slugify(SRI_LANKA, language="si") == "ශ්\u200dරී-ලංකා"


@pytest.mark.django_db
def test_a_blank_slug_is_made_from_a_sinhala_headline(editor_client):
    data = add_data(
        title=SRI_LANKA + " ජයග්‍රහණය",
        category=CategoryFactory(),
        author=AuthorFactory(),
        language="si",
        slug="",
    )
    editor_client.post(f"{ADMIN}add/", data)

    article = Article.objects.get()
    assert article.slug == "ශ්\u200dරී-ලංකා-ජයග්\u200dරහණය"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "slug", "message"),
    [
        ("si", "ශ්‍රී ලංකා", "no spaces or punctuation"),
        ("si", "இலங்கை", "has Tamil letters"),
        ("en", "ශ්‍රී-ලංකා", "has Sinhala letters"),
    ],
)
def test_a_slug_with_invalid_characters_or_a_foreign_script_is_refused_clearly(
    editor_client, language, slug, message
):
    article = ArticleFactory(language=language, slug="before")

    response = editor_client.post(change_url(article), change_data(article, slug=slug))

    assert response.status_code == 200
    assert message in response.text
    article.refresh_from_db()
    assert article.slug == "before"


@pytest.mark.django_db
def test_the_article_form_does_not_prepopulate_the_slug_in_the_browser(editor_client):
    # Django's URLify drops Sinhala and Tamil marks and letters: the server makes the slug.
    assert "prepopulated_fields" not in editor_client.get(f"{ADMIN}add/").text


@pytest.mark.django_db
def test_a_renamed_sinhala_article_redirects_from_its_old_address(client):
    article = ArticleFactory(live=True, language="si", slug=slugify(SRI_LANKA, language="si"))
    old = article.get_absolute_url()
    article.slug = "ශ්\u200dරී-ලංකාව"
    article.save()

    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == iri_to_uri(article.get_absolute_url())
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_a_sinhala_slug_is_percent_encoded_in_feeds_sitemaps_and_canonical_links(client):
    article = ArticleFactory(live=True, language="si", slug="වරාය")
    encoded = "%E0%B7%80%E0%B6%BB%E0%B7%8F%E0%B6%BA"

    assert encoded in client.get("/si/feeds/rss/").text
    assert encoded in client.get("/sitemap-articles.xml").text
    page = client.get(article.get_absolute_url()).text
    assert (
        f'<link rel="canonical" href="http://testserver/si/{article.url_date:%Y/%m/%d}/{encoded}/">'
        in page
    )
