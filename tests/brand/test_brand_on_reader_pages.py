"""What readers see of the site settings: logo, footer, video and advertising address; saving
the settings ends every cached page; the settings cost no query on a page once cached."""

import pytest
from django.core import mail
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from brand.models import SiteSettings
from tests.advertising.helpers import enquiry_data, run_worker
from tests.brand.helpers import png, post
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_the_header_shows_the_logo_or_else_the_sites_name(admin_client, client, settings):
    settings.SITE_NAME = "News One"
    assert '<a class="site-name" href="/">News One</a>' in client.get("/").content.decode()

    post(admin_client, logo=png(400, 80, name="logo.png"))
    logo = SiteSettings.objects.get().logo

    html = client.get("/ta/").content.decode()
    assert (
        f'<img class="site-logo" src="/media/{logo.name}" alt="News One" width="400" height="80">'
        in html
    )


def test_the_footer_shows_the_social_profiles_and_the_editions_own_lines(admin_client, client):
    post(
        admin_client,
        facebook_url="https://www.facebook.com/newsone",
        youtube_url="https://www.youtube.com/@newsone",
        footer_lines_en="45 Galle Road, Colombo 03\nTelephone +94 11 234 5678",
        footer_lines_si="ගාලු පාර 45, කොළඹ 03",
    )

    english = client.get("/").content.decode()
    sinhala = client.get("/si/").content.decode()
    tamil = client.get("/ta/").content.decode()

    assert '<a href="https://www.facebook.com/newsone" rel="me noopener">Facebook</a>' in english
    assert '<a href="https://www.youtube.com/@newsone" rel="me noopener">YouTube</a>' in tamil
    assert "<p>45 Galle Road, Colombo 03</p>" in english
    assert "<p>Telephone +94 11 234 5678</p>" in english
    assert "<p>ගාලු පාර 45, කොළඹ 03</p>" in sinhala and "Galle Road" not in sinhala
    assert "<p>45 Galle Road, Colombo 03</p>" in tamil  # no Tamil lines yet: the English ones


def test_the_home_page_frames_the_chosen_video_from_a_privacy_friendly_player(admin_client, client):
    assert "<iframe" not in client.get("/").content.decode()

    post(
        admin_client,
        video_address="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        video_title_en="Watch News One live",
    )

    html = client.get("/").content.decode()
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    assert 'title="Watch News One live"' in html
    assert '<h2 id="video-title">Watch News One live</h2>' in html
    assert "<iframe" not in client.get("/latest/").content.decode()  # the home page's only


def test_the_advertising_address_from_the_admin_wins_over_the_servers(
    admin_client, client, settings
):
    settings.ADVERTISING_EMAIL = "ads@server.example"
    assert "mailto:ads@server.example" in client.get("/").content.decode()

    post(admin_client, advertising_email="sales@newsone.example")
    assert "mailto:sales@newsone.example" in client.get("/").content.decode()
    assert "ads@server.example" not in client.get("/ta/").content.decode()

    post(admin_client, advertising_email="")
    assert "mailto:ads@server.example" in client.get("/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_new_enquiries_are_sent_to_the_admins_advertising_address(
    admin_client, client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ADVERTISING_EMAIL = "ads@server.example"
    post(admin_client, advertising_email="sales@newsone.example")

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/advertise/", enquiry_data()).status_code == 302
    run_worker()

    to_sales, to_enquirer = sorted(
        mail.outbox, key=lambda message: message.to != ["sales@newsone.example"]
    )
    assert to_sales.to == ["sales@newsone.example"]
    assert to_enquirer.reply_to == ["sales@newsone.example"]


def test_saving_the_settings_ends_every_cached_page(admin_client, client):
    story = ArticleFactory(live=True)
    pages = ["/", "/si/", story.get_absolute_url(), "/latest/"]
    for page in pages:
        client.get(page)
        assert client.get(page)["X-Page-Cache"] == "hit"

    post(admin_client, footer_lines_en="A new footer line")

    for page in pages:
        response = client.get(page)
        assert "X-Page-Cache" not in response, page  # rendered anew
        assert client.get(page)["X-Page-Cache"] == "hit"
    assert "A new footer line" in client.get("/").content.decode()


def test_pages_read_the_settings_once_until_they_change(admin_client, client, settings):
    settings.PAGE_CACHE = False  # every page rendered: the cost of the settings themselves
    story = ArticleFactory(live=True)
    post(admin_client, footer_lines_en="Colombo")

    def settings_queries(path):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return [q["sql"] for q in queries if "brand_sitesettings" in q["sql"]]

    assert len(settings_queries("/")) == 1
    for path in ("/", "/si/", "/latest/", story.get_absolute_url()):
        assert settings_queries(path) == [], path
    story.title = "An edit of the content"
    story.save()
    assert settings_queries("/") == []  # an edit of the content does not read them again


def test_a_page_rendered_without_the_site_context_still_renders():
    html = render_to_string("home.html", {"sections": [], "latest_news": []})
    assert "<header" in html and "site-logo" not in html and "<iframe" not in html
