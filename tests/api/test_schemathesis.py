"""Schemathesis runs the whole OpenAPI document against the API served by gunicorn, on
PostgreSQL and Redis: no 5xx, no answer that contradicts the schema, and nothing unpublished
in any answer (tests/api/schemathesis_checks.py).

The server is a real subprocess, so it gets a database of its own (created, migrated, filled
and dropped here), never the test runner's.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

SEED = """
import datetime
from django.utils import timezone
from articles.models import Article, Correction, Coverage
from pages.models import Page
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, LiveEntryFactory
hidden = 'hiddenmarker'
sections = [CategoryFactory(slug=s, name=s.title()) for s in ('local', 'sport', 'world')]
people = [AuthorFactory(slug=f'writer-{n}') for n in range(3)]
for n in range(30):
    story = ArticleFactory(
        live=True, with_image=n < 2, category=sections[n % 3], authors=people[: 1 + n % 3],
        featured=n % 7 == 0, breaking=n % 9 == 0,
        published_at=timezone.now() - datetime.timedelta(hours=n),
    )
    if n % 5 == 0:
        Correction.objects.create(article=story, text='A correction.')
        ArticleFactory(live=True, language='ta', slug=f'tamil-{n}', category=story.category,
                       translation_group=story.translation_group)
later = timezone.now() + datetime.timedelta(days=1)
for status, when in [('draft', None), ('review', None), ('published', later),
                     ('unpublished', timezone.now() - datetime.timedelta(days=1))]:
    for language in ('en', 'si', 'ta'):
        ArticleFactory(title=f'{hidden} {status}', standfirst=hidden, body=f'<p>{hidden}</p>',
                       slug=f'{hidden}-{status}-{language}', language=language, status=status,
                       published_at=when, featured=True, breaking=True, category=sections[0],
                       authors=people[:1])
Page.objects.create(title='About', slug='about', body='Who we are.')
for n, coverage in enumerate([Coverage.OPEN, Coverage.CLOSED, Coverage.OPEN]):
    blog = ArticleFactory(live=True, slug=f'live-{n}', coverage=coverage,
                          coverage_started_at=timezone.now() - datetime.timedelta(hours=3),
                          language=('en', 'si', 'ta')[n], category=sections[0])
    for minute in range(25):
        entry = LiveEntryFactory(article=blog, key_event=minute % 5 == 0, title='Key event',
                                 pinned=minute == 7,
                                 posted_at=timezone.now() - datetime.timedelta(minutes=minute))
        entry.authors.set(people[: 1 + minute % 2])
# Live blogs readers may not see: their updates carry the marker too.
for n, (status, when, embargo) in enumerate([
    ('draft', None, None), ('published', later, None),
    ('published', timezone.now() - datetime.timedelta(hours=1), later),
]):
    blog = ArticleFactory(title=f'{hidden} live {status}', standfirst=hidden,
                          body=f'<p>{hidden}</p>', slug=f'{hidden}-live-{n}',
                          status=status, published_at=when, embargo_until=embargo,
                          coverage=Coverage.OPEN, category=sections[0])
    LiveEntryFactory(article=blog, body=f'<p>{hidden}</p>', title=hidden, key_event=True)
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def own_database():
    test_db = settings.DATABASES["default"]
    name = f"{test_db['NAME'].removeprefix('test_')}_schemathesis"
    server = {
        key: test_db[key.upper()]
        for key in ("host", "port", "user", "password")
        if test_db[key.upper()]
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    user = urllib.parse.quote(test_db["USER"] or "")
    password = ":" + urllib.parse.quote(test_db["PASSWORD"]) if test_db["PASSWORD"] else ""
    yield f"postgres://{user}{password}@{test_db['HOST']}:{test_db['PORT'] or 5432}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def api_server(own_database, tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "schemathesis-test-key-" + "z" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": own_database,
        "DATABASE_POOL_MAX_SIZE": "2",
        "CACHE_URL": os.environ["CACHE_URL"],
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PAGE_CACHE": "true",
        # Schemathesis sends thousands of uncached requests from one address.
        "API_RATE_LIMIT": "1000000",
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "shell", "-c", SEED], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", "--no-control-socket", "newsroom.wsgi"],
        cwd=ROOT,
        env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        yield base, env
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_whole_schema_holds_against_the_running_api(api_server, tmp_path):
    base, env = api_server
    trace = tmp_path / "checked"
    result = subprocess.run(
        [
            str(BIN / "schemathesis"),
            "run",
            f"{base}/api/v1/schema/",
            "--checks",
            "all",
            # A well-formed slug that names no section or author is refused with a 400 by
            # design (README: API), which this check would count as rejecting valid input.
            "--exclude-checks",
            "positive_data_acceptance",
            "--max-examples",
            "40",
            "--seed",
            "20261203",
            "--workers",
            "2",
            "--request-timeout",
            "20",
            "--generation-database",
            "none",
            "--no-color",
        ],
        cwd=ROOT,
        env={
            **env,
            "SCHEMATHESIS_HOOKS": "tests.api.schemathesis_checks",
            "API_CHECK_TRACE": str(trace),
            "PYTHONPATH": str(ROOT),
        },
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
    assert trace.exists(), "the check for unpublished content never ran"
