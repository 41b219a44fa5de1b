"""The site while PostgreSQL is down (docs/operations.md "Faults: a dependency down"): the test's
own connection is ended with ``pg_terminate_backend`` between requests and while a
request uses it. The request answers 503 with ``Retry-After``, and the next one
reconnects by itself; a submission cut off is stored once when sent again with its
key. Requests go through Django's WSGI handler, as gunicorn calls it, so the
connection is checked and closed at request boundaries as in production (the test
client skips that). Skipped on SQLite, with the reason.
"""

import io
import json
import time
import uuid
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.wsgi import get_wsgi_application
from django.db import connection

from feedback.models import Response
from tests.factories import ServiceFactory

ANSWERS = {f"U{n}": 3 for n in range(1, 10)}


def call_wsgi(path, method="GET", body=b"", headers=None):
    """(status, headers, body) of one request through Django's WSGI handler, with the
    request_started/request_finished signals a WSGI server sends."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path.split("?")[0],
        "QUERY_STRING": path.partition("?")[2],
        "wsgi.input": io.BytesIO(body),
        "CONTENT_LENGTH": str(len(body)),
        "HTTP_HOST": "testserver",
        **(headers or {}),
    }
    setup_testing_defaults(environ)
    seen = {}

    def start_response(status, response_headers, exc_info=None):
        seen["status"] = int(status.split()[0])
        seen["headers"] = dict(response_headers)

    result = get_wsgi_application()(environ, start_response)
    try:
        content = b"".join(result)
    finally:
        result.close()  # request_finished: Django closes a broken connection here
    return seen["status"], seen["headers"], content


@pytest.fixture
def production_connections():
    """The test connection with the production settings (persistent, health-checked)."""
    if connection.vendor != "postgresql":
        pytest.skip("pg_terminate_backend needs PostgreSQL (set DATABASE_URL)")
    saved = {k: connection.settings_dict[k] for k in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS")}
    connection.close()
    connection.settings_dict.update(CONN_MAX_AGE=600, CONN_HEALTH_CHECKS=True)
    yield
    connection.settings_dict.update(saved)
    connection.close()


def terminate(pid):
    """pg_terminate_backend of one backend, from a connection of its own."""
    import psycopg

    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params.pop("prepare_threshold", None)
    params["dbname"] = "postgres"
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        for _ in range(100):  # until the backend is gone
            row = admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone()
            if row is None:
                return
            time.sleep(0.02)


class TerminatedMidRequest:
    """Ends the connection's backend just before the request's first query runs."""

    def __init__(self):
        self.done = False

    def __call__(self, execute, sql, params, many, context):
        if not self.done:
            self.done = True
            terminate(context["connection"].connection.info.backend_pid)
        return execute(sql, params, many, context)


@pytest.mark.django_db(transaction=True)
def test_with_the_database_connection_terminated_requests_answer_503_and_reconnect(
    production_connections,
):
    service = ServiceFactory()
    api = "/api/v1/services/"
    assert call_wsgi(api)[0] == 200
    connection.ensure_connection()

    # Terminated between requests: the health check reconnects, nobody notices.
    terminate(connection.connection.info.backend_pid)
    assert call_wsgi(api)[0] == 200

    # Terminated while a request runs: 503 with Retry-After, JSON under /api/ ...
    with connection.execute_wrapper(TerminatedMidRequest()):
        status, headers, body = call_wsgi(api)
    assert status == 503 and int(headers["Retry-After"]) > 0
    assert json.loads(body)["message"]
    assert call_wsgi(api)[0] == 200  # ... and the next request reconnects by itself

    # ... an Indonesian page elsewhere
    with connection.execute_wrapper(TerminatedMidRequest()):
        status, headers, body = call_wsgi("/nilai/")
    assert status == 503 and int(headers["Retry-After"]) > 0
    assert "coba lagi" in body.decode().lower()
    assert call_wsgi("/nilai/")[0] == 200

    # A submission cut off is not stored; its retry with the same key is, once.
    key = uuid.uuid4().hex
    post = {
        "method": "POST",
        "body": json.dumps({"service": service.code, "answers": ANSWERS}).encode(),
        "headers": {"CONTENT_TYPE": "application/json", "HTTP_IDEMPOTENCY_KEY": key},
    }
    with connection.execute_wrapper(TerminatedMidRequest()):
        status, headers, _body = call_wsgi("/api/v1/feedback/", **post)
    assert status == 503 and int(headers["Retry-After"]) > 0
    assert Response.objects.count() == 0
    assert call_wsgi("/api/v1/feedback/", **post)[0] == 201
    assert call_wsgi("/api/v1/feedback/", **post)[0] == 201
    assert Response.objects.count() == 1
