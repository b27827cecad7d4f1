"""Sending purges to the edge, run by the database task queue's `db_worker`.

Every job sends every purge not yet sent, as few requests as the backend allows (the tags and
addresses of many edits together; a purge of everything makes the rest needless). The task
library has no retries yet: a failed send records the error on each purge and queues the next
try itself, waiting EDGE_PURGE_RETRY_SECONDS, doubling, at most MAX_RETRY_SECONDS, without end:
a purge is never dropped. The admin lists purges not yet sent and can queue them again (if a
worker died while sending).
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
BATCH = 1000  # purges sent by one job; a job that fills it queues the next


def retry_delay(attempt: int) -> datetime.timedelta:
    """How long to wait after the `attempt`-th failed try."""
    seconds = settings.EDGE_PURGE_RETRY_SECONDS * 2 ** min(attempt - 1, 20)
    return datetime.timedelta(seconds=min(seconds, MAX_RETRY_SECONDS))


def purges_send() -> int:
    """Send the purges not yet sent; returns how many were sent. Raises PurgeFailed (after
    recording it on them) when the edge did not confirm them."""
    failure = None
    with transaction.atomic():
        # Locked while sending, so two workers never send the same purges; others skip them.
        pending = list(
            Purge.objects.due().select_for_update(skip_locked=True).order_by("pk")[:BATCH]
        )
        if not pending:
            return 0
        try:
            _send(backend(), pending)
        except PurgeFailed as error:
            failure = error
        Purge.objects.filter(pk__in=[purge.pk for purge in pending]).update(
            attempts=F("attempts") + 1,
            last_error=f"{timezone.now():%Y-%m-%d %H:%M:%S} {failure}" if failure else "",
            sent_at=None if failure else timezone.now(),
        )
    if failure:
        raise failure
    _repeat([purge for purge in pending if not purge.repeat])
    if len(pending) == BATCH:
        send_purges.enqueue()
    return len(pending)


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
def send_purges(attempt: int = 1) -> int:
    """`purges_send` in the worker, trying again later when the edge did not confirm."""
    try:
        return purges_send()
    except PurgeFailed as error:
        delay = retry_delay(attempt)
        logger.warning("Edge purge failed (try %s), trying again in %s: %s", attempt, delay, error)
        send_purges.using(run_after=timezone.now() + delay).enqueue(attempt + 1)
        return 0
