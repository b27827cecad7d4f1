"""A staff member's sessions: their times, where they came from, and ending them.

Readers never get a session, so the session table holds only staff's: a user's sessions are
found by reading the live rows. Each session carries when it signed in, when it was last used
and from where, which is all the list shows, so no second table has to be kept in step.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import import_module

from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone

from newsroom.addresses import client_address

SIGNED_IN_AT = "staff_signed_in_at"
LAST_SEEN = "staff_last_seen"
ADDRESS = "staff_address"
USER_AGENT = "staff_user_agent"


@dataclass(frozen=True)
class StaffSession:
    key: str
    signed_in_at: datetime | None
    last_seen: datetime | None
    address: str
    user_agent: str

    @property
    def short_key(self) -> str:
        return self.key[:8]


def _when(seconds) -> datetime | None:
    return datetime.fromtimestamp(seconds, tz=UTC) if seconds else None


def store(session_key: str | None = None):
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key=session_key)


def _user_sessions(user):
    for row in Session.objects.filter(expire_date__gt=timezone.now()).order_by("expire_date"):
        data = row.get_decoded()
        if str(data.get(SESSION_KEY)) == str(user.pk):
            yield row.session_key, data


def sessions_of(user) -> list[StaffSession]:
    """The user's live sessions, most recently used first."""
    found = [
        StaffSession(
            key=key,
            signed_in_at=_when(data.get(SIGNED_IN_AT)),
            last_seen=_when(data.get(LAST_SEEN)),
            address=data.get(ADDRESS, ""),
            user_agent=data.get(USER_AGENT, ""),
        )
        for key, data in _user_sessions(user)
        # A session signed in under an old password is already dead (Django checks the hash).
        if data.get(HASH_SESSION_KEY) == user.get_session_auth_hash()
    ]
    return sorted(found, key=lambda s: s.last_seen or s.signed_in_at or _when(1), reverse=True)


def sessions_end(*, user, keep: str | None = None) -> int:
    """End every session of the user but `keep` (the one making the request); returns how many."""
    ended = 0
    for key, _data in list(_user_sessions(user)):
        if key != keep:
            store(key).delete()  # the cached copy too
            ended += 1
    return ended


def now() -> int:
    return int(time.time())


def touch(request) -> None:
    """Record in the session that it is in use now, from this address and browser."""
    session = request.session
    session[LAST_SEEN] = now()
    session[ADDRESS] = client_address(request)
    session[USER_AGENT] = request.headers.get("User-Agent", "")[:200]
