"""Lead images: checked by content on upload, rendered responsively, never costing a query."""

import io

import html5lib
import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from PIL import Image

from articles.models import Article
from images.checks import validate_image
from tests.articles.admin_forms import admin_form_data
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, UserFactory
from tests.images.uploads import jpeg, png_header_only, text_named_jpg, truncated_jpeg

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/add/"

BAD_UPLOADS = {
    "text file named .jpg": (text_named_jpg, "This file is not a JPEG, PNG or WebP image."),
    "truncated JPEG": (truncated_jpeg, "This image is damaged or incomplete"),
    "PNG header claiming 20000x20000": (png_header_only, "This image has too many pixels"),
    "PNG header over our own pixel limit": (
        lambda: png_header_only(8000, 8000),
        "at most 40 million are allowed",
    ),
    "image 800 px wide": (
        lambda: jpeg(800, 600),
        "This image is 800 × 600 pixels; it must be at least 1200 × 675 pixels.",  # noqa: RUF001
    ),
    "file over the size limit": (lambda: jpeg(1600, 900), "an image may be at most 1000"),
}


def _stored_files(settings):
    root = settings.MEDIA_ROOT
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def _post_new_article(client, **changes):
    category, author = CategoryFactory(), AuthorFactory()
    data = admin_form_data(client.get(ADD_URL)) | {
        "title": "Harbour at dawn",
        "slug": "harbour-at-dawn",
        "category": str(category.pk),
        "article_authors-0-author": str(author.pk),
        "article_authors-0-position": "0",
        "lead_image_alt": "Fishing boats in the harbour",
        **changes,
    }
    return client.post(ADD_URL, data)


@pytest.fixture
def admin_client_(client):
    client.force_login(UserFactory(is_superuser=True))
    return client


@pytest.mark.parametrize("case", BAD_UPLOADS.keys())
def test_bad_upload_in_the_admin_is_refused_with_its_message_and_nothing_is_saved(
    admin_client_, settings, case
):
    make, message = BAD_UPLOADS[case]
    if case == "file over the size limit":
        settings.IMAGE_MAX_BYTES = 1000

    response = _post_new_article(admin_client_, lead_image=make())

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in " ".join(errors["lead_image"])
    assert message.split(";")[0] in response.text.replace("&#x27;", "'")
    assert not Article.objects.exists()
    assert _stored_files(settings) == []


@pytest.mark.parametrize("case", BAD_UPLOADS.keys())
def test_bad_upload_is_refused_by_the_model_and_the_validator(settings, case):
    make, message = BAD_UPLOADS[case]
    if case == "file over the size limit":
        settings.IMAGE_MAX_BYTES = 1000
    article = ArticleFactory()
    article.lead_image = make()
    article.lead_image_alt = "Something"

    with pytest.raises(ValidationError) as refused:
        article.full_clean()
    assert message in " ".join(refused.value.message_dict["lead_image"])
    with pytest.raises(ValidationError) as refused:
        validate_image(make(), min_width=1200, min_height=675)
    assert message in refused.value.messages[0]

    article.refresh_from_db()
    assert not article.lead_image
    assert _stored_files(settings) == []


def test_an_image_without_alt_text_is_refused(admin_client_, settings):
    response = _post_new_article(admin_client_, lead_image=jpeg(1600, 900), lead_image_alt=" ")

    assert response.context["adminform"].form.errors["lead_image_alt"] == [
        "Describe the image for readers who cannot see it."
    ]
    assert not Article.objects.exists()
    assert _stored_files(settings) == []


def _open(name):
    with default_storage.open(name) as stored:
        image = Image.open(io.BytesIO(stored.read()))
        image.load()
        return image


def test_good_upload_in_the_admin_stores_the_image_and_every_rendition(admin_client_):
    upload = jpeg(1600, 900)

    response = _post_new_article(admin_client_, lead_image=upload)

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.lead_image_bytes == default_storage.size(article.lead_image.name)
    assert (article.lead_image_width, article.lead_image_height) == (1600, 900)
    srcset = article.lead_image_renditions["srcset"]
    assert [(item["width"], item["height"]) for item in srcset] == [
        (480, 270),
        (800, 450),
        (1200, 675),
        (1600, 900),
    ]
    for item in srcset:
        image = _open(item["name"])
        assert (image.format, image.size) == ("WEBP", (item["width"], item["height"]))
    crops = article.lead_image_renditions["crops"]
    assert {ratio: (item["width"], item["height"]) for ratio, item in crops.items()} == {
        "16x9": (1200, 675),
        "4x3": (1200, 900),
        "1x1": (900, 900),
    }
    for item in crops.values():
        image = _open(item["name"])
        assert (image.format, image.size) == ("JPEG", (item["width"], item["height"]))
        assert image.width * image.height >= 50_000


def test_article_page_offers_the_renditions_in_srcset_with_its_size(client):
    article = ArticleFactory(live=True, with_image=True)

    document = html5lib.parse(
        client.get(article.get_absolute_url()).text, namespaceHTMLElements=False
    )
    image = document.find(".//figure[@class='lead-image']/img")

    assert image.get("src") == article.lead_image.url
    assert image.get("srcset") == ", ".join(
        f"{default_storage.url(item['name'])} {item['width']}w"
        for item in article.lead_image_renditions["srcset"]
    )
    assert image.get("srcset").endswith("-1600w.webp 1600w")
    assert image.get("sizes") == "(min-width: 64em) 44rem, 100vw"
    assert (image.get("width"), image.get("height")) == ("1600", "900")
    assert image.get("alt") == "A teal test card"


def test_an_image_without_renditions_falls_back_to_the_original(client):
    article = ArticleFactory(live=True, with_image=True)
    Article.objects.filter(pk=article.pk).update(lead_image_renditions={})

    html = client.get(article.get_absolute_url()).text

    assert f'<img src="{article.lead_image.url}" alt="A teal test card"' in html
    assert "srcset" not in html


@pytest.mark.parametrize(
    ("url", "queries"),
    [("/latest/", 1), ("category", 2), ("/", 0)],
    ids=["latest", "category", "home"],
)
def test_list_pages_with_images_cost_a_fixed_number_of_queries(
    client, settings, django_assert_num_queries, url, queries
):
    settings.PAGE_CACHE = False  # the cost of rendering, not of a cache hit
    category = CategoryFactory()
    for count in (2, 6):  # the same queries for two articles as for six
        while Article.objects.count() < count:
            lead = not Article.objects.exists()
            ArticleFactory(live=True, with_image=True, category=category, featured=lead)
        address = category.get_absolute_url() if url == "category" else url
        client.get(address)  # warms the header's and the front page's entries, as on a live site
        with django_assert_num_queries(queries):
            html = client.get(address).text
        assert html.count("-480w.webp 480w") >= 2  # the images are there, with their srcset
