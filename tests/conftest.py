import os
import shutil

import pytest
from django.core.cache import cache
from django.db import connection
from django.template.backends import jinja2
from django.test.signals import template_rendered

from newsroom.roles import EDITORS, SALES, WRITERS
from tests.browser.chromium import CHROMIUM
from tests.factories import UserFactory

# CI sets REQUIRE_SERVICES=1 on its PostgreSQL + Redis run: there a test that needs them must run.
REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def _unavailable(marker):
    from django.conf import settings

    if marker == "postgres" and connection.vendor != "postgresql":
        return "needs PostgreSQL: set DATABASE_URL=postgres://…"
    if marker == "redis" and "redis" not in settings.CACHES["default"]["BACKEND"].lower():
        return "needs Redis: set CACHE_URL=redis://…"
    if marker == "browser" and not shutil.which(CHROMIUM):
        return f"needs Chromium at {CHROMIUM} (apt-get install chromium)"
    if marker == "nginx" and not shutil.which("nginx"):
        return "needs nginx (apt-get install nginx)"
    return None


def pytest_runtest_setup(item):
    for marker in ("postgres", "redis", "browser", "nginx"):
        if item.get_closest_marker(marker) and (reason := _unavailable(marker)):
            if REQUIRE_SERVICES:
                pytest.fail(f"required in this run but {reason}")
            pytest.skip(reason)


@pytest.fixture(autouse=True, scope="session")
def _jinja2_templates_report_their_context():
    """What Django's test set-up does for its own templates, for Jinja2 ones: the test client
    then keeps `response.context` of reader pages."""
    render = jinja2.Template.render

    def instrumented(self, context=None, request=None):
        context = {} if context is None else context
        html = render(self, context, request)
        template_rendered.send(sender=self, template=self, context=context)
        return html

    jinja2.Template.render = instrumented
    yield
    jinja2.Template.render = render


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Each test starts with an empty cache and writes uploads to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user(db):
    return UserFactory()


def _member_of(group_name, username):
    from django.contrib.auth.models import Group

    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return _member_of(EDITORS, "editor")


@pytest.fixture
def writer(db):
    return _member_of(WRITERS, "writer")


@pytest.fixture
def sales_user(db):
    return _member_of(SALES, "sales-person")


def _logged_in(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(editor):
    return _logged_in(editor)


@pytest.fixture
def writer_client(writer):
    return _logged_in(writer)


@pytest.fixture
def sales_client(sales_user):
    return _logged_in(sales_user)


@pytest.fixture(autouse=True)
def _second_factor_not_required(settings):
    """Staff in the other tests sign in with a password alone: they test editorial work, and
    tests/accounts/ tests the second factor with the production rule (`require_second_factor`)."""
    settings.REQUIRE_2FA_GROUPS = []
    settings.REQUIRE_2FA_SUPERUSERS = False


@pytest.fixture(autouse=True)
def _staff_sessions_outlast_time_travel(settings):
    """Tests that travel days ahead keep their signed-in clients; tests/accounts/ sets the
    staff session timeouts it tests."""
    settings.STAFF_SESSION_IDLE_SECONDS = settings.STAFF_SESSION_MAX_SECONDS = 10 * 365 * 86400


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Staff fixtures create several users per test; real hashing would dominate the run."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
