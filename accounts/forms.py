from django.contrib.auth.forms import PasswordResetForm

from .tasks import send_password_reset


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form (the same users, the same silence about unknown addresses), with the
    e-mail queued for the worker rather than sent during the request."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        send_password_reset.enqueue(context["user"].pk, context["domain"], context["protocol"])
