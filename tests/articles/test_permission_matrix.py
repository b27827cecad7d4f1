"""Every role by every editorial action, through the real admin views."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from articles import services
from articles.models import Article, Category
from authors.models import Author
from tests.articles.admin_forms import ADMIN, add_data, change_data, change_url
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["editor", "writer", "sales", "anonymous"]


@pytest.fixture
def clients(editor_client, writer_client, sales_client):
    return {
        "editor": editor_client,
        "writer": writer_client,
        "sales": sales_client,
        "anonymous": Client(),
    }


@pytest.fixture
def newsroom(writer, editor):
    """The writer's own draft (by byline) and live story, and another writer's draft."""
    me = AuthorFactory(user=writer)
    other = UserFactory(username="other-writer")
    own_draft = ArticleFactory(title="Own draft", authors=[me])
    live = ArticleFactory(live=True, title="Own live story", authors=[me])
    others_draft = ArticleFactory(title="Other draft", created_by=other)
    return {"me": me, "own": own_draft, "live": live, "others": others_draft, "editor": editor}


def _retitled(client, article):
    client.post(change_url(article), change_data(article, title="Retitled"))
    article.refresh_from_db()
    return article.title == "Retitled"


def _moved(client, article, move, **extra):
    before = article.status
    client.post(change_url(article), change_data(article, workflow=move, **extra))
    article.refresh_from_db()
    return article.status != before or article.is_scheduled


def _bulk(client, action, *articles):
    before = [(a.status, a.featured) for a in articles]
    client.post(ADMIN, {"action": action, "_selected_action": [a.pk for a in articles]})
    for article in articles:
        article.refresh_from_db()
    return [(a.status, a.featured) for a in articles] != before


def add(client, scene):
    client.post(
        f"{ADMIN}add/", add_data(title="Brand new", category=CategoryFactory(), author=scene["me"])
    )
    return Article.objects.filter(title="Brand new").exists()


def change_own(client, scene):
    return _retitled(client, scene["own"])


def change_anothers(client, scene):
    return _retitled(client, scene["others"])


def publish(client, scene):
    return _moved(client, scene["own"], "publish")


def schedule(client, scene):
    soon = timezone.localtime() + datetime.timedelta(days=1)
    return _moved(client, scene["own"], "schedule", schedule_at=soon.strftime("%Y-%m-%dT%H:%M"))


def unpublish(client, scene):
    return _moved(client, scene["live"], "unpublish")


def delete(client, scene):
    client.post(f"{ADMIN}{scene['own'].pk}/delete/", {"post": "yes"})
    return not Article.objects.filter(pk=scene["own"].pk).exists()


def bulk_publish(client, scene):
    return _bulk(client, "publish", scene["own"])


def bulk_unpublish(client, scene):
    return _bulk(client, "unpublish", scene["live"])


def bulk_feature(client, scene):
    return _bulk(client, "feature", scene["live"])


def bulk_unfeature(client, scene):
    scene["live"].featured = True
    scene["live"].save()
    return _bulk(client, "unfeature", scene["live"])


def restore_version(client, scene):
    article = scene["own"]
    services.article_save(article=article, user=scene["editor"], expected_version=article.version)
    first = article.history.first()
    article.title = "Later headline"
    services.article_save(article=article, user=scene["editor"], expected_version=article.version)
    client.post(
        f"{ADMIN}{article.pk}/versions/{first.history_id}/",
        {"expected_version": article.version},
    )
    article.refresh_from_db()
    return article.title == "Own draft"


def edit_categories(client, scene):
    client.post(
        "/admin/articles/category/add/",
        {"name_en": "Sport", "slug": "sport", "menu_position": 5},
    )
    return Category.objects.filter(slug="sport").exists()


def edit_authors(client, scene):
    client.post("/admin/authors/author/add/", {"name": "New Hire", "slug": "new-hire"})
    return Author.objects.filter(slug="new-hire").exists()


EDITOR_ONLY = {"editor"}
MATRIX = {
    add: {"editor", "writer"},
    change_own: {"editor", "writer"},
    change_anothers: EDITOR_ONLY,
    publish: EDITOR_ONLY,
    schedule: EDITOR_ONLY,
    unpublish: EDITOR_ONLY,
    delete: EDITOR_ONLY,
    bulk_publish: EDITOR_ONLY,
    bulk_unpublish: EDITOR_ONLY,
    bulk_feature: EDITOR_ONLY,
    bulk_unfeature: EDITOR_ONLY,
    restore_version: EDITOR_ONLY,
    edit_categories: EDITOR_ONLY,
    edit_authors: EDITOR_ONLY,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", MATRIX, ids=lambda action: action.__name__)
def test_each_role_may_do_exactly_its_actions(clients, newsroom, role, action):
    allowed = role in MATRIX[action]
    assert action(clients[role], newsroom) is allowed


def test_anonymous_visitors_are_sent_to_the_login_page(newsroom):
    response = Client().get(change_url(newsroom["own"]))
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_writer_cannot_change_another_writers_draft_they_cannot_even_open(writer_client, newsroom):
    response = writer_client.post(
        change_url(newsroom["others"]), change_data(newsroom["others"], title="Mine now")
    )
    # Another writer's draft is not in a writer's admin at all (test_writer_visibility.py).
    assert response.status_code == 302 and response["Location"] == "/admin/"
    newsroom["others"].refresh_from_db()
    assert newsroom["others"].title != "Mine now"


def test_writer_sees_no_publish_button_and_a_forged_publish_is_refused(writer_client, newsroom):
    article = newsroom["own"]
    page = writer_client.get(change_url(article)).content.decode()
    assert 'value="submit"' in page
    assert 'value="publish"' not in page and 'value="schedule"' not in page

    response = writer_client.post(change_url(article), change_data(article, workflow="publish"))
    assert response.status_code == 200
    assert "You may not make this move on this article." in response.content.decode()
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT and article.published_at is None


def test_writer_may_not_edit_own_article_once_published(writer_client, newsroom):
    live = newsroom["live"]
    response = writer_client.post(change_url(live), change_data(live, title="Quiet rewrite"))
    assert response.status_code == 403
    live.refresh_from_db()
    assert live.title == "Own live story"
