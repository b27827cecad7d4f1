"""Settings for the benchmark's app server: the production settings plus the baseline page.

bench/run.py starts gunicorn with DJANGO_SETTINGS_MODULE=bench.settings; the site itself never
routes, excludes or configures anything for the benchmark.
"""

from newsroom.settings import *  # noqa: F403
from newsroom.settings import MIDDLEWARE

ROOT_URLCONF = "bench.urls"
# The same stack, with a page cache that steps aside for the baseline (bench.baseline).
MIDDLEWARE = [name.replace("freshness.pagecache.", "bench.baseline.", 1) for name in MIDDLEWARE]
