"""The one path of a rating, whichever channel it came by (the JSON API, the web
form and its QR links, the kiosk's screens and its offline queue).

``submit`` reads top to bottom and calls only downward:

1. admit: count the attempt (per address, per kiosk, per receipt code) and read
   the accepted-responses counter, one cache round trip (``limits``);
2. parse: the submission as ``parsing`` defines it, every field's error at once;
3. replay: a repeat of an idempotency key answers what the first request stored,
   before any limit is looked at, and is never counted (``storing``);
4. limit: the accepted-responses limit;
5. store: one statement on PostgreSQL, the ORM elsewhere (``storing``); the public
   figures it changes are refreshed when it commits (``registry.cache_scopes``);
6. count: a newly stored response against the accepted-responses limit, sent with
   the cache's new versions in one round trip (``core.redis_client``);
7. inbox: a response with a reason for a low score or an element rated 1 becomes
   an item in its unit's inbox (``loop.items``);
8. measure: the outcome by channel (``core.metrics``).

Each channel only adapts: it turns its input into the parser's plain values and
the ``Result`` into its own answer (JSON, a page, a form with its errors).
"""

from dataclasses import dataclass

from core import metrics, redis_client
from core.client_ip import client_ip

from ..loop import contacts, items
from . import limits, parsing, storing

# What a submission may be refused for, each answered by the channel in its terms.
REFUSALS = (
    parsing.SubmissionInvalid,
    storing.ReceiptUsed,
    storing.ReceiptExpired,
    storing.IdempotencyConflict,
)


class ChannelRefused(Exception):
    """The channel's own refusal of a request the parser may still read (a web form's
    honeypot, say): reported after the parser's errors, never stored."""


@dataclass(frozen=True)
class Result:
    """What a submission came to: stored (``outcome``), limited (``wait`` seconds) or
    refused (``refused``: one of REFUSALS, ChannelRefused, or the channel's own
    exception for a body that could not be read)."""

    outcome: storing.Outcome | None = None
    wait: int | None = None
    refused: Exception | None = None

    @property
    def metric(self) -> str:
        if self.outcome is not None:
            return "duplicate" if self.outcome.duplicate or self.outcome.replayed else "stored"
        return "rate_limited" if self.wait else "rejected"


def submit(request, data, *, channel, kiosk=None, idempotency_key=None, refused=None) -> Result:
    """One submission, top to bottom (the module's docstring). ``data`` is in the
    API's shape; ``refused`` is the channel's refusal already known (a body that
    would not decode, a form's own errors), answered once the attempt is counted."""
    admission = limits.admit(request, kiosk=kiosk, receipt_code=_receipt_code(data))
    if admission.attempts_wait:
        return _measured(channel, Result(wait=admission.attempts_wait))
    if refused is not None and not isinstance(refused, ChannelRefused):
        return _measured(channel, Result(refused=refused))
    try:
        key = parsing.check_idempotency_key(idempotency_key)
        submission = parsing.parse_submission(data, check_reported=False)
        if refused is not None:
            raise refused
        outcome = storing.find_replay(submission, key=key, kiosk=kiosk) if key else None
        if outcome is None:
            if admission.accepted_wait:
                return _measured(channel, Result(wait=admission.accepted_wait))
            # The cache versions the response bumps and its accepted count: one trip.
            with redis_client.one_round_trip():
                outcome = storing.store(
                    submission, key=key, channel=channel, kiosk=kiosk, ip=client_ip(request)
                )
                if outcome.created:
                    admission.record_accepted()
            if outcome.created:
                # A reason or an element rated 1: into the unit's inbox (no query otherwise).
                items.response_arrived(outcome.response)
                # An e-mail for the reply, given with consent: stored apart from it.
                contacts.keep(outcome.response, submission.contact_email)
    except (*REFUSALS, ChannelRefused) as exc:
        return _measured(channel, Result(refused=exc))
    return _measured(channel, Result(outcome=outcome))


def _receipt_code(data) -> str | None:
    """The receipt code a request names (counted per code before anything is read)."""
    code = data.get("receipt") if isinstance(data, dict) else None
    return code if isinstance(code, str) else None


def _measured(channel, result: Result) -> Result:
    metrics.submission(channel, result.metric)
    return result
