import datetime

import pytest
from django.test import Client
from django.utils import timezone

from articles import services
from articles.models import ArticleRedirect
from tests.articles.admin_forms import ADMIN, add_data, change_data, change_url
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def test_blank_slug_is_made_unique_from_the_headline(editor_client):
    ArticleFactory(slug="rain-in-colombo")
    data = add_data(title="Rain in Colombo", category=CategoryFactory(), author=AuthorFactory())
    assert editor_client.post(f"{ADMIN}add/", data).status_code == 302
    assert services.article_unique_slug(title="Rain in Colombo") == "rain-in-colombo-3"


def test_a_slug_clash_gets_a_clear_error_and_saves_nothing(editor_client):
    ArticleFactory(slug="taken")
    article = ArticleFactory(slug="mine")
    response = editor_client.post(change_url(article), change_data(article, slug="taken"))
    assert response.status_code == 200
    assert "Another article already uses this slug" in response.content.decode()
    article.refresh_from_db()
    assert article.slug == "mine"


def test_renaming_a_live_article_leaves_a_permanent_redirect_at_every_old_address(
    editor_client, editor
):
    article = ArticleFactory(live=True, slug="first-name")
    first = article.get_absolute_url()
    editor_client.post(change_url(article), change_data(article, slug="second-name"))
    article.refresh_from_db()
    second = article.get_absolute_url()
    article.slug = "third-name"
    services.article_save(article=article, user=editor, expected_version=article.version)

    for old in (first, second):
        response = Client().get(old)
        assert response.status_code == 301 and response["Location"] == article.get_absolute_url()
    assert ArticleRedirect.objects.count() == 2


def test_moving_a_live_articles_date_redirects_the_old_address(editor):
    article = ArticleFactory(live=True)
    old = article.get_absolute_url()
    article.url_date = timezone.localdate() - datetime.timedelta(days=3)
    services.article_save(article=article, user=editor, expected_version=article.version)
    response = Client().get(old)
    assert response.status_code == 301 and response["Location"] == article.get_absolute_url()


def test_renaming_a_draft_leaves_no_redirect(editor_client):
    article = ArticleFactory(slug="draft-name")
    editor_client.post(change_url(article), change_data(article, slug="better-name"))
    article.refresh_from_db()
    assert article.slug == "better-name"
    assert not ArticleRedirect.objects.exists()
