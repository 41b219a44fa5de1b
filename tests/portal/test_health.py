"""Liveness (/healthz) and readiness (/readyz) as a reverse proxy, systemd or a
monitor sees them: real dependencies, some of them made unreachable."""

import datetime
import socket

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.health import HEARTBEAT_TASK
from tests.portal.test_tasks import DATABASE_BACKEND, run_db_worker

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    """A local port nothing listens on (connections are refused at once)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dead_redis_cache():
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }


def test_liveness_answers_without_touching_anything(client, settings):
    settings.CACHES = dead_redis_cache()
    res = client.get("/healthz")
    assert res.status_code == 200
    assert res.json() == {"status": "ok"}
    assert "no-store" in res["Cache-Control"]


def test_readiness_lists_each_check(client):
    res = client.get("/readyz")
    assert res.status_code == 200
    body = res.json()
    assert body["status"] == "ok"
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "ok",
        "cache": "ok",
    }
    assert "no-store" in res["Cache-Control"]


def test_readiness_is_503_while_the_cache_is_unreachable(client, settings):
    settings.CACHES = dead_redis_cache()
    res = client.get("/readyz")
    assert res.status_code == 503
    body = res.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["cache"]["status"] == "error"
    assert body["checks"]["cache"]["message"]
    assert body["checks"]["database"]["status"] == "ok"
    # Liveness is not readiness: the process is fine, nothing restarts it.
    assert client.get("/healthz").status_code == 200


def test_readiness_checks_an_external_search_engine(client, settings):
    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    res = client.get("/readyz")
    assert res.status_code == 503
    assert res.json()["checks"]["search"]["status"] == "error"


def test_probes_skip_the_https_redirect_the_host_check_and_the_public_cache(client, settings):
    """systemd or a load balancer probes gunicorn directly over plain HTTP, by address."""
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["portal.example.go.id"]
    settings.PUBLIC_CACHE_ENABLED = True
    for path in ("/healthz", "/readyz"):
        res = client.get(path, HTTP_HOST="127.0.0.1:8000")
        assert res.status_code == 200, (path, res.status_code)
        assert "X-Public-Cache" not in res
    assert client.post("/readyz").status_code == 405


def test_probes_are_in_neither_the_sitemap_nor_robots(client):
    robots = client.get("/robots.txt").content.decode()
    for path in ("/healthz", "/readyz", "/metrics"):
        assert f"Disallow: {path}" in robots
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "healthz" not in sitemap and "readyz" not in sitemap and "metrics" not in sitemap


@pytest.mark.django_db(transaction=True)
def test_readiness_follows_the_task_workers_heartbeat(client, settings):
    settings.TASKS = DATABASE_BACKEND
    settings.PUBLIC_CACHE_ENABLED = True

    # The first probe queues a heartbeat; a worker that has not taken it yet is
    # still within its allowed lag.
    res = client.get("/readyz")
    assert res.status_code == 200, res.json()
    assert res.json()["checks"]["task_worker"]["status"] == "ok"
    heartbeat = DBTaskResult.objects.get(task_path=HEARTBEAT_TASK)
    assert heartbeat.status == "READY"

    # No worker took it for longer than TASK_WORKER_MAX_LAG_SECONDS: not ready.
    waited = settings.TASK_WORKER_MAX_LAG_SECONDS + 5
    DBTaskResult.objects.filter(pk=heartbeat.pk).update(
        enqueued_at=timezone.now() - datetime.timedelta(seconds=waited)
    )
    res = client.get("/readyz")
    assert res.status_code == 503
    check = res.json()["checks"]["task_worker"]
    assert check["status"] == "error" and "db_worker" in check["message"]

    # A worker runs and takes it: ready again, with no second heartbeat queued.
    run_worker_until_idle()
    heartbeat.refresh_from_db()
    assert heartbeat.status == "SUCCESSFUL"
    res = client.get("/readyz")
    assert res.status_code == 200, res.json()
    assert DBTaskResult.objects.filter(task_path=HEARTBEAT_TASK).count() == 1


def run_worker_until_idle():
    def idle():
        return not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists()

    output = run_db_worker(idle)
    assert idle(), output
