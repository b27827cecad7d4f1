"""The worker's purge sender: each purge goes to the edge the moment its change commits, and a
scheduled one at its time.

The task worker looks for jobs only every `--interval` (a second by default) and cannot be
woken, so a purge sent as a job alone waited for its poll. This loop, a thread of `run_worker`
(jobs.loops), sleeps instead until PostgreSQL notifies it (`wake()`: a NOTIFY in the
transaction that records the purge, delivered at the commit and never for a rolled-back change)
or until the next purge falls due, whichever comes first. It needs nothing but the database the
purges live in, so purges go out while Redis is down, and the web request makes no call to the
edge. The purge row stays the durable record and the job queued with it (edge.tasks) the
fallback: a notification missed while the sender reconnects, or a worker without it, delays a
purge until that job or the sender's next look (POLL_SECONDS), never loses it. Without
PostgreSQL (SQLite in development) the sender looks every POLL_SECONDS.
"""

import logging
import time

import psycopg
from django.conf import settings
from django.db import connection, connections
from django.db.models import Min
from django.utils import timezone

from freshness.generation import cache_reachable

from .backends import PurgeFailed
from .models import Purge
from .tasks import purges_send

logger = logging.getLogger(__name__)

CHANNEL = "edge_purge"
POLL_SECONDS = 2.0  # the longest wait between looks, notification or not
RETRY_SECONDS = 2.0  # after the database failed to answer
STOP_SECONDS = 0.5  # how soon a waiting sender notices it is to stop
MIN_WAIT_SECONDS = 0.05


def wake(*, using: str = "default") -> None:
    """Wake the senders once the current transaction commits (PostgreSQL; elsewhere they poll)."""
    if connections[using].vendor == "postgresql":
        with connections[using].cursor() as cursor:
            cursor.execute(f"NOTIFY {CHANNEL}")


def run_sender(*, stop) -> None:
    """Send due purges until `stop` (a threading.Event) is set; see the module docstring. A
    database outage is logged and waited out."""
    if settings.EDGE_BACKEND == "none":
        return
    listener = None
    while not stop.is_set():
        try:
            if listener is None:
                listener = _listen()
            _send_due()
            wait = _seconds_to_next_due()
            connection.close()  # back to the pool while waiting
            _wait(listener, stop, wait)
        except Exception:  # the database gone, or a fault: the thread must outlive it
            logger.exception("Edge purges: the sender failed; trying again")
            connection.close()
            if listener is not None:
                listener.close()
                listener = None
            stop.wait(RETRY_SECONDS)
    if listener is not None:
        listener.close()


def _listen():
    if connection.vendor != "postgresql":
        return None
    # A connection of its own, outside Django's pool: it keeps listening between looks.
    listener = psycopg.connect(**connection.get_connection_params(), autocommit=True)
    listener.execute(f"LISTEN {CHANNEL}")
    return listener


def _send_due() -> None:
    # A change whose bump could not reach the cache (a Redis timeout) left the origin's copies of
    # its pages valid: end them (freshness.generation's deferred bumps) before the edge fetches
    # them again, or it would keep the old page for its whole lifetime. Redis down: sent anyway.
    cache_reachable()
    try:
        while purges_send():
            pass
    except PurgeFailed:
        pass  # recorded on the purges, which are due again later (edge.tasks)


def _seconds_to_next_due() -> float:
    due = Purge.objects.pending().aggregate(next=Min("due_at"))["next"]
    if due is None:
        return POLL_SECONDS
    # Not 0 for a purge already due: another worker may be sending it (locked, skipped here).
    return min(POLL_SECONDS, max(MIN_WAIT_SECONDS, (due - timezone.now()).total_seconds()))


def _wait(listener, stop, seconds: float) -> None:
    """Until a notification, `seconds`, or `stop`, whichever comes first."""
    if listener is None:
        stop.wait(seconds)
        return
    deadline = time.monotonic() + seconds
    while not stop.is_set() and (left := deadline - time.monotonic()) > 0:
        if next(listener.notifies(timeout=min(left, STOP_SECONDS), stop_after=1), None):
            return
