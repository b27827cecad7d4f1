from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Fixed pages")

    def ready(self):
        from freshness.signals import watch

        from .models import Page

        watch(Page)  # cached pages end when a fixed page changes
