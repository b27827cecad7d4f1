import os
from pathlib import Path

from dbbackup.storage import get_storage
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump) and then the media files (a tar of MEDIA_ROOT), "
        "compressed, to BACKUP_DIR (or BACKUP_S3_BUCKET), keeping the newest BACKUP_KEEP of each."
    )

    def handle(self, *args, **options):
        media = Path(settings.MEDIA_ROOT)
        if not media.is_dir() or not os.access(media, os.R_OK | os.X_OK):
            raise CommandError(f"MEDIA_ROOT ({media}) is missing or unreadable: nothing backed up.")
        quiet = {"verbosity": options["verbosity"]}
        storage = get_storage()
        before = _names(storage)
        try:
            # The database first: uploads are never overwritten, so every file a dumped row
            # names is already in MEDIA_ROOT when the media are read a moment later.
            call_command("dbbackup", compress=True, **quiet)
            call_command("mediabackup", compress=True, **quiet)
        except OSError as error:  # e.g. the disk filled up
            # A cut-off file would pass for the newest backup: remove what this run wrote.
            for name in _names(storage) - before:
                storage.delete_file(name)
            raise CommandError(
                f"Backup failed: {error}. Nothing from this run was kept; the previous "
                "backups are untouched (`manage.py listbackups`)."
            ) from error
        # Old backups go only once both halves of this one are safely written.
        for kind in ("db", "media"):
            storage.clean_old_backups(compressed=True, content_type=kind)
        self.stdout.write("Database and media backed up.")


def _names(storage) -> set[str]:
    try:
        return set(storage.list_directory())
    except FileNotFoundError:  # BACKUP_DIR is made by the first backup
        return set()
