"""Newsroom settings: one module, configured only through the environment (see .env.example)."""

import datetime
import sys
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # optional; a missing file is ignored

DEBUG = env.bool("DEBUG", default=False)

DEVELOPMENT_SECRET_KEY = "insecure-development-key-not-for-production"
# Keys anyone can read: .env.example's placeholder, our development default, Django's own.
PUBLISHED_SECRET_KEYS = {"change-me-to-a-long-random-string", DEVELOPMENT_SECRET_KEY}


def weak_secret_key(key: str) -> str:
    """Why `key` must not sign anything in production ('' if it may). Whoever knows the key can
    mint preview links to every draft and forge sessions. Django's own deploy check's rule
    (50 characters, not django-insecure-), plus published keys and too few distinct characters."""
    if key in PUBLISHED_SECRET_KEYS or key.startswith("django-insecure-"):
        return "is a published example"
    if len(key) < 50:
        return "is shorter than 50 characters"
    if len(set(key)) < 10:
        return "has fewer than 10 distinct characters"
    return ""


SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        # A clear message rather than a traceback: the operator forgot one variable.
        sys.exit(
            "Newsroom will not start: SECRET_KEY is not set. Set SECRET_KEY in the environment "
            "(or .env) to a long random string, or set DEBUG=true for local development."
        )
    SECRET_KEY = DEVELOPMENT_SECRET_KEY
elif not DEBUG and (weakness := weak_secret_key(SECRET_KEY)):
    sys.exit(
        f"Newsroom will not start: SECRET_KEY {weakness}. Set it to a long random string, e.g. "
        "the output of: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Before the admin, as django-modeltranslation asks: it registers each app's translation.py.
    "modeltranslation",
    # Before the admin and django-two-factor-auth: its templates put their pages in the admin's.
    "accounts",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "two_factor",
    "two_factor.plugins.webauthn",
    "axes",
    "django_prose_editor",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "phonenumber_field",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "newsroom",
    "freshness",
    "authors",
    "articles",
    "advertising",
    "pages",
    "brand",
    "images",
    "demo",
    "editions",
    "edge",
    "api",
    "jobs",
    "dbbackup",
    "health_check",
    "audit",
]

MIDDLEWARE = [
    # First, so every log line of the request carries its id (newsroom/logs.py).
    "newsroom.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache: cached pages get the same headers, and entries never store them.
    "newsroom.headers.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the page cache: the edition's prefix is part of the address it keys on and resolves.
    "editions.middleware.EditionMiddleware",
    # Outside the page cache: the edge's headers from the tags of every page it serves.
    "edge.middleware.EdgeHeadersMiddleware",
    "freshness.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Who and from where, for the audit log's records made during this request.
    "audit.middleware.AuditContextMiddleware",
    "accounts.middleware.StaffSessionMiddleware",
    "accounts.middleware.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    # Reader pages: Jinja2, in jinja2/ (newsroom/jinja2.py says why). The admin's overrides,
    # e-mails and the news sitemap: Django templates, in each app's templates/ folder.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "newsroom.jinja2.environment",
            "context_processors": ["newsroom.context_processors.site"],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.identity",
            ],
        },
    },
]

# Database: SQLite by default, PostgreSQL (psycopg 3) through DATABASE_URL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's pool needs CONN_MAX_AGE = 0 and its options here: a URL cannot carry them.
    # Keep gunicorn workers x DATABASE_POOL_MAX_SIZE x app servers under max_connections.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=1),
        "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=4),
        "timeout": env.int("DATABASE_POOL_TIMEOUT", default=10),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default, Redis (shared by every app server) through CACHE_URL.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://newsroom")}
# Cached values are pickled objects: a release never reads another release's when each sets its
# own prefix (say, the commit it runs). The content generation ignores it (freshness.cache).
CACHES["default"]["KEY_PREFIX"] = env.str("CACHE_KEY_PREFIX", default="")
CACHES["default"]["KEY_FUNCTION"] = "freshness.cache.make_key"
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # One client per pool, and the site works on while Redis is down (see freshness.cache):
    # short socket timeouts, so a hung Redis costs a fraction of a second, not a request's life.
    CACHES["default"]["BACKEND"] = "freshness.cache.RedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        socket_connect_timeout=env.float("CACHE_TIMEOUT", default=0.2),  # seconds
        socket_timeout=env.float("CACHE_TIMEOUT", default=0.2),
    )
