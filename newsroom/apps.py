import datetime

from django.apps import AppConfig
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.db.models.signals import post_migrate

from . import checks  # noqa: F401  (registers the deployment checks)
from .roles import sync_roles


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        # After every migrate and every test-database flush, so the groups always exist.
        post_migrate.connect(sync_roles, dispatch_uid="newsroom.sync_roles")
        # Django's table of languages has Tamil but not Sinhala; get_language_info() (the
        # admin's per-language fields ask it) needs every edition's entry.
        LANG_INFO.setdefault(
            "si", {"bidi": False, "code": "si", "name": "Sinhala", "name_local": "සිංහල"}
        )
        if settings.BACKUP_EVERY_HOURS:
            # Here, not at the top: the task module needs the app registry ready.
            from jobs.schedule import every

            from .tasks import backup

            every(datetime.timedelta(hours=settings.BACKUP_EVERY_HOURS), backup)
