"""The site's own periodic jobs (registered in jobs.apps); each is idempotent."""

import datetime

from django.contrib.sessions.models import Session
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

# Finished task results (e-mail jobs, periodic runs) kept for looking into, then deleted.
KEEP_RESULTS = datetime.timedelta(days=30)


@task()
def heartbeat() -> str:
    """Proof that a worker is taking jobs: the worker health check reads when this last ran."""
    return timezone.now().isoformat()


@task()
def clear_expired_sessions() -> int:
    """Delete expired staff sessions (what `manage.py clearsessions` does for the database)."""
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted


@task()
def prune_finished_jobs() -> int:
    """Delete results of jobs that finished over a month ago; queued and running ones stay."""
    cutoff = timezone.now() - KEEP_RESULTS
    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return deleted
