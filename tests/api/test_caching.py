"""The API goes through the page cache as the reader pages do: hits run no query, validators
answer conditional requests, an edit ends the entries; CORS is one static header; requests that
reach a view are rate-limited per address."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/articles/",
    "/api/v1/articles/?edition=en&page_size=5",
    "/api/v1/editions/",
    "/api/v1/editions/en/front-page/",
    "/api/v1/editions/en/breaking/",
    "/api/v1/sections/",
    "/api/v1/authors/",
    "/api/v1/pages/",
    "/api/v1/live-blogs/",
    "/api/v1/schema/",
]


@pytest.fixture
def story(db):
    return ArticleFactory(live=True, title="Harbour reopens", breaking=True)


def _get(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


@pytest.mark.parametrize("url", [*ENDPOINTS, "article"])
def test_the_second_request_is_a_cache_hit_that_runs_no_query(client, story, url):
    url = f"/api/v1/articles/{story.pk}/" if url == "article" else url
    first, _ = _get(client, url)
    assert first.status_code == 200
    assert "X-Page-Cache" not in first
    second, queries = _get(client, url)
    assert second["X-Page-Cache"] == "hit"
    assert queries == 0
    assert second.content == first.content
    assert second["Cache-Control"].startswith("public, max-age=")
    assert second["Access-Control-Allow-Origin"] == "*"
    assert "Origin" not in second["Vary"] and "Accept" not in second["Vary"].split(", ")


def test_a_client_polls_with_its_etag_and_gets_304_until_an_edit(client, story):
    url = "/api/v1/articles/?since=2020-01-01T00:00:00Z"
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]

    again, queries = _get(client, url, if_none_match=etag)
    assert again.status_code == 304 and queries == 0
    assert client.get(url, headers={"if-modified-since": modified}).status_code == 304

    ArticleFactory(live=True, title="Cyclone warning")

    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert "Cyclone warning" in changed.text


def test_an_edit_ends_the_cached_list_and_detail(client, story):
    detail = f"/api/v1/articles/{story.pk}/"
    client.get(detail)
    client.get("/api/v1/articles/")

    story.title = "Harbour reopens after the storm"
    story.save()

    assert client.get(detail).json()["headline"] == "Harbour reopens after the storm"
    assert client.get("/api/v1/articles/").json()["results"][0]["headline"] == (
        "Harbour reopens after the storm"
    )


def test_an_edit_in_another_edition_ends_the_cached_api_answers(client, story):
    client.get("/api/v1/articles/")
    ArticleFactory(live=True, language="si", title="Sinhala story")
    assert "Sinhala story" in client.get("/api/v1/articles/").text


def test_unknown_parameters_are_answered_from_the_same_entry(client, story):
    client.get("/api/v1/articles/?edition=en")
    response, queries = _get(client, "/api/v1/articles/?edition=en&utm_source=app&format=api")
    assert response["X-Page-Cache"] == "hit" and queries == 0


def test_uncached_requests_are_limited_per_address_with_retry_after(client, settings, story):
    settings.API_RATE_LIMIT = 3
    for n in range(3):
        assert client.get(f"/api/v1/articles/?q=harbour&page_size={n + 1}").status_code == 200
    refused = client.get("/api/v1/articles/?q=storm")
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "throttled"
    assert 1 <= int(refused["Retry-After"]) <= settings.API_RATE_WINDOW
    assert refused["Cache-Control"] == "no-store"
    # A cached answer costs nothing and is still served.
    assert client.get("/api/v1/articles/?q=harbour&page_size=1")["X-Page-Cache"] == "hit"
    # Another address has its own count.
    assert client.get("/api/v1/articles/?q=storm", REMOTE_ADDR="10.1.2.3").status_code == 200


def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(client, settings, story):
    settings.API_RATE_LIMIT = 1
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    assert (
        client.get("/api/v1/articles/?q=a", HTTP_X_FORWARDED_FOR="1.1.1.1", **proxy).status_code
        == 200
    )
    assert (
        client.get("/api/v1/articles/?q=b", HTTP_X_FORWARDED_FOR="2.2.2.2", **proxy).status_code
        == 200
    )
    assert (
        client.get("/api/v1/articles/?q=c", HTTP_X_FORWARDED_FOR="2.2.2.2", **proxy).status_code
        == 429
    )


def test_with_the_page_cache_off_every_request_is_rendered(client, settings, story):
    settings.PAGE_CACHE = False
    client.get("/api/v1/articles/")
    response, queries = _get(client, "/api/v1/articles/")
    assert "X-Page-Cache" not in response and queries > 0
    assert response["Access-Control-Allow-Origin"] == "*"
