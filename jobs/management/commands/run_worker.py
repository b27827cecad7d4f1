import threading

from django_tasks_db.management.commands import db_worker

from jobs.loops import LOOPS


class Command(db_worker.Command):
    help = (
        "Run the task worker (django-tasks-db's db_worker, same options) and, beside it, the "
        "loops apps register (jobs.loops: the periodic jobs' schedule, the edge's purge "
        "sender). What the worker's systemd unit runs."
    )

    def handle(self, *args, **options):
        stop = threading.Event()
        # Daemon threads: they end with the worker, whose signal handling stays db_worker's own.
        for loop in LOOPS:
            threading.Thread(
                target=loop, kwargs={"stop": stop}, name=loop.__module__, daemon=True
            ).start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
