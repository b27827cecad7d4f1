"""The password reset e-mail, sent by the database task queue's `db_worker`.

The job holds no link: it names the user, and the link (Django's token, good for
PASSWORD_RESET_TIMEOUT) is made when the e-mail is sent, so a mail outage delays the link
without shortening its life. django-tasks has no retries yet: a failed send queues itself again
with a doubling delay.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

logger = logging.getLogger(__name__)

ATTEMPTS = 6
RETRY_SECONDS = 60  # doubles after each failed attempt


def _message(user, *, domain: str, protocol: str) -> EmailMessage:
    context = {
        "email": user.email,
        "domain": domain,
        "site_name": settings.SITE_NAME,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": protocol,
    }
    subject = render_to_string("registration/password_reset_subject.txt", context)
    return EmailMessage(
        subject="".join(subject.splitlines()),
        body=render_to_string("registration/password_reset_email.html", context),
        to=[user.email],
    )


@task()
def send_password_reset(user_id: int, domain: str, protocol: str, attempt: int = 1) -> bool:
    """E-mail a reset link to an active user (one deactivated since the request gets none)."""
    user = get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return False
    try:
        with translation.override(settings.LANGUAGE_CODE):
            _message(user, domain=domain, protocol=protocol).send()
        return True
    except Exception:  # an SMTP failure or a broken mail set-up: both worth another try
        logger.warning("Password reset e-mail for user %s failed", user_id, exc_info=True)
        if attempt >= ATTEMPTS:
            logger.error("Password reset e-mail for user %s failed %s times", user_id, attempt)
            return False
        delay = datetime.timedelta(seconds=RETRY_SECONDS * 2 ** (attempt - 1))
        send_password_reset.using(run_after=timezone.now() + delay).enqueue(
            user_id, domain, protocol, attempt + 1
        )
        return False
