"""The site while a dependency is down (README "Faults"): real failures of real servers.

Redis: a private ``redis-server`` (never the shared one) is killed or paused under
the production cache settings. Public pages keep answering 200 without the cache;
a submission answers 503 with ``Retry-After`` (JSON from the API, an Indonesian page
from the web form) and stores nothing; once Redis is back the same request is stored.

PostgreSQL: the test's own connection is ended with ``pg_terminate_backend`` while a
request uses it. The request answers 503 with ``Retry-After``, and the next one
reconnects by itself. Requests go through Django's WSGI handler, as gunicorn calls
it, so the connection is checked and closed at request boundaries as in production
(the test client skips that).
"""

import io
import json
import time
import uuid
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.wsgi import get_wsgi_application
from django.db import connection

from bench.private_servers import RedisServer
from content.models import ServicePage
from feedback.models import Kiosk, Response, Service
from portal import redis_guard
from tests.factories import ServiceFactory, ServicePointFactory

ANSWERS = {f"U{n}": 3 for n in range(1, 10)}


# --- Redis -------------------------------------------------------------------------


@pytest.fixture
def private_redis():
    reason = RedisServer.missing()
    if reason:
        pytest.skip(f"needs a private Redis: {reason}")
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture
def on_private_redis(settings, private_redis):
    """The production cache settings (portal.redis_guard.caches), on the private Redis."""
    settings.CACHES = redis_guard.caches(private_redis.url, prefix=f"faults-{uuid.uuid4().hex}")
    settings.RATELIMIT_USE_CACHE = redis_guard.RATELIMIT_CACHE
    settings.PUBLIC_CACHE_ENABLED = True
    settings.REDIS_RETRY_SECONDS = 0.3
    redis_guard.reset()
    yield private_redis
    redis_guard.reset()


def public_urls():
    service_page = ServicePage.objects.live().first()
    return [
        "/",
        "/en/",
        service_page.url,
        f"/nilai/{service_page.service.code}/",
        "/cari/?q=ktp",
        "/api/v1/services/",
        "/sitemap.xml",
    ]


def submit(client, service_code, key):
    return client.post(
        "/api/v1/feedback/",
        json.dumps({"service": service_code, "answers": ANSWERS}),
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY=key,
    )


def kiosk_for(code):
    service = Service.objects.get(code=code)
    point = ServicePointFactory(code="FAULT-K1", unit=service.unit)
    point.services.add(service)
    kiosk = Kiosk(name="Tablet", service_point=point)
    kiosk.clear_key = kiosk.set_new_key()
    kiosk.save()
    return kiosk


def assert_unavailable(res):
    assert res.status_code == 503
    assert int(res["Retry-After"]) > 0


@pytest.mark.django_db
def test_with_redis_killed_pages_answer_submissions_wait_and_it_recovers(
    client, demo, on_private_redis
):
    urls = public_urls()
    code = ServicePage.objects.live().first().service.code
    for url in urls:  # served and cached while Redis is up
        assert client.get(url).status_code == 200, url
    stored = Response.objects.count()

    on_private_redis.kill()
    for url in urls:
        assert client.get(url).status_code == 200, url
    key = uuid.uuid4().hex
    res = submit(client, code, key)
    assert_unavailable(res)
    assert "coba lagi" in res.json()["message"].lower()
    form = client.post(f"/nilai/{code}/", {"u1": "3"})
    assert_unavailable(form)
    assert "belum tersimpan" in form.content.decode()
    client.cookies["kiosk_key"] = kiosk_for(code).clear_key
    queued = client.post(
        "/kiosk/kirim/",
        json.dumps({"service": code, "answers": ANSWERS}),
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY=uuid.uuid4().hex,
    )
    assert_unavailable(queued)
    assert queued.json()["message"]  # the kiosk's queue keeps it and sends it again
    screen = client.post(f"/kiosk/{code}/", {f"u{n}": "3" for n in range(1, 10)} | {"finish": "1"})
    assert_unavailable(screen)
    assert 'href="/kiosk/"' in screen.content.decode()
    del client.cookies["kiosk_key"]
    assert Response.objects.count() == stored

    on_private_redis.start()  # the same port, empty
    time.sleep(0.4)  # REDIS_RETRY_SECONDS: this process tries Redis again
    assert submit(client, code, key).status_code == 201
    assert submit(client, code, key).status_code == 201  # a retry: the same response
    assert Response.objects.count() == stored + 1


@pytest.mark.django_db
def test_with_redis_stalled_pages_and_submissions_answer_before_it_wakes(
    client, demo, on_private_redis
):
    code = ServicePage.objects.live().first().service.code
    home = "/"
    assert client.get(home).status_code == 200
    stored = Response.objects.count()

    pause = 6.0
    on_private_redis.pause(pause)
    started = time.monotonic()
    assert client.get(home).status_code == 200
    assert client.get("/api/v1/services/").status_code == 200
    key = uuid.uuid4().hex
    assert_unavailable(submit(client, code, key))
    # Answered while Redis was still stalled, not when it woke (nor at a worker timeout).
    assert time.monotonic() - started < pause - 1
    assert Response.objects.count() == stored

    time.sleep(max(0.0, pause - (time.monotonic() - started)) + 0.5)
    assert submit(client, code, key).status_code == 201
    assert Response.objects.count() == stored + 1


# --- PostgreSQL --------------------------------------------------------------------


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
