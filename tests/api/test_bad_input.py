"""Bad input to the API: a 400 naming the parameter, in one JSON shape, never a 500."""

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def story(db):
    return ArticleFactory(live=True, title="Harbour reopens")


def _error(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "parameters"}
    assert body["error"]["status"] == status
    return body["error"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("edition=fr", "edition"),
        ("section=no-such-section", "section"),
        ("author=nobody", "author"),
        ("since=yesterday", "since"),
        ("until=2026-13-45T99:00", "until"),
        ("breaking=maybe", "breaking"),
        ("featured=1", "featured"),
        ("page=abc", "page"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=99999999999999999999999", "page"),
        ("page_size=1000", "page_size"),
        ("page_size=0", "page_size"),
        ("q=" + "x" * 201, "q"),
        ("q=harbour%00", "q"),
        ("section=sp%00rt", "section"),
        ("until=", "until"),
        ("breaking=", "breaking"),
    ],
)
def test_a_bad_parameter_is_refused_with_a_400_naming_it(client, query, parameter):
    error = _error(client.get(f"/api/v1/articles/?{query}"), 400)
    assert error["code"] == "invalid"
    assert list(error["parameters"]) == [parameter]
    assert error["parameters"][parameter][0]


def test_a_page_past_the_end_is_a_404(client):
    error = _error(client.get("/api/v1/articles/?page=2"), 404)
    assert error["code"] == "not_found"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles/0/",
        "/api/v1/articles/99999999999999999999999/",
        "/api/v1/articles/-1/",
        "/api/v1/articles/abc/",
        "/api/v1/articles/2026/99/99/harbour/",
        "/api/v1/articles/2026/01/01/har%00bour/",
        "/api/v1/authors/nobody/",
        "/api/v1/authors/no%00body/",
        "/api/v1/pages/nothing/",
        "/api/v1/editions/fr/front-page/",
        "/api/v1/editions/fr/breaking/",
        "/api/v1/no-such-endpoint/",
        "/api/v2/articles/",
    ],
)
def test_an_unknown_address_is_a_json_404(client, url):
    response = client.get(url)
    _error(response, 404)
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_only_reading_is_allowed(client, story, method):
    response = getattr(client, method)(f"/api/v1/articles/{story.pk}/", content_type="text/plain")
    error = _error(response, 405)
    assert error["code"] == "method_not_allowed"
    assert "GET" in response["Allow"] and "POST" not in response["Allow"]


def test_reading_answers_head_and_options_too(client, story):
    assert client.head("/api/v1/articles/").status_code == 200
    assert client.options("/api/v1/articles/").status_code == 200


def test_the_answer_is_json_whatever_the_client_accepts(client):
    response = client.get("/api/v1/articles/", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "Vary" not in response or "Accept" not in response["Vary"].split(", ")
