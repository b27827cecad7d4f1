from django.apps import AppConfig


class EditionsConfig(AppConfig):
    """The editions (one per language in settings.LANGUAGES) and how an address names one.
    Imports no content app: content apps ask it which edition an address or a row belongs to."""

    name = "editions"
    verbose_name = "Editions"
