import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EventQuerySet(models.QuerySet):
    def past_retention(self, *, days: int):
        """Events older than the retention period (settings.AUDIT_RETENTION_DAYS)."""
        return self.filter(at__lt=timezone.now() - datetime.timedelta(days=days))


class Event(models.Model):
    """One security or editorial event: who did what, to what, when and from where.

    Rows are only ever added (and removed when past retention): nothing edits them, and the
    admin shows them read-only. The actor's and target's names are copied, so an event still
    reads right after the account or article is gone.
    """

    class Action(models.TextChoices):
        SIGN_IN = "sign_in", _("signed in")
        SIGN_IN_FAILED = "sign_in_failed", _("sign-in failed")
        LOCKED_OUT = "locked_out", _("locked out")
        UNLOCKED = "unlocked", _("unlocked")
        SIGN_OUT = "sign_out", _("signed out")
        SESSION_EXPIRED = "session_expired", _("session ended by timeout")
        SESSIONS_ENDED = "sessions_ended", _("sessions ended")
        SECOND_FACTOR_FAILED = "second_factor_failed", _("second factor refused")
        SECOND_FACTOR_ADDED = "second_factor_added", _("second factor enrolled")
        SECOND_FACTOR_REMOVED = "second_factor_removed", _("second factor removed")
        SECOND_FACTOR_RESET = "second_factor_reset", _("second factor reset by an admin")
        RECOVERY_CODE_USED = "recovery_code_used", _("recovery code used")
        PASSWORD_CHANGED = "password_changed", _("password changed")
        PASSWORD_RESET_REQUESTED = "password_reset_requested", _("password reset requested")
        PASSWORD_RESET_REFUSED = "password_reset_refused", _("password reset refused")
        GROUPS_CHANGED = "groups_changed", _("groups changed")
        PERMISSIONS_CHANGED = "permissions_changed", _("permissions changed")
        DEACTIVATED = "deactivated", _("deactivated as a leaver")
        ARTICLE_MOVED = "article_moved", _("article workflow move")
        ARTICLE_DELETED = "article_deleted", _("article deleted")
        ENQUIRIES_EXPORTED = "enquiries_exported", _("enquiries exported")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    action = models.CharField(_("what"), max_length=40, choices=Action, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(_("who (as recorded)"), max_length=150, blank=True)
    # As the trusted-proxy rule gave it (newsroom.addresses): text, so no value is refused.
    address = models.CharField(_("from"), max_length=45, blank=True)
    target = models.CharField(_("about"), max_length=300, blank=True)
    detail = models.TextField(_("detail"), blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name or '-'} {self.get_action_display()}"
