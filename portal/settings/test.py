"""Test profile: SQLite in memory unless DATABASE_URL/REDIS_URL point at real servers
(the PostgreSQL + Redis pass of .ci/run)."""

import tempfile

from .base import *  # noqa: F403
from .base import REDIS_URL

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"

if not REDIS_URL:
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
DEMO_DATA_ALLOWED = True
# The search tests choose their engine themselves (tests/search/conftest.py); the rest
# of the suite never writes to an Elasticsearch set in the environment.
SEARCH_ENGINE = "database"
ELASTICSEARCH_URL = ""
ELASTICSEARCH_INDEX = "portal-search-test"

# The public cache refreshes after a transaction commits, and most tests run inside
# one that never does: they would read their own stale pages. The tests of the cache
# (tests/portal/test_public_cache.py) turn it on and commit for real.
PUBLIC_CACHE_ENABLED = False
