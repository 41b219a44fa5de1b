"""Settings shared by every profile. Values that differ between deployments come
from the environment (django-environ); see docs/operations.md for the full list."""

import os
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "portal"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# Read directly: django-environ treats a value starting with "$" as the name of
# another variable, and a random secret key may well start with "$".
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "portal",
    "feedback",
    "content",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.UrlLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is the embedded default. WAL lets readers carry on while a response is
# written, and IMMEDIATE transactions avoid "database is locked" on upgrade from
# a read to a write lock under concurrent submissions.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django turns psycopg's prepared statements off, for connection poolers. Its
    # own queries bind on the client and are never prepared anyway; the one
    # statement of a submission (feedback.intake.statement) binds on the server and
    # is prepared after this many uses on a connection, which halves what
    # PostgreSQL spends on it. 0 turns it off: needed behind PgBouncer older than
    # 1.21 in transaction pooling mode.
    _prepare_threshold = env.int("DATABASE_PREPARE_THRESHOLD", default=5)
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = _prepare_threshold or None
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache doubles as the rate-limit store, so it must be shared between
# processes wherever more than one serves requests (see production.py).
# On Redis (core/redis_guard.py): the cache is best effort (down, it is a miss) and
# the rate-limit counters are an alias of their own that never pretends (down, a
# submission answers 503); short socket timeouts, so a stalled Redis holds no worker.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    from core import redis_guard

    CACHES = redis_guard.caches(
        REDIS_URL,
        prefix=env("CACHE_KEY_PREFIX", default="portal"),
        timeout=env.float("REDIS_SOCKET_TIMEOUT", default=0.5),
        connect_timeout=env.float("REDIS_CONNECT_TIMEOUT", default=0.5),
    )
    RATELIMIT_USE_CACHE = redis_guard.RATELIMIT_CACHE
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"

# Indonesian first, English second. Message ids in templates and code are the
# Indonesian text; locale/en holds the English catalogue.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", default="Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The client address used by rate limiting and login protection. Behind N
# reverse proxies that each append to X-Forwarded-For, set TRUSTED_PROXY_COUNT=N;
# with 0 (the default) the header is ignored so a client cannot forge it.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
RATELIMIT_IP_META_KEY = "core.client_ip.client_ip"

# Citizen feedback: limits use django-ratelimit's "count/period" syntax.
# Per client address: accepted responses, and attempts of any kind (valid or not).
FEEDBACK_RATE_ACCEPTED = env("FEEDBACK_RATE_ACCEPTED", default="20/10m")
FEEDBACK_RATE_ATTEMPTS = env("FEEDBACK_RATE_ATTEMPTS", default="60/m")
# A kiosk serves a queue of citizens: it is limited per device instead of per address.
FEEDBACK_RATE_KIOSK = env("FEEDBACK_RATE_KIOSK", default="120/10m")
# A receipt is single use; this caps guessing at one receipt code.
FEEDBACK_RATE_RECEIPT = env("FEEDBACK_RATE_RECEIPT", default="10/10m")
# The same answers from the same client for the same service within this many
# minutes are stored once (a double tap, a resubmitted form).
FEEDBACK_DUPLICATE_MINUTES = env.int("FEEDBACK_DUPLICATE_MINUTES", default=10)
# The web form is rejected when submitted faster than a person can read it.
FEEDBACK_MIN_FILL_SECONDS = env.int("FEEDBACK_MIN_FILL_SECONDS", default=5)
# Hashed client addresses are cleared from responses after this many days.
FEEDBACK_CLIENT_HASH_RETENTION_DAYS = env.int("FEEDBACK_CLIENT_HASH_RETENTION_DAYS", default=30)
# Public IKM figures are withheld below this many respondents (too few to mean anything,
# and too few to keep respondents anonymous).
SKM_PUBLIC_MIN_RESPONDENTS = env.int("SKM_PUBLIC_MIN_RESPONDENTS", default=10)
# Each process reads the registry (services, lokets) for submissions from a snapshot
# at most this old (feedback/registry/snapshot.py); changes made in a process apply there at once.
REGISTRY_CACHE_SECONDS = env.int("REGISTRY_CACHE_SECONDS", default=30)
# Receipts are valid this long after issue.
RECEIPT_VALID_HOURS = env.int("RECEIPT_VALID_HOURS", default=72)
API_TOKEN_DAYS = env.int("API_TOKEN_DAYS", default=365)
# A 360 result (BerAKHLAK) is shown only with at least this many colleagues' ratings,
# so that no single rater can be read from it.
PEER_MIN_RATERS = env.int("PEER_MIN_RATERS", default=3)

# Repeat-safe submissions, the offline kiosk and the survey history (docs/citizens.md
# "Submitting exactly once" and "Survey history").
# Idempotency keys are remembered this many days: long enough to cover a kiosk's
# offline queue; `purge_client_hashes` forgets them afterwards.
FEEDBACK_IDEMPOTENCY_DAYS = env.int("FEEDBACK_IDEMPOTENCY_DAYS", default=7)
# An offline kiosk tries to send its queue this often (and at once when the
# network returns).
KIOSK_SYNC_SECONDS = env.int("KIOSK_SYNC_SECONDS", default=30)
# Staff imports (import_skm, import_skm_tables) accept dates of service from this day
# (PermenPANRB 14/2017 took effect in 2017); public channels keep their short window.
SKM_HISTORY_EARLIEST = env("SKM_HISTORY_EARLIEST", default="2017-01-01")

