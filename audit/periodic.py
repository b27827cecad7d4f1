"""The audit log's periodic job, scheduled by the task worker (jobs.schedule)."""

import datetime

from django.conf import settings
from django_tasks import task

from jobs.schedule import every

from .services import events_prune


@task()
def prune_audit_events() -> int:
    """`manage.py audit_prune`, daily: events older than the retention period go."""
    return events_prune(days=settings.AUDIT_RETENTION_DAYS)


def register() -> None:
    every(datetime.timedelta(days=1), prune_audit_events)
