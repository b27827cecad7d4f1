from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrandConfig(AppConfig):
    name = "brand"
    verbose_name = _("Site settings")

    def ready(self):
        # Here, not at the top: models can be imported only once the app registry is ready.
        from freshness.generation import every_edition
        from freshness.signals import watch

        from .models import SiteSettings

        # Every page shows the brand (header, footer, colours): a save ends them all, in every
        # edition, and the edge purges them with the same tags.
        watch(SiteSettings, tags=lambda row, before: {"chrome", *every_edition()})
