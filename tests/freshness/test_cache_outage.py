"""With the cache server down the site works on, uncached, and nothing stale outlives the outage.

Each test starts a redis-server of its own on a free port, then stops it (saving its data, as a
restart or a network partition leaves it) or pauses it (a hung server), and brings it back.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from advertising.models import Enquiry
from articles.models import Article
from freshness import cache as freshness_cache
from freshness import generation
from freshness.models import DeferredBump
from tests.advertising.helpers import enquiry_data
from tests.articles.admin_forms import change_data, change_url
from tests.factories import ArticleFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = shutil.which("redis-server")
TIMEOUT = 0.2  # as settings.py sets for a Redis CACHE_URL

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not REDIS_SERVER and os.environ.get("REQUIRE_SERVICES") != "1",
        reason="needs redis-server (apt-get install redis-server)",
    ),
]


class RedisServer:
    def __init__(self, directory: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.directory = directory
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.directory), "--logfile", "redis.log"],
        )  # fmt: skip
        for _ in range(100):
            if self._cli("ping").stdout.strip() == "PONG":
                return
            time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    def stop(self):
        """Shut down, keeping the data on disk for the next start (SHUTDOWN SAVE)."""
        self._cli("shutdown", "save")
        self.process.wait(timeout=10)

    def pause(self):
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def close(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait(timeout=10)

    def _cli(self, *command):
        return subprocess.run(
            ["redis-cli", "-p", str(self.port), *command], capture_output=True, text=True
        )


@pytest.fixture
def redis_server(settings, tmp_path, monkeypatch):
    server = RedisServer(tmp_path)
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "freshness.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{server.port}/0",
            "KEY_FUNCTION": "freshness.cache.make_key",
            "OPTIONS": {"socket_connect_timeout": TIMEOUT, "socket_timeout": TIMEOUT},
        }
    }
    # A process starts knowing of no outage; restored afterwards, whatever the test did.
    monkeypatch.setattr(generation, "_cache_was_unreachable", False)
    yield server
    server.close()


@pytest.fixture
def story():
    return ArticleFactory(live=True, title="Harbour reopens after the storm")


def _cached(client, url):
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_with_the_cache_stopped_readers_editors_and_advertisers_are_served(
    client, editor_client, redis_server, story
):
    url = story.get_absolute_url()
    _cached(client, url)
    redis_server.stop()

    response = client.get(url)
    assert response.status_code == 200 and "Harbour reopens" in response.text
    assert "X-Page-Cache" not in response  # rendered
    assert client.get("/").status_code == 200

    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json() == {"status": "unavailable", "database": "up", "cache": "down"}

    saved = editor_client.post(
        change_url(story), change_data(story, title="Harbour reopens to container ships")
    )
    assert saved.status_code == 302
    assert Article.objects.get().title == "Harbour reopens to container ships"
    assert "to container ships" in client.get(url).text

    UserFactory(username="desk")
    desk = type(client)()
    login = desk.post(
        "/admin/login/?next=/admin/",
        {
            "login_view-current_step": "auth",
            "auth-username": "desk",
            "auth-password": "correct horse battery staple",
        },
    )
    assert login.status_code == 302 and login["Location"] == "/admin/"
    assert desk.get("/admin/").status_code == 200

    sent = client.post("/advertise/", enquiry_data(), REMOTE_ADDR="203.0.113.9")
    assert sent.status_code == 302 and sent["Location"] == "/advertise/thanks/"
    assert Enquiry.objects.filter(email="nimal@ceylontea.example").exists()


def test_an_edit_made_while_the_cache_was_stopped_ends_its_cached_pages_when_it_returns(
    client, redis_server, story
):
    url = story.get_absolute_url()
    _cached(client, url)
    _cached(client, "/")
    redis_server.stop()
    story.title = "Harbour reopens to container ships"
    story.save()
    assert DeferredBump.objects.count() >= 1  # recorded with the edit

    redis_server.start()  # with the pages stored before the edit
    time.sleep(freshness_cache.RETRY_SECONDS)  # this process tries the server again
    response = client.get(url)
    assert "X-Page-Cache" not in response and "to container ships" in response.text
    assert "to container ships" in client.get("/").text
    assert client.get(url)["X-Page-Cache"] == "hit"  # and the cache works again
    assert not DeferredBump.objects.exists()


def test_an_edit_deferred_by_a_process_that_has_gone_is_made_by_the_next_health_probe(
    client, redis_server, story, monkeypatch
):
    url = story.get_absolute_url()
    _cached(client, url)
    redis_server.stop()
    story.title = "Harbour reopens to container ships"
    story.save()
    monkeypatch.setattr(generation, "_cache_was_unreachable", False)  # as a fresh process

    redis_server.start()
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json()["cache"] == "up"
    assert not DeferredBump.objects.exists()
    assert "to container ships" in client.get(url).text


def test_a_hung_cache_server_costs_a_request_a_fraction_of_a_second(client, redis_server, story):
    url = story.get_absolute_url()
    _cached(client, url)
    redis_server.pause()

    started = time.monotonic()
    for _ in range(5):
        response = client.get(url)
        assert response.status_code == 200 and "Harbour reopens" in response.text
    # One timeout, then the server is skipped for a while (each call waiting would be ~6 s).
    assert time.monotonic() - started < 2.5
    assert client.get("/healthz").status_code == 503

    redis_server.resume()
    assert client.get("/healthz").status_code == 200
    assert client.get(url).status_code == 200


def test_a_redis_cache_url_gets_the_fail_soft_backend_and_short_socket_timeouts():
    probe = (
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.CACHES['default']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "SECRET_KEY": "cache-outage-test-key-" + "q" * 40,
            "CACHE_URL": "redis://127.0.0.1:6379/9",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    configured = json.loads(result.stdout)
    assert configured["BACKEND"] == "freshness.cache.RedisCache"
    assert configured["KEY_FUNCTION"] == "freshness.cache.make_key"
    assert configured["OPTIONS"]["socket_connect_timeout"] == TIMEOUT
    assert configured["OPTIONS"]["socket_timeout"] == TIMEOUT
