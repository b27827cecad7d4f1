"""Loops the task worker (`manage.py run_worker`) runs beside its jobs, each in a thread of its
own: the periodic jobs' schedule, and whatever an app registers from its AppConfig.ready() with
`beside(loop)` (the edge's purge sender). A loop is called as `loop(stop=<threading.Event>)`,
returns once the event is set, and waits out a database outage itself."""

LOOPS = []


def beside(loop) -> None:
    """Run `loop` in every task worker."""
    if loop not in LOOPS:
        LOOPS.append(loop)
