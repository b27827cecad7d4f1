"""One square upload gives the browser tab's icon, the Apple touch icon and the web app
manifest's icons, at their sizes; pages and the manifest name them."""

import json

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from brand.models import ICON_SIZES, SiteSettings
from tests.brand.helpers import png, post

pytestmark = pytest.mark.django_db


def test_the_icons_are_made_from_one_upload_at_their_sizes(admin_client):
    assert post(admin_client, icon=png(1024, 1024)).status_code == 302

    stored = SiteSettings.objects.get()
    assert sorted(map(int, stored.icons)) == sorted(ICON_SIZES) == [32, 180, 192, 512]
    for size, name in stored.icons.items():
        with default_storage.open(name) as file, Image.open(file) as icon:
            assert icon.format == "PNG"
            assert icon.size == (int(size), int(size))


def test_a_new_icon_replaces_the_old_ones_files_and_all(
    admin_client, django_capture_on_commit_callbacks
):
    post(admin_client, icon=png(512, 512))
    old = SiteSettings.objects.get().icons
    with django_capture_on_commit_callbacks(execute=True):
        post(admin_client, icon=png(600, 600, color=(0, 68, 136, 255)))
    new = SiteSettings.objects.get().icons
    assert set(new.values()).isdisjoint(old.values())
    assert all(default_storage.exists(name) for name in new.values())
    assert not any(default_storage.exists(name) for name in old.values())


def test_pages_link_the_icons_and_the_manifest(admin_client, client):
    post(admin_client, icon=png(512, 512))
    icons = SiteSettings.objects.get().icons

    for address in ("/", "/si/", "/ta/latest/"):
        html = client.get(address).content.decode()
        assert f'<link rel="icon" href="/media/{icons["32"]}" sizes="32x32"' in html
        assert f'<link rel="apple-touch-icon" href="/media/{icons["180"]}">' in html
        # Site-wide, whichever edition links it.
        assert '<link rel="manifest" href="/manifest.webmanifest">' in html


def test_without_an_icon_pages_keep_the_sites_favicon(client):
    html = client.get("/").content.decode()
    assert 'rel="icon"' not in html  # browsers then ask for /favicon.ico, which is there
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html


def test_the_manifest_names_the_site_its_colour_and_its_app_icons(admin_client, client, settings):
    settings.SITE_NAME = "News One"
    post(admin_client, icon=png(512, 512), primary_colour="#004488")
    icons = SiteSettings.objects.get().icons

    response = client.get("/manifest.webmanifest")

    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == manifest["short_name"] == "News One"
    assert manifest["start_url"] == "/"
    assert manifest["theme_color"] == "#004488"
    assert manifest["icons"] == [
        {
            "src": f"/media/{icons['192']}",
            "sizes": "192x192",
            "type": "image/png",
            "purpose": "any",
        },
        {
            "src": f"/media/{icons['512']}",
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "any",
        },
    ]
    for entry in manifest["icons"]:
        size = int(entry["sizes"].split("x")[0])
        name = entry["src"].removeprefix("/media/")
        with default_storage.open(name) as file, Image.open(file) as icon:
            assert icon.size == (size, size)
