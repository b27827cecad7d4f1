"""Deployment checks of our own, run by `manage.py check --deploy` with Django's."""

import os
from pathlib import Path

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.files, deploy=True)
def media_root_writable(app_configs, **kwargs):
    """Uploads on the filesystem need MEDIA_ROOT to exist and be writable, or every upload
    fails (and `backup` stops) long after the deploy looked fine."""
    if settings.STORAGES["default"]["BACKEND"] != "django.core.files.storage.FileSystemStorage":
        return []
    media = Path(settings.MEDIA_ROOT)
    if not media.is_dir():
        problem = "does not exist"
    elif not os.access(media, os.R_OK | os.W_OK | os.X_OK):
        problem = "is not readable and writable by this user"
    else:
        return []
    return [
        checks.Error(
            f"MEDIA_ROOT ({media}) {problem}: uploads and backups would fail.",
            hint="Create it, owned by the user the app servers and the worker run as.",
            id="newsroom.E001",
        )
    ]
