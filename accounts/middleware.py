"""Staff sessions' timeouts, and the second factor some staff must have before using the admin."""

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from audit.models import Event
from audit.services import event_record

from . import sessions
from .permissions import has_second_factor, second_factor_required

# How often a session's "last seen" is written back (seconds): not at every request.
TOUCH_EVERY = 60


class StaffSessionMiddleware:
    """Ends a session idle for STAFF_SESSION_IDLE_SECONDS, or older than
    STAFF_SESSION_MAX_SECONDS, and keeps the times and address the session list shows."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            session, now = request.session, sessions.now()
            signed_in = session.get(sessions.SIGNED_IN_AT) or now
            seen = session.get(sessions.LAST_SEEN) or now
            if now - seen > settings.STAFF_SESSION_IDLE_SECONDS:
                return self._end(request, "idle")
            if now - signed_in > settings.STAFF_SESSION_MAX_SECONDS:
                return self._end(request, "lifetime")
            # A session from before these records (or from a test's force_login) starts now.
            session.setdefault(sessions.SIGNED_IN_AT, signed_in)
            if sessions.LAST_SEEN not in session or now - seen >= TOUCH_EVERY:
                sessions.touch(request)
        return self.get_response(request)

    def _end(self, request, why):
        event_record(
            action=Event.Action.SESSION_EXPIRED, actor=request.user, request=request, detail=why
        )
        logout(request)
        login = reverse(settings.LOGIN_URL)
        path = request.get_full_path()
        return redirect(f"{login}?{urlencode({'next': path, 'ended': why})}")


class SecondFactorRequiredMiddleware:
    """A member of REQUIRE_2FA_GROUPS (or a superuser) who has no second factor yet is sent to
    enrolment before any other admin page; one who has a factor but signed in without it (a
    session from before it was required) signs in again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated:  # readers, and staff not signed in
            return self.get_response(request)
        admin_root = reverse("admin:index")
        # Their own account pages (enrolment among them), signing in and signing out.
        exempt = (f"{admin_root}account/", reverse("two_factor:login"), reverse("admin:logout"))
        if (
            request.path.startswith(admin_root)
            and not request.path.startswith(exempt)
            and not user.is_verified()
            and second_factor_required(user)
        ):
            if has_second_factor(user):
                logout(request)
                return redirect_to_login(request.get_full_path())
            return redirect(f"{reverse('two_factor:setup')}?{urlencode({'next': request.path})}")
        return self.get_response(request)
