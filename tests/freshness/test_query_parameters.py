"""Only the query parameters a page reads are part of its cache key: tracking and made-up ones
are answered with the page's own entry, so they neither render anew nor fill the cache."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


@pytest.fixture
def stories(settings):
    settings.PAGE_SIZE = 2
    return [ArticleFactory(live=True, title=f"Harbour story {n}") for n in range(3)]


def test_tracking_parameters_are_answered_from_the_pages_entry(client, stories):
    client.get("/")
    for query in ["utm_source=newsletter&utm_medium=email", "fbclid=IwAR0x", "gclid=Cj0K"]:
        response, queries = _get(client, f"/?{query}")
        assert response["X-Page-Cache"] == "hit", query
        assert queries == 0


def test_a_made_up_parameter_stores_nothing_new(client, stories):
    first, _ = _get(client, "/latest/?x=1")  # rendered, and stored as /latest/ itself
    assert "Harbour story 2" in first.text
    for url in ["/latest/", "/latest/?x=2", "/latest/?cachebuster=93822"]:
        response, queries = _get(client, url)
        assert response["X-Page-Cache"] == "hit" and queries == 0, url


def test_the_page_number_is_part_of_the_key_and_tracking_beside_it_is_not(client, stories):
    first = client.get("/latest/?page=2&utm_campaign=spring")
    assert "Harbour story 0" in first.text and "Harbour story 2" not in first.text
    response, queries = _get(client, "/latest/?utm_source=x&page=2")
    assert response["X-Page-Cache"] == "hit" and queries == 0
    assert "Harbour story 0" in response.text
    assert "Harbour story 2" in client.get("/latest/").text


def test_a_view_never_sees_a_parameter_it_does_not_read(client, stories):
    response = client.get("/latest/?utm_source=newsletter")
    assert response.wsgi_request.GET.dict() == {}
    assert response.wsgi_request.get_full_path() == "/latest/"


def test_search_keeps_the_parameters_it_reads(client, stories):
    response = client.get("/search/?q=harbour&utm_source=x&page=2")
    assert response.wsgi_request.GET.dict() == {"q": "harbour", "page": "2"}
    assert len(response.context["articles"]) == 1
