"""Redis as the production settings use it, so that Redis down is not the site down.

Two cache aliases on the same Redis, sharing one connection pool per process:

- ``default``: the public cache and whatever else caches (Wagtail's site root
  paths, ...). A cache is an optimisation: with Redis stalled or gone every read
  is a miss and every write is dropped (django-redis's ``IGNORE_EXCEPTIONS``), so
  pages are rendered from the database and answer 200.
- ``ratelimit`` (RATELIMIT_USE_CACHE): the rate-limit counters. Without them a
  submission cannot be limited, so it is refused: errors propagate and
  core.outages answers 503 with Retry-After (nothing stored; the client retries).

Short socket timeouts (REDIS_SOCKET_TIMEOUT, REDIS_CONNECT_TIMEOUT) make a stalled
Redis answer within a fraction of a second instead of holding a worker until its
timeout. After a failure a process leaves Redis alone for REDIS_RETRY_SECONDS
(``GuardedConnection``): a page would otherwise wait out a timeout for each of its
cache reads, and every submission in the queue would wait one more.
"""

import logging
import time

from django.conf import settings
from redis.connection import Connection, ConnectionPool
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RATELIMIT_CACHE = "ratelimit"
DEFAULT_RETRY_SECONDS = 2.0

# Until when (time.monotonic) this process treats Redis as unreachable.
_down_until = 0.0


def caches(url: str, *, prefix: str, timeout: float = 0.5, connect_timeout: float = 0.5) -> dict:
    """The CACHES setting for Redis at ``url`` (both aliases, the same pool)."""
    options = {
        "CLIENT_CLASS": "django_redis.client.DefaultClient",
        "CONNECTION_POOL_CLASS": "core.redis_guard.GuardedConnectionPool",
        "SOCKET_TIMEOUT": timeout,
        "SOCKET_CONNECT_TIMEOUT": connect_timeout,
    }
    alias = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url, "KEY_PREFIX": prefix}
    return {
        "default": {**alias, "OPTIONS": {**options, "IGNORE_EXCEPTIONS": True}},
        RATELIMIT_CACHE: {**alias, "OPTIONS": options},
    }


def reset() -> None:
    """Forget a failure seen before (tests)."""
    global _down_until
    _down_until = 0.0


def _retry_seconds() -> float:

    return getattr(settings, "REDIS_RETRY_SECONDS", DEFAULT_RETRY_SECONDS)


def _failed(error: Exception) -> None:
    global _down_until
    if time.monotonic() >= _down_until:
        logger.warning(
            "Redis unreachable (%s): cache reads are misses and submissions answer 503 "
            "for %.1f s, then Redis is tried again",
            error,
            _retry_seconds(),
        )
    _down_until = time.monotonic() + _retry_seconds()


class GuardedConnection(Connection):
    """A redis-py connection that notes failures and, while Redis is held to be
    down, fails at once instead of connecting (a live connection is not cut)."""

    def connect(self):
        if self._sock is None and time.monotonic() < _down_until:
            raise RedisConnectionError("Redis was unreachable a moment ago; not tried yet")
        try:
            super().connect()
        except (RedisConnectionError, RedisTimeoutError) as error:
            _failed(error)
            raise

    def send_packed_command(self, *args, **kwargs):
        try:
            return super().send_packed_command(*args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError) as error:
            _failed(error)
            raise

    def read_response(self, *args, **kwargs):
        try:
            return super().read_response(*args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError) as error:
            _failed(error)
            raise


class GuardedConnectionPool(ConnectionPool):
    """django-redis's pool, with ``GuardedConnection`` for plain TCP connections."""

    def __init__(self, connection_class=Connection, **kwargs):
        if connection_class is Connection:
            connection_class = GuardedConnection
        super().__init__(connection_class=connection_class, **kwargs)
