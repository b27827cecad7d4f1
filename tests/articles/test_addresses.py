import datetime
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.test import Client
from django.utils import timezone

from articles import services
from articles.models import Article, ArticleRedirect
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


# However an article is written — a script, an import, bulk_create — its address holds.


def _scripted(**fields):
    category = CategoryFactory()
    return Article(title="Scripted story", slug="scripted-story", category=category, **fields)


def test_an_article_saved_as_published_by_a_script_answers_at_its_address():
    article = _scripted(status=Article.Status.PUBLISHED, published_at=timezone.now())
    article.save()

    response = Client().get(article.get_absolute_url())

    assert response.status_code == 200
    assert "Scripted story" in response.text


def test_a_future_article_saved_by_a_script_is_not_found_until_its_time():
    article = _scripted(
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(days=2),
    )
    article.save()

    assert article.url_date == timezone.localdate(article.published_at)
    assert Client().get(article.get_absolute_url()).status_code == 404


def test_articles_created_in_bulk_get_their_address_dates():
    moment = datetime.datetime(2022, 1, 10, 20, 30, tzinfo=datetime.UTC)  # 11 Jan in Colombo
    (article,) = Article.objects.bulk_create(
        [_scripted(status=Article.Status.PUBLISHED, published_at=moment)]
    )

    article.refresh_from_db()
    assert article.url_date == datetime.date(2022, 1, 11)
    assert Client().get("/2022/01/11/scripted-story/").status_code == 200


def test_a_slug_changed_by_a_script_leaves_a_working_old_address():
    article = _scripted(status=Article.Status.PUBLISHED, published_at=timezone.now())
    article.save()
    old = article.get_absolute_url()

    article.slug = "renamed-by-script"
    article.save()

    response = Client().get(old)
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()
    assert Client().get(article.get_absolute_url()).status_code == 200


def test_a_rescheduled_article_moves_its_address_date_until_it_goes_live():
    article = ArticleFactory()
    article.publish(at=timezone.now() + datetime.timedelta(days=2))
    article.save()
    article.published_at += datetime.timedelta(days=3)
    article.save()

    assert article.url_date == timezone.localdate(article.published_at)
    assert not ArticleRedirect.objects.exists()


def test_the_data_migration_mends_articles_saved_without_an_address_date():
    mend = import_module("articles.migrations.0008_mend_address_dates").mend_address_dates
    article = ArticleFactory(live=True)
    Article.objects.filter(pk=article.pk).update(url_date=None)

    mend(django_apps, None)

    article.refresh_from_db()
    assert article.url_date == timezone.localdate(article.published_at)
    assert Client().get(article.get_absolute_url()).status_code == 200
