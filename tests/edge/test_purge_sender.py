"""The worker's purge sender sends a purge the moment its change commits (woken by PostgreSQL,
not by polling), a scheduled change's purge at its time, and a failed one again later."""

import datetime
import threading
import time

import pytest
from django.utils import timezone

from edge import sender
from edge.models import Purge
from edge.services import edge_purge
from freshness.models import DeferredBump
from tests.edge.recorder import Recorder
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def fastly(settings):
    recorder = Recorder()
    settings.EDGE_BACKEND = "fastly"
    settings.EDGE_FASTLY_API_URL = recorder.url
    settings.EDGE_FASTLY_SERVICE_ID = "SU1Z0isxPaozGVKXdv0eY"
    settings.EDGE_FASTLY_API_TOKEN = "fastly-test-token"
    yield recorder
    recorder.close()


def _keys_received(api, within: float) -> list[str]:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline and not api.requests:
        time.sleep(0.01)
    return [request["headers"]["Surrogate-Key"] for request in api.requests]


@pytest.mark.postgres
def test_a_committed_purge_is_sent_at_once_not_at_the_next_look(fastly, monkeypatch):
    monkeypatch.setattr(sender, "POLL_SECONDS", 30.0)
    story = ArticleFactory(live=True)
    Purge.objects.all().delete()
    with _running_sender():
        committed = time.monotonic()
        story.title = "Harbour reopens on Monday"
        story.save()

        assert _keys_received(fastly, within=1) == [f"article:{story.pk} edition:en"]
        assert time.monotonic() - committed < 1
    assert Purge.objects.get(repeat=False, tags=[f"article:{story.pk}", "edition:en"]).sent_at


def test_a_scheduled_publish_purges_the_pages_it_joins_at_its_time(fastly):
    at = timezone.now() + datetime.timedelta(seconds=2)
    story = ArticleFactory(live=True, language="si", published_at=at)

    scheduled = Purge.objects.get(due_at=at)
    assert set(scheduled.tags) >= {
        f"article:{story.pk}",
        "latest:si",
        f"section:{story.category_id}",
    }
    assert not Purge.objects.due().filter(pk=scheduled.pk).exists()

    with _running_sender():
        time.sleep(max(0.0, (at - timezone.now()).total_seconds()))
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline and Purge.objects.get(pk=scheduled.pk).sent_at is None:
            time.sleep(0.05)
    sent_at = Purge.objects.get(pk=scheduled.pk).sent_at
    assert sent_at is not None and at <= sent_at < at + datetime.timedelta(seconds=1.5)


def test_a_purge_the_edge_refused_waits_for_its_next_try_then_goes(fastly, settings):
    settings.EDGE_PURGE_RETRY_SECONDS = 1
    fastly.statuses = [503]
    purge = edge_purge(tags={"edition:en"})

    with _running_sender():
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and Purge.objects.get(pk=purge.pk).sent_at is None:
            time.sleep(0.05)
    purge.refresh_from_db()
    assert purge.sent_at is not None and purge.attempts == 2 and purge.last_error == ""
    assert len(fastly.requests) == 2


def test_the_origin_copies_a_failed_bump_left_valid_end_before_the_purge_goes(fastly):
    # The edit's bump did not reach the cache (a timeout): recorded with its purge.
    DeferredBump.objects.create()
    purge = edge_purge(tags={"article:42", "edition:en"})

    with _running_sender():
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and Purge.objects.get(pk=purge.pk).sent_at is None:
            time.sleep(0.05)
    assert Purge.objects.get(pk=purge.pk).sent_at is not None
    assert not DeferredBump.objects.exists()


class _running_sender:
    """The sender as `run_worker` runs it, in a thread of this process."""

    def __enter__(self):
        self.stop = threading.Event()
        self.thread = threading.Thread(
            target=sender.run_sender, kwargs={"stop": self.stop}, daemon=True
        )
        self.thread.start()
        time.sleep(0.3)  # listening before the change

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=10)
