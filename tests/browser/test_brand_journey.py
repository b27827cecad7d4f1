"""The station's owner uploads a logo and an icon and an editor's video is picked in the admin;
the home page then shows them, in line and within a phone's width, under the strict policy."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from tests.factories import ArticleFactory, CategoryFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAYER = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`securitypolicyviolation: ${event.effectiveDirective} ${event.blockedURI}`)
})
"""


def _image(path, size, draw):
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw(ImageDraw.Draw(image))
    image.save(path, "PNG")
    return path


def _route(page, live_server):
    """Only our server answers: media files from MEDIA_ROOT (the live server serves none), the
    YouTube player with a stand-in page, anything else refused."""

    def media(route):
        name = route.request.url.split("/media/", 1)[1]
        route.fulfill(path=Path(settings.MEDIA_ROOT) / name)

    # The last route added is asked first.
    page.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    page.route(f"{live_server.url}/media/**", media)
    page.route(
        f"{PLAYER}**",
        lambda route: route.fulfill(
            body="<!doctype html><title>player</title><p>The station's player</p>",
            content_type="text/html",
        ),
    )


def _violations(page):
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text)
            if "securitypolicyviolation" in message.text
            or "Content Security Policy" in message.text
            else None
        ),
    )
    page.add_init_script(REPORT_VIOLATIONS)
    return found


def test_the_owner_brands_the_site_and_readers_see_it(live_server, browser, tmp_path):
    shots = Path(os.environ.get("SCREENSHOTS", tmp_path))
    category = CategoryFactory(name="Sport", slug="sport")
    ArticleFactory(live=True, category=category, title="Lead story of the day", featured=True)
    ArticleFactory(
        live=True,
        category=category,
        title="Flood warning issued for five districts as heavy rain continues to fall",
        breaking=True,
        breaking_until=timezone.now() + timedelta(hours=2),
    )
    UserFactory(username="owner", is_superuser=True)
    logo = _image(
        tmp_path / "logo.png",
        (480, 96),
        lambda d: (
            d.rounded_rectangle((0, 8, 88, 88), 16, fill="white"),
            d.text((104, 18), "NEWS ONE", fill="white", font_size=56),
        ),
    )
    icon = _image(
        tmp_path / "icon.png", (512, 512), lambda d: d.ellipse((0, 0, 511, 511), fill="#004488")
    )

    admin = browser.new_context(viewport={"width": 1280, "height": 900})
    admin.set_default_timeout(10_000)
    page = admin.new_page()
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.goto(live_server.url + "/admin/brand/sitesettings/")
    page.locator("#id_logo").set_input_files(logo)
    page.locator("#id_icon").set_input_files(icon)
    page.get_by_label("Video address:").fill("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    page.locator("#id_video_title_en").fill("Watch News One live")
    page.locator("#id_footer_lines_en").fill("45 Galle Road, Colombo 03\nTelephone 011 234 5678")
    page.get_by_label("Facebook:").fill("https://www.facebook.com/newsone")
    page.screenshot(path=shots / "brand-admin-form.png", full_page=True)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("changed successfully")
    admin.close()

    for width, height in ((390, 844), (1280, 900)):
        reader = browser.new_context(viewport={"width": width, "height": height})
        reader.set_default_timeout(10_000)
        page = reader.new_page()
        violations = _violations(page)
        _route(page, live_server)
        page.goto(live_server.url + "/")
        page.wait_for_load_state("load")

        logo_image = page.locator("header img.site-logo")
        expect(logo_image).to_have_attribute("alt", "Newsroom")
        assert logo_image.evaluate("img => img.naturalWidth") == 480
        assert page.locator("link[rel=icon]").get_attribute("href").endswith("-32.png")
        frame = page.locator(".video-slot iframe")
        expect(frame).to_have_attribute("src", PLAYER)
        frame.scroll_into_view_if_needed()
        expect(
            page.frame_locator(".video-slot iframe").get_by_text("The station's player")
        ).to_be_visible()
        box = frame.bounding_box()
        assert box["height"] == pytest.approx(box["width"] * 9 / 16, abs=2)
        expect(page.locator(".footer-lines")).to_contain_text("45 Galle Road, Colombo 03")
        expect(page.locator(".social-links")).to_contain_text("Facebook")

        # The breaking label starts where the header's logo and the page's content do, and
        # the content keeps its distance from the bar above it.
        left = page.locator(".site-name").bounding_box()["x"]
        label = page.locator(".breaking strong").bounding_box()
        headline = page.locator(".breaking a").bounding_box()
        assert label["x"] == pytest.approx(left, abs=1)
        assert page.locator("main .lead").bounding_box()["x"] == pytest.approx(left, abs=1)
        assert headline["y"] <= label["y"] + label["height"]  # on the label's line
        bar_bottom = page.locator(".breaking").bounding_box()
        gap = page.locator("main .lead").bounding_box()["y"] - (
            bar_bottom["y"] + bar_bottom["height"]
        )
        assert gap >= 20
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=shots / f"brand-home-{width}.png")
        page.locator("footer").screenshot(path=shots / f"brand-footer-{width}.png")
        assert violations == []
        reader.close()
