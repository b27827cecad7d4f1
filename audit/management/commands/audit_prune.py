from django.conf import settings
from django.core.management.base import BaseCommand

from audit.services import events_prune


class Command(BaseCommand):
    help = "Delete audit events older than AUDIT_RETENTION_DAYS (the worker does it daily)."

    def handle(self, *args, **options):
        deleted = events_prune(days=settings.AUDIT_RETENTION_DAYS)
        self.stdout.write(f"Deleted {deleted} audit events.")
