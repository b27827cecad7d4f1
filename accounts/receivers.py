"""Sessions end when a password or a second factor changes (except the one that changed it)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from two_factor.plugins.webauthn.models import WebauthnDevice

from audit.models import Event
from audit.services import current_request, event_record

from . import sessions

User = get_user_model()


def _end_other_sessions(user):
    request = current_request.get()
    # After commit: a rolled-back change ends nothing. The request's own session stays (its
    # key may change as the password change cycles it, so it is read at that time).
    transaction.on_commit(
        lambda: sessions.sessions_end(
            user=user, keep=request.session.session_key if request is not None else None
        )
    )


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    request.session[sessions.SIGNED_IN_AT] = sessions.now()
    sessions.touch(request)


@receiver(pre_save, sender=User)
def _password_changing(sender, instance, update_fields=None, **kwargs):
    if instance.pk is None or (update_fields is not None and "password" not in update_fields):
        return
    old = User.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if old is not None and old != instance.password:
        event_record(action=Event.Action.PASSWORD_CHANGED, target=instance)
        _end_other_sessions(instance)


def _second_factor_changed(sender, instance, created=True, **kwargs):
    if created:
        _end_other_sessions(instance.user)


for _model in (TOTPDevice, StaticDevice, WebauthnDevice):
    post_save.connect(_second_factor_changed, sender=_model, dispatch_uid=f"end-{_model.__name__}")
    post_delete.connect(
        _second_factor_changed, sender=_model, dispatch_uid=f"end-del-{_model.__name__}"
    )
