"""The advertising desk's periodic jobs, scheduled by the task worker (jobs.schedule)."""

import datetime

from django.conf import settings
from django_tasks import task

from jobs.schedule import every

from .services import enquiries_purge
from .tasks import sweep_notify_jobs


@task()
def purge_enquiries() -> list[int]:
    """`manage.py purge_enquiries`, daily: the retention period applied to closed enquiries."""
    return list(enquiries_purge(days=settings.ENQUIRY_RETENTION_DAYS))


def register() -> None:
    every(datetime.timedelta(days=1), purge_enquiries)
    # Each e-mail job queues its own sweep; this one also finds jobs lost some other way
    # (a worker killed before its sweep was queued, a database restored from a backup).
    every(datetime.timedelta(minutes=10), sweep_notify_jobs)
