"""Periodic jobs without cron: the task worker (`manage.py run_worker`) queues each registered
job once per slot of its period, on the database task queue it already runs.

Apps register their jobs from AppConfig.ready() with `every(period, task)`. A slot is a period
counted from the Unix epoch (a daily job's slot starts at 00:00 UTC); the first worker to insert
the (job, slot) row queues the job in the same transaction, and every other worker's insert
fails on the unique constraint, so a slot runs once however many workers are scheduling. A job
whose slot passed while no worker ran is queued once, at the next check, not once per missed
slot. Jobs themselves are idempotent (a purge, a sweep): running one again is harmless.
"""

import datetime
import logging
from dataclasses import dataclass

from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import timezone
from django_tasks.base import Task

from .models import JobRun

logger = logging.getLogger(__name__)

# The heartbeat's period: the worker health check (jobs.health) counts missed beats.
HEARTBEAT_EVERY = datetime.timedelta(minutes=1)
# Slot claims older than this are deleted as the schedule runs.
KEEP_CLAIMS = datetime.timedelta(days=7)


@dataclass(frozen=True)
class Job:
    task: Task
    period: datetime.timedelta

    @property
    def name(self) -> str:
        return self.task.module_path

    def slot(self, now: datetime.datetime) -> datetime.datetime:
        seconds = self.period.total_seconds()
        start = now.timestamp() // seconds * seconds
        return datetime.datetime.fromtimestamp(start, tz=datetime.UTC)


JOBS: dict[str, Job] = {}


def every(period: datetime.timedelta, task: Task) -> None:
    """Run `task` (a django-tasks task taking no arguments) once per `period`."""
    job = Job(task=task, period=period)
    JOBS[job.name] = job


def schedule_due(*, now: datetime.datetime | None = None) -> list[str]:
    """Queue every job whose current slot nobody has claimed yet; returns the names queued."""
    now = now or timezone.now()
    queued = []
    for job in JOBS.values():
        try:
            with transaction.atomic():
                JobRun.objects.create(job=job.name, slot=job.slot(now))
                job.task.enqueue()
            queued.append(job.name)
        except IntegrityError:
            pass  # this slot is already claimed: by another worker, or by us earlier
    JobRun.objects.filter(slot__lt=now - KEEP_CLAIMS).delete()
    return queued


def run_schedule(*, stop, interval: float = 15) -> None:
    """`schedule_due` every `interval` seconds until `stop` (a threading.Event) is set.

    A database outage is logged and waited out: the worker's thread must outlive it.
    """
    while not stop.is_set():
        try:
            queued = schedule_due()
            if queued:
                logger.info("Queued periodic jobs: %s", ", ".join(queued))
        except DatabaseError:
            logger.exception("Periodic jobs: the database is not answering; trying again")
        finally:
            connection.close()  # a fresh one next time: the server may have restarted
        stop.wait(interval)
