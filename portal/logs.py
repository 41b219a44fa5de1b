"""Logs in production: one JSON object per line (docs/operations.md "Health and metrics").

Each line has ``time`` (UTC, ISO 8601), ``level``, ``logger`` and ``message``, and
where known ``request_id``, ``method``, ``path`` and ``status``, and
``exception`` (the traceback, as one string). A log shipper (journald ->
Loki, Elasticsearch, ...) reads them without parsing text. Development keeps
Django's plain lines (``LOG_FORMAT=plain``).

The request id is the proxy's ``X-Request-ID`` (nginx: ``$request_id``) when it
looks like one, else a new one; it is sent back in the response's
``X-Request-ID`` so a citizen's report of an error can be found in the logs.
No Django imports at module level: gunicorn's master loads the formatter too.
"""

import contextvars
import datetime
import json
import logging
import re
import uuid

_request: contextvars.ContextVar[dict | None] = contextvars.ContextVar("log_request", default=None)
_REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        context = _request.get()
        if context:
            entry.update(context)
        request = getattr(record, "request", None)
        if request is not None and "path" not in entry:
            entry["method"] = getattr(request, "method", None)
            entry["path"] = getattr(request, "path", None)
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class RequestContextMiddleware:
    """Puts the request id, method and path on every log line of the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sent = request.headers.get("X-Request-ID", "")
        request_id = sent if _REQUEST_ID_RE.match(sent) else uuid.uuid4().hex
        token = _request.set(
            {"request_id": request_id, "method": request.method, "path": request.path}
        )
        try:
            response = self.get_response(request)
        finally:
            _request.reset(token)
        response.headers.setdefault("X-Request-ID", request_id)
        return response


def json_logging(level: str = "INFO") -> dict:
    """The LOGGING setting of the JSON format: everything to stderr, one object a line."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "portal.logs.JsonFormatter"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
        "root": {"handlers": ["console"], "level": level},
    }
