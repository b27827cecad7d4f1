import datetime

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_articles(settings):
    settings.PAGE_SIZE = 5
    return ArticleFactory.create_batch(12, live=True)


def test_pages_split_the_list_and_link_to_each_other(client, many_articles):
    first = client.get("/latest/")
    assert len(first.context["articles"]) == 5
    assert 'rel="next" href="?page=2"' in first.text
    last = client.get("/latest/?page=3")
    assert len(last.context["articles"]) == 2
    assert 'rel="prev" href="?page=2"' in last.text
    assert client.get("/latest/?page=last").context["page_obj"].number == 3


@pytest.mark.parametrize("page", ["abc", "0", "-1", "4", "99999999999999999999", "1.5"])
def test_bad_page_numbers_are_404_not_errors(client, many_articles, page):
    article = many_articles[0]
    for url in [
        "/latest/",
        article.category.get_absolute_url(),
        article.authors.get().get_absolute_url(),
    ]:
        assert client.get(url, {"page": page}).status_code == 404, (url, page)


def test_the_page_count_follows_publishing_and_the_clock(client, settings, time_machine):
    """The count behind "Page N of M" is kept between requests; it must never go stale."""
    settings.PAGE_CACHE = False  # the kept count alone, not whole cached pages
    settings.PAGE_SIZE = 2
    time_machine.move_to(timezone.now(), tick=False)
    author = AuthorFactory()
    category = ArticleFactory(live=True, authors=[author]).category
    ArticleFactory(live=True, authors=[author], category=category)
    urls = ["/latest/", category.get_absolute_url(), author.get_absolute_url()]
    for url in urls:
        assert "Page 1 of" not in client.get(url).text  # two articles: one page

    ArticleFactory(live=True, authors=[author], category=category)
    for url in urls:
        assert "Page 1 of 2" in client.get(url).text
    soon = timezone.now() + datetime.timedelta(minutes=5)
    for _ in range(2):
        ArticleFactory(live=True, authors=[author], category=category, published_at=soon)
    for url in urls:
        assert "Page 1 of 2" in client.get(url).text  # scheduled, not yet live
    time_machine.move_to(soon + datetime.timedelta(seconds=1), tick=False)
    for url in urls:
        assert "Page 1 of 3" in client.get(url).text
