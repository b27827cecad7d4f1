import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = _("Periodic jobs")

    def ready(self):
        # Here, not at the top: tasks import models, which are not loaded yet at import time.
        from . import loops, schedule, tasks

        loops.beside(schedule.run_schedule)
        schedule.every(schedule.HEARTBEAT_EVERY, tasks.heartbeat)
        schedule.every(datetime.timedelta(days=1), tasks.clear_expired_sessions)
        schedule.every(datetime.timedelta(days=1), tasks.prune_finished_jobs)
