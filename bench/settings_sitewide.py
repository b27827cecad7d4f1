"""The benchmark's app server with the invalidation of the release before tags: every change
ends every cached page (one generation for the whole site). Only for the election-night
comparison (bench/election_night.py); the desk process uses it too, since the rule runs where
the change is made."""

from bench.settings import *  # noqa: F403
from bench.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench.sitewide.SiteWideConfig"]
