from django.apps import AppConfig
from django.core.signals import setting_changed

from . import registry


class EditionsConfig(AppConfig):
    """The editions (one per language in settings.LANGUAGES) and how an address names one.
    Imports no content app: content apps ask it which edition an address or a row belongs to."""

    name = "editions"
    verbose_name = "Editions"

    def ready(self):
        setting_changed.connect(forget_editions, dispatch_uid="editions-settings")


EDITION_SETTINGS = {"LANGUAGES", "LANGUAGE_CODE", "EDITIONS", "EDITION_HOSTS", "SITE_NAME"}


def forget_editions(*, setting, **kwargs):
    """The editions are worked out once from the settings: again when a test changes one."""
    if setting in EDITION_SETTINGS:
        registry.all_editions.cache_clear()
