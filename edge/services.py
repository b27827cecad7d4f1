"""Purges: recorded with the change that needs them, sent after commit by the worker's purge
sender (edge.sender), woken by the commit, with a job as the fallback (edge.tasks)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Purge
from .sender import wake
from .tasks import send_purges


def purge_enqueue(*, purge: Purge, using: str = "default") -> None:
    """Have a saved purge sent once it is due. The wake-up and the fallback job are made in the
    caller's transaction, so the purge, its job and the wake-up commit (or roll back) together,
    and nothing is sent before the commit."""
    with transaction.atomic(using=using):
        send_purges.using(run_after=max(purge.due_at, timezone.now())).enqueue()
        wake(using=using)


def edge_purge(
    *,
    tags=(),
    urls=(),
    everything: bool = False,
    at: datetime.datetime | None = None,
    requested_by=None,
    using: str = "default",
) -> Purge | None:
    """Purge `tags`, `urls` (absolute addresses) or everything from the edge, now or `at` a
    later time; None when there is no edge (EDGE_BACKEND=none)."""
    if settings.EDGE_BACKEND == "none" or not (tags or urls or everything):
        return None
    purge = Purge.objects.using(using).create(
        tags=sorted(set(tags)),
        urls=list(dict.fromkeys(urls)),
        everything=everything,
        due_at=at or timezone.now(),
        requested_by=requested_by,
    )
    purge_enqueue(purge=purge, using=using)
    return purge


def content_changed(
    *, tags: set[str], at: datetime.datetime | None = None, using: str = "default"
) -> None:
    """A change readers could see (freshness.changes): purge the tags of the pages it ends, now,
    or `at` the time it takes effect (a scheduled publish, an expiry).

    One save changes several rows (an article, its bylines, its old addresses): their tags go
    into one purge per transaction. No sender can see that purge before the commit, so adding
    to it cannot race a send.
    """
    if at is not None:
        edge_purge(tags=tags, at=at, using=using)
        return
    connection = transaction.get_connection(using)
    current = getattr(connection, "edge_purge_pk", None)
    if connection.in_atomic_block and current is not None:
        purge = Purge.objects.using(using).filter(pk=current, sent_at__isnull=True).first()
        if purge is not None:  # else its transaction was rolled back
            purge.tags = sorted(set(purge.tags) | set(tags))
            purge.save(update_fields=["tags"])
            return
    purge = edge_purge(tags=tags, using=using)
    if purge is not None and connection.in_atomic_block:
        connection.edge_purge_pk = purge.pk
        transaction.on_commit(lambda: setattr(connection, "edge_purge_pk", None), using=using)