# Staff sessions (readers never get one): read from the cache, kept in the database, so a login
# works while Redis is down (the cache then misses and drops writes).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# django-axes first: it refuses a locked-out account or address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="en")
LANGUAGES = [("en", _("English")), ("si", _("Sinhala")), ("ta", _("Tamil"))]
# Our catalogs (README: Languages): .po files in git, .mo files compiled by `make` (Babel).
LOCALE_PATHS = [BASE_DIR / "locale"]
# Each language is an edition (editions/): the default at /, the others under /<code>/.
# "publication_name" (the news sitemap's) defaults to SITE_NAME.
EDITIONS = {
    "en": {"native_name": "English", "locale": "en_LK", "script": "Latn"},
    "si": {"native_name": "සිංහල", "locale": "si_LK", "script": "Sinh"},
    "ta": {"native_name": "தமிழ்", "locale": "ta_LK", "script": "Taml"},
}
# An edition served at its own host, without a prefix: "si=sinhala.news.example,ta=…".
EDITION_HOSTS = env.dict("EDITION_HOSTS", default={})
# Per-edition names and text of sections, pages and author profiles (each app's
# translation.py): a column per language, English where a translation is missing.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Colombo")
USE_I18N = True
USE_TZ = True

# Static files: hashed and compressed by whitenoise; media through the storage API.
STATIC_URL = env.str("STATIC_URL", default="/static/")
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers and crawlers ask for at the site's root (/favicon.ico), served by whitenoise.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    # Any S3-compatible object store; django-storages reads its AWS_* variables itself.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default=None),
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
# Backups (`manage.py backup`, README: Backups): django-dbbackup writes the database (pg_dump)
# and a tar of MEDIA_ROOT to BACKUP_DIR, or to a private S3-compatible bucket of their own.
BACKUP_DIR = env.path("BACKUP_DIR", default=BASE_DIR / "backups")
STORAGES["dbbackup"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(BACKUP_DIR)},
}
if env.str("BACKUP_S3_BUCKET", default=""):
    STORAGES["dbbackup"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("BACKUP_S3_BUCKET"),
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
# Backups of each kind kept (older ones are deleted by each backup); 0 hours: no scheduled backup.
DBBACKUP_CLEANUP_KEEP = env.int("BACKUP_KEEP", default=14)
BACKUP_EVERY_HOURS = env.int("BACKUP_EVERY_HOURS", default=0)
# The backup is named for the site, not for whichever machine's worker happened to make it.
DBBACKUP_HOSTNAME = "newsroom"
# Failures are raised to the caller (the command, the task's log and Sentry), not e-mailed.
DBBACKUP_SEND_EMAIL = False
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail: console in development; smtp://user:password@host:587/?tls=True in production.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
# A mail server that stops answering must not hang the task worker (seconds).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Newsroom <newsroom@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: Django's tasks API (django-tasks backport) on the database queue.
TASKS = {
    "default": {"BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}
}

# Staff sign-in (accounts/, README: Staff accounts). Where the admin's sign-in lives.
LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "admin:index"
LOGOUT_REDIRECT_URL = "two_factor:login"
# Who must have a second factor before anything else in the admin: members of these groups,
# and superusers unless REQUIRE_2FA_SUPERUSERS is off. Everyone else on the staff may enrol.
REQUIRE_2FA_GROUPS = env.list("REQUIRE_2FA_GROUPS", default=["Editors"])
REQUIRE_2FA_SUPERUSERS = env.bool("REQUIRE_2FA_SUPERUSERS", default=True)
# Staff sessions end after this long without a request, and this long after sign-in whatever.
STAFF_SESSION_IDLE_SECONDS = env.int("STAFF_SESSION_IDLE_SECONDS", default=12 * 3600)
STAFF_SESSION_MAX_SECONDS = env.int("STAFF_SESSION_MAX_SECONDS", default=7 * 24 * 3600)
SESSION_COOKIE_AGE = STAFF_SESSION_MAX_SECONDS
# Reset links work this long (Django's token rules: one use, ended by any sign-in or change).
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3600)
# Password reset requests accepted per address and per e-mail address in an hour.
PASSWORD_RESET_RATE_LIMIT = env.int("PASSWORD_RESET_RATE_LIMIT", default=5)
# django-axes: failed sign-ins allowed per account, and separately per address, before a lockout
# of AXES_COOLOFF_MINUTES; counted in the database, so every app server sees the same count.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "newsroom.addresses.client_address"
AXES_USERNAME_CALLABLE = "accounts.signin.attempted_username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Second-factor codes: the authenticator app's issuer name, and no "remember this browser".
TWO_FACTOR_QR_FACTORY = "qrcode.image.svg.SvgPathImage"
TWO_FACTOR_REMEMBER_COOKIE_AGE = None
# The audit log keeps events this long (`manage.py audit_prune`, run daily, removes older ones).
AUDIT_RETENTION_DAYS = env.int("AUDIT_RETENTION_DAYS", default=730)

# HTTPS: switches production turns on; plain-HTTP local runs leave them off.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_REDIRECT_EXEMPT = [r"^healthz"]  # load balancers and monitoring probe over plain HTTP
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=False)
if env.bool("TRUST_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Logs go to stderr (journald under systemd), each line with its request's id; LOG_FORMAT=json
# writes JSON lines for a log collector.
LOG_FORMAT = env.str("LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "newsroom.logs.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# Error tracking (sentry-sdk): off unless SENTRY_DSN is set. No personal data leaves: no user,
# IP address, cookies or headers (send_default_pii off), and no request bodies (enquiries).
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=0,
    )

# Newsroom's own settings.
SITE_NAME = env.str("SITE_NAME", default="Newsroom")
OTP_TOTP_ISSUER = SITE_NAME  # the name authenticator apps show beside the code
# Passkeys (WebAuthn) belong to the host the admin is served from (its Host header).
TWO_FACTOR_WEBAUTHN_RP_NAME = SITE_NAME
ADVERTISING_EMAIL = env.str("ADVERTISING_EMAIL", default="advertising@example.com")
PAGE_SIZE = 20

# Advertising enquiries (see README: Advertising enquiries).
PHONENUMBER_DEFAULT_REGION = env.str("PHONENUMBER_DEFAULT_REGION", default="LK")
# Proxies (load balancer addresses) whose X-Forwarded-For is believed for a client's address.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
ENQUIRY_RATE_LIMIT = env.int("ENQUIRY_RATE_LIMIT", default=5)  # per address per window
ENQUIRY_RATE_WINDOW = env.int("ENQUIRY_RATE_WINDOW", default=3600)  # seconds
ENQUIRY_MIN_FILL_SECONDS = env.int("ENQUIRY_MIN_FILL_SECONDS", default=3)
ENQUIRY_NOTIFY_ATTEMPTS = env.int("ENQUIRY_NOTIFY_ATTEMPTS", default=6)
ENQUIRY_RETRY_SECONDS = env.int("ENQUIRY_RETRY_SECONDS", default=60)  # doubles each attempt
ENQUIRY_RETENTION_DAYS = env.int("ENQUIRY_RETENTION_DAYS", default=730)
# How long a shared article preview link keeps working.
ARTICLE_PREVIEW_HOURS = env.int("ARTICLE_PREVIEW_HOURS", default=72)
# Live blogs: how often an open live blog's page asks for new updates at first (it backs off
# when nothing changes or the tab is hidden), and how many updates one page of it shows.
LIVE_POLL_SECONDS = env.int("LIVE_POLL_SECONDS", default=15)
LIVE_ENTRIES_PER_PAGE = 20
# Video players whose embeds article bodies may carry (articles.richtext) and pages may frame:
# YouTube's and Facebook's, and the station's own from VIDEO_EMBED_HOSTS, each a host
# ("player.example.lk") or a host and path prefix ("player.example.lk/embed/").
VIDEO_EMBED_PLAYERS = [
    "www.youtube.com/embed/",
    "www.youtube-nocookie.com/embed/",
    "www.facebook.com/plugins/video.php",
]
VIDEO_EMBED_HOSTS = env.list("VIDEO_EMBED_HOSTS", default=[])
# Uploaded images (lead images, author photos): largest file, and most pixels, accepted.
IMAGE_MAX_BYTES = env.int("IMAGE_MAX_BYTES", default=10 * 1024 * 1024)
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=40_000_000)
# Anonymous page cache (freshness.pagecache): on/off, lifetime at the origin (entries also end at
# the next scheduled publish time), and the short lifetime a CDN in front may hold a page.
PAGE_CACHE = env.bool("PAGE_CACHE", default=True)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
PAGE_CACHE_CDN_SECONDS = env.int("PAGE_CACHE_CDN_SECONDS", default=60)
# The workers count as stopped (full health check) when none ran a job for this long.
WORKER_STALLED_MINUTES = env.int("WORKER_STALLED_MINUTES", default=5)
# Each worker's own copy of hot cache entries, kept fresh by Redis (freshness.nearcache); 0: off.
PAGE_CACHE_WORKER_MB = env.int("PAGE_CACHE_WORKER_MB", default=32)
# The edge in front (edge/): which one receives purges and whose headers pages carry, how long
# it keeps a page (ended sooner by purges and scheduled changes), and its grace.
EDGE_BACKEND = env.str("EDGE_BACKEND", default="none")
if EDGE_BACKEND not in {"none", "varnish", "fastly", "cloudflare"}:
    sys.exit(
        f"Newsroom will not start: EDGE_BACKEND is {EDGE_BACKEND!r}; "
        "use none, varnish, fastly or cloudflare."
    )
