"""The site settings' form: good values are stored, bad ones are refused with a message that
says what to do, and a refused form changes nothing."""

import pytest

from brand.models import SiteSettings
from tests.brand.helpers import CHANGE_URL, png, post
from tests.images.uploads import jpeg, text_named_jpg

pytestmark = pytest.mark.django_db


def _errors(response):
    assert response.status_code == 200, "the form was accepted"
    return " ".join(
        str(message)
        for errors in response.context["adminform"].form.errors.values()
        for message in errors
    )


def test_the_list_leads_straight_to_the_one_settings_page(admin_client):
    response = admin_client.get("/admin/brand/sitesettings/")
    assert response.status_code == 302 and response["Location"] == CHANGE_URL
    page = admin_client.get(CHANGE_URL)
    assert page.status_code == 200
    assert b"Home page video" in page.content
    assert b'type="color"' in page.content


def test_good_values_are_stored(admin_client):
    response = post(
        admin_client,
        primary_colour="#004488",
        facebook_url="https://www.facebook.com/newsone",
        x_url="x.com/newsone",  # typed without its scheme: read as https://
        advertising_email="ads@newsone.example",
        footer_lines_en="45 Galle Road, Colombo 03\nTelephone +94 11 234 5678",
        footer_lines_si="ගාලු පාර 45, කොළඹ 03",
        video_address="https://youtu.be/dQw4w9WgXcQ",
        video_title_en="Watch us live",
    )
    assert response.status_code == 302, _errors(response)
    stored = SiteSettings.objects.get()
    assert stored.primary_colour == "#004488"
    assert stored.x_url == "https://x.com/newsone"
    assert (stored.video_provider, stored.video_id) == ("youtube", "dQw4w9WgXcQ")
    assert stored.footer_lines_si == "ගාලු පාර 45, කොළඹ 03"
    assert stored.advertising_email == "ads@newsone.example"


@pytest.mark.parametrize(
    "address, provider, video_id",
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42", "youtube", "dQw4w9WgXcQ"),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://www.facebook.com/newsone/videos/1234567890123/", "facebook", "1234567890123"),
        ("https://www.facebook.com/watch/?v=1234567890123", "facebook", "1234567890123"),
    ],
)
def test_a_video_is_stored_as_its_provider_and_id(admin_client, address, provider, video_id):
    assert post(admin_client, video_address=address).status_code == 302
    stored = SiteSettings.objects.get()
    assert (stored.video_provider, stored.video_id) == (provider, video_id)


def test_emptying_the_video_address_takes_the_video_off(admin_client):
    post(admin_client, video_address="https://youtu.be/dQw4w9WgXcQ")
    assert post(admin_client, video_address="").status_code == 302
    assert SiteSettings.objects.get().video_provider == ""


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"primary_colour": "red"}, "six hexadecimal digits"),
        ({"highlight_colour": "#12345"}, "six hexadecimal digits"),
        ({"primary_colour": "#ffdd00"}, "hard to read"),  # white text on yellow
        ({"facebook_url": "http://www.facebook.com/newsone"}, "Enter a valid URL"),
        ({"facebook_url": "https://www.faceb00k.com/newsone"}, "station's Facebook page"),
        ({"youtube_url": "https://www.youtube.com/"}, "station's YouTube page"),
        ({"advertising_email": "ads at newsone"}, "valid email"),
        ({"video_address": "https://vimeo.com/76979871"}, "not the address of a YouTube"),
        ({"video_address": "https://evil.example/embed/dQw4w9WgXcQ"}, "not the address"),
        ({"video_address": "javascript:alert(1)"}, "not the address"),
        ({"video_address": "https://www.youtube.com/watch?v=short"}, "not the address"),
        ({"logo": text_named_jpg()}, "not a JPEG, PNG or WebP image"),
        ({"logo": png(200, 20, name="logo.png")}, "at least 96 × 48 pixels"),  # noqa: RUF001
        ({"icon": png(700, 600)}, "must be square"),
        ({"icon": png(256, 256)}, "at least 512 × 512 pixels"),  # noqa: RUF001
    ],
)
def test_bad_values_are_refused_with_a_clear_message_and_nothing_changes(
    admin_client, changes, message
):
    post(admin_client, primary_colour="#004488", footer_lines_en="Colombo")
    before = SiteSettings.objects.get()

    response = post(admin_client, footer_lines_en="Changed", **changes)

    assert message in _errors(response)
    after = SiteSettings.objects.get()
    assert (after.primary_colour, after.footer_lines_en, after.facebook_url, after.logo.name) == (
        before.primary_colour,
        before.footer_lines_en,
        before.facebook_url,
        before.logo.name,
    )


def test_an_oversized_upload_is_refused(admin_client, settings):
    settings.IMAGE_MAX_BYTES = 10_000
    response = post(admin_client, logo=jpeg(2400, 1600, name="logo.jpg"))
    assert "an image may be at most" in _errors(response)
    assert not SiteSettings.objects.get_or_create()[0].logo
