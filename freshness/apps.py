from django.apps import AppConfig


class FreshnessConfig(AppConfig):
    """The content generation, the anonymous page cache and the Redis cache backend. Imports no
    content app: each registers its reader-visible models and scheduled changes from its own
    AppConfig.ready()."""

    name = "freshness"
    verbose_name = "Freshness"
