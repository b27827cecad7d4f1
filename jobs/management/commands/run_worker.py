import threading

from django_tasks_db.management.commands import db_worker

from jobs.schedule import run_schedule


class Command(db_worker.Command):
    help = (
        "Run the task worker (django-tasks-db's db_worker, same options) and, beside it, the "
        "periodic jobs' schedule (jobs.schedule). What the worker's systemd unit runs."
    )

    def handle(self, *args, **options):
        stop = threading.Event()
        # A daemon thread: it ends with the worker, whose signal handling stays db_worker's own.
        scheduler = threading.Thread(
            target=run_schedule, kwargs={"stop": stop}, name="periodic-jobs", daemon=True
        )
        scheduler.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
