from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Fixed pages")

    def ready(self):
        # Here, not at the top: models (ours and the ones these modules use) can be imported
        # only once the app registry is ready.
        from freshness.generation import every_edition
        from freshness.signals import watch

        from .models import Page

        # A fixed page shows in every page's footer, in every edition.
        watch(Page, tags=lambda row, before: {f"page:{row.pk}", "chrome", *every_edition()})
