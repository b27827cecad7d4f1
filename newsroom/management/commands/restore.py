from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` (the newest, or the files named) into an "
        "empty database and an empty MEDIA_ROOT. Refuses to touch either if it holds anything."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database-file", help="Database backup file (default: newest).")
        parser.add_argument("--media-file", help="Media backup file (default: newest).")

    def handle(self, *args, database_file=None, media_file=None, **options):
        tables = connection.introspection.table_names()
        if tables:
            raise CommandError(
                f"Refusing to restore: the database {connection.settings_dict['NAME']!r} already "
                f"has {len(tables)} tables. Restore into a new, empty database (createdb, then "
                "point DATABASE_URL at it); nothing was changed."
            )
        media = Path(settings.MEDIA_ROOT)
        if media.exists() and any(media.iterdir()):
            raise CommandError(
                f"Refusing to restore: MEDIA_ROOT ({media}) is not empty. Restore into an empty "
                "folder; nothing was changed."
            )
        media.mkdir(parents=True, exist_ok=True)
        quiet = {"verbosity": options["verbosity"], "interactive": False, "uncompress": True}
        call_command("dbrestore", input_filename=database_file, **quiet)
        call_command("mediarestore", input_filename=media_file, **quiet)
        self.stdout.write("Database and media restored.")
