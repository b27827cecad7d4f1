"""The brand's colours reach readers as a small stylesheet whose address holds a hash of its
content: kept a year by browsers and CDNs, and a new address when the colours change."""

import re

import pytest

from brand.models import SiteSettings
from tests.brand.helpers import post

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<link rel="stylesheet" href="(/brand/[0-9a-f]{16}\.css)">')


def _stylesheet_address(client, path="/"):
    return LINK.search(client.get(path).content.decode())[1]


def test_the_stylesheet_holds_the_colours_and_is_kept_for_a_year(admin_client, client):
    post(admin_client, primary_colour="#004488", secondary_colour="#002244")
    address = _stylesheet_address(client)

    for _ in range(2):  # rendered, then again: never cut short by the page cache's replay
        response = client.get(address)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/css; charset=utf-8"
        assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    css = response.content.decode()
    assert "--accent: #004488;" in css and "--accent-dark: #002244;" in css
    assert "--highlight: #ffd400;" in css  # the default, not changed


def test_new_colours_get_a_new_address_on_every_page(admin_client, client):
    before = _stylesheet_address(client)
    assert _stylesheet_address(client, "/si/") == before  # one stylesheet for every edition

    post(admin_client, highlight_colour="#00ff88")

    after = _stylesheet_address(client)
    assert after != before
    assert "--highlight: #00ff88;" in client.get(after).content.decode()


def test_an_old_address_leads_to_the_current_colours_without_being_kept(admin_client, client):
    old = _stylesheet_address(client)
    post(admin_client, primary_colour="#004488")

    response = client.get(old)

    assert response.status_code == 302
    assert response["Location"] == _stylesheet_address(client)
    assert "immutable" not in response.get("Cache-Control", "")


def test_pages_carry_no_inline_style(admin_client, client):
    post(admin_client, primary_colour="#004488", video_address="https://youtu.be/dQw4w9WgXcQ")
    html = client.get("/").content.decode()
    assert "<style" not in html and " style=" not in html


def test_only_colours_are_ever_written_into_the_stylesheet():
    # Saved by a script, past the form's checks.
    SiteSettings(primary_colour="red;}a{").save()
    css = SiteSettings.load().stylesheet()
    assert "--accent: #c8102e;" in css and "}a{" not in css
