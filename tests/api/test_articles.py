"""Articles in the API: what an item carries, the filters, and that only live stories appear."""

import datetime
from urllib.parse import quote

import pytest
from django.utils import timezone

from articles.models import Article, ArticleAuthor, Correction
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db

HIDDEN = {
    "draft": dict(status=Article.Status.DRAFT),
    "in review": dict(status=Article.Status.REVIEW),
    "unpublished": dict(
        status=Article.Status.UNPUBLISHED,
        published_at=timezone.now() - datetime.timedelta(days=1),
    ),
    "scheduled": dict(
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(hours=2),
    ),
}


def _headlines(response):
    assert response.status_code == 200, response.content
    return [item["headline"] for item in response.json()["results"]]


def test_an_article_carries_what_an_app_needs_to_show_it(client):
    writer = AuthorFactory(name="Asma Hussain", slug="asma-hussain")
    photographer = AuthorFactory(name="Ravi Perera", slug="ravi-perera")
    article = ArticleFactory(
        live=True,
        with_image=True,
        title="Harbour reopens",
        standfirst="Ships return after the storm.",
        body="<p>The <b>harbour</b> reopened.</p>",
        category=CategoryFactory(name="Local", slug="local"),
        authors=[writer, (photographer, ArticleAuthor.Role.PHOTOS)],
        lead_image_caption="The harbour at dawn",
        lead_image_credit="Ravi Perera",
    )
    Correction.objects.create(article=article, text="An earlier version misnamed the port.")

    item = client.get(f"/api/v1/articles/{article.pk}/").json()

    assert item["headline"] == "Harbour reopens"
    assert item["standfirst"] == item["summary"] == "Ships return after the storm."
    assert item["body_html"] == "<p>The <b>harbour</b> reopened.</p>"
    assert item["edition"] == "en"
    assert item["section"] == {"slug": "local", "name": "Local"}
    assert [(b["name"], b["role"]) for b in item["bylines"]] == [
        ("Asma Hussain", "writer"),
        ("Ravi Perera", "photos"),
    ]
    assert item["bylines"][0]["url"] == "http://testserver/api/v1/authors/asma-hussain/"
    assert item["canonical_url"] == f"http://testserver{article.get_absolute_url()}"
    assert item["url"] == f"http://testserver/api/v1/articles/{article.pk}/"
    # ISO 8601 with the site's offset, no microseconds.
    published = timezone.localtime(article.published_at).replace(microsecond=0)
    assert item["published_at"] == published.isoformat()
    assert item["published_at"].endswith("+05:30")
    assert item["updated_at"] is None
    assert [c["text"] for c in item["corrections"]] == ["An earlier version misnamed the port."]
    image = item["lead_image"]
    assert image["alt"] == "A teal test card"
    assert (image["caption"], image["credit"]) == ("The harbour at dawn", "Ravi Perera")
    assert [size["width"] for size in image["srcset"]] == [480, 800, 1200, 1600]
    assert image["srcset"][0]["url"].startswith("http://testserver/media/articles/")
    assert {ratio: (c["width"], c["height"]) for ratio, c in image["crops"].items()} == {
        "16x9": (1200, 675),
        "4x3": (1200, 900),
        "1x1": (900, 900),
    }
    assert item["translations"] == []


def test_without_a_standfirst_the_summary_is_the_bodys_opening_as_plain_text(client):
    article = ArticleFactory(live=True, standfirst="", body="<p>Rain &amp; <b>wind</b> today.</p>")
    item = client.get(f"/api/v1/articles/{article.pk}/").json()
    assert item["summary"] == "Rain & wind today."
    assert item["lead_image"] is None


def test_an_article_links_its_live_translations_only(client):
    english = ArticleFactory(live=True, slug="budget")
    tamil = ArticleFactory(
        live=True, language="ta", slug="வரவு-செலவு", translation_group=english.translation_group
    )
    ArticleFactory(language="si", slug="ayavaya", translation_group=english.translation_group)

    item = client.get(f"/api/v1/articles/{english.pk}/").json()

    assert item["translations"] == [
        {
            "edition": "ta",
            "id": tamil.pk,
            "url": f"http://testserver/api/v1/articles/{tamil.pk}/",
            "canonical_url": f"http://testserver/ta/{tamil.url_date:%Y/%m/%d}/{quote(tamil.slug)}/",
        }
    ]


def test_an_article_is_found_by_its_address_too(client):
    article = ArticleFactory(live=True, slug="harbour-reopens")
    day = article.url_date
    response = client.get(f"/api/v1/articles/{day:%Y/%m/%d}/harbour-reopens/")
    assert response.json()["id"] == article.pk
    assert client.get(f"/api/v1/articles/{day:%Y/%m/%d}/no-such-story/").status_code == 404
    assert client.get("/api/v1/articles/2026/02/31/harbour-reopens/").status_code == 404


