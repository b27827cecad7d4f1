"""Every API endpoint costs a fixed number of queries, whatever the page size or the number of
articles (rendered: the page cache is off here; a hit costs none, tests/api/test_caching.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Correction, Coverage
from pages.models import Page
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, LiveEntryFactory
from tests.images.uploads import jpeg

pytestmark = pytest.mark.django_db


def _fill(count):
    categories = [CategoryFactory(slug=f"cat-{i}") for i in range(3)]
    people = [AuthorFactory(slug=f"person-{i}") for i in range(3)]
    people[0].photo = jpeg(240, 240)  # bylines with a photo cost no more queries
    people[0].save()
    articles = [
        ArticleFactory(
            live=True,
            with_image=i == 0,
            category=categories[i % 3],
            authors=people[: 1 + i % 3],
            featured=i == 0,
            breaking=i % 4 == 0,
        )
        for i in range(count)
    ]
    # A Tamil translation of every third story, the newest English one among them, so that
    # every list below shows one (its translations cost a query; a page with none skips it).
    for i in range(1, count, 3):
        articles.append(
            ArticleFactory(
                live=True,
                language="ta",
                slug=f"ta-{i}",
                translation_group=articles[i].translation_group,
            )
        )
    for article in articles:
        Correction.objects.create(article=article, text="A fix.")
    Page.objects.create(title="About", slug="about", body="Who we are.")
    for language in ("en", "ta"):
        blog = ArticleFactory(
            live=True, language=language, slug=f"live-{language}", coverage=Coverage.OPEN
        )
        for i in range(count):
            entry = LiveEntryFactory(article=blog, key_event=i % 4 == 0, title="Key", pinned=i == 3)
            entry.authors.set(people[: 1 + i % 3])
    return articles


# (address, queries the first time, queries once the list's length is kept). Articles: the
# rows with their sections, the bylines, the corrections (one query for the page; none when no
# article on it has any), the live translations. A list's length is kept under the content
# generation (api.pagination): counted once per change, with the next scheduled change.
ENDPOINTS = {
    "articles": ("/api/v1/articles/?page_size={size}", 6, 4),
    "articles of an edition": ("/api/v1/articles/?edition=en&page_size={size}", 6, 4),
    # The section's and the author's slugs are looked up (one query each).
    "articles of a section": ("/api/v1/articles/?section=cat-1&page_size={size}", 7, 5),
    "articles of an author": ("/api/v1/articles/?author=person-0&page_size={size}", 7, 5),
    "breaking articles": ("/api/v1/articles/?breaking=true&page_size={size}", 6, 4),
    # Narrowed by time or search: never counted, so the same both times.
    "articles since": ("/api/v1/articles/?since=2020-01-01T00:00Z&page_size={size}", 4, 4),
    "search": ("/api/v1/articles/?q=story&page_size={size}", 4, 4),
    # The article with its section and whether it has corrections or translations, its
    # bylines, its corrections; its translations only when it has some.
    "article": ("/api/v1/articles/{pk}/", 3, 3),
    "article by address": ("/api/v1/articles/{address}", 3, 3),
    "translated article": ("/api/v1/articles/{translated}/", 4, 4),
    # The front page's four queries (articles.front_page), then its articles as above.
    "front page": ("/api/v1/editions/en/front-page/", 8, 8),
    "breaking item": ("/api/v1/editions/en/breaking/", 4, 4),
    "sections": ("/api/v1/sections/?page_size={size}", 3, 1),
    "authors": ("/api/v1/authors/?page_size={size}", 3, 1),
    "author": ("/api/v1/authors/person-1/", 1, 1),
    "pages": ("/api/v1/pages/?page_size={size}", 3, 1),
    "page": ("/api/v1/pages/about/", 1, 1),
    "editions": ("/api/v1/editions/", 0, 0),
    # Live blogs: the rows, and their length with the next scheduled change (then kept, as
    # the articles' is).
    "live blogs": ("/api/v1/live-blogs/?page_size={size}", 3, 1),
    "live blogs of an edition": ("/api/v1/live-blogs/?edition=ta&page_size={size}", 3, 1),
    "live blog": ("/api/v1/live-blogs/{blog}/", 1, 1),
    # The live blog, the updates' count, the updates, their bylines.
    "live blog updates": ("/api/v1/live-blogs/{blog}/entries/?page_size={size}", 4, 4),
    "live blog updates since": (
        "/api/v1/live-blogs/{blog}/entries/?since=2020-01-01T00:00Z&page_size={size}",
        4,
        4,
    ),
}


@pytest.mark.parametrize("size", [3, 15])
@pytest.mark.parametrize("endpoint", ENDPOINTS.keys())
def test_every_endpoint_runs_a_fixed_number_of_queries(client, settings, size, endpoint):
    settings.PAGE_CACHE = False
    articles = _fill(20)
    address = articles[5].get_absolute_url().lstrip("/")
    template, first, kept = ENDPOINTS[endpoint]
    blog = Article.objects.get(slug="live-en").pk
    url = template.format(
        size=size, pk=articles[5].pk, translated=articles[4].pk, address=address, blog=blog
    )
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.content)
        counts.append(len(queries))
    assert counts == [first, kept], [q["sql"][:120] for q in queries.captured_queries]


@pytest.mark.parametrize("size", [2, 8])
def test_a_page_of_authors_with_photos_costs_the_same_queries_however_long(client, settings, size):
    """Photos' renditions are read from the author's row: none is looked up per author."""
    settings.PAGE_CACHE = False
    for i in range(8):
        AuthorFactory(slug=f"person-{i}", photo=jpeg(240, 240, name=f"person-{i}.jpg"))
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/api/v1/authors/?page_size={size}")
        counts.append(len(queries))
    photos = [item["photo"] for item in response.json()["results"]]
    assert len(photos) == size and all(len(photo["srcset"]) == 2 for photo in photos)
    assert counts == [3, 1]
