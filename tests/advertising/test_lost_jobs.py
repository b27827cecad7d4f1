"""E-mail jobs whose worker died are found, recorded on the enquiry and queued again."""

import datetime
import io
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from advertising.models import Enquiry
from advertising.tasks import notify_enquiry, notify_jobs_sweep, sweep_notify_jobs
from tests.advertising.helpers import enquiry_data, run_worker
from tests.factories import EnquiryFactory

# Committed data: the worker reconnects between tasks, and a killed worker is another process.
pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
LOST = "advertising.tasks.NotifyJobLost"


@pytest.fixture(autouse=True)
def _working_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ENQUIRY_RETRY_SECONDS = 60


def _emails_queued():
    return DBTaskResult.objects.filter(task_path=notify_enquiry.module_path, status="READY")


def _claimed_by_a_worker_that_died(enquiry, *, attempt=1, minutes_ago=60):
    """A job as django-tasks-db leaves it when its worker is killed: claimed, RUNNING, no more."""
    job = DBTaskResult.objects.get(pk=notify_enquiry.enqueue(enquiry.pk, attempt).id)
    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=minutes_ago)):
        job.claim("worker-that-died")
    return job


def test_a_job_left_running_by_a_dead_worker_is_recorded_and_its_emails_sent_later():
    enquiry = EnquiryFactory()
    job = _claimed_by_a_worker_that_died(enquiry)

    assert notify_jobs_sweep() == 1

    job.refresh_from_db()
    assert (job.status, job.exception_class_path) == ("FAILED", LOST)
    assert "worker-that-died" in job.traceback
    enquiry.refresh_from_db()
    assert enquiry.notification_attempts == 1
    assert "the worker stopped while sending" in enquiry.notification_error
    retry = _emails_queued().get()
    assert retry.args_kwargs["args"] == [enquiry.pk, 2]
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=50)  # the usual backoff

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        run_worker()
    assert [message.to for message in mail.outbox] == [
        ["advertising@example.com"],
        [enquiry.email],
    ]
    enquiry.refresh_from_db()
    assert enquiry.notified and enquiry.notification_error == ""


def test_a_job_running_for_less_than_a_send_can_take_is_left_alone(settings):
    settings.EMAIL_TIMEOUT = 30  # a job is lost after 20 x 30 s
    job = _claimed_by_a_worker_that_died(EnquiryFactory(), minutes_ago=9)

    assert notify_jobs_sweep() == 0
    job.refresh_from_db()
    assert job.status == "RUNNING"
    assert not _emails_queued().exists()

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        assert notify_jobs_sweep() == 1


def test_a_job_ended_by_a_forced_worker_shutdown_is_queued_again():
    enquiry = EnquiryFactory()
    job = _claimed_by_a_worker_that_died(enquiry)
    job.set_failed(SystemExit(1))  # what db_worker records when a second Ctrl+C ends it mid-job

    assert notify_jobs_sweep() == 1

    job.refresh_from_db()
    assert job.exception_class_path == LOST
    assert "SystemExit" in job.traceback  # what happened is kept
    assert _emails_queued().get().args_kwargs["args"] == [enquiry.pk, 2]


def test_sweeping_again_finds_nothing_more():
    _claimed_by_a_worker_that_died(EnquiryFactory())

    assert notify_jobs_sweep() == 1
    assert notify_jobs_sweep() == 0
    assert _emails_queued().count() == 1


def test_a_lost_job_whose_emails_had_gone_is_closed_without_sending_again():
    enquiry = EnquiryFactory(sales_notified_at=timezone.now(), enquirer_notified_at=timezone.now())
    job = _claimed_by_a_worker_that_died(enquiry)  # killed after its e-mails were recorded

    assert notify_jobs_sweep() == 1

    job.refresh_from_db()
    assert job.exception_class_path == LOST
    assert not _emails_queued().exists()
    enquiry.refresh_from_db()
    assert enquiry.notification_error == "" and enquiry.notification_failed_at is None


def test_losing_the_last_attempt_flags_the_enquiry_for_sales(settings):
    settings.ENQUIRY_NOTIFY_ATTEMPTS = 3
    enquiry = EnquiryFactory()
    _claimed_by_a_worker_that_died(enquiry, attempt=3)

    notify_jobs_sweep()

    enquiry.refresh_from_db()
    assert enquiry.notification_failed_at is not None
    assert not _emails_queued().exists()


def test_the_worker_sweeps_by_itself_each_email_job_queues_the_watch_for_it(client, settings):
    settings.EMAIL_TIMEOUT = 30
    client.post("/advertise/", enquiry_data())
    run_worker()  # sends the e-mails of the first enquiry; queues a sweep for 11 minutes on
    sweep = DBTaskResult.objects.get(task_path=sweep_notify_jobs.module_path, status="READY")
    assert sweep.run_after > timezone.now() + datetime.timedelta(minutes=10)
    # Meanwhile another worker was killed while it sent the e-mails of a second enquiry.
    lost = EnquiryFactory()
    _claimed_by_a_worker_that_died(lost, minutes_ago=0)

    start = timezone.now()
    with time_machine.travel(start + datetime.timedelta(minutes=12)):
        run_worker()  # the sweep is due: it finds the lost job and queues its next attempt
    with time_machine.travel(start + datetime.timedelta(minutes=14)):
        run_worker()

    assert [message.to for message in mail.outbox[2:]] == [
        ["advertising@example.com"],
        [lost.email],
    ]
    lost.refresh_from_db()
    assert lost.notified and lost.notification_attempts == 2


