"""Background e-mail about enquiries, run by the database task queue's `db_worker`."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Enquiry

logger = logging.getLogger(__name__)


def _one_line(text: str) -> str:
    # Belt and braces: the form already refuses line breaks in values that reach a header.
    return " ".join(text.split())


def _sales_message(enquiry: Enquiry) -> EmailMessage:
    return EmailMessage(
        subject=_one_line(
            _("Advertising enquiry from %(name)s (%(organisation)s)")
            % {"name": enquiry.name, "organisation": enquiry.organisation}
        ),
        body=render_to_string("advertising/email/sales_notification.txt", {"enquiry": enquiry}),
        to=[settings.ADVERTISING_EMAIL],
        reply_to=[enquiry.email],
    )


def _confirmation(enquiry: Enquiry) -> EmailMessage:
    # Deliberately does not echo the message: the form must not relay text to any address.
    return EmailMessage(
        subject=_("We have received your advertising enquiry"),
        body=render_to_string(
            "advertising/email/enquirer_confirmation.txt",
            {"enquiry": enquiry, "site_name": settings.SITE_NAME},
        ),
        to=[enquiry.email],
        reply_to=[settings.ADVERTISING_EMAIL],
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
        except OSError as error:  # socket and SMTP errors (smtplib's are OSErrors)
            enquiry.notification_error = (
                f"{timezone.now():%Y-%m-%d %H:%M} {type(error).__name__}: {error}"[:1000]
            )
        enquiry.save(
            update_fields=[
                "sales_notified_at",
                "enquirer_notified_at",
                "notification_attempts",
                "notification_error",
            ]
        )
        return enquiry.notified


@task()
def notify_enquiry(enquiry_id: int, attempt: int = 1) -> bool:
    """Send an enquiry's e-mails; on failure try again later, waiting twice as long each time.

    The task library has no retries of its own yet, so the task re-enqueues itself.
    """
    if enquiry_notify(enquiry_id=enquiry_id):
        return True
    if attempt < settings.ENQUIRY_NOTIFY_ATTEMPTS:
        delay = settings.ENQUIRY_RETRY_SECONDS * 2 ** (attempt - 1)
        notify_enquiry.using(run_after=timezone.now() + datetime.timedelta(seconds=delay)).enqueue(
            enquiry_id, attempt + 1
        )
    else:
        logger.error(
            "Enquiry %s: e-mail failed %s times; re-send it from the admin.", enquiry_id, attempt
        )
    return False
