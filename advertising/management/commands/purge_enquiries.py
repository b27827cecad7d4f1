from django.conf import settings
from django.core.management.base import BaseCommand

from advertising.services import enquiries_purge


class Command(BaseCommand):
    help = (
        "Apply the retention period (ENQUIRY_RETENTION_DAYS) to closed enquiries: delete spam, "
        "anonymise won and lost. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            help="Retention in days (default: ENQUIRY_RETENTION_DAYS).",
        )

    def handle(self, *args, days=None, **options):
        days = settings.ENQUIRY_RETENTION_DAYS if days is None else days
        deleted, anonymised = enquiries_purge(days=days)
        self.stdout.write(
            f"Closed enquiries older than {days} days: {deleted} deleted, {anonymised} anonymised."
        )
