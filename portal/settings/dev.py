"""The embedded default: one process, SQLite, local-memory cache."""

import os

from .base import *  # noqa: F403
from .base import env

# `make run` shows what a visitor sees (the portal's own 404 and 500 pages); a
# developer asks for Django's debug pages with `DEBUG=1 make run`.
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-change-me"
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

# One process serves everything here, so the local-memory cache is a correct
# rate-limit store; the production profile insists on a shared one.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
DEMO_DATA_ALLOWED = True

# Static files without collectstatic and whatever DEBUG says: WhiteNoise (already in
# the middleware) serves them straight from the app and project folders, as runserver
# does only with DEBUG on.
WHITENOISE_USE_FINDERS = True
