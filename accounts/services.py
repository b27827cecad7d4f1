"""What admins do to colleagues' accounts: reset a second factor, unlock, deactivate a leaver."""

from __future__ import annotations

from axes.utils import reset as axes_reset
from django.db import transaction
from django_otp import devices_for_user

from advertising.models import Enquiry
from audit.models import Event
from audit.services import event_record

from . import sessions


def _remove_second_factors(user) -> int:
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()  # one by one: each removal is recorded
    return len(devices)


def second_factor_reset(*, user, by) -> int:
    """Remove the user's second factors (their authenticator and recovery codes) and end their
    sessions: they enrol again at their next sign-in. Returns how many factors were removed."""
    with transaction.atomic():
        removed = _remove_second_factors(user)
        event_record(
            action=Event.Action.SECOND_FACTOR_RESET,
            actor=by,
            target=user,
            detail=f"{removed} removed",
        )
        transaction.on_commit(lambda: sessions.sessions_end(user=user))
    return removed


def account_unlock(*, user, by) -> int:
    """Clear the failed sign-ins that locked the account out; returns how many were cleared."""
    cleared = axes_reset(username=user.get_username())
    event_record(action=Event.Action.UNLOCKED, actor=by, target=user, detail=f"{cleared} cleared")
    return cleared


def staff_member_deactivate(*, user, by) -> None:
    """A leaver: no more sign-ins (deactivated, sessions ended, second factors and group
    memberships removed) and their open enquiries back in the Sales pool. Their bylines,
    articles, notes and history stay as they are: nothing is deleted."""
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        groups = ", ".join(user.groups.order_by("name").values_list("name", flat=True))
        user.groups.clear()
        user.user_permissions.clear()
        factors = _remove_second_factors(user)
        handed_back = Enquiry.objects.open().filter(owner=user).update(owner=None)
        event_record(
            action=Event.Action.DEACTIVATED,
            actor=by,
            target=user,
            detail=(
                f"groups removed: {groups or '-'}; second factors removed: {factors}; "
                f"open enquiries returned to the pool: {handed_back}"
            ),
        )
        transaction.on_commit(lambda: sessions.sessions_end(user=user))
