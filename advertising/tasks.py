"""Background e-mail about enquiries, run by the database task queue's `db_worker`.

django-tasks(-db) has neither retries nor recovery yet: a failed send is retried here, and a job
whose worker died is found by a sweeper (see `notify_jobs_sweep`).
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import OperationalError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from brand.site import advertising_email

from .models import Enquiry

logger = logging.getLogger(__name__)


class NotifyJobLost(Exception):
    """What a lost e-mail job is marked failed with: its worker stopped while running it."""


def _one_line(text: str) -> str:
    # Belt and braces: the form already refuses line breaks in values that reach a header.
    return " ".join(text.split())


def _describe(error: BaseException) -> str:
    return f"{timezone.now():%Y-%m-%d %H:%M} {type(error).__name__}: {error}"[:1000]


def _sales_message(enquiry: Enquiry) -> EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):
        return _sales_message_text(enquiry)


def _sales_message_text(enquiry: Enquiry) -> EmailMessage:
    return EmailMessage(
        subject=_one_line(
            _("Advertising enquiry from %(name)s (%(organisation)s)")
            % {"name": enquiry.name, "organisation": enquiry.organisation}
        ),
        body=render_to_string("advertising/email/sales_notification.txt", {"enquiry": enquiry}),
        to=[advertising_email()],
        reply_to=[enquiry.email],
    )


def _confirmation(enquiry: Enquiry) -> EmailMessage:
    """The enquirer's confirmation, in the language they used the site in."""
    with translation.override(enquiry.language or settings.LANGUAGE_CODE):
        return _confirmation_text(enquiry)


def _confirmation_text(enquiry: Enquiry) -> EmailMessage:
    # Deliberately does not echo the message: the form must not relay text to any address.
    return EmailMessage(
        subject=_("We have received your advertising enquiry"),
        body=render_to_string(
            "advertising/email/enquirer_confirmation.txt",
            {"enquiry": enquiry, "site_name": settings.SITE_NAME},
        ),
        to=[enquiry.email],
        reply_to=[advertising_email()],
    )


def enquiry_notify(*, enquiry_id: int) -> bool:
    """E-mail sales and the enquirer, whichever has not gone yet, and record the outcome.

    Returns True when both e-mails have gone (or the enquiry no longer exists).
    """
    with transaction.atomic():
        # The lock keeps a retry and a re-send from mailing the same person twice.
        enquiry = Enquiry.objects.select_for_update().filter(pk=enquiry_id).first()
        if enquiry is None or enquiry.notified:
            return True
        enquiry.notification_attempts += 1
        try:
            with get_connection() as connection:
                if not enquiry.sales_notified_at:
                    connection.send_messages([_sales_message(enquiry)])
                    enquiry.sales_notified_at = timezone.now()
                if not enquiry.enquirer_notified_at:
                    connection.send_messages([_confirmation(enquiry)])
                    enquiry.enquirer_notified_at = timezone.now()
            enquiry.notification_error = ""
            enquiry.notification_failed_at = None
        # Not only socket and SMTP errors: a broken template or mail set-up must be recorded and
        # retried too, keeping what did go (the sales e-mail is not sent twice).
        except Exception as error:
            logger.warning("Enquiry %s: e-mail failed", enquiry_id, exc_info=True)
            enquiry.notification_error = _describe(error)
        enquiry.save(
            update_fields=[
                "sales_notified_at",
                "enquirer_notified_at",
                "notification_attempts",
                "notification_error",
                "notification_failed_at",
            ]
        )
        return enquiry.notified


def enquiry_record_failure(*, enquiry_id: int, error: str) -> bool:
    """Count a failed attempt that `enquiry_notify` could not record itself.

    Returns False when there is nothing to record: the e-mails have gone (or the enquiry is gone).
    """
    return bool(
        Enquiry.objects.filter(pk=enquiry_id)
        .unnotified()
        .update(notification_attempts=F("notification_attempts") + 1, notification_error=error)
    )


def enquiry_notify_later(*, enquiry_id: int, failed_attempt: int) -> None:
    """After a failed attempt, queue the next one with a doubling delay; after the last, flag the
    enquiry for sales (the admin shows it until someone re-sends it)."""
    if failed_attempt < settings.ENQUIRY_NOTIFY_ATTEMPTS:
        delay = settings.ENQUIRY_RETRY_SECONDS * 2 ** (failed_attempt - 1)
        notify_enquiry.using(run_after=timezone.now() + datetime.timedelta(seconds=delay)).enqueue(
            enquiry_id, failed_attempt + 1
        )
        return
    flagged = (
        Enquiry.objects.filter(pk=enquiry_id)
        .unnotified()
        .update(notification_failed_at=timezone.now())
    )
    if flagged:
        logger.error(
            "Enquiry %s: e-mail failed %s times; re-send it from the admin.",
            enquiry_id,
            failed_attempt,
        )


