"""The API's live blogs: the list (open first, per edition), one live blog, its updates (newest
first, flagged, with `since`), 404 for anything not a live live blog, and caching that a new
update ends for that live blog alone."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import liveblog
from articles.models import Coverage
from tests.factories import ArticleFactory, AuthorFactory, LiveEntryFactory, UserFactory

pytestmark = pytest.mark.django_db

COLOMBO = datetime.timezone(datetime.timedelta(hours=5, minutes=30))
START = datetime.datetime(2026, 12, 3, 20, 0, tzinfo=COLOMBO)


@pytest.fixture(autouse=True)
def _evening(time_machine):
    time_machine.move_to(START + datetime.timedelta(hours=3))


def _blog(title="Election night live", coverage=Coverage.OPEN, **fields):
    fields.setdefault("published_at", START)
    return ArticleFactory(
        live=True,
        title=title,
        coverage=coverage,
        coverage_started_at=START,
        coverage_ended_at=START + datetime.timedelta(hours=2)
        if coverage == Coverage.CLOSED
        else None,
        **fields,
    )


def _post(article, minutes, text, **fields):
    return LiveEntryFactory(
        article=article,
        body=f"<p>{text}</p>",
        posted_at=START + datetime.timedelta(minutes=minutes),
        **fields,
    )


def _get(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


def test_the_list_shows_open_live_blogs_first_then_ended_ones_newest_first(client):
    ended = _blog("Budget day live", Coverage.CLOSED, published_at=START)
    _blog("Cyclone live", Coverage.CLOSED, published_at=START - datetime.timedelta(days=1))
    older_open = _blog("Rain live", published_at=START - datetime.timedelta(days=2))
    ArticleFactory(live=True, title="An ordinary story")
    tamil = _blog("தேர்தல் இரவு", language="ta", slug="therthal")
    body = client.get("/api/v1/live-blogs/").json()
    assert [item["headline"] for item in body["results"]] == [
        "தேர்தல் இரவு",
        "Rain live",
        "Budget day live",
        "Cyclone live",
    ]
    assert body["count"] == 4
    first = next(item for item in body["results"] if item["id"] == older_open.pk)
    assert first["coverage"] == {
        "state": "open",
        "started_at": "2026-12-03T20:00:00+05:30",
        "ended_at": None,
    }
    assert first["entries"] == f"http://testserver/api/v1/live-blogs/{older_open.pk}/entries/"
    budget = next(item for item in body["results"] if item["id"] == ended.pk)
    assert budget["coverage"]["state"] == "closed"
    assert budget["coverage"]["ended_at"] == "2026-12-03T22:00:00+05:30"
    tamil_only = client.get("/api/v1/live-blogs/?edition=ta").json()["results"]
    assert [item["id"] for item in tamil_only] == [tamil.pk]


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": "draft"},
        {"published_at": START + datetime.timedelta(days=1)},
        {"embargo_until": START + datetime.timedelta(days=1)},
        {"expires_at": START + datetime.timedelta(hours=1)},
        {"coverage": Coverage.NONE},
    ],
    ids=["draft", "scheduled", "embargoed", "expired", "not a live blog"],
)
def test_anything_but_a_live_live_blog_is_absent_and_answers_404_like_an_unknown_id(client, hidden):
    blog = _blog()
    type(blog).objects.filter(pk=blog.pk).update(**hidden)
    _post(blog, 5, "Counting starts.")
    assert client.get("/api/v1/live-blogs/").json()["results"] == []
    unknown = client.get("/api/v1/live-blogs/999999/").json()
    for url in (f"/api/v1/live-blogs/{blog.pk}/", f"/api/v1/live-blogs/{blog.pk}/entries/"):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json() == unknown


def test_updates_come_newest_first_with_flags_bylines_times_and_addresses(client):
    blog = _blog()
    reporter = AuthorFactory(name="Nimal Perera", slug="nimal")
    first = _post(blog, 5, "Counting starts in Colombo.", pinned=True)
    first.authors.add(reporter)
    key = _post(blog, 30, "Turnout is 71%.", key_event=True, title="Turnout")
    body = client.get(f"/api/v1/live-blogs/{blog.pk}/entries/").json()
    assert body["coverage"]["state"] == "open"
    assert body["count"] == 2
    assert [item["id"] for item in body["results"]] == [key.pk, first.pk]
    newest, oldest = body["results"]
    assert newest["key_event"] is True and newest["title"] == "Turnout"
    assert newest["pinned"] is False
    assert oldest["pinned"] is True and oldest["key_event"] is False
    assert oldest["body_html"] == "<p>Counting starts in Colombo.</p>"
    assert oldest["bylines"] == [
        {
            "name": "Nimal Perera",
            "slug": "nimal",
            "url": "http://testserver/api/v1/authors/nimal/",
            "photo": None,
        }
    ]
    assert oldest["posted_at"] == "2026-12-03T20:05:00+05:30"
    assert oldest["updated_at"] is None
    assert oldest["anchor"] == f"update-{first.pk}"
    # The update's own address leads to the live blog's page at its anchor.
    assert oldest["url"].startswith("http://testserver/")
    redirect = client.get(oldest["url"].removeprefix("http://testserver"))
    assert redirect.status_code == 302
    assert redirect["Location"].endswith(f"#update-{first.pk}")


def test_an_update_body_is_served_sanitised(client):
    blog = _blog()
    _post(blog, 5, 'Results<script>alert(1)</script><a href="javascript:x()">here</a>')
    html = client.get(f"/api/v1/live-blogs/{blog.pk}/entries/").json()["results"][0]["body_html"]
    assert "<script" not in html and "javascript:" not in html
    assert "Results" in html


def test_since_gives_the_updates_posted_or_edited_after_it(client):
    blog = _blog()
    editor = UserFactory(is_superuser=True, is_staff=True)
    old = _post(blog, 5, "Counting starts.")
    _post(blog, 10, "Still counting.")
    new = _post(blog, 40, "First result.")
    liveblog.live_entry_edit(entry=old, user=editor, body="Counting starts in Colombo.")
    since = (START + datetime.timedelta(minutes=20)).isoformat()
    response = client.get(f"/api/v1/live-blogs/{blog.pk}/entries/", {"since": since})
    assert response.status_code == 200
    found = response.json()["results"]
    assert [item["id"] for item in found] == [new.pk, old.pk]
    assert found[1]["updated_at"] == timezone.localtime(
        type(old).objects.get(pk=old.pk).edited_at
    ).isoformat(timespec="seconds")


@pytest.mark.parametrize("since", ["yesterday", "2026-13-45T99:00", "1733000000000", ""])
def test_a_malformed_since_is_a_400_naming_it_in_the_api_error_shape(client, since):
    blog = _blog()
    response = client.get(f"/api/v1/live-blogs/{blog.pk}/entries/", {"since": since})
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["status"] == 400 and error["code"] == "invalid"
    assert list(error["parameters"]) == ["since"]


def test_an_unknown_edition_in_the_list_is_a_400_naming_it(client):
    response = client.get("/api/v1/live-blogs/", {"edition": "fr"})
    assert response.status_code == 400
    assert list(response.json()["error"]["parameters"]) == ["edition"]


def test_updates_are_paginated(client):
    blog = _blog()
    for minute in range(5):
        _post(blog, minute, f"Update {minute}.")
    body = client.get(f"/api/v1/live-blogs/{blog.pk}/entries/?page_size=2&page=2").json()
    assert body["count"] == 5
    assert [item["body_html"] for item in body["results"]] == [
        "<p>Update 2.</p>",
        "<p>Update 1.</p>",
    ]
    assert "page=3" in body["next"] and "page=" not in body["previous"].replace("page_size", "")


def test_a_new_update_ends_that_live_blogs_answers_and_no_other(client):
    editor = UserFactory(is_superuser=True, is_staff=True)
    blog, other = _blog(), _blog("Budget day live", slug="budget")
    _post(blog, 5, "Counting starts.")
    urls = {
        "entries": f"/api/v1/live-blogs/{blog.pk}/entries/",
        "entries since": f"/api/v1/live-blogs/{blog.pk}/entries/?since=2026-12-03T20:00:00%2B05:30",
        "other's entries": f"/api/v1/live-blogs/{other.pk}/entries/",
        "detail": f"/api/v1/live-blogs/{blog.pk}/",
        "list": "/api/v1/live-blogs/",
        "article": f"/api/v1/articles/{blog.pk}/",
    }
    etags = {}
    for name, url in urls.items():
        first = client.get(url)
        assert first.status_code == 200
        again, queries = _get(client, url)
        assert again["X-Page-Cache"] == "hit" and queries == 0, name
        etags[name] = first["ETag"]
    liveblog.live_entry_post(article=blog, user=editor, body="First result: Colombo.")
    ended = {name for name, url in urls.items() if "X-Page-Cache" not in client.get(url)}
    assert ended == {"entries", "entries since"}
    polled = client.get(urls["entries since"], headers={"if-none-match": etags["entries since"]})
    assert polled.status_code == 200
    assert polled.json()["results"][0]["body_html"] == "<p>First result: Colombo.</p>"
    not_changed, queries = _get(client, urls["entries since"], if_none_match=polled["ETag"])
    assert not_changed.status_code == 304 and queries == 0


def test_closing_coverage_shows_in_the_polled_answer(client):
    editor = UserFactory(is_superuser=True, is_staff=True)
    blog = _blog()
    url = f"/api/v1/live-blogs/{blog.pk}/entries/"
    assert client.get(url).json()["coverage"]["state"] == "open"
    liveblog.live_coverage_close(article=blog, user=editor)
    coverage = client.get(url).json()["coverage"]
    assert coverage["state"] == "closed" and coverage["ended_at"] is not None
