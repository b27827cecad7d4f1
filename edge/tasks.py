"""Sending purges to the edge: at once by the worker's purge sender (edge.sender), and by a job
on the database task queue as the fallback that outlives a missed wake-up.

A purge row is its own schedule: it is sent once `due_at` has come (at once for a change, at its
time for a scheduled one, later for a retry). Every send takes every purge that is due, as few
requests as the backend allows (the tags and addresses of many edits together; a purge of
everything makes the rest needless). A failed send records the error on each purge and moves it
EDGE_PURGE_RETRY_SECONDS on, doubling, at most MAX_RETRY_SECONDS, without end: a purge is never
dropped. The admin lists purges not yet sent and can send them again.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from .backends import PurgeFailed, backend
from .models import Purge

logger = logging.getLogger(__name__)

MAX_RETRY_SECONDS = 900
# Longer than any page takes to render: a page rendered before a change and stored at the edge
# after its purge is purged again by the repeat.
REPEAT_SECONDS = 10
BATCH = 1000  # purges sent by one pass; a pass that fills it queues the next


def retry_delay(attempt: int) -> datetime.timedelta:
    """How long to wait after the `attempt`-th failed try."""
    seconds = settings.EDGE_PURGE_RETRY_SECONDS * 2 ** min(attempt - 1, 20)
    return datetime.timedelta(seconds=min(seconds, MAX_RETRY_SECONDS))


def purges_send() -> int:
    """Send the purges that are due; returns how many were sent. Raises PurgeFailed (after
    recording it on them and moving them on to their next try) when the edge did not confirm."""
    failure = None
    with transaction.atomic():
        # Locked while sending, so two senders never send the same purges; others skip them.
        pending = list(
            Purge.objects.due().select_for_update(skip_locked=True).order_by("pk")[:BATCH]
        )
        if not pending:
            return 0
        try:
            _send(backend(), pending)
        except PurgeFailed as error:
            failure = error
            _record_failure(pending, error)
        else:
            Purge.objects.filter(pk__in=[purge.pk for purge in pending]).update(
                attempts=F("attempts") + 1, last_error="", sent_at=timezone.now()
            )
    if failure:
        raise failure
    _repeat([purge for purge in pending if not purge.repeat])
    if len(pending) == BATCH:
        send_purges.enqueue()
    return len(pending)


def _record_failure(pending, error) -> None:
    now = timezone.now()
    attempt = 1 + max(purge.attempts for purge in pending)
    due = now + retry_delay(attempt)
    Purge.objects.filter(pk__in=[purge.pk for purge in pending]).update(
        attempts=F("attempts") + 1, last_error=f"{now:%Y-%m-%d %H:%M:%S} {error}", due_at=due
    )
    send_purges.using(run_after=due).enqueue()
    logger.warning("Edge purge failed (try %s), trying again at %s: %s", attempt, due, error)


def _repeat(sent) -> None:
    if not sent:
        return
    due = timezone.now() + datetime.timedelta(seconds=REPEAT_SECONDS)
    with transaction.atomic():
        Purge.objects.create(
            tags=sorted({tag for purge in sent for tag in purge.tags}),
            urls=list(dict.fromkeys(url for purge in sent for url in purge.urls)),
            everything=any(purge.everything for purge in sent),
            due_at=due,
            repeat=True,
        )
        send_purges.using(run_after=due).enqueue()


def _send(edge, pending) -> None:
    if any(purge.everything for purge in pending):
        edge.purge_everything()  # the rest is needless
        return
    if tags := {tag for purge in pending for tag in purge.tags}:
        edge.purge_tags(sorted(tags))
    if urls := list(dict.fromkeys(url for purge in pending for url in purge.urls)):
        edge.purge_urls(urls)


@task()
def send_purges(*_earlier) -> int:
    """`purges_send` as a job: what the purge sender has not sent by the job's time (a missed
    wake-up, a worker without the sender), sent now; a failure has queued the next try.
    (`_earlier`: the try count that jobs queued by earlier releases carry; rows count now.)"""
    try:
        return purges_send()
    except PurgeFailed:
        return 0
