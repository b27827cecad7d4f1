"""Is a worker taking jobs? Read from when the heartbeat job (jobs.tasks) last finished."""

import dataclasses
import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable

from .tasks import heartbeat


def last_heartbeat() -> datetime.datetime | None:
    return (
        DBTaskResult.objects.successful()
        .filter(task_path=heartbeat.module_path)
        .order_by("-finished_at")
        .values_list("finished_at", flat=True)
        .first()
    )


def worker_stalled(*, now: datetime.datetime | None = None) -> str:
    """Why the workers count as stopped ('' while one ran the heartbeat within
    WORKER_STALLED_MINUTES)."""
    beat = last_heartbeat()
    limit = datetime.timedelta(minutes=settings.WORKER_STALLED_MINUTES)
    if beat is None:
        return "no worker has ever run the heartbeat job"
    if (now or timezone.now()) - beat > limit:
        return f"no worker has run a job since {beat:%Y-%m-%d %H:%M:%S} UTC"
    return ""


@dataclasses.dataclass
class WorkerHeartbeat(HealthCheck):
    """For the full health check (/healthz/full): a worker ran the heartbeat job lately."""

    def run(self):
        if reason := worker_stalled():
            raise ServiceUnavailable(reason)
