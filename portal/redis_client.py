"""The Redis connection behind a django-redis cache, for the hot paths that send
several commands in one round trip (the rate-limit counters, the public cache's
versions). Keys and values are written as django-redis writes them
(``cache.make_key``, ``cache.client.encode``), so its API reads them back."""


def of(cache):
    """The redis-py client of ``cache`` (for writes), or None for another backend."""
    get_client = getattr(getattr(cache, "client", None), "get_client", None)
    if get_client is None or not hasattr(cache, "make_key"):
        return None
    return get_client(write=True)
