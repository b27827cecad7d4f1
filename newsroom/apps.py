from django.apps import AppConfig
from django.db.models.signals import post_migrate

from .roles import sync_roles


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        # After every migrate and every test-database flush, so the groups always exist.
        post_migrate.connect(sync_roles, dispatch_uid="newsroom.sync_roles")
