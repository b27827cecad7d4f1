"""Debian's varnishd with deploy/varnish/default.vcl in front of gunicorn, as in production:
pages kept at the edge, every change shown within two seconds through the app's purges (the
task worker sends them), another story's page and other editions' pages left cached, staff never
served from the edge, and the last good pages served while the app is down.

Everything runs as separate processes on free loopback ports, on a PostgreSQL database of their
own (created, migrated and dropped here) and the test run's Redis.
"""

import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.skipif(
        not Path(VARNISHD).exists() and os.environ.get("REQUIRE_SERVICES") != "1",
        reason="needs varnishd and vmod xkey (apt-get install varnish varnish-modules)",
    ),
]

SETUP = """
import datetime
from django.contrib.auth.models import User
from django.utils import timezone
from tests.factories import ArticleFactory
User.objects.create_superuser('chief', 'chief@example.com', 'correct horse battery')
now = timezone.now()
for slug, language, hours in [
    ('harbour', 'en', 48), ('tea-auction', 'en', 1), ('colombo-rain', 'si', 1)
]:
    ArticleFactory(live=True, slug=slug, title=slug.replace('-', ' ').title(), language=language,
                   published_at=now - datetime.timedelta(hours=hours))
# Newer stories fill every Latest News list, so the harbour story (each story has a section of
# its own) shows on the front page (its section's place) and on its own page only.
for n in range(10):
    ArticleFactory(live=True, slug=f'wire-{n}', published_at=now - datetime.timedelta(minutes=n))
ArticleFactory(slug='budget', title='Budget Passes')
# The site as it stands when the test begins: nothing left to purge from setting it up.
from django_tasks_db.models import DBTaskResult
from edge.models import Purge
Purge.objects.all().delete()
DBTaskResult.objects.all().delete()
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def edge_database():
    test_db = settings.DATABASES["default"]
    name = f"{test_db['NAME'].removeprefix('test_')}_varnish"
    server = {
        k: test_db[k.upper()] for k in ("host", "port", "user", "password") if test_db[k.upper()]
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    user = urllib.parse.quote(test_db["USER"] or "")
    password = ":" + urllib.parse.quote(test_db["PASSWORD"]) if test_db["PASSWORD"] else ""
    yield f"postgres://{user}{password}@{test_db['HOST']}:{test_db['PORT'] or 5432}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Stack:
    """gunicorn, the task worker and varnishd, started and stopped by the test."""

    def __init__(self, database, directory: Path, *, edge_seconds: int):
        self.app_port, self.edge_port = _free_port(), _free_port()
        self.env = {
            **os.environ,
            "DEBUG": "false",
            "SECRET_KEY": "varnish-test-key-" + "z" * 40,
            # Staff sign in with a password alone here (tests/accounts tests second factors).
            "REQUIRE_2FA_GROUPS": "",
            "REQUIRE_2FA_SUPERUSERS": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database,
            "DATABASE_POOL_MAX_SIZE": "2",
            "CACHE_URL": os.environ["CACHE_URL"],
            "MEDIA_ROOT": str(directory / "media"),
            "WEB_CONCURRENCY": "1",
            "LOG_LEVEL": "WARNING",
            "GUNICORN_BIND": f"127.0.0.1:{self.app_port}",
            "EDGE_BACKEND": "varnish",
            "EDGE_VARNISH_URLS": f"http://127.0.0.1:{self.edge_port}",
            "EDGE_SECONDS": str(edge_seconds),
            "EDGE_PURGE_RETRY_SECONDS": "1",
        }
        self.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        self.directory = directory
        self.processes = {}
        self.manage("migrate", "--no-input", "-v0")
        self.shell(SETUP)
        vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
        vcl = vcl.replace('.port = "8000";', f'.port = "{self.app_port}";')
        (directory / "default.vcl").write_text(vcl)

    def manage(self, *args):
        subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True, timeout=120
        )

    def shell(self, code: str) -> str:
        return subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT, env=self.env, check=True, timeout=120, capture_output=True, text=True,
        ).stdout  # fmt: skip

    def seconds_after_commit(self, change: str, *seen, limit: float = 60.0) -> list[float]:
        """Runs `change` (code that saves) in a shell and returns, for each (url, condition) in
        `seen`, how long after the commit a reader fetching the url through the edge first
        finds condition(status, text) true (`limit` seconds after the shell started at most).
        Readers fetch while the shell runs, so the time it takes to start and exit is not
        counted either way."""
        shell = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c",
             f"{change}\nimport time\nprint('committed', time.time())"],
            cwd=ROOT, env=self.env, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        started, times = time.time(), []
        for url, condition in seen:
            while time.time() - started < limit and not condition(*fetch(url)[::2]):
                time.sleep(0.05)
            times.append(time.time())
        committed = float(shell.communicate(timeout=120)[0].split("committed ")[-1])
        assert shell.returncode == 0
        return [moment - committed for moment in times]

    def start_app(self):
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        self.processes["app"] = subprocess.Popen(
            [gunicorn, "-c", "gunicorn.conf.py", "--no-control-socket", "newsroom.wsgi"],
            cwd=ROOT, env=self.env,
        )  # fmt: skip
        # What the worker's systemd unit runs, at its default interval: purges go out through
        # the purge sender it runs (edge.sender), not by the task queue's polling.
        self.processes["worker"] = subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", "--no-reload", "--no-startup-delay",
             "-v0"],
            cwd=ROOT, env=self.env,
        )  # fmt: skip
        _wait(lambda: fetch(f"http://127.0.0.1:{self.app_port}/robots.txt")[0] == 200)

    def start_edge(self):
        self.processes["edge"] = subprocess.Popen(
            [VARNISHD, "-F", "-j", "none", "-n", str(self.directory / "varnish"),
             "-a", f"127.0.0.1:{self.edge_port}", "-T", "none",
             "-f", str(self.directory / "default.vcl"), "-s", "malloc,32m"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        # Up, and its probe has found the app healthy (it starts as sick).
        _wait(lambda: fetch(self.url("/robots.txt"))[1].get("X-Cache") is not None)
        _wait(lambda: fetch(self.url("/robots.txt"))[0] == 200)

    def stop(self, name):
        process = self.processes.pop(name)
        process.terminate()
        process.wait(timeout=30)

    def close(self):
        for name in list(self.processes):
            self.stop(name)

    def url(self, path):
        return f"http://127.0.0.1:{self.edge_port}{path}"


def _wait(condition, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError("timed out waiting")


def fetch(url, opener=None):
    """(status, headers, text) of a GET."""
    try:
        with (opener or urllib.request.build_opener()).open(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read().decode()


# Seconds from an editor's save (its commit) to the change seen through Varnish, and from a
# scheduled change's time to the same: the goal (docs/edge.md).
VISIBLE_WITHIN = 2


def _seconds_until(url, condition, limit=5.0) -> float:
    """How long until a reader fetching `url` through the edge sees `condition(status, text)`."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        status, _headers, text = fetch(url)
        if condition(status, text):
            return time.monotonic() - started
        time.sleep(0.05)
    return limit


