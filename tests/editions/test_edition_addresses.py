"""Each edition answers at its own addresses: `/`, `/si/`, `/ta/` or its own host; the address
alone decides the language, never the browser."""

import uuid

import pytest

from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory
from tests.helpers import assert_valid_page

pytestmark = pytest.mark.django_db

READER_PATHS = ["", "latest/", "search/?q=x", "feeds/rss/", "feeds/atom/", "advertise/"]


@pytest.mark.parametrize("prefix", ["/", "/si/", "/ta/"])
@pytest.mark.parametrize("path", READER_PATHS)
def test_every_reader_page_answers_in_every_edition(client, prefix, path):
    response = client.get(prefix + path)

    assert response.status_code == 200
    assert "Accept-Language" not in response.get("Vary", "")


@pytest.mark.parametrize(("prefix", "lang"), [("/", "en"), ("/si/", "si"), ("/ta/", "ta")])
def test_a_page_says_the_language_of_its_address_whatever_the_browser_asks(client, prefix, lang):
    response = client.get(
        prefix, headers={"Accept-Language": "ta,si;q=0.9"}, HTTP_COOKIE="django_language=si"
    )

    assert f'<html lang="{lang}">' in response.text
    assert response["Content-Language"] == lang
    assert_valid_page(response.text)


def test_section_author_and_fixed_pages_answer_under_each_prefix(client):
    category, author = CategoryFactory(slug="sport"), AuthorFactory(slug="asma")
    from pages.models import Page

    Page.objects.create(title="About", slug="about", body="Us.")
    for prefix in ("/", "/si/", "/ta/"):
        for path in ("category/sport/", "author/asma/", "about/", "category/sport/rss/"):
            assert client.get(prefix + path).status_code == 200, prefix + path
    assert category and author


@pytest.mark.parametrize(
    "path", ["/fr/", "/fr/latest/", "/en/latest/", "/si/admin/", "/si/sitemap.xml"]
)
def test_unknown_prefixes_and_site_wide_pages_under_a_prefix_answer_404(client, path):
    assert client.get(path).status_code == 404


def test_an_article_address_carries_its_edition(client):
    article = ArticleFactory(live=True, language="si", slug="harbour")
    day = article.url_date

    assert article.get_absolute_url() == f"/si/{day:%Y/%m/%d}/harbour/"
    assert client.get(article.get_absolute_url()).status_code == 200
    # Not in another edition's address space.
    assert client.get(f"/{day:%Y/%m/%d}/harbour/").status_code == 404
    assert client.get(f"/ta/{day:%Y/%m/%d}/harbour/").status_code == 404


def test_an_article_address_is_its_editions_whichever_edition_is_served(client):
    english = ArticleFactory(live=True, slug="english-story")
    tamil = ArticleFactory(
        live=True, language="ta", slug="tamil-story", translation_group=english.translation_group
    )

    page = client.get(tamil.get_absolute_url()).text

    assert english.get_absolute_url().startswith("/2")
    assert f'hreflang="en" href="http://testserver{english.get_absolute_url()}"' in page


def test_an_edition_at_its_own_host_answers_there_without_a_prefix(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "news.example", "sinhala.news.example"]
    settings.EDITION_HOSTS = {"en": "news.example", "si": "sinhala.news.example"}
    article = ArticleFactory(live=True, language="si", slug="harbour")

    assert article.get_absolute_url() == f"/{article.url_date:%Y/%m/%d}/harbour/"
    response = client.get(article.get_absolute_url(), headers={"Host": "sinhala.news.example"})
    assert response.status_code == 200
    assert '<html lang="si">' in response.text
    canonical = f"http://sinhala.news.example{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{canonical}">' in response.text
    front = client.get("/", headers={"Host": "news.example"}).text
    assert '<link rel="alternate" hreflang="si" href="http://sinhala.news.example/">' in front
    assert '<link rel="alternate" hreflang="ta" href="http://news.example/ta/">' in front
    tamil_front = client.get("/ta/", headers={"Host": "news.example"})
    assert '<html lang="ta">' in tamil_front.text
    assert client.get("/si/", headers={"Host": "sinhala.news.example"}).status_code == 404
    sitemap = client.get("/sitemap-articles.xml", headers={"Host": "news.example"}).text
    assert f"<loc>{canonical}</loc>" in sitemap


def test_translation_groups_are_uuids():
    assert isinstance(ArticleFactory().translation_group, uuid.UUID)


def test_a_preview_shows_the_article_in_its_edition(client, editor_client):
    from articles.views import preview_url

    article = ArticleFactory(language="ta", title="Tamil draft")

    shared = preview_url(article)
    assert shared.startswith("/ta/preview/")
    response = client.get(shared)
    assert '<html lang="ta">' in response.text and "Tamil draft" in response.text
    admin = editor_client.get(f"/admin/articles/article/{article.pk}/preview/")
    assert '<html lang="ta">' in admin.text


def test_hand_built_article_addresses_match_the_url_conf_in_every_edition():
    from django.urls import reverse, set_script_prefix
    from django.utils.encoding import iri_to_uri

    from editions.addresses import serving

    article = ArticleFactory(live=True, language="ta", slug="இலங்கை-தேர்தல்")
    day = article.url_date
    kwargs = {"year": f"{day:%Y}", "month": f"{day:%m}", "day": f"{day:%d}", "slug": article.slug}
    with serving("ta"):
        # reverse() percent-encodes; the hand-built address is the same IRI.
        assert iri_to_uri(article.get_absolute_url()) == reverse("articles:detail", kwargs=kwargs)
    set_script_prefix("/news/")
    try:
        assert article.get_absolute_url().startswith("/news/ta/")
    finally:
        set_script_prefix("/")


def test_an_edition_prefix_without_its_slash_redirects_to_the_front(client):
    response = client.get("/si")

    assert response.status_code == 301
    assert response["Location"] == "/si/"


def test_every_page_links_each_editions_front_by_its_own_name(client, settings):
    text = client.get("/si/latest/").text

    assert '<a href="/" lang="en" hreflang="en">English</a>' in text
    assert '<a href="/si/" lang="si" hreflang="si" aria-current="true">සිංහල</a>' in text
    assert '<a href="/ta/" lang="ta" hreflang="ta">தமிழ்</a>' in text
    settings.ALLOWED_HOSTS = ["testserver", "sinhala.news.example"]
    settings.EDITION_HOSTS = {"si": "sinhala.news.example"}
    assert 'href="//sinhala.news.example/"' in client.get("/ta/").text
