"""Test profile: SQLite in memory unless DATABASE_URL/REDIS_URL point at real servers
(the PostgreSQL + Redis pass of .ci/run)."""

import os
import tempfile
from urllib.parse import urlsplit

# Each pytest-xdist worker (gw0, gw1, ...) gets a Redis database of its own, counting
# down from REDIS_URL's: every test empties the cache (FLUSHDB), which would wipe the
# rate-limit counters and cached pages of a test running in another worker. Set in the
# environment before base.py reads it, so that the processes a test starts (gunicorn,
# the tasks worker) use the same database; REDIS_TEST_WORKER_DB marks the URL as done.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if os.environ.get("REDIS_URL") and _worker and "REDIS_TEST_WORKER_DB" not in os.environ:
    _url = urlsplit(os.environ["REDIS_URL"])
    _db = (int(_url.path.strip("/") or 0) - int(_worker.removeprefix("gw"))) % 16
    os.environ["REDIS_URL"] = _url._replace(path=f"/{_db}").geturl()
    os.environ["REDIS_TEST_WORKER_DB"] = str(_db)

from .base import *  # noqa: E402, F403
from .base import REDIS_URL  # noqa: E402

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
