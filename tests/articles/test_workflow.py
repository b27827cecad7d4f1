import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles import services
from articles.models import Article, InvalidTransition
from tests.articles.admin_forms import ADMIN, add_data, change_data, change_url
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db

COLOMBO = datetime.timezone(datetime.timedelta(hours=5, minutes=30))


def test_writer_drafts_and_submits_then_editor_publishes(writer_client, editor_client, writer):
    me = AuthorFactory(user=writer)
    response = writer_client.post(
        f"{ADMIN}add/",
        add_data(title="Floods in the south", category=CategoryFactory(), author=me),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(title="Floods in the south")
    assert article.slug == "floods-in-the-south"
    assert article.created_by == writer and article.status == Article.Status.DRAFT

    response = writer_client.post(change_url(article), change_data(article, workflow="submit"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW

    response = editor_client.post(change_url(article), change_data(article, workflow="publish"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_live
    assert article.history.first().history_user.username == "editor"


@time_machine.travel(datetime.datetime(2026, 12, 10, 10, 0, tzinfo=COLOMBO), tick=False)
def test_admin_says_when_a_scheduled_article_goes_live_in_site_time(editor_client):
    article = ArticleFactory(status=Article.Status.REVIEW)
    response = editor_client.post(
        change_url(article),
        change_data(article, workflow="schedule", schedule_at="2026-12-12T18:00"),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_scheduled
    assert article.published_at == datetime.datetime(2026, 12, 12, 18, 0, tzinfo=COLOMBO)
    page = editor_client.get(change_url(article)).content.decode()
    assert "Scheduled for 12 Dec, 2026 | 6:00 pm" in page
    listing = editor_client.get(ADMIN).content.decode()
    assert "Scheduled for 12 Dec, 2026 | 6:00 pm" in listing


def test_scheduling_in_the_past_is_refused_and_changes_nothing(editor_client):
    article = ArticleFactory(status=Article.Status.REVIEW)
    past = timezone.localtime() - datetime.timedelta(hours=1)
    response = editor_client.post(
        change_url(article),
        change_data(article, workflow="schedule", schedule_at=past.strftime("%Y-%m-%dT%H:%M")),
    )
    assert response.status_code == 200
    assert "Choose a time in the future." in response.content.decode()
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW and article.published_at is None


def test_publish_now_publishes_now_even_with_a_time_in_publish_at(editor_client):
    article = ArticleFactory(status=Article.Status.REVIEW)
    later = timezone.localtime() + datetime.timedelta(days=1)
    response = editor_client.post(
        change_url(article),
        change_data(article, workflow="publish", schedule_at=later.strftime("%Y-%m-%dT%H:%M")),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_live


def test_publish_now_with_a_past_time_in_publish_at_publishes_and_keeps_the_edits(editor_client):
    article = ArticleFactory(status=Article.Status.REVIEW)
    past = timezone.localtime() - datetime.timedelta(hours=1)
    response = editor_client.post(
        change_url(article),
        change_data(
            article,
            title="Edited headline",
            workflow="publish",
            schedule_at=past.strftime("%Y-%m-%dT%H:%M"),
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_live and article.title == "Edited headline"


def test_scheduling_in_the_past_keeps_the_editors_text_in_the_form(editor_client):
    article = ArticleFactory(status=Article.Status.REVIEW)
    past = timezone.localtime() - datetime.timedelta(hours=1)
    response = editor_client.post(
        change_url(article),
        change_data(
            article,
            title="A headline worth keeping",
            workflow="schedule",
            schedule_at=past.strftime("%Y-%m-%dT%H:%M"),
        ),
    )
    assert response.status_code == 200
    assert 'value="A headline worth keeping"' in response.content.decode()
    article.refresh_from_db()
    assert article.title != "A headline worth keeping"


def test_an_editor_publishes_breaking_news_straight_from_the_add_form(editor_client):
    page = editor_client.get(f"{ADMIN}add/").content.decode()
    assert 'value="publish"' in page and 'value="schedule"' in page

    response = editor_client.post(
        f"{ADMIN}add/",
        add_data(
            title="Earthquake off the coast",
            category=CategoryFactory(),
            author=AuthorFactory(),
            workflow="publish",
        ),
    )

    assert response.status_code == 302
    article = Article.objects.get(title="Earthquake off the coast")
    assert article.is_live
    assert article.history.count() == 2  # created, then published


def test_an_editor_schedules_straight_from_the_add_form(editor_client):
    later = timezone.localtime() + datetime.timedelta(hours=3)
    response = editor_client.post(
        f"{ADMIN}add/",
        add_data(
            title="Budget speech",
            category=CategoryFactory(),
            author=AuthorFactory(),
            workflow="schedule",
            schedule_at=later.strftime("%Y-%m-%dT%H:%M"),
        ),
    )
    assert response.status_code == 302
    assert Article.objects.get(title="Budget speech").is_scheduled


def test_a_writers_add_form_only_submits_for_review(writer_client, writer):
    me = AuthorFactory(user=writer)
    page = writer_client.get(f"{ADMIN}add/").content.decode()
    assert 'value="submit"' in page
    assert 'value="publish"' not in page and 'value="schedule"' not in page

    forged = writer_client.post(
        f"{ADMIN}add/",
        add_data(title="Forged", category=CategoryFactory(), author=me, workflow="publish"),
    )
    assert forged.status_code == 200
    assert not Article.objects.filter(title="Forged").exists()

    response = writer_client.post(
        f"{ADMIN}add/",
        add_data(title="Mine", category=CategoryFactory(), author=me, workflow="submit"),
    )
    assert response.status_code == 302
    assert Article.objects.get(title="Mine").status == Article.Status.REVIEW


def test_publishing_a_live_article_again_is_refused_and_writes_nothing(editor):
    article = ArticleFactory(live=True)
    version, versions = article.version, article.history.count()

    with pytest.raises(InvalidTransition):
        services.article_move(article=article, user=editor, move=Article.Move.PUBLISH)

    article.refresh_from_db()
    assert article.version == version and article.history.count() == versions


def test_a_writer_cannot_feature_or_mark_breaking_through_the_service(writer):
    me = AuthorFactory(user=writer)
    article = ArticleFactory(authors=[me])
    for field in ("featured", "breaking"):
        article.refresh_from_db()
        setattr(article, field, True)
        with pytest.raises(PermissionDenied):
            services.article_save(article=article, user=writer, expected_version=article.version)
    article.refresh_from_db()
    assert not article.featured and not article.breaking


def test_marking_breaking_has_its_own_service_for_editors_only(editor, writer):
    article = ArticleFactory(live=True)
    until = timezone.now() + datetime.timedelta(hours=2)

    with pytest.raises(PermissionDenied):
        services.article_mark_breaking(article=article, user=writer, breaking=True)
    services.article_mark_breaking(article=article, user=editor, breaking=True, until=until)

    article.refresh_from_db()
    assert article.breaking and article.breaking_until == until
    assert list(Article.objects.live().breaking_now()) == [article]


def test_every_move_in_the_table_is_a_button_a_list_action_or_both(editor_client):
    article = ArticleFactory(status=Article.Status.REVIEW)
    page = editor_client.get(change_url(article)).content.decode()
    listing = editor_client.get(ADMIN).content.decode()
    for move in Article.MOVES:
        assert f'value="{move.value}"' in page + listing, move
