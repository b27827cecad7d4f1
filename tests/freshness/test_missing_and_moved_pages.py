"""Missing pages and redirects: never stored at the origin, but a CDN or browser in front may keep
one as briefly as a page, and a scheduled article's address is not kept as a 404 past its time."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_missing_page_may_be_kept_for_a_minute(client):
    ArticleFactory(live=True)
    response = client.get("/category/no-such-section/")
    assert response.status_code == 404
    assert response["Cache-Control"] == "public, max-age=60"


def test_a_scheduled_articles_address_is_not_kept_as_missing_past_its_publish_time(
    client, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    scheduled = ArticleFactory(title="Embargoed budget story")
    scheduled.publish(at=timezone.now() + datetime.timedelta(seconds=20))
    scheduled.save()
    response = client.get(scheduled.get_absolute_url())
    assert response.status_code == 404
    assert response["Cache-Control"] == "public, max-age=20"
    time_machine.shift(datetime.timedelta(seconds=20))
    assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_a_moved_articles_old_address_redirects_for_as_long_as_a_page_is_kept(client):
    article = ArticleFactory(live=True, slug="harbour-reopens")
    response = client.get("/2001/01/01/harbour-reopens/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()
    assert response["Cache-Control"] == "public, max-age=60"


def test_an_address_without_its_slash_redirects_for_as_long_as_a_page_is_kept(client):
    response = client.get("/latest")
    assert response.status_code == 301 and response["Location"] == "/latest/"
    assert response["Cache-Control"] == "public, max-age=60"


def test_missing_pages_and_redirects_for_staff_stay_private(client):
    client.force_login(UserFactory())
    assert client.get("/category/no-such-section/")["Cache-Control"] == "private"
    assert client.get("/latest")["Cache-Control"] == "private"
