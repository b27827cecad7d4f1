from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvertisingConfig(AppConfig):
    name = "advertising"
    verbose_name = _("Advertising")

    def ready(self):
        # Here, not at the top: the jobs import models, which are not loaded at import time.
        from .periodic import register

        register()
