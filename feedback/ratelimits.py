"""Rate limits on every write a citizen can make (django-ratelimit counters in the cache).

Two limits apply to each submission:

- attempts: every request counts, valid or not, per client address (per kiosk
  for a kiosk), so nobody can hammer the validator;
- accepted: only stored responses count, per client address, or per receipt or
  per kiosk when the request carries one, so a queue of citizens behind one
  kiosk or one office network is not blocked as one person.

The client address is portal.client_ip.client_ip (RATELIMIT_IP_META_KEY).
"""

from django.conf import settings
from django_ratelimit.core import get_usage

from portal.client_ip import client_ip

ATTEMPTS_GROUP = "feedback-attempts"
ACCEPTED_GROUP = "feedback-accepted"


def _scope(kiosk=None, receipt_code=None):
    """(cache key, rate) of the accepted-responses limit for this request."""
    if receipt_code:
        return f"receipt:{receipt_code.strip().upper()}", settings.FEEDBACK_RATE_RECEIPT
    if kiosk is not None:
        return f"kiosk:{kiosk.pk}", settings.FEEDBACK_RATE_KIOSK
    return "ip", settings.FEEDBACK_RATE_ACCEPTED


def _key(value):
    if value == "ip":
        return "ip"
    return lambda group, request: value


def _retry_after(usage) -> int:
    return max(1, int(usage.get("time_left", 60)))


def count_attempt(request, *, kiosk=None) -> int | None:
    """Count this request; return the seconds to wait when over the limit, else None."""
    key = f"kiosk:{kiosk.pk}" if kiosk is not None else "ip"
    usage = get_usage(
        request,
        group=ATTEMPTS_GROUP,
        key=_key(key),
        rate=settings.FEEDBACK_RATE_ATTEMPTS,
        increment=True,
    )
    if usage and usage["should_limit"]:
        return _retry_after(usage)
    return None


def accepted_wait(request, *, kiosk=None, receipt_code=None) -> int | None:
    """Seconds to wait when the accepted-responses limit is already reached, else None."""
    key, rate = _scope(kiosk, receipt_code)
    usage = get_usage(request, group=ACCEPTED_GROUP, key=_key(key), rate=rate, increment=False)
    if usage and usage["count"] >= usage["limit"]:
        return _retry_after(usage)
    return None


def record_accepted(request, *, kiosk=None, receipt_code=None) -> None:
    key, rate = _scope(kiosk, receipt_code)
    get_usage(request, group=ACCEPTED_GROUP, key=_key(key), rate=rate, increment=True)


def submit_within_limits(request, submission, *, channel, kiosk=None, key=None):
    """Store a parsed submission under the accepted-responses limit: the one path
    of the web form, the kiosk and the API.

    Returns a services.Outcome, or the seconds to wait when limited. A repeat of
    a keyed submission is answered before the limit is looked at and is never
    counted; only a newly stored response counts as accepted. Raises what
    services raise (SubmissionInvalid, ReceiptUsed, ReceiptExpired,
    IdempotencyConflict).
    """
    from . import services

    receipt_code = submission.receipt.code if submission.receipt else None
    outcome = services.find_replay(submission, key=key, kiosk=kiosk) if key else None
    if outcome is not None:
        return outcome
    wait = accepted_wait(request, kiosk=kiosk, receipt_code=receipt_code)
    if wait:
        return wait
    if key:
        outcome = services.submit_once(
            submission, key=key, channel=channel, kiosk=kiosk, ip=client_ip(request)
        )
    else:
        response, created = services.response_submit(
            submission, channel=channel, kiosk=kiosk, ip=client_ip(request)
        )
        outcome = services.Outcome(response, created, replayed=False, duplicate=not created)
    if outcome.created:
        record_accepted(request, kiosk=kiosk, receipt_code=receipt_code)
    return outcome
