from pathlib import Path

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
        if not media.is_dir() or not media.stat().st_mode & 0o444:
            raise CommandError(f"MEDIA_ROOT ({media}) is missing or unreadable: nothing backed up.")
        quiet = {"verbosity": options["verbosity"]}
        try:
            # The database first: uploads are never overwritten, so every file a dumped row
            # names is already in MEDIA_ROOT when the media are read a moment later.
            call_command("dbbackup", clean=True, compress=True, **quiet)
            call_command("mediabackup", clean=True, compress=True, **quiet)
        except OSError as error:  # e.g. the disk filled up
            raise CommandError(
                f"Backup failed: {error}. This run's backup is incomplete: do not restore "
                "from it (`manage.py listbackups`; the previous ones are kept)."
            ) from error
        self.stdout.write("Database and media backed up.")
