"""Events recorded from Django's, the libraries' and our apps' signals.

Signals keep the audit log out of the workflows it watches: sign-in (Django, django-axes),
second factors (django-otp's device models), groups and permissions (the admin's m2m saves),
and the article workflow (articles.events).
"""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from two_factor.plugins.webauthn.models import WebauthnDevice

from articles.events import article_moved
from articles.models import Article

from .models import Event
from .services import current_request, event_record

User = get_user_model()
SECOND_FACTORS = (TOTPDevice, StaticDevice, WebauthnDevice)


def _method(device) -> str:
    if isinstance(device, WebauthnDevice):
        return "passkey"
    return "recovery code" if isinstance(device, StaticDevice) else "authenticator app"


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    device = getattr(user, "otp_device", None)
    detail = f"with {_method(device)}" if device else "with a password alone"
    event_record(action=Event.Action.SIGN_IN, actor=user, request=request, detail=detail)
    if isinstance(device, StaticDevice):
        remaining = device.token_set.count()
        event_record(
            action=Event.Action.RECOVERY_CODE_USED,
            actor=user,
            request=request,
            detail=f"{remaining} left",
        )


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    event_record(
        action=Event.Action.SIGN_IN_FAILED,
        actor_name=credentials.get("username", ""),
        request=request,
    )


@receiver(user_locked_out)
def _locked_out(sender, request, username, ip_address, **kwargs):
    event_record(
        action=Event.Action.LOCKED_OUT,
        actor_name=username or "",
        request=request,
        detail="too many failed sign-ins",
    )


@receiver(user_logged_out)
def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        event_record(action=Event.Action.SIGN_OUT, actor=user, request=request)


def _device_added(sender, instance, created, **kwargs):
    # Devices are saved at every use (the last code, the throttle): only a new one is news.
    if created:
        event_record(
            action=Event.Action.SECOND_FACTOR_ADDED, target=instance.user, detail=_method(instance)
        )


def _device_removed(sender, instance, **kwargs):
    event_record(
        action=Event.Action.SECOND_FACTOR_REMOVED, target=instance.user, detail=_method(instance)
    )


for _model in SECOND_FACTORS:
    post_save.connect(_device_added, sender=_model, dispatch_uid=f"audit-add-{_model.__name__}")
    post_delete.connect(
        _device_removed, sender=_model, dispatch_uid=f"audit-remove-{_model.__name__}"
    )


def _membership_changed(action, instance, reverse, model, pk_set, about):
    """A change to users' groups or to a user's or group's permissions, made through the site.
    The roles table re-applied by `migrate` (newsroom/roles.py) is in the code's history, and
    would otherwise be logged at every deployment."""
    if action not in ("post_add", "post_remove", "post_clear") or current_request.get() is None:
        return
    names = ", ".join(str(obj) for obj in model.objects.filter(pk__in=pk_set or ()))
    verb = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}[action]
    event_record(action=about, target=instance, detail=f"{verb}: {names}" if names else verb)


@receiver(m2m_changed, sender=User.groups.through)
def _groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    _membership_changed(action, instance, reverse, model, pk_set, Event.Action.GROUPS_CHANGED)


@receiver(m2m_changed, sender=User.user_permissions.through)
@receiver(m2m_changed, sender=Group.permissions.through)
def _permissions_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    _membership_changed(action, instance, reverse, model, pk_set, Event.Action.PERMISSIONS_CHANGED)


@receiver(article_moved)
def _article_moved(sender, article, user, move, **kwargs):
    detail = str(move.value)
    if move == Article.Move.SCHEDULE and article.published_at:
        detail += f" for {article.published_at:%Y-%m-%d %H:%M %Z}"
    event_record(
        action=Event.Action.ARTICLE_MOVED,
        actor=user if user.is_authenticated else None,
        target=f"{article.title} (#{article.pk}, {article.language})",
        detail=detail,
    )


@receiver(post_delete, sender=Article)
def _article_deleted(sender, instance, **kwargs):
    event_record(
        action=Event.Action.ARTICLE_DELETED,
        target=f"{instance.title} (#{instance.pk}, {instance.language})",
    )
