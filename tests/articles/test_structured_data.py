"""Search engines and social networks get a full, correct description of every page."""

import datetime
import json

import html5lib
import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils import timezone
from PIL import Image

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def _document(response):
    assert response.status_code == 200
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(response.content.decode())


def _json_ld(document):
    return {
        data["@type"]: data
        for data in (
            json.loads(script.text)
            for script in document.findall(".//script[@type='application/ld+json']")
        )
    }


def _meta(document):
    tags = document.findall(".//head/meta")
    return {(t.get("property") or t.get("name")): t.get("content") for t in tags}


@pytest.fixture
def article():
    published = timezone.now().replace(microsecond=0) - datetime.timedelta(hours=3)
    return ArticleFactory(
        live=True,
        title="Port city opens",
        standfirst="The first towers are ready.",
        seo_description="Colombo's port city opens its first towers.",
        category=CategoryFactory(name="Business", slug="business"),
        authors=[AuthorFactory(name="Asma Hussain"), AuthorFactory(name="Ravi Perera")],
        published_at=published,
        revised_at=published + datetime.timedelta(minutes=95),
        with_image=True,
        lead_image_alt="Towers at dusk",
    )


def test_article_carries_a_complete_news_article(client, article):
    document = _document(client.get(article.get_absolute_url()))

    data = _json_ld(document)["NewsArticle"]
    url = f"http://testserver{article.get_absolute_url()}"
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == "Port city opens"
    assert data["description"] == "Colombo's port city opens its first towers."
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["articleSection"] == "Business"
    assert data["author"] == [
        {"@type": "Person", "name": person.name, "url": f"http://testserver/author/{person.slug}/"}
        for person in article.authors.order_by("article_credits__position")
    ]
    publisher = data["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"] == "Newsroom"
    assert publisher["logo"]["@type"] == "ImageObject"
    assert publisher["logo"]["url"].startswith("http://testserver/static/images/logo.")
    logo = client.get(publisher["logo"]["url"])
    logo.close()
    assert logo.status_code == 200


def test_news_article_times_are_identical_to_the_times_on_the_page(client, article):
    document = _document(client.get(article.get_absolute_url()))

    data = _json_ld(document)["NewsArticle"]
    shown = [t.get("datetime") for t in document.findall(".//article//header//time")]
    assert shown == [data["datePublished"], data["dateModified"]]
    assert data["datePublished"].endswith("+05:30")
    assert datetime.datetime.fromisoformat(data["dateModified"]) == article.revised_at


def test_date_modified_is_the_publish_time_until_an_editor_marks_an_update(client):
    article = ArticleFactory(live=True)

    data = _json_ld(_document(client.get(article.get_absolute_url())))["NewsArticle"]

    assert data["dateModified"] == data["datePublished"]
    assert datetime.datetime.fromisoformat(data["datePublished"]) == article.published_at.replace(
        microsecond=0
    )


def test_news_article_lists_the_three_crops_of_at_least_50000_pixels(client, article):
    crops = article.lead_image_crops
    assert [crops[r]["width"] * crops[r]["height"] >= 50_000 for r in crops] == [True] * 3

    document = _document(client.get(article.get_absolute_url()))

    assert _json_ld(document)["NewsArticle"]["image"] == [
        f"http://testserver{crops[ratio]['url']}" for ratio in ["16x9", "4x3", "1x1"]
    ]
    assert _meta(document)["og:image"] == f"http://testserver{crops['16x9']['url']}"


def test_news_article_falls_back_to_the_original_image_before_crops_exist(client, article):
    # As for a row whose renditions are not made yet (update() skips the image field's save).
    Article.objects.filter(pk=article.pk).update(lead_image_renditions={})

    document = _document(client.get(article.get_absolute_url()))

    assert _json_ld(document)["NewsArticle"]["image"] == [
        f"http://testserver{article.lead_image.url}"
    ]


def test_article_has_breadcrumbs_home_category_article(client, article):
    document = _document(client.get(article.get_absolute_url()))

    items = _json_ld(document)["BreadcrumbList"]["itemListElement"]
    assert [(i["position"], i["name"], i["item"]) for i in items] == [
        (1, "Newsroom", "http://testserver/"),
        (2, "Business", "http://testserver/category/business/"),
        (3, "Port city opens", f"http://testserver{article.get_absolute_url()}"),
    ]


def test_headlines_cannot_break_out_of_the_json_ld_script(client):
    article = ArticleFactory(live=True, title="</script><script>alert(1)</script> & more")

    response = client.get(article.get_absolute_url())
    document = _document(response)

    assert _json_ld(document)["NewsArticle"]["headline"] == article.title
    assert "<script>alert(1)" not in response.text


def test_article_has_open_graph_twitter_canonical_and_description(client, article):
    document = _document(client.get(article.get_absolute_url()))

    url = f"http://testserver{article.get_absolute_url()}"
    image = f"http://testserver{article.lead_image_crops['16x9']['url']}"
    meta = _meta(document)
    assert meta["description"] == "Colombo's port city opens its first towers."
    assert meta["og:type"] == "article"
    assert meta["og:site_name"] == "Newsroom"
    assert meta["og:title"] == "Port city opens"
    assert meta["og:description"] == "Colombo's port city opens its first towers."
    assert meta["og:url"] == url
    assert meta["og:image"] == image
    assert meta["og:image:alt"] == "Towers at dusk"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:title"] == "Port city opens"
    assert meta["twitter:image"] == image
    canonical = document.findall(".//head/link[@rel='canonical']")
    assert [link.get("href") for link in canonical] == [url]


def test_meta_description_falls_back_to_the_standfirst(client):
    article = ArticleFactory(live=True, standfirst="Rain all week.", seo_description="")

    meta = _meta(_document(client.get(article.get_absolute_url())))

    assert meta["description"] == meta["og:description"] == "Rain all week."


def test_an_article_without_a_picture_shares_the_sites_image(client):
    article = ArticleFactory(live=True)

    document = _document(client.get(article.get_absolute_url()))

    image = f"http://testserver{static('images/share.png')}"
    assert _json_ld(document)["NewsArticle"]["image"] == [image]
    meta = _meta(document)
    assert meta["og:image"] == meta["twitter:image"] == image
    assert meta["twitter:card"] == "summary_large_image"
    with Image.open(finders.find("images/share.png")) as picture:
        assert (picture.format, picture.size) == ("PNG", (1200, 630))


def test_home_page_has_open_graph_tags_with_the_sites_image(client):
    meta = _meta(_document(client.get("/")))

    assert meta["og:type"] == "website"
    assert meta["og:title"] == meta["og:site_name"] == "Newsroom"
    assert meta["og:url"] == "http://testserver/"
    assert meta["og:image"] == f"http://testserver{static('images/share.png')}"


def test_home_page_describes_the_site_and_its_search(client):
    document = _document(client.get("/"))

    data = _json_ld(document)["WebSite"]
    assert data["url"] == "http://testserver/"
    assert data["name"] == "Newsroom"
    action = data["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://testserver/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"


def test_author_page_is_a_profile_page(client):
    writer = AuthorFactory(name="Asma Hussain", slug="asma-hussain", job_title="Political editor")

    document = _document(client.get(writer.get_absolute_url()))

    data = _json_ld(document)["ProfilePage"]
    assert data["mainEntity"] == {
        "@type": "Person",
        "name": "Asma Hussain",
        "url": "http://testserver/author/asma-hussain/",
        "jobTitle": "Political editor",
    }
    assert data["dateModified"].endswith("+05:30")
