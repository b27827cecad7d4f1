import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from audit.models import Event
from tests.accounts.helpers import password_step, verified_client
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _signed_in(username, **extra):
    client = Client(**extra)
    assert password_step(client, username).status_code == 302
    return client


def test_a_session_idle_longer_than_the_limit_is_signed_out_with_a_message(writer, settings):
    settings.STAFF_SESSION_IDLE_SECONDS = 3600
    client = _signed_in("writer")
    assert client.get("/admin/").status_code == 200

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=61)):
        ended = client.get("/admin/articles/article/", follow=True)

    assert "after a long time without activity" in ended.content.decode()
    assert ended.redirect_chain[0][0].startswith("/admin/login/")
    assert Event.objects.filter(action=Event.Action.SESSION_EXPIRED, detail="idle").exists()


def test_a_busy_session_still_ends_at_its_absolute_lifetime(writer, settings):
    settings.STAFF_SESSION_IDLE_SECONDS = 3600
    settings.STAFF_SESSION_MAX_SECONDS = 3 * 3600
    client = _signed_in("writer")
    start = timezone.now()
    for minutes in (50, 100, 150):  # never idle for an hour
        with time_machine.travel(start + datetime.timedelta(minutes=minutes)):
            assert client.get("/admin/").status_code == 200

    with time_machine.travel(start + datetime.timedelta(minutes=181)):
        ended = client.get("/admin/", follow=True)

    assert "Your session reached its time limit" in ended.content.decode()


def test_staff_see_their_own_sessions_and_sign_out_everywhere_else(writer):
    laptop = _signed_in("writer", HTTP_USER_AGENT="Laptop browser")
    phone = _signed_in("writer", HTTP_USER_AGENT="Phone browser")
    phone.get("/admin/")
    laptop.get("/admin/")

    page = laptop.get("/admin/account/sessions/").content.decode()
    assert "Laptop browser" in page and "Phone browser" in page
    assert "(this session)" in page

    done = laptop.post("/admin/account/sessions/", follow=True)

    assert "Signed out of 1 other sessions." in done.content.decode()
    assert phone.get("/admin/").status_code == 302
    assert laptop.get("/admin/").status_code == 200
    assert Event.objects.filter(action=Event.Action.SESSIONS_ENDED).exists()


def test_an_admin_lists_a_colleagues_sessions_and_ends_them(writer):
    colleague = _signed_in("writer", HTTP_USER_AGENT="Newsroom desktop")
    colleague.get("/admin/")
    chief = verified_client(UserFactory(username="chief", is_superuser=True))

    page = chief.get(f"/admin/auth/user/{writer.pk}/sessions/").content.decode()
    assert "Newsroom desktop" in page
    assert (
        f'href="/admin/auth/user/{writer.pk}/sessions/"'
        in chief.get(f"/admin/auth/user/{writer.pk}/change/").content.decode()
    )

    chief.post(f"/admin/auth/user/{writer.pk}/sessions/")

    assert colleague.get("/admin/").status_code == 302
    assert chief.get("/admin/").status_code == 200


def test_a_writer_may_not_see_a_colleagues_sessions(writer, editor):
    assert _signed_in("writer").get(f"/admin/auth/user/{editor.pk}/sessions/").status_code in (
        302,
        403,
    )


def test_changing_the_password_ends_the_other_sessions_but_keeps_this_one(
    writer, django_capture_on_commit_callbacks
):
    here, elsewhere = _signed_in("writer"), _signed_in("writer")
    elsewhere.get("/admin/")
    here.get("/admin/")

    with django_capture_on_commit_callbacks(execute=True):
        changed = here.post(
            "/admin/password_change/",
            {
                "old_password": "correct horse battery staple",
                "new_password1": "monsoon lighthouse 47 tea",
                "new_password2": "monsoon lighthouse 47 tea",
            },
        )

    assert changed.status_code == 302
    assert here.get("/admin/").status_code == 200
    assert elsewhere.get("/admin/").status_code == 302
    assert Event.objects.filter(action=Event.Action.PASSWORD_CHANGED, actor_name="writer")
