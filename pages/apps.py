from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Fixed pages")

    def ready(self):
        # Here, not at the top: models (ours and the ones these modules use) can be imported
        # only once the app registry is ready.
        from freshness.signals import watch

        from .models import Page

        watch(Page)  # cached pages end when a fixed page changes
