"""Production: PostgreSQL, Redis, many processes behind a reverse proxy.

Refuses to start without SECRET_KEY, ALLOWED_HOSTS and a shared cache, because
each of those fails silently otherwise (forgeable sessions, host-header
attacks, rate limits that every process counts on its own)."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, DATABASES, REDIS_URL, SECRET_KEY, STORAGES, env

DEBUG = False

_missing = [
    name
    for name, value in (
        ("SECRET_KEY", SECRET_KEY),
        ("ALLOWED_HOSTS", ALLOWED_HOSTS),
        ("REDIS_URL", REDIS_URL),
    )
    if not value
]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(_missing)
    )

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# TLS is terminated by the reverse proxy; it must set X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}
# One JSON object per line, with the request's id, path and status (portal/logs.py);
# LOG_FORMAT=plain for the lines above.
if env("LOG_FORMAT", default="json") == "json":
    from portal.logs import json_logging

    LOGGING = json_logging(env("LOG_LEVEL", default="INFO"))
    MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.security.SecurityMiddleware"),
        "portal.logs.RequestContextMiddleware",
    )

# Background work: queued in the database (django_tasks_db) and run by
# `manage.py db_worker` (deploy/portal-worker.service), so a publish or an
# assignment change returns at once.
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}

# Persistent database connections: opening a PostgreSQL connection costs more than
# a whole feedback submission. Health checks drop a connection the server closed.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
