"""Prometheus metrics at /metrics: who may read them, and what they count, in
this process and across the workers of a real gunicorn."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.factories import ServiceFactory

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "metrics-test-token-0123456789"
ANSWERS = {f"U{n}": 3 for n in range(1, 10)}


def samples(text: str) -> dict:
    """{(name, frozenset(labels)): value} of a scrape."""
    out = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return out


def value(scrape: dict, name: str, **labels) -> float:
    return scrape.get((name, frozenset(labels.items())), 0.0)


def scrape(client) -> dict:
    res = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert res.status_code == 200, res.content
    assert res["Content-Type"].startswith("text/plain")
    return samples(res.content.decode())


def test_metrics_are_not_public_by_default(client, settings):
    settings.METRICS_TOKEN, settings.METRICS_ALLOWED_IPS = "", []
    assert client.get("/metrics").status_code == 404
    settings.METRICS_TOKEN = TOKEN
    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 200


def test_allowed_networks_use_the_trusted_client_address(client, settings):
    settings.METRICS_TOKEN, settings.METRICS_ALLOWED_IPS = "", ["10.0.0.0/8"]
    settings.TRUSTED_PROXY_COUNT = 1
    # Scraped by the monitoring host through the proxy: allowed.
    assert client.get("/metrics", HTTP_X_FORWARDED_FOR="10.1.2.3").status_code == 200
    # A citizen writing the monitoring host's address in front changes nothing.
    forged = "10.1.2.3, 203.0.113.9"
    assert client.get("/metrics", HTTP_X_FORWARDED_FOR=forged).status_code == 403
    assert client.post("/metrics").status_code == 405


@pytest.mark.django_db
def test_requests_and_submissions_are_counted(client, settings):
    settings.METRICS_TOKEN = TOKEN
    settings.FEEDBACK_RATE_ATTEMPTS = "3/m"  # the fourth attempt is refused
    service = ServiceFactory(code="KTP-EL")
    before = scrape(client)

    def post(body):
        return client.post("/api/v1/feedback/", body, content_type="application/json")

    assert post({"service": service.code, "answers": ANSWERS}).status_code == 201
    again = post({"service": service.code, "answers": ANSWERS})
    assert again.status_code == 201 and again.json()["duplicate"] is True
    assert post({"service": service.code, "answers": {**ANSWERS, "U1": 7}}).status_code == 400
    assert post({"service": service.code, "answers": ANSWERS}).status_code == 429
    for _ in range(2):
        client.get("/robots.txt")
    client.get("/healthz")  # a probe: not a request of the site

    after = scrape(client)

    def grew(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    for outcome in ("stored", "duplicate", "rejected", "rate_limited"):
        assert grew("portal_submissions_total", channel="api", outcome=outcome) == 1, outcome
    requests = "portal_http_request_duration_seconds_count"
    assert grew(requests, view="robots_txt", method="GET", status="200") == 2
    api = {"view": "api-feedback", "method": "POST"}
    assert grew(requests, **api, status="201") == 2
    assert grew(requests, **api, status="400") == 1
    assert grew(requests, **api, status="429") == 1

    def total(scrape):
        return sum(v for (name, _), v in scrape.items() if name == requests)

    assert total(after) - total(before) == 6  # neither the probe nor the scrapes


@pytest.mark.django_db
def test_task_queue_depth_is_reported(client, settings):
    settings.METRICS_TOKEN = TOKEN
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from portal.health import worker_heartbeat

    worker_heartbeat.enqueue()
    worker_heartbeat.enqueue()
    now = scrape(client)
    assert value(now, "portal_task_queue_depth", status="ready") >= 2
    assert value(now, "portal_task_oldest_ready_seconds") >= 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as res:
        return res.status, res.read().decode()


def test_counts_add_up_across_gunicorn_workers(tmp_path):
    """Three real gunicorn workers (deploy/gunicorn.conf.py) each count what they
    serve; every scrape, whichever worker answers it, gives the total, and a
    worker killed with SIGKILL keeps what it counted."""
    port = free_port()
    metrics_dir = tmp_path / "metrics"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "3",
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
        "METRICS_TOKEN": TOKEN,
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            "deploy/gunicorn.conf.py",
            "--keep-alive",
            "0",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                http_get(base + "/healthz")
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, (
                    "gunicorn did not start"
                )
                time.sleep(0.2)
        # Workers load the app one by one after /healthz first answers: on a busy
        # machine one of them may serve a whole sequential run. Requests go six at a
        # time, in rounds, until at least two workers have counted some.
        requests = 0
        pids = set()
        with ThreadPoolExecutor(max_workers=6) as pool:
            while len(pids) < 2 and time.monotonic() < deadline:
                statuses = list(pool.map(lambda _: http_get(base + "/robots.txt")[0], range(30)))
                assert statuses == [200] * 30
                requests += 30
                pids = {p.stem.rsplit("_", 1)[-1] for p in metrics_dir.glob("histogram_*.db")}
        assert len(pids) >= 2, f"one worker served everything: {sorted(pids)}"

        def robots_count():
            status, text = http_get(base + "/metrics", auth)
            assert status == 200
            return value(
                samples(text),
                "portal_http_request_duration_seconds_count",
                view="robots_txt",
                method="GET",
                status="200",
            )

        assert [robots_count() for _ in range(6)] == [requests] * 6

        worker_pids = [int(p) for p in pids]
        os.kill(worker_pids[0], signal.SIGKILL)
        time.sleep(1)
        assert robots_count() == requests  # a killed worker's counts stay
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            output = server.communicate(timeout=30)[0]
        except subprocess.TimeoutExpired:
            server.kill()
            output = server.communicate()[0]
    print(output[-2000:])
