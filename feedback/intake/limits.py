"""Rate limits on every write a citizen can make (django-ratelimit counters in the cache).

Two limits apply to each submission:

- attempts: every request counts, valid or not, per client address (per kiosk
  for a kiosk), so nobody can hammer the validator; a request that names a
  receipt code also counts against that code (FEEDBACK_RATE_RECEIPT), so codes
  cannot be tried from many addresses;
- accepted: only stored responses count, per client address, or per receipt or
  per kiosk when the request carries one, so a queue of citizens behind one
  kiosk or one office network is not blocked as one person.

The counters are django-ratelimit's (its keys, rates and windows, so its system
checks and settings apply), read and written here directly so a submission
costs two cache round trips on Redis: the attempts counted and both counters
read in one (``admit``), and the accepted responses counted once stored, sent
with the public cache's new versions (``core.redis_client.one_round_trip``).
Other caches take Django's cache API, a round trip per operation.
django-ratelimit's ``get_usage`` would take two per increment and one per read.

The client address is core.client_ip.client_ip (RATELIMIT_IP_META_KEY), masked
as django-ratelimit does (an IPv6 /64 is one client).
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django_ratelimit import ALL

# Private helpers of django-ratelimit 4.1 (pinned): the same keys and windows as
# its decorators and get_usage, so counters are shared with any of those.
from django_ratelimit.core import (
    EXPIRATION_FUDGE,
    _get_ip,
    _get_window,
    _make_cache_key,
    _split_rate,
)

from core import redis_client

ATTEMPTS_GROUP = "feedback-attempts"
ACCEPTED_GROUP = "feedback-accepted"
RECEIPT_ATTEMPTS_GROUP = "feedback-receipt-attempts"


@dataclass
class Counter:
    """One limit for one request: its cache key, limit and window."""

    key: str
    limit: int
    timeout: int
    window_end: int

    @classmethod
    def of(cls, group: str, value: str, rate: str) -> "Counter":
        limit, period = _split_rate(rate)
        window = _get_window(value, period)
        return cls(
            key=_make_cache_key(group, window, rate, value, ALL),
            limit=limit,
            timeout=period + EXPIRATION_FUDGE,
            window_end=window,
        )

    def wait(self) -> int:
        return max(1, self.window_end - int(time.time()))

    def increment(self, current: int | None) -> int:
        """Add one; ``current`` is the value last read (None: absent), which picks the
        one round trip that usually suffices (add for a new key, incr otherwise)."""
        cache = _cache()
        if current is None and cache.add(self.key, 1, self.timeout):
            return 1
        try:
            return cache.incr(self.key)
        except ValueError:  # expired since it was read
            if cache.add(self.key, 1, self.timeout):
                return 1
            return cache.incr(self.key)


def _cache():
    return caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]


def _attempts(request, kiosk=None, ip=None) -> Counter:
    value = f"kiosk:{kiosk.pk}" if kiosk is not None else ip or _get_ip(request)
    return Counter.of(ATTEMPTS_GROUP, value, settings.FEEDBACK_RATE_ATTEMPTS)


def _receipt_key(receipt_code) -> str | None:
    code = receipt_code.strip().upper() if isinstance(receipt_code, str) else ""
    return f"receipt:{code}" if code else None


def _receipt_attempts(receipt_code) -> Counter | None:
    """Attempts naming one receipt code, from any address: FEEDBACK_RATE_RECEIPT."""
    value = _receipt_key(receipt_code)
    if value is None:
        return None
    return Counter.of(RECEIPT_ATTEMPTS_GROUP, value, settings.FEEDBACK_RATE_RECEIPT)


def _accepted(request, kiosk=None, receipt_code=None, ip=None) -> Counter:
    if receipt_code:
        value, rate = f"receipt:{receipt_code.strip().upper()}", settings.FEEDBACK_RATE_RECEIPT
    elif kiosk is not None:
        value, rate = f"kiosk:{kiosk.pk}", settings.FEEDBACK_RATE_KIOSK
    else:
        value, rate = ip or _get_ip(request), settings.FEEDBACK_RATE_ACCEPTED
    return Counter.of(ACCEPTED_GROUP, value, rate)


@dataclass
class Admission:
    """The outcome of ``admit``: the attempt is counted, both counters were read."""

    attempts_wait: int | None
    accepted: Counter
    accepted_count: int | None

    @property
    def accepted_wait(self) -> int | None:
        """Seconds to wait when the accepted-responses limit is already reached."""
        if self.accepted_count is not None and self.accepted_count >= self.accepted.limit:
            return self.accepted.wait()
        return None

    def record_accepted(self) -> None:
        """Count a stored response against the accepted-responses limit."""
        _count_stored(self.accepted, self.accepted_count)


def admit(request, *, kiosk=None, receipt_code=None) -> Admission:
    """Count this attempt (per address or kiosk, and per receipt code when the request
    names one) and read both counters, in one round trip for the read."""
    ip = _get_ip(request) if kiosk is None else None  # masked once for both counters
    attempts = _attempts(request, kiosk, ip)
    accepted = _accepted(request, kiosk, receipt_code, ip)
    receipt = _receipt_attempts(receipt_code)
    counted = _count_and_read_redis(attempts, accepted, receipt)
    if counted is None:
        keys = [attempts.key, accepted.key] + ([receipt.key] if receipt else [])
        current = _cache().get_many(keys)
        counted = (
            attempts.increment(current.get(attempts.key)),
            current.get(accepted.key),
            receipt.increment(current.get(receipt.key)) if receipt else None,
        )
    count, accepted_count, receipt_count = counted
    wait = attempts.wait() if count > attempts.limit else None
    if receipt is not None and receipt_count > receipt.limit:
        wait = max(wait or 0, receipt.wait())
    return Admission(wait, accepted, accepted_count)


def _count_and_read_redis(
    attempts: Counter, accepted: Counter, receipt: Counter | None = None
) -> tuple[int, int | None, int | None] | None:
    """On django-redis, ``admit`` in one round trip: INCR the attempts (its window
    set on first use, EXPIRE NX: Redis 7) and those of the receipt code if any, and
    GET the accepted count, in one MULTI. None on any other cache, which takes the
    portable path (two round trips).

    The keys and values are the ones django-redis writes for ``add``/``incr``
    (integers are stored as plain numbers, not pickled), so both paths share the
    counters.
    """
    cache = _cache()
    client = redis_client.of(cache)
    if client is None:
        return None
    pipe = client.pipeline(transaction=True)
    _incr_in_window(pipe, cache, attempts)
    if receipt is not None:
        _incr_in_window(pipe, cache, receipt)
    pipe.get(cache.make_key(accepted.key))
    results = pipe.execute()
    count, raw = results[0], results[-1]
    receipt_count = int(results[2]) if receipt is not None else None
    return int(count), None if raw is None else int(raw), receipt_count


def _incr_in_window(pipe, cache, counter: Counter) -> None:
    """INCR the counter on a redis-py pipeline, its window set on first use."""
    key = cache.make_key(counter.key)
    pipe.incr(key)
    pipe.expire(key, counter.timeout, nx=True)


def _count_stored(counter: Counter, current: int | None) -> None:
    """Count a stored response (``current``: the count last read, None if unknown).
    On Redis it is queued with the cache versions the submission bumps, one round
    trip for both (``core.redis_client.one_round_trip``)."""
    cache = _cache()
    if not redis_client.queue(cache, lambda pipe: _incr_in_window(pipe, cache, counter)):
        counter.increment(current)
