"""Staff accounts in the admin: Django's user admin, plus what a security review asks of it —
unlock, reset a second factor, see and end sessions, and deactivate a leaver in one action."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from two_factor.plugins.webauthn.models import WebauthnDevice

from audit.models import Event
from audit.services import event_record

from . import services, sessions

User = get_user_model()

admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    list_display = [*UserAdmin.list_display, "is_active", "second_factor"]
    actions = ["deactivate_leavers", "reset_second_factor", "unlock"]
    change_form_template = "admin/auth/user/sessions_link_change_form.html"

    def get_queryset(self, request):
        # One query for the whole list, not one per row.
        totp, codes, passkey = (
            Exists(model.objects.filter(user=OuterRef("pk"), confirmed=True))
            for model in (TOTPDevice, StaticDevice, WebauthnDevice)
        )
        return super().get_queryset(request).annotate(has_second_factor=totp | codes | passkey)

    @admin.display(description=_("second factor"), boolean=True, ordering="has_second_factor")
    def second_factor(self, user):
        return user.has_second_factor

    @admin.action(description=_("Deactivate selected leavers"), permissions=["change"])
    def deactivate_leavers(self, request, queryset):
        leavers = [user for user in queryset if user.pk != request.user.pk]
        for user in leavers:
            services.staff_member_deactivate(user=user, by=request.user)
        self.message_user(
            request,
            _(
                "Deactivated %(count)d: signed out, second factors and groups removed, "
                "open enquiries returned to the Sales pool."
            )
            % {"count": len(leavers)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Reset second factor of selected users"), permissions=["change"])
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            services.second_factor_reset(user=user, by=request.user)
        self.message_user(
            request,
            _("Second factors reset for %(count)d: they enrol again at their next sign-in.")
            % {"count": len(queryset)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unlock selected users"), permissions=["change"])
    def unlock(self, request, queryset):
        for user in queryset:
            services.account_unlock(user=user, by=request.user)
        self.message_user(
            request, _("Unlocked %(count)d.") % {"count": len(queryset)}, messages.SUCCESS
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/sessions/",
                self.admin_site.admin_view(self.sessions_view),
                name="auth_user_sessions",
            ),
            *super().get_urls(),
        ]

    def sessions_view(self, request, pk):
        """A colleague's active sessions, and ending them all."""
        person = get_object_or_404(User, pk=pk)
        if not self.has_change_permission(request, person):
            raise PermissionDenied
        if request.method == "POST":
            ended = sessions.sessions_end(user=person, keep=request.session.session_key)
            event_record(action=Event.Action.SESSIONS_ENDED, target=person, detail=f"{ended} ended")
            self.message_user(request, _("Ended %(count)d sessions.") % {"count": ended})
            return redirect("admin:auth_user_sessions", pk=pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Sessions of %(name)s") % {"name": person.get_username()},
            "person": person,
            "opts": self.opts,
            "staff_sessions": sessions.sessions_of(person),
            "current_key": request.session.session_key,
        }
        return render(request, "accounts/sessions.html", context)
