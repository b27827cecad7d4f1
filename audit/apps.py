from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("Audit log")

    def ready(self):
        # Here, not at the top: both import models, which are not loaded at import time.
        from . import receivers  # noqa: F401 (connects the signal receivers)
        from .periodic import register

        register()
