"""An embargoed article shows nowhere public until its embargo lifts, and cannot be published
early; an article with an unpublish time leaves every public page then, with no cron, and the
page cache follows both times."""

import datetime

import pytest
from django.utils import timezone

from articles import services
from articles.models import Article, InvalidTransition
from articles.views import preview_url
from tests.articles.admin_forms import change_data, change_url
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

COLOMBO = datetime.timezone(datetime.timedelta(hours=5, minutes=30))
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 10, 10, 0, tzinfo=COLOMBO), tick=False)
    return time_machine


def _public_pages(article):
    return [
        "/",
        "/latest/",
        f"/category/{article.category.slug}/",
        "/feeds/rss/",
        "/sitemap-articles.xml",
        "/news-sitemap.xml",
        "/search/?q=Budget",
    ]


def _shown_anywhere(client, article):
    """Where the headline appears (pages, lists, feeds, sitemaps, search, a related list)."""
    places = [path for path in _public_pages(article) if article.slug in client.get(path).text] + [
        path for path in _public_pages(article) if article.title in client.get(path).text
    ]
    if client.get(article.get_absolute_url()).status_code == 200:
        places.append("its page")
    return set(places)


def test_an_embargoed_article_is_nowhere_public_until_the_embargo_lifts(client, clock):
    section = CategoryFactory(slug="economy")
    neighbour = ArticleFactory(live=True, category=section, title="Rupee steady")
    embargoed = ArticleFactory(
        live=True,
        category=section,
        title="Budget cuts fuel tax",
        published_at=timezone.now() - HOUR,
        embargo_until=timezone.now() + HOUR,
    )
    assert not Article.objects.live().filter(pk=embargoed.pk).exists()
    assert _shown_anywhere(client, embargoed) == set()
    assert "Budget cuts fuel tax" not in client.get(neighbour.get_absolute_url()).text  # related
    assert client.get(preview_url(embargoed)).status_code == 404

    clock.shift(HOUR + datetime.timedelta(seconds=1))
    assert "its page" in _shown_anywhere(client, embargoed)
    assert "Budget cuts fuel tax" in client.get("/").text  # the cached front page ended on time
    assert "Budget cuts fuel tax" in client.get(neighbour.get_absolute_url()).text


def test_publish_now_before_the_embargo_is_refused_with_a_clear_message(editor_client, clock):
    article = ArticleFactory(status=Article.Status.REVIEW, embargo_until=timezone.now() + HOUR)
    response = editor_client.post(change_url(article), change_data(article, workflow="publish"))
    assert response.status_code == 200
    assert "Embargoed until 10 Dec, 2026 | 11:00 am: it cannot be published before then." in (
        response.text
    )
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW and article.published_at is None
    with pytest.raises(InvalidTransition):
        article.publish()


def test_an_embargo_set_in_the_same_form_refuses_publish_now(editor_client, clock):
    article = ArticleFactory(status=Article.Status.REVIEW)
    data = change_data(
        article, workflow="publish", embargo_until_0="2026-12-10", embargo_until_1="12:00"
    )
    response = editor_client.post(change_url(article), data)
    assert "it cannot be published before then" in response.text
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_an_embargoed_article_can_be_approved_and_scheduled_for_after_the_embargo(
    editor_client, clock
):
    article = ArticleFactory(status=Article.Status.REVIEW, embargo_until=timezone.now() + HOUR)
    early = change_data(article, workflow="schedule", schedule_at="2026-12-10T10:30")
    response = editor_client.post(change_url(article), early)
    assert "schedule it for then or later" in response.text

    response = editor_client.post(
        change_url(article),
        change_data(article, workflow="schedule", schedule_at="2026-12-10T11:00"),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_scheduled and not article.is_live
    listing = editor_client.get("/admin/articles/article/").text
    assert "Embargoed until 10 Dec, 2026 | 11:00 am" in listing


@pytest.mark.parametrize(
    ("embargo", "expiry", "field", "message"),
    [
        (
            "13:00",
            "12:00",
            "embargo_until",
            "The embargo must lift before the article is unpublished.",
        ),
        (None, "09:00", "expires_at", "The unpublish time must come after the publish time."),
    ],
)
def test_times_in_the_wrong_order_are_form_errors(
    editor_client, clock, embargo, expiry, field, message
):
    article = ArticleFactory(live=True, published_at=timezone.now() - HOUR / 2, title="Old title")
    data = change_data(article, title="New title", expires_at_0="2026-12-10", expires_at_1=expiry)
    if embargo:
        data |= {"embargo_until_0": "2026-12-10", "embargo_until_1": embargo}
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 200
    assert message in response.context["adminform"].form.errors[field]
    article.refresh_from_db()
    assert article.title == "Old title"


def test_writers_cannot_embargo_or_set_an_unpublish_time(writer, clock):
    article = ArticleFactory(created_by=writer)
    article.embargo_until = timezone.now() + HOUR
    with pytest.raises(services.PermissionDenied):
        services.article_save(article=article, user=writer, expected_version=article.version)


def test_an_article_leaves_every_public_page_at_its_unpublish_time(client, clock):
    article = ArticleFactory(
        live=True,
        title="Budget day live results",
        category=CategoryFactory(slug="economy"),
        expires_at=timezone.now() + HOUR,
    )
    assert {"its page", "/", "/latest/"} <= _shown_anywhere(client, article)
    assert client.get("/").get("X-Page-Cache") == "hit"

    clock.shift(HOUR)
    assert _shown_anywhere(client, article) == set()
    assert client.get(article.get_absolute_url()).status_code == 404
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED  # no job ran: the rule did it
