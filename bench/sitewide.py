"""Bench only: re-registers every watched model so that any change bumps EVERY, the tag every
cached entry carries — the site-wide generation that tags replaced (bench/settings_sitewide.py).
"""

from django.apps import AppConfig


class SiteWideConfig(AppConfig):
    name = "bench"
    label = "bench_sitewide"

    def ready(self):
        from freshness import signals
        from freshness.generation import EVERY

        for model in list(signals._rules):
            signals.watch(model, tags=lambda row, before: {EVERY})
