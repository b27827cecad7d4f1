"""The full health check for monitoring (/healthz/full, django-health-check): database, cache,
media storage, migrations and the task workers. /healthz stays the load balancer's cheap probe."""

import dataclasses
import datetime
from concurrent.futures import ThreadPoolExecutor

from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor
from health_check.base import HealthCheck
from health_check.checks import Cache, Database, Storage
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

from jobs.health import WorkerHeartbeat


@dataclasses.dataclass
class Migrations(HealthCheck):
    """Every migration of this release is applied (a deploy that skipped `migrate` fails)."""

    # Loading the migration graph imports every migration: slow the first time in a process.
    timeout = datetime.timedelta(seconds=30)
    # Once applied, applied for this process's life: its code (and migrations) cannot change.
    all_applied = False

    def run(self):
        if Migrations.all_applied:
            return
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            names = ", ".join(f"{m.app_label}.{m.name}" for m, _ in pending[:5])
            raise ServiceUnavailable(f"{len(pending)} migrations not applied: {names}")
        Migrations.all_applied = True


class _ClosingExecutor(ThreadPoolExecutor):
    """Runs the checks in threads, each closing the database connection it opened: threads
    outside the request cycle would otherwise keep theirs open until collected."""

    def submit(self, fn, /, *args, **kwargs):
        def run():
            try:
                return fn(*args, **kwargs)
            finally:
                connections.close_all()

        return super().submit(run)


class FullHealthView(HealthCheckView):
    checks = [Database, Cache, Storage, Migrations, WorkerHeartbeat]

    def get_executor(self):
        return _ClosingExecutor(max_workers=4)


full_health = FullHealthView.as_view()
