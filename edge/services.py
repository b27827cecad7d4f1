"""Purges: recorded with the change that needs them, sent by the task worker after commit."""

from django.conf import settings
from django.db import transaction

from .models import Purge
from .tasks import send_purges


def purge_enqueue(*, purge: Purge, using: str = "default") -> None:
    """Queue the sending of a saved purge. The job is queued in the caller's transaction, so
    the purge and its job commit (or roll back) together, and the worker sends it only after
    the commit."""
    with transaction.atomic(using=using):
        send_purges.enqueue()


def edge_purge(
    *, tags=(), urls=(), everything: bool = False, requested_by=None, using: str = "default"
) -> Purge | None:
    """Purge `tags`, `urls` (absolute addresses) or everything from the edge; None when there
    is no edge (EDGE_BACKEND=none)."""
    if settings.EDGE_BACKEND == "none" or not (tags or urls or everything):
        return None
    purge = Purge.objects.using(using).create(
        tags=sorted(set(tags)),
        urls=list(dict.fromkeys(urls)),
        everything=everything,
        requested_by=requested_by,
    )
    purge_enqueue(purge=purge, using=using)
    return purge


def content_changed(*, tags: set[str], using: str = "default") -> None:
    """A change readers could see (freshness.changes): purge the tags of the pages it ends.

    One save changes several rows (an article, its bylines, its old addresses): their tags go
    into one purge per transaction. No worker can see that purge before the commit, so adding
    to it cannot race a send.
    """
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
