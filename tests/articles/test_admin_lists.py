import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from tests.articles.admin_forms import ADMIN, change_url
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_writers_land_on_their_own_articles(writer_client, writer):
    ArticleFactory(title="Mine by byline", authors=[AuthorFactory(user=writer)])
    ArticleFactory(title="Mine as creator", created_by=writer)
    ArticleFactory(title="Someone else's", created_by=UserFactory(), live=True)
    ArticleFactory(title="Another writer's draft", created_by=UserFactory())

    response = writer_client.get(ADMIN)
    assert response.status_code == 302 and response["Location"] == f"{ADMIN}?owner=mine"
    page = writer_client.get(f"{ADMIN}?owner=mine").content.decode()
    assert "Mine by byline" in page and "Mine as creator" in page
    assert "Someone else" not in page
    everyone = writer_client.get(f"{ADMIN}?owner=all").content.decode()
    # Everyone's live work, never another writer's draft (test_writer_visibility.py).
    assert "Someone else" in everyone and "Another writer" not in everyone


def test_editors_land_on_every_article(editor_client):
    ArticleFactory(title="Anyone's story")
    response = editor_client.get(ADMIN)
    assert response.status_code == 200 and "Anyone&#x27;s story" in response.content.decode()


def test_front_page_filter_shows_what_readers_see_at_the_top_now(editor_client):
    now = timezone.now()
    ArticleFactory(live=True, title="Lead story", featured=True)
    ArticleFactory(
        live=True, title="Lead yesterday", featured=True, featured_until=now - datetime.timedelta(1)
    )
    ArticleFactory(title="Featured draft", featured=True)
    ArticleFactory(live=True, title="Storm warning", breaking=True)

    featured = editor_client.get(f"{ADMIN}?front=featured").content.decode()
    assert "Lead story" in featured
    assert "Lead yesterday" not in featured and "Featured draft" not in featured
    breaking = editor_client.get(f"{ADMIN}?front=breaking").content.decode()
    assert "Storm warning" in breaking and "Lead story" not in breaking


def test_list_shows_status_badges(editor_client):
    ArticleFactory(title="In the queue", status=Article.Status.REVIEW)
    page = editor_client.get(ADMIN).content.decode()
    assert '<span class="wf-status wf-status--review">In review</span>' in page


def test_bulk_unpublish_reports_the_articles_it_skipped(editor_client):
    live = ArticleFactory(live=True, title="Live one")
    draft = ArticleFactory(title="Just a draft")
    response = editor_client.post(
        ADMIN, {"action": "unpublish", "_selected_action": [live.pk, draft.pk]}, follow=True
    )
    page = response.content.decode()
    assert "Unpublished 1." in page
    assert "Skipped: Just a draft (A draft article cannot make this move.)" in page
    live.refresh_from_db()
    assert live.status == Article.Status.UNPUBLISHED


def test_bulk_feature_puts_articles_on_the_front(editor_client):
    article = ArticleFactory(live=True)
    editor_client.post(ADMIN, {"action": "feature", "_selected_action": [article.pk]})
    assert Article.objects.live().featured_now().get() == article


def test_view_on_site_only_for_live_articles(editor_client):
    live, draft = ArticleFactory(live=True), ArticleFactory()
    assert "View on site" in editor_client.get(change_url(live)).content.decode()
    page = editor_client.get(change_url(draft)).content.decode()
    assert "View on site" not in page and "Preview" in page


def test_changelist_runs_a_fixed_number_of_queries(editor_client, django_assert_num_queries):
    section = CategoryFactory()
    ArticleFactory.create_batch(3, live=True, category=section)
    editor_client.get(ADMIN)  # warm the session and the menu cache
    with django_assert_num_queries(7):
        editor_client.get(ADMIN)
    ArticleFactory.create_batch(6, live=True, category=section)
    with django_assert_num_queries(7):
        editor_client.get(ADMIN)


def test_the_front_page_filter_follows_the_front_pages_own_rule(editor_client, settings):
    """No featured story: the lead is the newest, as on the page readers see."""
    older = ArticleFactory(live=True, title="Older story")
    ArticleFactory(live=True, title="Newest story", published_at=timezone.now())
    ArticleFactory(title="A draft")

    lead = editor_client.get(f"{ADMIN}?front=featured").content.decode()
    shown = editor_client.get(f"{ADMIN}?front=shown").content.decode()
    home = editor_client.get("/").content.decode()

    assert "Newest story" in lead and "Older story" not in lead
    assert "Newest story" in shown and "Older story" in shown and "A draft" not in shown
    assert "Newest story" in home and older.get_absolute_url() in home
