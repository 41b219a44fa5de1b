"""The Redis connection behind a django-redis cache, for the hot paths that send
several commands in one round trip (the rate-limit counters, the public cache's
versions). Keys and values are written as django-redis writes them
(``cache.make_key``, ``cache.client.encode``), so its API reads them back.

``queue`` sends commands now, or, inside ``one_round_trip``, together with the
others queued there when the block ends: a submission's new cache versions and
its accepted-responses count travel as one round trip instead of two.
"""

import contextvars
import logging
from contextlib import contextmanager

logger = logging.getLogger(__name__)

_queued = contextvars.ContextVar("redis_queued", default=None)


def of(cache):
    """The redis-py client of ``cache`` (for writes), or None for another backend."""
    get_client = getattr(getattr(cache, "client", None), "get_client", None)
    if get_client is None or not hasattr(cache, "make_key"):
        return None
    return get_client(write=True)


def queue(cache, commands) -> bool:
    """Call ``commands(pipeline)`` to add redis-py commands; they are sent now, or at
    the end of the enclosing ``one_round_trip``. False (nothing done) when ``cache``
    is not on django-redis: the caller takes Django's cache API instead."""
    client = of(cache)
    if client is None:
        return False
    pending = _queued.get()
    if pending is None:
        _send(client, [commands])
    else:
        pending.append((client, commands))
    return True


@contextmanager
def one_round_trip():
    """Send what is ``queue``d inside the block together when it ends. Writes made
    after a commit must not turn it into an error: a Redis failure there is logged
    (cache entries expire after PUBLIC_CACHE_SECONDS anyway)."""
    if _queued.get() is not None:
        yield
        return
    pending = []
    token = _queued.set(pending)
    try:
        yield
    finally:
        _queued.reset(token)
        # By connection pool: the cache and the rate-limit aliases share one
        # (core.redis_guard), so their commands still travel together.
        by_client = {}
        for client, commands in pending:
            by_client.setdefault(id(client.connection_pool), (client, []))[1].append(commands)
        for client, commands in by_client.values():
            try:
                _send(client, commands)
            except Exception:
                logger.warning("Redis writes after a submission failed", exc_info=True)


def _send(client, commands) -> None:
    pipe = client.pipeline(transaction=False)
    for add in commands:
        add(pipe)
    pipe.execute()
