"""The icon browsers ask every site for is there, so no page view ends in a 404 for it."""

import io

import pytest
from PIL import Image


@pytest.mark.django_db  # closing a response ends the request, which checks the connection
def test_favicon_answers_with_an_icon_at_the_sites_root(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    body = b"".join(response.streaming_content)
    response.close()
    with Image.open(io.BytesIO(body)) as icon:
        assert icon.format == "ICO"
        assert {(16, 16), (32, 32)} <= icon.info["sizes"]
