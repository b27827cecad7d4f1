from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from .roles import sync_roles

        # After every migrate and every test-database flush, so the groups always exist.
        post_migrate.connect(sync_roles, dispatch_uid="newsroom.sync_roles")