EDGE_SECONDS = env.int("EDGE_SECONDS", default=3600)
EDGE_STALE_WHILE_REVALIDATE = env.int("EDGE_STALE_WHILE_REVALIDATE", default=30)
EDGE_STALE_IF_ERROR = env.int("EDGE_STALE_IF_ERROR", default=86400)
EDGE_PURGE_RETRY_SECONDS = env.int("EDGE_PURGE_RETRY_SECONDS", default=5)  # doubles each try
EDGE_VARNISH_URLS = env.list("EDGE_VARNISH_URLS", default=["http://127.0.0.1:6081"])
EDGE_FASTLY_SERVICE_ID = env.str("EDGE_FASTLY_SERVICE_ID", default="")
EDGE_FASTLY_API_TOKEN = env.str("EDGE_FASTLY_API_TOKEN", default="")
EDGE_FASTLY_API_URL = env.str("EDGE_FASTLY_API_URL", default="https://api.fastly.com")
EDGE_CLOUDFLARE_ZONE_ID = env.str("EDGE_CLOUDFLARE_ZONE_ID", default="")
EDGE_CLOUDFLARE_API_TOKEN = env.str("EDGE_CLOUDFLARE_API_TOKEN", default="")
EDGE_CLOUDFLARE_API_URL = env.str(
    "EDGE_CLOUDFLARE_API_URL", default="https://api.cloudflare.com/client/v4"
)