# Closing the loop (docs/loop.md): an inbox item is due this many working days after
# it arrives (SP4N-LAPOR!'s 5); Indonesian public holidays come from the `holidays`
# library, plus any extra days off (collective leave, "cuti bersama") listed here as
# ISO dates separated by commas. A citizen's contact for a reply is deleted this many
# days after the item is closed.
LOOP_SLA_WORKING_DAYS = env.int("LOOP_SLA_WORKING_DAYS", default=5)
LOOP_EXTRA_HOLIDAYS = env.list("LOOP_EXTRA_HOLIDAYS", default=[])
LOOP_CONTACT_KEEP_DAYS = env.int("LOOP_CONTACT_KEEP_DAYS", default=30)

# E-mail (the inbox's daily digest): printed to the console unless the environment
# names a backend, e.g. django.core.mail.backends.smtp.EmailBackend with EMAIL_HOST,
# or an anymail provider's backend.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="portal@localhost")

# Spreadsheet imports (feedback/imports/tabular.py): the most data rows one file may hold, and
# how large an .xlsx may unpack to (checked before it is parsed: a small archive can
# unpack to gigabytes). Bigger files: split them, or save as CSV.
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=1_000_000)
IMPORT_XLSX_MAX_UNPACKED_MB = env.int("IMPORT_XLSX_MAX_UNPACKED_MB", default=256)

# load_demo_data creates users with published passwords: only dev and test allow it.
DEMO_DATA_ALLOWED = False

# Wagtail
WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", default="Portal Layanan Publik")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "csv", "txt", "jpg", "png"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True

# The service standard's review cycle (docs/editors.md): a standard not reviewed for
# longer than this is flagged on the editors' dashboard.
STANDARD_REVIEW_MONTHS = env.int("STANDARD_REVIEW_MONTHS", default=12)
# The signed Maklumat Pelayanan: a PDF or a photo/scan of at most this size.
MAKLUMAT_MAX_UPLOAD_MB = env.int("MAKLUMAT_MAX_UPLOAD_MB", default=5)

# PostgreSQL stems Indonesian with its built-in `indonesian` text search configuration
# (PostgreSQL 13+; use `simple` on older servers). SQLite has no stemming: the search
# app indexes Snowball stems beside the words instead.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = env(
        "SEARCH_POSTGRES_CONFIG", default="indonesian"
    )

# Public search (search/, docs/search.md): the database engine by default,
# Elasticsearch (or OpenSearch) when ELASTICSEARCH_URL is set.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
SEARCH_ENGINE = env("SEARCH_ENGINE", default="elasticsearch" if ELASTICSEARCH_URL else "database")
ELASTICSEARCH_INDEX = env("ELASTICSEARCH_INDEX", default="portal-search")
ELASTICSEARCH_ANALYZER = env("ELASTICSEARCH_ANALYZER", default="indonesian")
# false for OpenSearch: plain application/json instead of Elasticsearch 8's
# compatibility media type.
ELASTICSEARCH_COMPAT_HEADERS = env.bool("ELASTICSEARCH_COMPAT_HEADERS", default=True)
ELASTICSEARCH_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=5.0)
# Editors' promoted results for a query, shown above the search results.
INSTALLED_APPS += ["wagtail.contrib.search_promotions"]

# API
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["feedback.access.tokens.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "portal.handlers.exception_handler",
    "UNICODE_JSON": True,
    # Views that offer CSV read ?format= themselves (CONTRACT.md: ?format=csv).
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Portal Layanan Publik API",
    "DESCRIPTION": "Open data and citizen feedback API: units, services, SKM feedback, IKM.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["portal.schema.public_endpoints_only"],
}

# Background work through Django's tasks API (django-tasks): what a citizen or an
# editor should not wait for (search index writes to an external engine, report PDFs,
# officer rollup rebuilds, the daily purge). The immediate backend runs a task at
# once in the calling process: right for the embedded default and the tests.
# production.py queues them in the database for `manage.py db_worker`
# (TASKS_BACKEND=django_tasks_db.DatabaseBackend does the same in any profile).
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend")
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# Hostile input (core/edge.py): NUL bytes and lone surrogates are refused on
# every channel, and a JSON body is bounded in size and nesting depth.
MIDDLEWARE += ["core.edge.EdgeMiddleware"]
EDGE_JSON_MAX_BYTES = env.int("EDGE_JSON_MAX_BYTES", default=256 * 1024)
EDGE_JSON_MAX_DEPTH = env.int("EDGE_JSON_MAX_DEPTH", default=32)
# Longer URLs (path and query) answer 414 from the portal, below gunicorn's own limit.
EDGE_URL_MAX_BYTES = env.int("EDGE_URL_MAX_BYTES", default=4096)
# 405 with Allow for methods a URL does not take, before the CSRF check (core/methods.py).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.csrf.CsrfViewMiddleware"), "core.methods.MethodMiddleware"
)
# Every JSON body is decoded once, by the edge (UTF-8 only); the API's parser reads that.
REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"] = ["core.edge.JSONParser"]
# Every operation documents its error responses in the API's error shape (portal/schema.py).
REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"] = "portal.schema.PortalAutoSchema"