@pytest.fixture
def start_stack(edge_database, tmp_path):
    stacks = []

    def start(*, edge_seconds=3600):
        stack = Stack(edge_database, tmp_path, edge_seconds=edge_seconds)
        stacks.append(stack)
        stack.start_app()
        stack.start_edge()
        return stack

    yield start
    for stack in stacks:
        stack.close()


def _cached_at_edge(url):
    fetch(url)
    status, headers, text = fetch(url)
    assert status == 200 and headers["X-Cache"] == "HIT", str(dict(headers))
    return headers, text


def test_varnish_keeps_pages_and_shows_each_change_within_seconds(start_stack):
    stack = start_stack()
    addresses = stack.shell(
        "from articles.models import Article\n"
        "for a in Article.objects.order_by('slug'): print('at', a.slug, a.get_absolute_url())"
    )
    path = dict(line.split()[1:] for line in addresses.splitlines() if line.startswith("at "))
    front, harbour, tea, sinhala = (
        stack.url("/"),
        stack.url(path["harbour"]),
        stack.url(path["tea-auction"]),
        stack.url(path["colombo-rain"]),
    )

    for url in (front, harbour, tea, sinhala):
        headers, _text = _cached_at_edge(url)
        # The edge's own headers never reach a browser.
        assert "Surrogate-Key" not in headers and "Surrogate-Control" not in headers
        assert headers["Cache-Control"] == "public, max-age=60"
    assert "Harbour" in fetch(front)[2]
    sinhala_hits = int(fetch(sinhala)[1]["X-Cache-Hits"])
    tea_hits = int(fetch(tea)[1]["X-Cache-Hits"])

    # An edit: it purges the story's page and the front page (their tags name the story), and
    # nothing else: another story's page, which does not show it, stays at the edge.
    edited = lambda s, t: "Harbour Reopens To Ships" in t  # noqa: E731
    seconds = stack.seconds_after_commit(
        "from articles.models import Article\n"
        "a = Article.objects.get(slug='harbour'); a.title = 'Harbour Reopens To Ships'; a.save()",
        (harbour, edited), (front, edited),
    )  # fmt: skip
    assert min(seconds) > 0 and max(seconds) < VISIBLE_WITHIN, seconds
    headers, text = _cached_at_edge(tea)
    assert int(headers["X-Cache-Hits"]) > tea_hits and "Tea Auction" in text

    # A correction.
    seconds = stack.seconds_after_commit(
        "from articles.models import Article, Correction\n"
        "Correction.objects.create(article=Article.objects.get(slug='harbour'),"
        " text='The port opens on Monday, not Sunday.')",
        (harbour, lambda s, t: "opens on Monday, not Sunday" in t),
    )  # fmt: skip
    assert min(seconds) > 0 and max(seconds) < VISIBLE_WITHIN, seconds

    # An unpublished story.
    seconds = stack.seconds_after_commit(
        "from articles.models import Article\n"
        "a = Article.objects.get(slug='harbour'); a.make_move(Article.Move.UNPUBLISH); a.save()",
        (harbour, lambda s, t: s == 404), (front, lambda s, t: "Harbour Reopens" not in t),
    )  # fmt: skip
    assert min(seconds) > 0 and max(seconds) < VISIBLE_WITHIN, seconds

    # A story scheduled to go live in a few seconds (time for the shell to exit even on a busy
    # machine): on the front page within 2 s of its time, purged by the sender at that time.
    go_live = float(
        stack.shell(
            "import datetime\n"
            "from django.utils import timezone\n"
            "from articles.models import Article\n"
            "at = timezone.now() + datetime.timedelta(seconds=10)\n"
            "a = Article.objects.get(slug='budget'); a.make_move(Article.Move.SCHEDULE, at=at)\n"
            "a.save(); print('at', at.timestamp())"
        ).split("at ")[-1]
    )
    assert "Budget Passes" not in _cached_at_edge(front)[1]
    time.sleep(max(0.0, go_live - time.time()))
    assert _seconds_until(front, lambda s, t: "Budget Passes" in t) < VISIBLE_WITHIN

    # The other edition's page was never purged: still served by the edge all along.
    headers, text = _cached_at_edge(sinhala)
    assert int(headers["X-Cache-Hits"]) > sinhala_hits and "Colombo Rain" in text


def test_signed_in_staff_are_never_served_from_the_edge(start_stack):
    stack = start_stack()
    _cached_at_edge(stack.url("/"))
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = stack.url("/admin/login/?next=/admin/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', fetch(login, opener)[2])
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1), "login_view-current_step": "auth",
         "auth-username": "chief", "auth-password": "correct horse battery"}
    )  # fmt: skip
    opener.open(login, body.encode(), timeout=10).read()
    assert any(cookie.name == "sessionid" for cookie in jar)

    for _ in range(2):
        status, headers, _text = fetch(stack.url("/"), opener)
        assert status == 200 and headers["X-Cache"] == "MISS"
        assert "private" in headers["Cache-Control"]


def test_with_the_app_stopped_the_edge_serves_the_last_good_pages(start_stack):
    stack = start_stack(edge_seconds=2)
    front = stack.url("/")
    _headers, text = _cached_at_edge(front)
    stack.stop("app")

    time.sleep(6)  # past the page's edge lifetime, and the probe has found the app down
    status, headers, stale = fetch(front)
    assert status == 200 and stale == text and headers["X-Cache"] == "HIT"
