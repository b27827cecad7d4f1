"""A scheduled change that falls due while a page renders or a value is computed: what was read
before it must not be kept past it. The clock moves deterministically, mid-render or mid-compute.
"""

import contextlib
import datetime

import pytest
from django.test.signals import template_rendered
from django.utils import timezone

from articles.models import Article
from freshness.generation import generation_cached
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

DUE_IN = datetime.timedelta(seconds=30)


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    return time_machine


@contextlib.contextmanager
def clock_moves_while_rendering(clock, by):
    """The page's data is read before its template renders; the clock moves during the render."""
    moved = []

    def move(**kwargs):
        if not moved:
            moved.append(True)
            clock.shift(by)

    template_rendered.connect(move)
    try:
        yield
    finally:
        template_rendered.disconnect(move)
    assert moved, "no template was rendered"


def _render_across(client, clock, url):
    """GET `url`, starting a second before the change falls due and ending a second after."""
    clock.shift(DUE_IN - datetime.timedelta(seconds=1))
    with clock_moves_while_rendering(clock, datetime.timedelta(seconds=2)):
        return client.get(url)


def test_a_story_going_live_during_a_render_is_on_the_next_request(client, clock):
    ArticleFactory(live=True, title="Yesterday's news")
    scheduled = ArticleFactory(title="Embargoed budget story")
    scheduled.publish(at=timezone.now() + DUE_IN)
    scheduled.save()

    raced = _render_across(client, clock, "/latest/")
    assert "Embargoed budget story" not in raced.text  # read before its time
    assert "Embargoed budget story" in client.get("/latest/").text


def test_a_featuring_that_ends_during_a_render_is_gone_on_the_next_request(client, clock):
    ArticleFactory(live=True, title="The regular lead")
    ArticleFactory(
        live=True,
        title="The featured story",
        featured=True,
        featured_until=timezone.now() + DUE_IN,
        published_at=timezone.now() - datetime.timedelta(days=1),
    )

    raced = _render_across(client, clock, "/")
    assert "The featured story" in raced.text.split("Latest News")[0]
    assert "The regular lead" in client.get("/").text.split("Latest News")[0]


def test_a_breaking_flag_that_ends_during_a_render_is_gone_on_the_next_request(client, clock):
    ArticleFactory(
        live=True, title="Cyclone warning", breaking=True, breaking_until=timezone.now() + DUE_IN
    )

    raced = _render_across(client, clock, "/latest/")
    assert 'aria-label="Breaking news"' in raced.text
    assert 'aria-label="Breaking news"' not in client.get("/latest/").text


def test_a_value_computed_across_a_publish_time_is_not_kept_past_it(clock):
    ArticleFactory(live=True, title="Yesterday's news")
    scheduled = ArticleFactory(title="Embargoed budget story")
    scheduled.publish(at=timezone.now() + DUE_IN)
    scheduled.save()
    clock.shift(DUE_IN - datetime.timedelta(seconds=1))

    def titles_read_then_clock_moves():
        titles = set(Article.objects.live().values_list("title", flat=True))
        clock.shift(datetime.timedelta(seconds=2))
        return titles

    assert "Embargoed budget story" not in generation_cached("titles", titles_read_then_clock_moves)
    fresh = generation_cached(
        "titles", lambda: set(Article.objects.live().values_list("title", flat=True))
    )
    assert "Embargoed budget story" in fresh