def test_the_list_is_newest_first_with_links_to_the_next_and_previous_pages(client):
    for hours in range(5):
        ArticleFactory(
            live=True,
            title=f"{hours} hours ago",
            published_at=timezone.now() - datetime.timedelta(hours=hours),
        )

    first = client.get("/api/v1/articles/?page_size=2").json()
    assert [item["headline"] for item in first["results"]] == ["0 hours ago", "1 hours ago"]
    assert first["count"] == 5
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/articles/?page=2&page_size=2"

    second = client.get(first["next"]).json()
    assert [item["headline"] for item in second["results"]] == ["2 hours ago", "3 hours ago"]
    assert second["previous"] == "http://testserver/api/v1/articles/?page_size=2"
    last = client.get(second["next"]).json()
    assert [item["headline"] for item in last["results"]] == ["4 hours ago"]
    assert last["next"] is None
    assert client.get("/api/v1/articles/?page=4&page_size=2").status_code == 404


@pytest.mark.parametrize("state", HIDDEN.values(), ids=HIDDEN.keys())
def test_an_article_readers_cannot_see_is_404_and_in_no_list(client, state):
    article = ArticleFactory(title="Hidden story", featured=True, breaking=True, **state)
    article.url_date = timezone.localdate()
    article.save()
    author = article.authors.get()
    never = client.get("/api/v1/articles/999999/")

    response = client.get(f"/api/v1/articles/{article.pk}/")
    assert response.status_code == 404
    assert response.json() == never.json()
    assert (
        client.get(f"/api/v1/articles/{article.url_date:%Y/%m/%d}/{article.slug}/").status_code
        == 404
    )
    for url in [
        "/api/v1/articles/",
        f"/api/v1/articles/?section={article.category.slug}",
        f"/api/v1/articles/?author={author.slug}",
        "/api/v1/articles/?breaking=true",
        "/api/v1/articles/?featured=true",
        "/api/v1/articles/?q=hidden",
        "/api/v1/articles/?since=2000-01-01T00:00:00Z",
    ]:
        assert "Hidden story" not in client.get(url).text, url
    for url in ["/api/v1/editions/en/front-page/", "/api/v1/editions/en/breaking/"]:
        assert "Hidden story" not in client.get(url).text, url


def test_unpublishing_removes_an_article_from_every_list_and_detail_at_once(client):
    article = ArticleFactory(live=True, title="Retracted story")
    detail = f"/api/v1/articles/{article.pk}/"
    assert client.get(detail).status_code == 200
    assert "Retracted story" in client.get("/api/v1/articles/").text

    article.unpublish()
    article.save()

    assert client.get(detail).status_code == 404
    assert "Retracted story" not in client.get("/api/v1/articles/").text


def test_the_list_filters_by_edition_section_and_author(client):
    sport = CategoryFactory(slug="sport")
    reporter = AuthorFactory(slug="nimal")
    ArticleFactory(live=True, title="English sport", category=sport, authors=[reporter])
    ArticleFactory(live=True, title="English local")
    ArticleFactory(live=True, title="Tamil sport", language="ta", category=sport)

    assert _headlines(client.get("/api/v1/articles/?edition=ta")) == ["Tamil sport"]
    assert set(_headlines(client.get("/api/v1/articles/?section=sport"))) == {
        "English sport",
        "Tamil sport",
    }
    assert _headlines(client.get("/api/v1/articles/?section=sport&edition=en")) == ["English sport"]
    assert _headlines(client.get("/api/v1/articles/?author=nimal")) == ["English sport"]


def test_the_list_filters_by_time_published_or_updated(client):
    now = timezone.now()
    ArticleFactory(live=True, title="Old", published_at=now - datetime.timedelta(days=3))
    ArticleFactory(
        live=True,
        title="Old but updated",
        published_at=now - datetime.timedelta(days=3),
        revised_at=now - datetime.timedelta(hours=1),
    )
    ArticleFactory(live=True, title="New", published_at=now - datetime.timedelta(hours=2))
    since = (now - datetime.timedelta(days=1)).isoformat()

    response = client.get("/api/v1/articles/", {"since": since})
    assert set(_headlines(response)) == {"New", "Old but updated"}
    assert response.json()["count"] is None  # lists narrowed by time are not counted
    assert _headlines(client.get("/api/v1/articles/", {"until": since})) == ["Old"]


def test_the_list_filters_by_breaking_and_featured_now(client):
    now = timezone.now()
    ArticleFactory(live=True, title="Breaking", breaking=True)
    ArticleFactory(
        live=True,
        title="Was breaking",
        breaking=True,
        breaking_until=now - datetime.timedelta(minutes=1),
    )
    ArticleFactory(live=True, title="Featured", featured=True)

    assert _headlines(client.get("/api/v1/articles/?breaking=true")) == ["Breaking"]
    assert "Breaking" not in _headlines(client.get("/api/v1/articles/?breaking=false"))
    assert _headlines(client.get("/api/v1/articles/?featured=true")) == ["Featured"]
    item = client.get("/api/v1/articles/?breaking=true").json()["results"][0]
    assert item["breaking"] is True and item["featured"] is False


def test_the_list_searches(client):
    ArticleFactory(live=True, title="Cyclone warning for the coast")
    ArticleFactory(live=True, title="Cricket final tonight")
    assert _headlines(client.get("/api/v1/articles/?q=cyclone")) == [
        "Cyclone warning for the coast"
    ]
