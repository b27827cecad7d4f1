"""The API's other endpoints: the editions, each one's front page and breaking item, sections,
authors and fixed pages."""

import datetime

import pytest
from django.utils import timezone

from articles.front_page import LATEST_COUNT
from pages.models import Page
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory
from tests.images.uploads import jpeg

pytestmark = pytest.mark.django_db


def test_the_editions_link_their_front_pages(client):
    editions = client.get("/api/v1/editions/").json()
    assert [(e["code"], e["name"]) for e in editions] == [
        ("en", "English"),
        ("si", "සිංහල"),
        ("ta", "தமிழ்"),
    ]
    assert editions[1]["front_page"] == "http://testserver/api/v1/editions/si/front-page/"


def test_the_front_page_is_the_sites(client):
    sport = CategoryFactory(name="Sport", name_ta="விளையாட்டு", slug="sport")
    now = timezone.now()
    stories = [
        ArticleFactory(
            live=True,
            language="ta",
            category=sport,
            title=f"Tamil {n}",
            published_at=now - datetime.timedelta(minutes=n),
        )
        for n in range(LATEST_COUNT + 3)
    ]
    lead = ArticleFactory(
        live=True,
        language="ta",
        featured=True,
        title="Tamil lead",
        published_at=now - datetime.timedelta(days=1),
    )
    ArticleFactory(live=True, title="English story")

    front = client.get("/api/v1/editions/ta/front-page/").json()

    assert front["edition"] == "ta"
    assert front["lead"]["headline"] == "Tamil lead" and front["lead"]["id"] == lead.pk
    assert [item["headline"] for item in front["latest"]] == [
        story.title for story in stories[:LATEST_COUNT]
    ]
    sections = {block["section"]["slug"]: block for block in front["sections"]}
    assert sections["sport"]["section"]["name"] == "விளையாட்டு"
    assert sections["sport"]["articles"][0]["headline"] == "Tamil 0"
    assert "English story" not in str(front)


def test_an_empty_edition_has_an_empty_front_page(client):
    front = client.get("/api/v1/editions/si/front-page/").json()
    assert front == {"edition": "si", "lead": None, "latest": [], "sections": []}


def test_the_breaking_item_is_the_newest_story_breaking_now(client):
    ArticleFactory(
        live=True,
        title="Older breaking",
        breaking=True,
        published_at=timezone.now() - datetime.timedelta(hours=3),
    )
    ArticleFactory(live=True, title="Newest breaking", breaking=True)
    ArticleFactory(
        live=True,
        title="Expired breaking",
        breaking=True,
        breaking_until=timezone.now() - datetime.timedelta(minutes=5),
    )
    assert client.get("/api/v1/editions/en/breaking/").json()["article"]["headline"] == (
        "Newest breaking"
    )
    assert client.get("/api/v1/editions/ta/breaking/").json() == {"edition": "ta", "article": None}


def test_sections_give_their_name_in_every_edition(client):
    CategoryFactory(name="Sport", name_si="ක්‍රීඩා", slug="sport", menu_position=1)
    CategoryFactory(name="Local", slug="local", menu_position=0)

    sections = client.get("/api/v1/sections/").json()

    assert sections["count"] == 2
    assert [s["slug"] for s in sections["results"]] == ["local", "sport"]
    sport = sections["results"][1]
    assert sport["names"] == {"en": "Sport", "si": "ක්‍රීඩා", "ta": "Sport"}
    assert sport["articles"] == "http://testserver/api/v1/articles/?section=sport"


def test_an_author_profile_links_their_articles(client):
    author = AuthorFactory(
        name="Asma Hussain", slug="asma", job_title="Political editor", bio="Covers parliament."
    )
    ArticleFactory(live=True, title="Her story", authors=[author])

    profile = client.get("/api/v1/authors/asma/").json()

    assert profile["name"] == "Asma Hussain"
    assert profile["job_titles"]["en"] == profile["job_titles"]["ta"] == "Political editor"
    assert profile["photo"] is None
    assert profile["page_url"] == "http://testserver/author/asma/"
    listed = client.get(profile["articles"]).json()["results"]
    assert [item["headline"] for item in listed] == ["Her story"]
    assert [a["slug"] for a in client.get("/api/v1/authors/").json()["results"]] == ["asma"]


def test_an_author_photo_comes_with_its_square_renditions_in_profile_and_bylines(client):
    author = AuthorFactory(name="Asma Hussain", slug="asma", photo=jpeg(500, 300, name="asma.jpg"))
    article = ArticleFactory(live=True, authors=[author, AuthorFactory(slug="no-photo")])

    photo = client.get("/api/v1/authors/asma/").json()["photo"]

    assert photo["url"].startswith("http://testserver/media/authors/")
    assert photo["alt"] == "Asma Hussain"
    # Cut square from the centre (300 x 300): no rendition wider than that.
    assert [(item["width"], item["height"]) for item in photo["srcset"]] == [
        (120, 120),
        (240, 240),
    ]
    assert all(
        item["url"].startswith("http://testserver/media/authors/") and item["url"].endswith(".webp")
        for item in photo["srcset"]
    )
    bylines = client.get(f"/api/v1/articles/{article.pk}/").json()["bylines"]
    assert [byline["photo"] for byline in bylines] == [photo, None]
    listed = client.get("/api/v1/authors/").json()["results"]
    assert [item["photo"] for item in listed] == [photo, None]


def test_fixed_pages_give_their_text_in_every_edition(client):
    Page.objects.create(title="About us", title_si="අප ගැන", slug="about", body="Who we are.")
    page = client.get("/api/v1/pages/about/").json()
    assert page["titles"] == {"en": "About us", "si": "අප ගැන", "ta": "About us"}
    assert page["bodies"]["en"] == "Who we are."
    assert client.get("/api/v1/pages/").json()["results"][0]["slug"] == "about"
