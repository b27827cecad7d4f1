import pytest

from tests.factories import ArticleFactory

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
