"""Author photos pass the same content checks as lead images, with a smaller minimum."""

import pytest
from PIL import Image

from authors.models import Author
from tests.factories import UserFactory
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
