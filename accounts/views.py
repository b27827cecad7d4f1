"""The staff sign-in, second-factor, password reset and session pages, in the admin's look.

The sign-in and enrolment are django-two-factor-auth's views; what is ours is the admin's
context around them, the issuer name, the refusal to switch a required factor off, and the
audit records of refused codes and reset links.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from two_factor import views as tf
from two_factor.utils import get_otpauth_url

from audit.models import Event
from audit.services import event_record
from newsroom.addresses import client_address

from . import sessions
from .forms import QueuedPasswordResetForm
from .permissions import second_factor_required

RESET_WINDOW = 3600  # seconds: PASSWORD_RESET_RATE_LIMIT is per hour


class AdminContextMixin:
    """The admin's header, title and navigation around the page."""

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        return {**admin.site.each_context(self.request), **context}


class LoginView(AdminContextMixin, tf.LoginView):
    template_name = "two_factor/core/login.html"

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form, **kwargs)
        context["ended"] = self.request.GET.get("ended", "")
        return context

    def post(self, *args, **kwargs):
        step = self.steps.current
        response = super().post(*args, **kwargs)
        form = (getattr(response, "context_data", None) or {}).get("form")
        if step in (self.TOKEN_STEP, self.BACKUP_STEP) and form is not None and form.errors:
            user = self.get_user()
            event_record(
                action=Event.Action.SECOND_FACTOR_FAILED,
                actor_name=user.get_username() if user else "",
                detail="recovery code" if step == self.BACKUP_STEP else "authenticator code",
            )
        return response


class SetupView(AdminContextMixin, tf.SetupView):
    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form, **kwargs)
        if "otpauth_url" in context:  # the app names the account after the site, not the host
            context["issuer"] = settings.SITE_NAME
            context["otpauth_url"] = get_otpauth_url(
                self.request.user.get_username(), context["secret_key"], settings.SITE_NAME
            )
        return context


class SetupCompleteView(AdminContextMixin, tf.SetupCompleteView):
    pass


class BackupTokensView(AdminContextMixin, tf.BackupTokensView):
    pass


class ProfileView(AdminContextMixin, tf.ProfileView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["second_factor_required"] = second_factor_required(self.request.user)
        return context


class DisableView(AdminContextMixin, tf.DisableView):
    def dispatch(self, request, *args, **kwargs):
        if second_factor_required(request.user):
            raise PermissionDenied(_("Your role requires a second factor."))
        return super().dispatch(request, *args, **kwargs)


class QRGeneratorView(tf.QRGeneratorView):
    def get_issuer(self):
        return settings.SITE_NAME


def _over_limit(kind: str, value: str) -> bool:
    key = "accounts:reset:" + salted_hmac(f"accounts.reset.{kind}", value.lower()).hexdigest()
    cache.add(key, 0, timeout=RESET_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.set(key, 1, timeout=RESET_WINDOW)
        count = 1
    return count > settings.PASSWORD_RESET_RATE_LIMIT


class PasswordResetView(AdminContextMixin, auth_views.PasswordResetView):
    """Asks for an e-mail address; says the same whether or not an account has it. Limited per
    address and per e-mail address, counted in the shared cache."""

    form_class = QueuedPasswordResetForm
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        # Both counted every time, so neither limit can be dodged by varying the other.
        by_address = _over_limit("address", client_address(self.request))
        by_email = _over_limit("email", email)
        if by_address or by_email:
            event_record(
                action=Event.Action.PASSWORD_RESET_REFUSED,
                actor_name=email,
                detail="too many requests",
            )
            form.add_error(
                "email", _("Too many password reset requests. Please try again in an hour.")
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        event_record(action=Event.Action.PASSWORD_RESET_REQUESTED, actor_name=email)
        return super().form_valid(form)


class PasswordResetDoneView(AdminContextMixin, auth_views.PasswordResetDoneView):
    pass


class PasswordResetConfirmView(AdminContextMixin, auth_views.PasswordResetConfirmView):
    """Django's token check, and a deactivated account's link refused like an expired one."""

    success_url = reverse_lazy("password_reset_complete")

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        self.named = user.get_username() if user is not None else ""
        return user if user is not None and user.is_active else None

    def dispatch(self, *args, **kwargs):
        response = super().dispatch(*args, **kwargs)
        # (A good link first redirects to the set-password page, not yet marked valid.)
        if not self.validlink and response.status_code == 200:
            event_record(
                action=Event.Action.PASSWORD_RESET_REFUSED,
                actor_name=self.named,
                detail="invalid, used or expired link, or a deactivated account",
            )
        return response


class PasswordResetCompleteView(AdminContextMixin, auth_views.PasswordResetCompleteView):
    pass


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def own_sessions(request):
    """The signed-in staff member's sessions, and signing out everywhere else."""
    if request.method == "POST":
        ended = sessions.sessions_end(user=request.user, keep=request.session.session_key)
        event_record(
            action=Event.Action.SESSIONS_ENDED, target=request.user, detail=f"{ended} ended"
        )
        messages.success(request, _("Signed out of %(count)d other sessions.") % {"count": ended})
        return redirect("accounts:sessions")
    context = {
        **admin.site.each_context(request),
        "title": _("Your sessions"),
        "person": request.user,
        "staff_sessions": sessions.sessions_of(request.user),
        "current_key": request.session.session_key,
    }
    return render(request, "accounts/sessions.html", context)
