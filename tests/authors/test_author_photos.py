"""Author photos pass the same content checks as lead images, with a smaller minimum, and get
square renditions when saved (images.renditions.PORTRAIT)."""

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from authors.models import Author
from images.renditions import rendition_names
from tests.factories import AuthorFactory, UserFactory
from tests.images.uploads import jpeg, png_header_only, text_named_jpg, truncated_jpeg

pytestmark = pytest.mark.django_db


def _post_author(client, photo):
    client.force_login(UserFactory(is_superuser=True))
    return client.post(
        "/admin/authors/author/add/",
        {"name": "Asma Hussain", "slug": "asma-hussain", "photo": photo},
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (text_named_jpg, "This file is not a JPEG, PNG or WebP image."),
        (truncated_jpeg, "This image is damaged or incomplete"),
        (png_header_only, "This image has too many pixels"),
        (lambda: jpeg(150, 150), "it must be at least 200 × 200 pixels."),  # noqa: RUF001
    ],
    ids=["text", "truncated", "bomb", "too small"],
)
def test_bad_photo_is_refused_with_its_message_and_nothing_is_saved(
    client, settings, make, message
):
    response = _post_author(client, make())

    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["photo"])
    assert not Author.objects.exists()
    assert not settings.MEDIA_ROOT.exists() or not any(settings.MEDIA_ROOT.rglob("*.*"))


def test_good_photo_is_stored_upright_without_its_metadata(client):
    exif = Image.Exif()
    exif[0x0112] = 8  # a quarter turn
    exif[0x8825] = {1: "N", 2: (6.0, 55.0, 0.0)}  # where it was taken
    response = _post_author(client, jpeg(400, 300, name="asma.jpg", exif=exif))

    assert response.status_code == 302
    author = Author.objects.get()
    assert author.photo.name.startswith("authors/")
    with author.photo.open() as stored, Image.open(stored) as image:
        assert (image.format, image.size) == ("JPEG", (300, 400))
        assert not image.getexif()


def test_a_photo_gets_square_renditions_that_the_author_page_offers(client):
    response = _post_author(client, jpeg(900, 600, name="asma.jpg"))

    assert response.status_code == 302
    author = Author.objects.get()
    srcset = author.photo_renditions["srcset"]
    assert [(item["width"], item["height"]) for item in srcset] == [
        (120, 120),
        (240, 240),
        (480, 480),
    ]
    for item in srcset:
        with default_storage.open(item["name"]) as stored, Image.open(stored) as image:
            assert (image.format, image.size) == ("WEBP", (item["width"], item["width"]))
    page = client.get("/author/asma-hussain/").text
    assert f'srcset="{author.photo_srcset}" sizes="120px"' in page
    assert f'src="{author.photo_widths[0]["url"]}"' in page


def test_a_photo_saved_before_renditions_existed_gets_them_on_its_next_save():
    author = AuthorFactory(photo=jpeg(300, 300))
    made = author.photo_renditions
    Author.objects.filter(pk=author.pk).update(photo_renditions={})
    for name in rendition_names(made):
        default_storage.delete(name)

    author.refresh_from_db()
    author.save()

    assert [item["width"] for item in author.photo_renditions["srcset"]] == [120, 240]
    assert all(default_storage.exists(name) for name in rendition_names(author.photo_renditions))


def test_removing_a_photo_deletes_its_renditions(django_capture_on_commit_callbacks):
    author = AuthorFactory(photo=jpeg(300, 300))
    made = rendition_names(author.photo_renditions)

    with django_capture_on_commit_callbacks(execute=True):
        author.photo = None
        author.save()

    assert author.photo_renditions == {}
    assert made and not any(default_storage.exists(name) for name in made)
