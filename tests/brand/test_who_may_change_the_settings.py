"""The brand is the site owners' to change; the home page's video is also the editors'. The
rule is brand.permissions'; the admin enforces it on what is posted, not only on what it shows."""

import pytest
from django.contrib.auth.models import Permission

from brand.models import SiteSettings
from tests.brand.helpers import CHANGE_URL, form_data, post

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("actor", ["writer_client", "sales_client"])
def test_writers_and_sales_cannot_open_the_settings(request, actor):
    client = request.getfixturevalue(actor)
    assert client.get(CHANGE_URL).status_code == 403
    assert client.post(CHANGE_URL, {"primary_colour": "#004488"}).status_code == 403
    assert client.get("/admin/brand/sitesettings/").status_code == 403
    assert b"Site settings" not in client.get("/admin/").content
    assert not SiteSettings.objects.exists()


def test_staff_without_a_role_cannot_open_the_settings(client, user):
    client.force_login(user)
    assert client.get(CHANGE_URL).status_code == 403


def test_an_editor_chooses_the_video_but_cannot_change_the_brand(editor_client, admin_client):
    post(admin_client, primary_colour="#004488", footer_lines_en="Colombo")
    page = editor_client.get(CHANGE_URL)
    assert page.status_code == 200
    assert set(page.context["adminform"].form.fields) == {
        "video_address",
        "video_title_en",
        "video_title_si",
        "video_title_ta",
    }

    response = editor_client.post(
        CHANGE_URL,
        {
            **form_data(admin_client),  # everything, as a forged form would send it
            "primary_colour": "#ff0000",
            "footer_lines_en": "Taken over",
            "advertising_email": "attacker@example.com",
            "video_address": "https://youtu.be/dQw4w9WgXcQ",
        },
    )

    assert response.status_code == 302
    stored = SiteSettings.objects.get()
    assert (stored.video_provider, stored.video_id) == ("youtube", "dQw4w9WgXcQ")
    assert stored.primary_colour == "#004488"
    assert stored.footer_lines_en == "Colombo"
    assert stored.advertising_email == ""


def test_a_user_granted_the_brand_permission_may_change_it(client, user):
    user.user_permissions.add(Permission.objects.get(codename="change_sitesettings"))
    client.force_login(user)
    assert post(client, primary_colour="#004488").status_code == 302
    assert SiteSettings.objects.get().primary_colour == "#004488"


def test_nobody_adds_or_deletes_the_settings(admin_client):
    post(admin_client, primary_colour="#004488")
    assert admin_client.get("/admin/brand/sitesettings/add/").status_code == 403
    assert (
        admin_client.post("/admin/brand/sitesettings/1/delete/", {"post": "yes"}).status_code == 403
    )
    assert SiteSettings.objects.count() == 1
    history = admin_client.get("/admin/brand/sitesettings/1/history/")
    assert history.status_code == 200 and b"Changed" in history.content
