"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py newsroom.wsgi`."""

import gc
import os

# Loopback by default: sync workers must never face clients directly. Each handles one connection
# at a time, so one idle or slow client holds a worker for the whole timeout (30 s); a proxy that
# buffers requests and responses (nginx, deploy/nginx/) takes that wait instead.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: reader pages are short, cached and CPU-bound. Keep
# workers x DATABASE_POOL_MAX_SIZE x app servers below PostgreSQL's max_connections.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"
timeout = 30
graceful_timeout = 20
keepalive = 5
# Load the application once in the master and fork workers from it: workers start (and
# restart) in milliseconds and share the imported code's memory. No connection is opened at
# import time, so none is shared across the fork.
preload_app = True
# Recycle workers now and then so a slow leak can never grow without bound.
max_requests = 20000
max_requests_jitter = 2000
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def pre_fork(server, worker):
    # What the preloaded app allocated lives as long as the master: frozen, no worker's garbage
    # collection walks it again (and copy-on-write leaves those pages shared).
    gc.freeze()


def post_fork(server, worker):
    # A page allocates tens of thousands of short-lived objects: collecting the youngest
    # generation every 20,000 allocations rather than 700 cut an article page's CPU by ~10%.
    gc.set_threshold(20_000, 10, 10)
