import datetime

from django.core.management.base import BaseCommand

from advertising.tasks import notify_jobs_sweep, notify_stale_after


class Command(BaseCommand):
    help = (
        "Find enquiry e-mail jobs whose worker died mid-job, record the failure on the enquiry and "
        "queue the next attempt. Workers run this by themselves; safe to run anywhere, any time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale-after",
            type=int,
            help="Seconds after which a running job counts as lost (default: 20 x EMAIL_TIMEOUT).",
        )

    def handle(self, *args, stale_after=None, **options):
        stale = (
            notify_stale_after() if stale_after is None else datetime.timedelta(seconds=stale_after)
        )
        swept = notify_jobs_sweep(stale_after=stale)
        self.stdout.write(f"Lost e-mail jobs found and re-queued: {swept}.")
