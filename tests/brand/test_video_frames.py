"""The video slot needs no frame host beyond the players the policy already allows: every
provider's player address is one of settings.VIDEO_EMBED_PLAYERS, and frame-src is exactly
those."""

import pytest
from django.conf import settings

from brand import video
from tests.brand.helpers import post

pytestmark = pytest.mark.django_db


def _frame_src(response):
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        if name == "frame-src":
            return values
    raise AssertionError("no frame-src")


@pytest.mark.parametrize("provider", video.PROVIDERS)
def test_each_providers_player_is_an_allowed_player(provider):
    player = video.player_url(provider, "1234567890123")
    assert any(player.startswith(f"https://{allowed}") for allowed in settings.VIDEO_EMBED_PLAYERS)


def test_the_home_page_with_its_video_keeps_the_strict_frame_policy(admin_client, client):
    post(admin_client, video_address="https://www.facebook.com/newsone/videos/1234567890123/")

    response = client.get("/")

    assert (
        'src="https://www.facebook.com/plugins/video.php?href='
        'https%3A%2F%2Fwww.facebook.com%2Fwatch%2F%3Fv%3D1234567890123"'
    ) in response.content.decode()
    assert _frame_src(response) == [
        "https://www.youtube.com/embed/",
        "https://www.youtube-nocookie.com/embed/",
        "https://www.facebook.com/plugins/video.php",
    ]
    assert "script-src 'self';" in response["Content-Security-Policy"] + ";"
