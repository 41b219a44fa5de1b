"""The site while Redis is down (docs/operations.md "Faults: a dependency down"): a private
``redis-server`` (never the shared one) is killed or paused under the production cache
settings. Public pages keep answering 200 without the cache; a submission answers 503
with ``Retry-After`` (JSON from the API and the kiosk's queue, an Indonesian page from
the web form and the kiosk's screen) and stores nothing; once Redis is back the same
request is stored, once.

The database's faults are in test_faults_database.py: a module of their own, as they
close the test connection, which the demo fixture of this module keeps in a transaction.
"""

import json
import time
import uuid

import pytest

from bench.private_servers import RedisServer
from content.models import ServicePage
from core import redis_guard
from feedback.models import Kiosk, Response, Service
from tests.factories import ServicePointFactory

ANSWERS = {f"U{n}": 3 for n in range(1, 10)}


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
    """The production cache settings (core.redis_guard.caches), on the private Redis."""
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
