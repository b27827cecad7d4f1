import datetime

import html5lib
import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from articles.views import preview_url
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db


def _assert_private_and_noindex(response):
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(
        response.content.decode()
    )
    assert len(document.findall(".//h1")) == 1


def test_editor_previews_a_draft_as_readers_will_see_it(editor_client):
    article = ArticleFactory(title="Not out yet", body="<p>Exclusive details.</p>")
    response = editor_client.get(f"/admin/articles/article/{article.pk}/preview/")
    _assert_private_and_noindex(response)
    page = response.content.decode()
    assert "<h1>Not out yet</h1>" in page and "Exclusive details." in page
    assert "Written by" in page
    assert Client().get(article.get_absolute_url()).status_code == 404


def test_writers_preview_their_own_articles_only(writer_client, writer):
    own = ArticleFactory(authors=[AuthorFactory(user=writer)])
    others = ArticleFactory()
    assert writer_client.get(f"/admin/articles/article/{own.pk}/preview/").status_code == 200
    assert writer_client.get(f"/admin/articles/article/{others.pk}/preview/").status_code == 403


def test_signed_link_shows_the_draft_to_anyone_until_it_expires(editor_client):
    article = ArticleFactory(title="For the lawyers")
    page = editor_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "http://testserver/preview/" in page
    url = preview_url(article)

    response = Client().get(url)
    _assert_private_and_noindex(response)
    assert "For the lawyers" in response.content.decode()
    assert Client().post(url).status_code == 405  # read-only

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=73)):
        assert Client().get(url).status_code == 404


def test_tampered_preview_link_is_refused():
    article = ArticleFactory()
    url = preview_url(article)
    assert Client().get(url[:-3] + "xx/").status_code == 404


def test_an_editor_ends_every_shared_link_of_an_article(editor_client):
    article = ArticleFactory(title="Leaked too widely")
    first, second = preview_url(article), preview_url(article)
    page = editor_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "End all shared links" in page

    response = editor_client.post(f"/admin/articles/article/{article.pk}/preview/end/")

    assert response.status_code == 302
    assert Client().get(first).status_code == 404
    assert Client().get(second).status_code == 404
    article.refresh_from_db()
    assert Client().get(preview_url(article)).status_code == 200  # new links work


def test_ending_links_is_for_those_who_may_preview_and_only_by_post(writer_client, editor_client):
    article = ArticleFactory()
    url = preview_url(article)
    end = f"/admin/articles/article/{article.pk}/preview/end/"
    assert writer_client.post(end).status_code == 403
    assert editor_client.get(end).status_code == 405
    assert Client().get(url).status_code == 200


def test_a_preview_link_dies_when_the_story_goes_live_or_is_deleted():
    published, deleted = ArticleFactory(), ArticleFactory()
    links = preview_url(published), preview_url(deleted)
    published.publish()
    published.save()
    deleted.delete()
    assert [Client().get(url).status_code for url in links] == [404, 404]


def test_a_preview_link_says_when_the_story_changed_after_it_was_shared():
    article = ArticleFactory(title="First draft")
    url = preview_url(article)
    assert "changed since this link was shared" not in Client().get(url).content.decode()

    article.title, article.version = "Second draft", article.version + 1
    article.save()

    page = Client().get(url).content.decode()
    assert "Second draft" in page
    assert "changed since this link was shared" in page
