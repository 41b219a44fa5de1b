"""Production logs are one JSON object per line (portal/logs.py), checked on the
production settings in a process of their own, as gunicorn's workers load them."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import logging
import django
django.setup()
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from portal.logs import RequestContextMiddleware

assert "portal.logs.RequestContextMiddleware" in settings.MIDDLEWARE
log = logging.getLogger("portal.check")
log.info("first line\nsecond line, in Bahasa: Penilaian tersimpan")
try:
    1 / 0
except ZeroDivisionError:
    log.exception("failed")

def view(request):
    log.warning("inside a request")
    logging.getLogger("django.request").warning(
        "Not Found: %s", request.path, extra={"status_code": 404, "request": request}
    )
    return HttpResponse(status=404)

response = RequestContextMiddleware(view)(
    RequestFactory().get("/layanan/tidak-ada/", HTTP_X_REQUEST_ID="req-0123456789")
)
print("X-Request-ID", response["X-Request-ID"])
"""


def run_production(script=SCRIPT, **extra_env):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "log-test-" + "x" * 50,
        "ALLOWED_HOSTS": "portal.example.go.id",
        "REDIS_URL": os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15",
        "LOG_FORMAT": "json",
        **extra_env,
    }
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_logs_are_one_json_object_per_line():
    done = run_production()
    assert done.returncode == 0, done.stderr
    assert "X-Request-ID req-0123456789" in done.stdout
    lines = [json.loads(line) for line in done.stderr.splitlines() if line.strip()]
    ours = [entry for entry in lines if entry["logger"] in ("portal.check", "django.request")]
    assert len(ours) == 4, done.stderr
    for entry in ours:
        assert {"time", "level", "logger", "message"} <= set(entry)
    first, failed, inside, not_found = ours
    assert first["message"].endswith("Penilaian tersimpan") and first["level"] == "INFO"
    assert "ZeroDivisionError" in failed["exception"] and failed["level"] == "ERROR"
    assert inside["request_id"] == "req-0123456789"
    assert inside["path"] == "/layanan/tidak-ada/" and inside["method"] == "GET"
    assert not_found["status"] == 404 and not_found["request_id"] == "req-0123456789"


def test_plain_logs_on_request():
    script = "import django, logging; django.setup(); logging.getLogger('x').warning('plain')"
    done = run_production(script, LOG_FORMAT="plain")
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "plain"  # not JSON
