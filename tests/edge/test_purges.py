"""Purges reach the edge exactly as Fastly and Cloudflare document, after the change commits,
and a purge the edge does not confirm is tried again until it does."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from edge.models import Purge
from edge.services import edge_purge
from edge.tasks import send_purges
from freshness.signals import tags_of_change
from tests.advertising.helpers import run_worker
from tests.edge.recorder import Recorder
from tests.factories import ArticleFactory

# Committed data, as in production: the worker reopens database connections between tasks.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def api():
    recorder = Recorder()
    yield recorder
    recorder.close()


@pytest.fixture
def fastly(settings, api):
    settings.EDGE_BACKEND = "fastly"
    settings.EDGE_FASTLY_API_URL = api.url
    settings.EDGE_FASTLY_SERVICE_ID = "SU1Z0isxPaozGVKXdv0eY"
    settings.EDGE_FASTLY_API_TOKEN = "fastly-test-token"
    settings.EDGE_PURGE_RETRY_SECONDS = 0
    return api


@pytest.fixture
def cloudflare(settings, api):
    settings.EDGE_BACKEND = "cloudflare"
    settings.EDGE_CLOUDFLARE_API_URL = api.url + "/client/v4"
    settings.EDGE_CLOUDFLARE_ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353"
    settings.EDGE_CLOUDFLARE_API_TOKEN = "cloudflare-test-token"
    settings.EDGE_PURGE_RETRY_SECONDS = 0
    return api


def _sent(api):
    return [(r["method"], r["path"]) for r in api.requests]


def test_fastly_gets_one_batch_surrogate_key_purge_with_its_api_token(fastly):
    edge_purge(tags={"edition:en", "site", "article:42"})
    run_worker()

    assert _sent(fastly) == [("POST", "/service/SU1Z0isxPaozGVKXdv0eY/purge")]
    headers = fastly.requests[0]["headers"]
    assert headers["Fastly-Key"] == "fastly-test-token"
    assert headers["Surrogate-Key"] == "article:42 edition:en site"
    assert Purge.objects.get(repeat=False).sent_at is not None


def test_fastly_purges_an_address_and_everything_through_their_own_endpoints(fastly):
    edge_purge(urls=["https://news.example/2026/12/03/budget/?page=2"])
    run_worker()
    edge_purge(everything=True)
    run_worker()

    assert _sent(fastly) == [
        ("POST", "/purge/news.example/2026/12/03/budget/?page=2"),
        ("POST", "/service/SU1Z0isxPaozGVKXdv0eY/purge_all"),
    ]
    assert all(r["headers"]["Fastly-Key"] == "fastly-test-token" for r in fastly.requests)


def test_cloudflare_gets_tags_files_and_everything_as_purge_cache_bodies(cloudflare):
    edge_purge(tags={"edition:si", "site"}, urls=["https://news.example/si/"])
    run_worker()
    edge_purge(everything=True)
    run_worker()

    path = "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache"
    assert _sent(cloudflare) == [("POST", path)] * 3
    assert [r["json"] for r in cloudflare.requests] == [
        {"tags": ["edition:si", "site"]},
        {"files": ["https://news.example/si/"]},
        {"purge_everything": True},
    ]
    for request in cloudflare.requests:
        assert request["headers"]["Authorization"] == "Bearer cloudflare-test-token"
        assert request["headers"]["Content-Type"] == "application/json"


def test_cloudflare_gets_at_most_thirty_tags_a_request(cloudflare):
    edge_purge(tags={f"article:{n}" for n in range(45)})
    run_worker()

    assert [len(r["json"]["tags"]) for r in cloudflare.requests] == [30, 15]


def test_a_purge_answered_with_a_server_error_is_sent_again_until_confirmed(fastly):
    fastly.statuses = [503, 502]
    edge_purge(tags={"edition:en"})
    run_worker()

    assert _sent(fastly) == [("POST", "/service/SU1Z0isxPaozGVKXdv0eY/purge")] * 3
    purge = Purge.objects.get(repeat=False)
    assert purge.sent_at is not None and purge.attempts == 3 and purge.last_error == ""


def test_a_purge_the_edge_keeps_refusing_is_kept_and_shown_with_its_error(fastly, settings):
    settings.EDGE_PURGE_RETRY_SECONDS = 60
    fastly.statuses = [500]
    edge_purge(tags={"edition:en"})
    run_worker()

    purge = Purge.objects.get()
    assert purge.sent_at is None and purge.attempts == 1
    assert "500" in purge.last_error
    # The next try waits, for the sender and for the fallback job alike.
    assert purge.due_at > timezone.now() + datetime.timedelta(seconds=50)
    assert not Purge.objects.due().exists()
    retry = DBTaskResult.objects.get(task_path=send_purges.module_path, status="READY")
    assert retry.run_after == purge.due_at


def test_an_edit_purges_the_tags_of_the_pages_it_ends_once_after_commit(fastly):
    story = ArticleFactory(live=True, language="si")
    Purge.objects.all().delete()
    DBTaskResult.objects.all().delete()
    fastly.requests.clear()

    story.title = "Correction: the harbour reopens on Monday"
    story.save()

    purge = Purge.objects.get()
    # What the page cache ended (the README's table): the story's page and card, its edition's
    # untagged pages (sitemaps).
    assert purge.tags == sorted(tags_of_change(story, before=story))
    assert purge.tags == [f"article:{story.pk}", "edition:si"]
    run_worker()
    assert [r["headers"]["Surrogate-Key"] for r in fastly.requests] == [
        f"article:{story.pk} edition:si"
    ]


def test_a_change_records_its_purge_in_its_own_transaction_and_rolls_it_back_with_it(fastly):
    story = ArticleFactory(live=True)
    Purge.objects.all().delete()

    with transaction.atomic():
        story.title = "Harbour reopens on Monday"
        story.save()
        # Before the commit: a process dying right after it loses no purge.
        assert Purge.objects.get().tags == [f"article:{story.pk}", "edition:en"]
    with pytest.raises(RuntimeError), transaction.atomic():
        story.title = "Harbour stays shut"
        story.save()
        raise RuntimeError("the edit fails")

    assert Purge.objects.count() == 1


def test_a_sent_purge_is_sent_again_after_any_render_that_started_before_it(fastly):
    edge_purge(tags={"edition:en", "site"})
    run_worker()

    repeat = Purge.objects.get(repeat=True)
    assert repeat.tags == ["edition:en", "site"] and repeat.sent_at is None
    assert repeat.due_at > timezone.now() + datetime.timedelta(seconds=5)
    assert DBTaskResult.objects.filter(status="READY", run_after__gte=repeat.due_at).exists()


def test_without_an_edge_nothing_is_recorded(settings):
    settings.EDGE_BACKEND = "none"
    ArticleFactory(live=True)
    assert edge_purge(everything=True) is None
    assert not Purge.objects.exists()
