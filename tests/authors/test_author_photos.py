"""Author photos pass the same content checks as lead images, with a smaller minimum."""

import pytest

from authors.models import Author
from tests.factories import UserFactory
from tests.image_files import jpeg, png_header_only, text_named_jpg, truncated_jpeg

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


def test_good_photo_is_stored(client):
    response = _post_author(client, jpeg(400, 400, name="asma.jpg"))

    assert response.status_code == 302
    author = Author.objects.get()
    assert author.photo.name.startswith("authors/") and author.photo.size > 0
