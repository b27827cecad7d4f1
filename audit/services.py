"""Recording audit events. Call `event_record` from a workflow, or let a receiver do it."""

from __future__ import annotations

import contextvars
import logging

from django.http import HttpRequest

from newsroom.addresses import client_address

from .models import Event

logger = logging.getLogger(__name__)

# The request being served (set by AuditContextMiddleware): receivers of Django's and the
# libraries' signals get no request, yet the event must say who and from where.
current_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar(
    "audit_request", default=None
)


def event_record(
    *,
    action: Event.Action,
    target: object = "",
    detail: str = "",
    actor=None,
    actor_name: str = "",
    request: HttpRequest | None = None,
) -> Event:
    """Record one event. Who and from where default to the current request's user and address;
    `actor_name` names someone who is not signed in (a failed sign-in's username)."""
    request = request or current_request.get()
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            actor = user
    address = client_address(request) if request is not None else ""
    event = Event.objects.create(
        action=action,
        actor=actor,
        actor_name=(actor.get_username() if actor is not None else actor_name)[:150],
        address=address[:45],
        target=str(target)[:300],
        detail=detail,
    )
    logger.info("audit: %s", event)
    return event


def events_prune(*, days: int) -> int:
    """Delete events past the retention period; returns how many."""
    deleted, _ = Event.objects.past_retention(days=days).delete()
    return deleted
