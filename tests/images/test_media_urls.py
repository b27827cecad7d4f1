"""Image addresses are remembered per name, and forgotten when the media address changes."""

from django.core.files.storage import default_storage

from images.media import media_url


def test_an_image_address_follows_a_change_of_media_url(settings):
    assert media_url(default_storage, "articles/harbour.jpg") == "/media/articles/harbour.jpg"

    settings.MEDIA_URL = "https://cdn.example.lk/media/"

    assert media_url(default_storage, "articles/harbour.jpg") == (
        "https://cdn.example.lk/media/articles/harbour.jpg"
    )
