"""What a request answers while a dependency is down: 503 with Retry-After, never 500.

PostgreSQL unreachable or a connection cut (``OperationalError``,
``InterfaceError``: a restart, ``pg_terminate_backend``, a lock or statement
timeout) and the rate-limit store unreachable (Redis refusing or timing out) are
outages, not bugs: the request is refused whole with 503 and ``Retry-After``
(OUTAGE_RETRY_AFTER seconds), as JSON for the API and JSON clients (the kiosk's
queue) and as an Indonesian page for people. A client that retries with the same
``Idempotency-Key`` (the kiosk does) gets its response stored exactly once: a
submission cut off before its commit left nothing, one whose commit went through
is answered from its key. Django closes a broken database connection when the
request ends (CONN_HEALTH_CHECKS checks a kept one before reuse), so the next
request reconnects by itself.

The mapping lives here alone. It is reached from three places: ``OutageMiddleware``
for views (DRF's handler, portal.api, leaves these to it), and handler500
(core.errors) for what a middleware raised.
"""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.translation import gettext as _

from .errors import is_api, json_error

logger = logging.getLogger(__name__)


def _outage_errors() -> tuple[type[BaseException], ...]:
    errors = [OperationalError, InterfaceError]
    try:  # the redis extra is optional (the embedded profile runs without it)
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError

        errors += [RedisConnectionError, RedisTimeoutError]
    except ImportError:
        pass
    return tuple(errors)


OUTAGE_ERRORS = _outage_errors()


def is_outage(exc: BaseException | None) -> bool:
    """True for a dependency down (or a cause of one, as django-redis wraps them)."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, OUTAGE_ERRORS):
            return True
        exc, seen = exc.__cause__, seen + 1
    return False


def _wants_json(request) -> bool:
    meta = request.META
    return (
        is_api(request)
        or meta.get("CONTENT_TYPE", "").startswith("application/json")
        or (
            "application/json" in meta.get("HTTP_ACCEPT", "")
            and "text/html" not in meta.get("HTTP_ACCEPT", "")
        )
    )


def unavailable(request, exc: BaseException | None = None):
    """The 503 answer: JSON or a page, with Retry-After, never cached."""
    wait = settings.OUTAGE_RETRY_AFTER
    logger.warning(
        "%s %s answered 503, a dependency is down: %s: %s",
        request.method,
        request.path,
        type(exc).__name__ if exc else "?",
        exc,
    )
    if _wants_json(request):
        message = _(
            "Layanan sedang terganggu sementara; permintaan belum diproses. "
            "Silakan coba lagi dalam %(s)d detik."
        )
        response = json_error(message % {"s": wait}, 503)
    else:
        # No request and no context processors: they may need what is down.
        # A kiosk's screen leads back to the kiosk, anything else to the home page.
        back = "/kiosk/" if "/kiosk/" in request.path else "/"
        page = loader.get_template("503.html").render({"wait": wait, "back": back})
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "no-store"
    return response


class OutageMiddleware:
    """Answers a view's outage with ``unavailable``; anything else goes on to the
    usual 500 handling."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_outage(exception):
            return unavailable(request, exception)
        return None