# Admin login protection (portal/login_protection.py, django-axes): after
# AXES_FAILURE_LIMIT failures for one username, or from one client address, logins
# are refused for AXES_COOLOFF_MINUTES. The address is core.client_ip's.
INSTALLED_APPS += ["axes"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Last, as django-axes requires.
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.int("AXES_COOLOFF_MINUTES", default=30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "portal.login_protection.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Failed attempts are what protection needs; a row per successful login is not.
AXES_DISABLE_ACCESS_LOG = True

# Content-Security-Policy (portal/content_security.py, django-csp). Images from
# another origin (a CDN or object storage for media) go in CSP_EXTRA_IMG_SRC.
from csp.constants import NONE, SELF, UNSAFE_INLINE  # noqa: E402

INSTALLED_APPS += ["csp"]
# Outside the edge (core/edge.py), so its refusals carry the policy too.
MIDDLEWARE.insert(
    MIDDLEWARE.index("core.edge.EdgeMiddleware"),
    "portal.content_security.PortalCSPMiddleware",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *env.list("CSP_EXTRA_IMG_SRC", default=[])],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# What the Wagtail admin needs beyond the site's policy, and only under this prefix.
CSP_ADMIN_PREFIX = "/admin/"
CSP_ADMIN_UPDATE = {
    "script-src": [UNSAFE_INLINE],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["blob:"],
}
# No avatars from gravatar.com in the admin: a third-party request that leaks staff
# e-mail hashes, and an origin the policy would have to allow.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Public cache (core/public_cache.py): published pages and open data are kept in
# the default cache (Redis in production) and refreshed precisely when a response,
# a recompute, a publish or a registry change touches what they show. Browsers and
# proxies may keep a copy for PUBLIC_CACHE_MAX_AGE seconds; the server keeps its own
# at most PUBLIC_CACHE_SECONDS (and never past midnight: default periods move).
PUBLIC_CACHE_ENABLED = env.bool("PUBLIC_CACHE_ENABLED", default=True)
PUBLIC_CACHE_MAX_AGE = env.int("PUBLIC_CACHE_MAX_AGE", default=60)
PUBLIC_CACHE_SECONDS = env.int("PUBLIC_CACHE_SECONDS", default=600)
# Above the session, CSRF and authentication middleware: a hit touches none of them.
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "core.public_cache.PublicCacheMiddleware",
)

# A dependency down (core/outages.py): a request that finds PostgreSQL or the
# rate-limit store unreachable answers 503 with Retry-After (JSON under /api/, a page
# elsewhere), never 500. A process leaves Redis alone for REDIS_RETRY_SECONDS after a
# failure, so a stall costs one timeout, not one per cache read.
OUTAGE_RETRY_AFTER = env.int("OUTAGE_RETRY_AFTER", default=5)
REDIS_RETRY_SECONDS = env.float("REDIS_RETRY_SECONDS", default=2.0)
MIDDLEWARE.insert(0, "core.outages.OutageMiddleware")
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server fails a connection attempt in seconds (then 503), not
    # after the operating system's TCP timeout, past the worker timeout.
    DATABASES["default"]["OPTIONS"].setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
    )

# Liveness and readiness probes (portal/health.py, docs/operations.md "Health and metrics"):
# answered first in the stack, before sessions, the public cache and the HTTPS redirect.
INSTALLED_APPS += ["health_check"]
MIDDLEWARE.insert(0, "portal.health.ProbeMiddleware")
# The readiness probe queues a heartbeat task when none ran this recently, and reports
# the task worker down when one has waited longer than the lag below.
TASK_WORKER_HEARTBEAT_SECONDS = env.int("TASK_WORKER_HEARTBEAT_SECONDS", default=60)
TASK_WORKER_MAX_LAG_SECONDS = env.int("TASK_WORKER_MAX_LAG_SECONDS", default=300)

# Prometheus metrics (portal/metrics.py, docs/operations.md "Health and metrics"), when
# prometheus-client is installed (the serve extra). /metrics answers only the
# addresses or networks in METRICS_ALLOWED_IPS, or `Authorization: Bearer METRICS_TOKEN`;
# with neither it is a 404. Several gunicorn workers: deploy/gunicorn.conf.py sets
# PROMETHEUS_MULTIPROC_DIR.
METRICS_ALLOWED_IPS = env.list("METRICS_ALLOWED_IPS", default=[])
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
try:
    import prometheus_client  # noqa: F401
except ImportError:
    pass
else:
    MIDDLEWARE.insert(
        MIDDLEWARE.index("portal.health.ProbeMiddleware") + 1,
        "portal.metrics.RequestMetricsMiddleware",
    )