# The public read API (api/, README: API): anonymous, read-only, JSON only, through the page
# cache. Requests that reach a view (cache misses) are limited per address and window.
API_RATE_LIMIT = env.int("API_RATE_LIMIT", default=120)  # per address per window
API_RATE_WINDOW = env.int("API_RATE_WINDOW", default=60)  # seconds
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.JsonOnly",
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AddressRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{SITE_NAME} API",
    "DESCRIPTION": "Read-only JSON: live articles, editions' front pages, sections, authors "
    "and fixed pages.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Swagger UI from our own static files (drf-spectacular-sidecar), never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {},
}


def _origins(*urls):
    """scheme://host of each absolute URL (a CDN's, an object store's); relative ones are 'self'."""
    found = {f"{p.scheme}://{p.netloc}" for p in map(urlsplit, filter(None, urls)) if p.netloc}
    return sorted(found)


# Content-Security-Policy on every response (README: Security headers). No inline script or
# style: reader pages are cached whole, so they cannot carry a per-request nonce; the admin's
# change form uses one for the rich-text editor's import map (the nonce appears only in the
# headers of responses that used it). JSON-LD blocks are data, not scripts, and need nothing.
_S3 = STORAGES["default"].get("OPTIONS", {})
ASSET_ORIGINS = _origins(STATIC_URL)
MEDIA_ORIGINS = _origins(
    MEDIA_URL,
    *(
        [f"https://{_S3['custom_domain']}"]
        if _S3.get("custom_domain")
        else [_S3.get("endpoint_url") or f"https://{_S3['bucket_name']}.s3.amazonaws.com"]
        if _S3
        else []
    ),
)
# The rich-text editor (Tiptap, inside django-prose-editor) adds one fixed <style> element:
# allowed by its hash alone. A new editor version with other CSS fails the browser tests.
TIPTAP_STYLE = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, *ASSET_ORIGINS, NONCE],
        "style-src": [SELF, *ASSET_ORIGINS, TIPTAP_STYLE],
        "font-src": [SELF, *ASSET_ORIGINS],
        "img-src": [SELF, *ASSET_ORIGINS, *MEDIA_ORIGINS],
        "connect-src": [SELF],
        "frame-src": [f"https://{player}" for player in VIDEO_EMBED_PLAYERS + VIDEO_EMBED_HOSTS],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Powerful browser features no page of ours uses; the players' own (autoplay, fullscreen,
# encrypted-media, picture-in-picture) stay available to embedded videos.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "browsing-topics", "camera", "display-capture", "geolocation", "hid",
        "idle-detection", "microphone", "payment", "serial", "usb",
    )
}  # fmt: skip
