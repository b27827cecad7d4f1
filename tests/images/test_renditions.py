"""Lead image renditions and metadata: written by the images app's field when an image is saved
(Article's lead image is the field's one user), upright, without metadata, and kept in step."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Article
from images.renditions import rendition_names
from tests.factories import ArticleFactory
from tests.images.uploads import jpeg

pytestmark = pytest.mark.django_db


def _open(name):
    with default_storage.open(name) as stored:
        image = Image.open(io.BytesIO(stored.read()))
        image.load()
        return image


def test_the_stored_image_and_its_renditions_are_upright_and_carry_no_metadata():
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: the camera was turned a quarter
    exif[0x010F] = "Camera maker"
    article = ArticleFactory(lead_image=jpeg(1600, 1200, exif=exif), lead_image_alt="Portrait")

    assert (article.lead_image_width, article.lead_image_height) == (1200, 1600)
    srcset = article.lead_image_renditions["srcset"]
    assert [(item["width"], item["height"]) for item in srcset] == [
        (480, 640),
        (800, 1067),
        (1200, 1600),
    ]
    for name in [article.lead_image.name, *rendition_names(article.lead_image_renditions)]:
        image = _open(name)
        assert not image.getexif()
        assert "exif" not in image.info and "comment" not in image.info


def test_replacing_the_image_deletes_the_old_renditions(django_capture_on_commit_callbacks):
    article = ArticleFactory(with_image=True)
    old = rendition_names(article.lead_image_renditions)

    with django_capture_on_commit_callbacks(execute=True):
        article.lead_image = jpeg(2000, 1200, name="new.jpg")
        article.save()

    assert not any(default_storage.exists(name) for name in old)
    new = rendition_names(article.lead_image_renditions)
    assert len(new) == 7 and all(default_storage.exists(name) for name in new)
    assert article.lead_image_renditions["srcset"][-1]["width"] == 1600


def test_removing_the_image_deletes_its_renditions(django_capture_on_commit_callbacks):
    article = ArticleFactory(with_image=True)
    old = rendition_names(article.lead_image_renditions)

    with django_capture_on_commit_callbacks(execute=True):
        article.lead_image = None
        article.save()

    article.refresh_from_db()
    assert (article.lead_image_renditions, article.lead_image_bytes) == ({}, None)
    assert not any(default_storage.exists(name) for name in old)


def test_an_image_whose_renditions_are_missing_gets_them_again_on_save():
    article = ArticleFactory(with_image=True)
    for name in rendition_names(article.lead_image_renditions):
        default_storage.delete(name)  # as after restoring an old version from history

    Article.objects.get(pk=article.pk).save()

    article.refresh_from_db()
    assert len(rendition_names(article.lead_image_renditions)) == 7
    assert all(default_storage.exists(n) for n in rendition_names(article.lead_image_renditions))


def test_saving_other_fields_keeps_the_renditions_as_they_are():
    article = ArticleFactory(with_image=True)
    before = article.lead_image_renditions

    article.title = "A new headline"
    article.save()

    article.refresh_from_db()
    assert article.lead_image_renditions == before


def test_a_transparent_png_is_named_png_keeps_its_alpha_and_gets_a_white_jpeg_crop():
    buffer = io.BytesIO()
    Image.new("RGBA", (1600, 900), (0, 0, 0, 0)).save(buffer, "PNG")
    upload = SimpleUploadedFile("logo.jpg", buffer.getvalue(), "image/jpeg")  # misnamed

    article = ArticleFactory(lead_image=upload, lead_image_alt="Logo")

    assert article.lead_image.name.endswith(".png")
    webp = _open(article.lead_image_renditions["srcset"][0]["name"])
    assert webp.mode == "RGBA"
    crop = _open(article.lead_image_renditions["crops"]["16x9"]["name"])
    assert crop.getpixel((10, 10)) == (255, 255, 255)
