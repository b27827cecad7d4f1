import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory

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


def test_live_means_published_with_its_time_come():
    live = ArticleFactory(live=True)
    for state in HIDDEN.values():
        ArticleFactory(**state)
    assert list(Article.objects.live()) == [live]


@pytest.mark.parametrize("state", HIDDEN.values(), ids=HIDDEN.keys())
def test_hidden_article_is_404_and_absent_from_every_list(client, state):
    article = ArticleFactory(title="Hidden story", **state)
    article.url_date = timezone.localdate()
    article.save()
    author = article.authors.get()

    assert client.get(article.get_absolute_url()).status_code == 404
    for url in ["/", "/latest/", article.category.get_absolute_url(), author.get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == 200
        assert "Hidden story" not in response.text, url


def test_scheduled_article_goes_live_when_its_time_comes(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    article = ArticleFactory(title="Embargoed budget story")
    article.publish(at=timezone.now() + datetime.timedelta(minutes=30))
    article.save()

    assert client.get(article.get_absolute_url()).status_code == 404
    time_machine.shift(datetime.timedelta(minutes=30))
    assert client.get(article.get_absolute_url()).status_code == 200
    assert "Embargoed budget story" in client.get("/latest/").text


def test_first_publication_fixes_the_address_date(settings):
    article = ArticleFactory()
    moment = datetime.datetime(2022, 1, 10, 20, 30, tzinfo=datetime.UTC)  # 11 Jan in Colombo
    article.publish(at=moment)
    article.save()
    assert article.get_absolute_url() == f"/2022/01/11/{article.slug}/"

    settings.TIME_ZONE = "UTC"
    article.unpublish()
    article.publish()
    article.save()
    assert article.published_at == moment
    assert article.get_absolute_url() == f"/2022/01/11/{article.slug}/"


def test_unpublishing_a_draft_is_refused():
    from articles.models import InvalidTransition

    article = ArticleFactory()
    with pytest.raises(InvalidTransition):
        article.unpublish()
    assert article.status == Article.Status.DRAFT
