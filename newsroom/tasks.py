"""Site-wide background jobs."""

from django.core.management import call_command
from django_tasks import task


@task()
def backup() -> None:
    """`manage.py backup`, every BACKUP_EVERY_HOURS when set (registered in newsroom.apps)."""
    call_command("backup", verbosity=0)
