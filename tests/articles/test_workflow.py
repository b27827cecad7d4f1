import datetime

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
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