def test_the_sweep_command_reports_what_it_found():
    _claimed_by_a_worker_that_died(EnquiryFactory(), minutes_ago=1)
    out = io.StringIO()

    call_command("sweep_enquiry_jobs", stdout=out)
    call_command("sweep_enquiry_jobs", stale_after=30, stdout=out)

    assert out.getvalue().splitlines() == [
        "Lost e-mail jobs found and re-queued: 0.",
        "Lost e-mail jobs found and re-queued: 1.",
    ]


@pytest.mark.postgres
def test_sweepers_running_at_the_same_time_queue_each_lost_job_once():
    for _ in range(3):
        _claimed_by_a_worker_that_died(EnquiryFactory())
    start = threading.Barrier(4)

    def sweeper(_):
        start.wait()
        try:
            return notify_jobs_sweep()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        swept = list(pool.map(sweeper, range(4)))

    assert sum(swept) == 3
    assert _emails_queued().count() == 3
    assert sorted(Enquiry.objects.values_list("notification_attempts", flat=True)) == [1, 1, 1]


@pytest.mark.postgres
def test_a_job_whose_enquiry_is_still_locked_by_its_worker_is_looked_at_again_later():
    enquiry = EnquiryFactory()
    job = _claimed_by_a_worker_that_died(enquiry)
    locked, release = threading.Event(), threading.Event()

    def worker_still_sending():  # holds the row lock, as enquiry_notify does while it sends
        try:
            with transaction.atomic():
                Enquiry.objects.select_for_update().get(pk=enquiry.pk)
                locked.set()
                release.wait(timeout=10)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(worker_still_sending)
        locked.wait(timeout=10)
        assert notify_jobs_sweep() == 0  # does not wait for the lock either
        release.set()

    job.refresh_from_db()
    assert job.status == "RUNNING"
    assert DBTaskResult.objects.filter(
        task_path=sweep_notify_jobs.module_path, status="READY"
    ).exists()
    assert notify_jobs_sweep() == 1


class HangingSmtpServer:
    """Speaks SMTP until a message's data has arrived, then never answers: a send in progress."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.data_received = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        conn, _ = self.listener.accept()
        with conn, conn.makefile("rb") as lines:
            conn.sendall(b"220 stub ESMTP\r\n")
            for line in lines:
                if line.upper().startswith(b"DATA"):
                    conn.sendall(b"354 go ahead\r\n")
                    for data in lines:
                        if data == b".\r\n":
                            self.data_received.set()
                            conn.recv(1)  # hangs until the client goes away
                            return
                else:
                    conn.sendall(b"250 ok\r\n")

    def close(self):
        self.listener.close()


def _wait_until_the_database_ends_the_dead_workers_session():
    """PostgreSQL ends it, and frees its row lock, once it sees the connection closed."""
    with connection.cursor() as cursor:
        for _ in range(100):
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database()"
                " AND state IN ('idle in transaction', 'idle in transaction (aborted)')"
            )
            if cursor.fetchone()[0] == 0:
                return
            time.sleep(0.1)
    raise AssertionError("the dead worker's session is still open")


def _test_database_url() -> str:
    db = connection.settings_dict
    user = urllib.parse.quote(db["USER"] or "")
    password = ":" + urllib.parse.quote(db["PASSWORD"]) if db["PASSWORD"] else ""
    return f"postgres://{user}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.postgres
def test_a_worker_killed_mid_send_is_swept_and_the_emails_go_exactly_once(client, settings):
    settings.ENQUIRY_RETRY_SECONDS = 0
    assert client.post("/advertise/", enquiry_data()).status_code == 302
    enquiry = Enquiry.objects.get()
    smtp = HangingSmtpServer()
    env = {
        **os.environ,
        "DATABASE_URL": _test_database_url(),
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}",
        "EMAIL_TIMEOUT": "300",
        "SECRET_KEY": "lost-jobs-test-worker-key-" + "z" * 30,
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    worker = subprocess.Popen(
        [
            *[sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"],
            *["--interval", "0.1", "--worker-id", "doomed-worker", "-v0"],
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        assert smtp.data_received.wait(timeout=60), "the worker never reached the mail server"
        job = DBTaskResult.objects.get(task_path=notify_enquiry.module_path)
        assert (job.status, job.worker_ids) == ("RUNNING", ["doomed-worker"])
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
        smtp.close()
    job.refresh_from_db()
    assert job.status == "RUNNING"  # what django-tasks-db leaves behind: for ever
    _wait_until_the_database_ends_the_dead_workers_session()

    out = io.StringIO()
    call_command("sweep_enquiry_jobs", stale_after=0, stdout=out)
    assert "re-queued: 1." in out.getvalue()
    run_worker()  # against a working mail server (this process's outbox)
    call_command("sweep_enquiry_jobs", stale_after=0, stdout=out)
    run_worker()

    assert [message.to for message in mail.outbox] == [
        ["advertising@example.com"],
        ["nimal@ceylontea.example"],
    ]
    enquiry.refresh_from_db()
    assert enquiry.notified and enquiry.notification_attempts == 2
    assert enquiry.notification_error == ""
    job.refresh_from_db()
    assert (job.status, job.exception_class_path) == ("FAILED", LOST)
