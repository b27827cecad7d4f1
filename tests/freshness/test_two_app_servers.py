"""Two gunicorn app servers sharing PostgreSQL and Redis: what one publishes, the other serves.

The servers are real subprocesses, so they get a real database of their own (created, migrated
and dropped here), never the test runner's test database.
"""

import http.cookiejar
import os
import re
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

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

ROOT = Path(__file__).resolve().parents[2]
PORTS = (18410, 18411)
# No control socket: its default path is per user, and the two servers would share it.
GUNICORN_ARGS = ["--no-control-socket", "newsroom.wsgi"]


@pytest.fixture
def shared_database():
    test_db = settings.DATABASES["default"]
    name = f"{test_db['NAME'].removeprefix('test_')}_twoapps"
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
def app_env(shared_database, tmp_path):
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "two-app-servers-test-key-" + "y" * 30,
        # The desk signs in with a password alone here (tests/accounts tests second factors).
        "REQUIRE_2FA_GROUPS": "",
        "REQUIRE_2FA_SUPERUSERS": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": shared_database,
        "DATABASE_POOL_MAX_SIZE": "2",
        "CACHE_URL": os.environ["CACHE_URL"],
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PAGE_CACHE": "true",
        "WEB_CONCURRENCY": "1",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True
    )
    setup = (
        "from django.contrib.auth.models import User; "
        "from tests.factories import ArticleFactory; "
        "User.objects.create_superuser('chief', 'chief@example.com', 'correct horse battery'); "
        "ArticleFactory(live=True, title='Old news', slug='old-news'); "
        "ArticleFactory(title='Parliament dissolved', slug='parliament-dissolved')"
    )
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", setup], cwd=ROOT, env=env, check=True
    )
    return env


@pytest.fixture
def app_servers(app_env):
    servers = [
        subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "-c",
                "gunicorn.conf.py",
                *GUNICORN_ARGS,
            ],
            cwd=ROOT,
            env={**app_env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        )
        for port in PORTS
    ]
    try:
        for port in PORTS:
            _wait_for(f"http://127.0.0.1:{port}/healthz")
        yield [f"http://127.0.0.1:{port}" for port in PORTS]
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


def _wait_for(url):
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not come up")


def _get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode(), response.headers.get("X-Page-Cache")


def _publish_through_admin(base, title):
    """As an editor in a browser would: log in, then the changelist's 'Publish now' action."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def post(path, data):
        page = opener.open(base + path, timeout=10).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **data}, doseq=True)
        return opener.open(base + path, body.encode(), timeout=10).read().decode()

    post(
        "/admin/login/?next=/admin/",
        {
            "login_view-current_step": "auth",
            "auth-username": "chief",
            "auth-password": "correct horse battery",
        },
    )
    changelist = opener.open(base + "/admin/articles/article/?status=draft", timeout=10).read()
    pk = re.search(
        rf'href="/admin/articles/article/(\d+)/change/[^"]*">{title}<', changelist.decode()
    )
    post(
        "/admin/articles/article/?status=draft",
        {"action": "publish", "_selected_action": [pk.group(1)], "index": "0"},
    )


def test_what_one_app_server_publishes_the_other_serves_on_its_next_request(app_servers):
    a, b = app_servers
    for base in (a, b):
        assert _get(base + "/latest/")[1] is None  # rendered, then stored
        text, cache = _get(base + "/latest/")
        assert cache == "hit"
        assert "Old news" in text and "Parliament dissolved" not in text

    _publish_through_admin(a, "Parliament dissolved")

    text, cache = _get(b + "/latest/")
    assert "Parliament dissolved" in text
    assert cache is None  # rendered afresh by B
    assert _get(b + "/latest/")[1] == "hit"  # and cached again
    assert "Parliament dissolved" in _get(a + "/")[0]
