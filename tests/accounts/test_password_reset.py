import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from accounts.tasks import send_password_reset
from audit.models import Event
from tests.accounts.helpers import password_step
from tests.advertising.helpers import run_worker
from tests.factories import UserFactory

# The worker reopens database connections between tasks: committed data, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "monsoon lighthouse 47 tea"


@pytest.fixture(autouse=True)
def _outbox(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def _ask(client, email, **extra):
    return client.post("/admin/account/password/reset/", {"email": email}, follow=True, **extra)


def _link():
    (message,) = mail.outbox
    return re.search(r"https?://[^/]+(/admin/account/password/reset/\S+/)", message.body).group(1)


def _choose(client, link, password=NEW_PASSWORD):
    form = client.get(link, follow=True)
    return client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"new_password1": password, "new_password2": password},
        follow=True,
    )


def test_the_login_page_offers_a_password_reset(client):
    page = client.get("/admin/login/")
    assert b'href="/admin/account/password/reset/"' in page.content
    assert b"Forgotten your password?" in page.content


def test_a_reset_is_queued_then_mailed_by_the_worker_and_sets_a_new_password(editor):
    client = Client()
    response = _ask(client, "editor@example.com")

    assert b"We\xe2\x80\x99ve emailed you instructions" in response.content
    assert mail.outbox == []  # nothing is sent during the request
    assert DBTaskResult.objects.filter(task_path=send_password_reset.module_path).count() == 1

    run_worker()
    done = _choose(client, _link())

    assert b"Your password has been set" in done.content
    assert password_step(Client(), "editor", NEW_PASSWORD).status_code == 302
    assert Event.objects.filter(action=Event.Action.PASSWORD_CHANGED, target="editor").exists()


def test_an_unknown_address_gets_the_same_answer_and_no_email(db):
    response = _ask(Client(), "nobody@example.com")

    assert b"We\xe2\x80\x99ve emailed you instructions" in response.content
    run_worker()
    assert mail.outbox == []


def test_a_mail_outage_delays_the_reset_email_but_does_not_lose_it(editor, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    _ask(Client(), "editor@example.com")
    run_worker()

    retry = DBTaskResult.objects.filter(
        task_path=send_password_reset.module_path, status="READY"
    ).get()
    assert retry.run_after is not None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(retry.run_after + datetime.timedelta(seconds=1)):
        run_worker()
    assert len(mail.outbox) == 1


def test_weak_new_passwords_are_refused_by_the_validators(editor):
    client = Client()
    _ask(client, "editor@example.com")
    run_worker()

    refused = _choose(client, _link(), password="12345678")

    text = refused.content.decode()
    assert "This password is too common." in text
    assert "This password is entirely numeric." in text
    assert password_step(Client(), "editor").status_code == 302  # the old one still works


def test_a_used_or_expired_link_is_refused_and_logged(editor, settings):
    client = Client()
    _ask(client, "editor@example.com")
    run_worker()
    link = _link()
    _choose(client, link)

    used = Client().get(link, follow=True)
    assert b"The password reset link was invalid" in used.content

    mail.outbox.clear()
    _ask(Client(), "editor@example.com")
    run_worker()
    settings.PASSWORD_RESET_TIMEOUT = 3600
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        expired = Client().get(_link(), follow=True)
    assert b"The password reset link was invalid" in expired.content
    assert Event.objects.filter(action=Event.Action.PASSWORD_RESET_REFUSED).count() == 2


def test_a_deactivated_staff_members_link_is_refused(editor):
    _ask(Client(), "editor@example.com")
    run_worker()
    link = _link()
    editor.is_active = False
    editor.save()

    response = _choose(Client(), link)

    assert b"The password reset link was invalid" in response.content
    editor.refresh_from_db()
    assert editor.check_password("correct horse battery staple")
    assert Event.objects.filter(
        action=Event.Action.PASSWORD_RESET_REFUSED, actor_name="editor"
    ).exists()


def test_reset_requests_are_limited_per_address(db, settings):
    settings.PASSWORD_RESET_RATE_LIMIT = 2
    UserFactory(username="asha")
    client = Client()
    for n in range(2):
        assert _ask(client, f"someone{n}@example.com").status_code == 200

    refused = _ask(client, "asha@example.com")

    assert refused.status_code == 429
    assert b"Too many password reset requests" in refused.content
    run_worker()
    assert mail.outbox == []