@task()
def notify_enquiry(enquiry_id: int, attempt: int = 1) -> bool:
    """Send an enquiry's e-mails; on any failure record it and try again later.

    The task library has no retries of its own yet, so the task re-enqueues itself.
    """
    # The watch for this very job, should its worker die during it: queued first.
    sweep_notify_jobs.using(run_after=timezone.now() + notify_stale_after() * 1.1).enqueue()
    try:
        if enquiry_notify(enquiry_id=enquiry_id):
            return True
    except Exception as error:  # e.g. the database failed mid-way: nothing was recorded
        logger.exception("Enquiry %s: e-mail job failed", enquiry_id)
        if not enquiry_record_failure(enquiry_id=enquiry_id, error=_describe(error)):
            return True
    enquiry_notify_later(enquiry_id=enquiry_id, failed_attempt=attempt)
    return False


def notify_stale_after() -> datetime.timedelta:
    """How long an e-mail job may run before its worker is taken for dead.

    Each step of an SMTP exchange waits at most EMAIL_TIMEOUT, and sending both e-mails takes about
    twenty steps: a job running longer than that is no longer being run by anyone.
    """
    return datetime.timedelta(seconds=20 * (settings.EMAIL_TIMEOUT or 30))


def notify_jobs_sweep(*, stale_after: datetime.timedelta | None = None) -> int:
    """Find e-mail jobs whose worker stopped inside them; record the failure and queue the next try.

    django-tasks-db marks a job RUNNING when a worker claims it and keeps no heartbeat, so a worker
    killed mid-send leaves the job RUNNING for ever; a worker stopped by a second Ctrl+C marks it
    FAILED with SystemExit, which `notify_enquiry` (catching every Exception) never does otherwise.
    Such a job is marked FAILED with NotifyJobLost by a conditional update that only one sweeper can
    win, so any number of sweepers may run at once. Returns how many jobs were found lost.
    """
    now = timezone.now()
    cutoff = now - (notify_stale_after() if stale_after is None else stale_after)
    ours = DBTaskResult.objects.filter(task_path=notify_enquiry.module_path)
    lost_path = f"{NotifyJobLost.__module__}.{NotifyJobLost.__qualname__}"
    stale = ours.running().filter(started_at__lt=cutoff)
    stopped = ours.failed().exclude(exception_class_path=lost_path)
    swept = busy = 0
    for job in (stale | stopped).order_by("started_at"):
        # The arguments of notify_enquiry(enquiry_id, attempt=1).
        enquiry_id, *attempt = job.args_kwargs["args"]
        try:
            with transaction.atomic():
                # A worker inside the send holds the enquiry's row lock (PostgreSQL): it is alive
                # after all, or the database has not yet closed its dead connection. Never wait
                # for it: look again later.
                Enquiry.objects.select_for_update(nowait=True).filter(pk=enquiry_id).exists()
                taken = ours.filter(
                    pk=job.pk, status=job.status, exception_class_path=job.exception_class_path
                ).update(
                    status=TaskResultStatus.FAILED,
                    finished_at=job.finished_at or now,
                    exception_class_path=lost_path,
                    traceback=job.traceback
                    or f"The worker ({', '.join(job.worker_ids)}) stopped while running this job.",
                )
                if not taken:
                    continue  # another sweeper took it, or its worker finished it after all
                swept += 1
                error = _("%(time)s the worker stopped while sending (job %(job)s)") % {
                    "time": f"{job.started_at or now:%Y-%m-%d %H:%M}",
                    "job": job.pk,
                }
                if enquiry_record_failure(enquiry_id=enquiry_id, error=error):
                    enquiry_notify_later(
                        enquiry_id=enquiry_id, failed_attempt=attempt[0] if attempt else 1
                    )
        except OperationalError:  # the lock is taken
            busy += 1
    if busy:
        sweep_notify_jobs.using(run_after=now + notify_stale_after()).enqueue()
    if swept:
        logger.warning("Re-queued %s lost enquiry e-mail jobs.", swept)
    return swept


@task()
def sweep_notify_jobs() -> int:
    """`notify_jobs_sweep` in the worker: each e-mail job queues one for when it would be lost."""
    return notify_jobs_sweep()
