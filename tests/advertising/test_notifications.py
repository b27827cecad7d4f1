import datetime
import socket

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from advertising.models import Enquiry
from advertising.tasks import notify_enquiry
from tests.advertising.helpers import enquiry_data, run_worker
from tests.factories import EnquiryFactory

# Committed data, as in production: the worker closes and reopens database connections between
# tasks, which a test wrapped in one transaction cannot survive on PostgreSQL.
pytestmark = pytest.mark.django_db(transaction=True)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once the socket closes: nothing listens there


@pytest.fixture
def failing_smtp(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = _closed_port()
    settings.EMAIL_TIMEOUT = 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    return settings


@pytest.fixture
def working_smtp(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return settings


def _queued_emails():
    return DBTaskResult.objects.filter(task_path=notify_enquiry.module_path, status="READY")


def _submit(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/advertise/", enquiry_data()).status_code == 302
    return Enquiry.objects.get()


def test_failing_mail_server_keeps_the_enquiry_and_the_failure_shows_in_the_admin(
    client, failing_smtp, sales_user, django_capture_on_commit_callbacks
):
    enquiry = _submit(client, django_capture_on_commit_callbacks)

    run_worker()

    enquiry.refresh_from_db()
    assert not enquiry.notified
    assert enquiry.notification_attempts == 1
    assert "ConnectionRefusedError" in enquiry.notification_error
    client.force_login(sales_user)
    listing = client.get("/admin/advertising/enquiry/?emailed=no")
    assert "Nimal Perera" in listing.text
    assert 'alt="False"' in listing.text  # the e-mailed column
    page = client.get(f"/admin/advertising/enquiry/{enquiry.pk}/change/")
    assert "ConnectionRefusedError" in page.text


def test_failed_emails_are_retried_with_growing_delays_then_given_up(
    client, failing_smtp, django_capture_on_commit_callbacks
):
    failing_smtp.ENQUIRY_NOTIFY_ATTEMPTS = 3
    failing_smtp.ENQUIRY_RETRY_SECONDS = 60
    enquiry = _submit(client, django_capture_on_commit_callbacks)
    start = timezone.now()

    run_worker()
    retry = _queued_emails().get()
    assert retry.args_kwargs["args"] == [enquiry.pk, 2]
    assert datetime.timedelta(seconds=59) < retry.run_after - start < datetime.timedelta(minutes=2)

    with time_machine.travel(start + datetime.timedelta(seconds=61)):
        run_worker()
    retry = _queued_emails().get()
    assert retry.args_kwargs["args"] == [enquiry.pk, 3]
    assert retry.run_after - start > datetime.timedelta(seconds=179)  # waited 60s, then 120s

    with time_machine.travel(start + datetime.timedelta(seconds=200)):
        run_worker()
    assert not _queued_emails().exists()  # gave up after 3
    enquiry.refresh_from_db()
    assert enquiry.notification_attempts == 3 and not enquiry.notified
    assert enquiry.notification_failed_at is not None


def test_resend_action_sends_the_emails_once_the_mail_server_works(
    client, failing_smtp, sales_user, django_capture_on_commit_callbacks
):
    enquiry = _submit(client, django_capture_on_commit_callbacks)
    run_worker()

    failing_smtp.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.force_login(sales_user)
    response = client.post(
        "/admin/advertising/enquiry/",
        {"action": "resend_notifications", "_selected_action": [enquiry.pk]},
        follow=True,
    )
    assert "E-mails queued again for 1 enquiry." in response.text
    run_worker()

    assert [message.to for message in mail.outbox] == [
        ["advertising@example.com"],
        ["nimal@ceylontea.example"],
    ]
    enquiry.refresh_from_db()
    assert enquiry.notified and enquiry.notification_error == ""
    # The pending automatic retry finds nothing left to send: nobody is mailed twice.
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
        run_worker()
    assert len(mail.outbox) == 2


def test_resend_skips_enquiries_already_emailed(working_smtp, sales_client):
    Enquiry.objects.create(
        name="Done",
        organisation="Co",
        email="done@example.lk",
        interest="website",
        message="Hi",
        sales_notified_at=timezone.now(),
        enquirer_notified_at=timezone.now(),
    )
    response = sales_client.post(
        "/admin/advertising/enquiry/",
        {
            "action": "resend_notifications",
            "_selected_action": list(Enquiry.objects.values_list("pk", flat=True)),
        },
        follow=True,
    )
    assert "E-mails queued again for 0 enquiries." in response.text
    assert not DBTaskResult.objects.exists()


def test_an_enquiry_rolled_back_leaves_no_email_job_behind(client, working_smtp):
    with pytest.raises(RuntimeError), transaction.atomic():
        client.post("/advertise/", enquiry_data())
        assert DBTaskResult.objects.count() == 1
        raise RuntimeError("the request failed after saving")

    assert not Enquiry.objects.exists()
    assert not DBTaskResult.objects.exists()
    run_worker()
    assert mail.outbox == []


def test_a_mail_server_that_never_answers_counts_as_failed_after_the_timeout(
    client, settings, django_capture_on_commit_callbacks
):
    with socket.socket() as silent:  # accepts connections, never says hello
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = silent.getsockname()
        settings.EMAIL_TIMEOUT = 1
        enquiry = _submit(client, django_capture_on_commit_callbacks)

        run_worker()

    enquiry.refresh_from_db()
    assert not enquiry.notified
    assert "timed out" in enquiry.notification_error


def test_an_unexpected_error_is_recorded_and_retried_like_a_mail_server_failure(
    client, settings, tmp_path, django_capture_on_commit_callbacks
):
    # A mis-set mail configuration raises ImproperlyConfigured, not a socket error.
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "not-a-folder"
    settings.EMAIL_FILE_PATH.write_text("")
    enquiry = _submit(client, django_capture_on_commit_callbacks)

    run_worker()

    enquiry.refresh_from_db()
    assert enquiry.notification_attempts == 1
    assert "ImproperlyConfigured" in enquiry.notification_error
    assert _queued_emails().get().args_kwargs["args"] == [enquiry.pk, 2]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        run_worker()
    assert len(mail.outbox) == 2
    enquiry.refresh_from_db()
    assert enquiry.notified and enquiry.notification_error == ""


def test_emails_that_finally_failed_are_flagged_where_sales_look_and_can_be_resent(
    client, failing_smtp, sales_user, editor, django_capture_on_commit_callbacks
):
    failing_smtp.ENQUIRY_NOTIFY_ATTEMPTS = 1
    enquiry = _submit(client, django_capture_on_commit_callbacks)
    EnquiryFactory(name="Still Trying")  # not yet failed for good: not flagged
    run_worker()

    enquiry.refresh_from_db()
    assert enquiry.notification_failed_at is not None
    client.force_login(sales_user)
    alert = "The e-mails for 1 enquiry could not be sent, even after retrying."
    index = client.get("/admin/")
    assert alert in index.text
    assert 'href="/admin/advertising/enquiry/?emailed=failed"' in index.text
    failed = client.get("/admin/advertising/enquiry/?emailed=failed")
    assert alert in failed.text
    assert "Nimal Perera" in failed.text and "Still Trying" not in failed.text
    client.force_login(editor)
    assert alert not in client.get("/admin/").text  # only for those who work enquiries

    client.force_login(sales_user)
    failing_smtp.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    resent = client.post(
        "/admin/advertising/enquiry/?emailed=failed",
        {"action": "resend_notifications", "_selected_action": [enquiry.pk]},
        follow=True,
    )
    assert "E-mails queued again for 1 enquiry." in resent.text
    assert alert not in resent.text
    run_worker()
    enquiry.refresh_from_db()
    assert enquiry.notified and enquiry.notification_failed_at is None
    assert [message.to for message in mail.outbox] == [
        ["advertising@example.com"],
        ["nimal@ceylontea.example"],
    ]
    assert alert not in client.get("/admin/").text
