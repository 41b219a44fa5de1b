"""gunicorn settings of the production server (`make serve`, deploy/portal.service).

Everything an operator tunes comes from the environment: WEB_CONCURRENCY
(worker processes, default 3: about two per core, the portal's requests spend
much of their time waiting on PostgreSQL), GUNICORN_BIND (default
127.0.0.1:8000, where nginx's upstream points) and GUNICORN_TIMEOUT.
"""

import os
from pathlib import Path

wsgi_app = "portal.wsgi:application"
chdir = str(Path(__file__).resolve().parent.parent)
raw_env = [
    "DJANGO_SETTINGS_MODULE="
    + os.environ.get("DJANGO_SETTINGS_MODULE", "portal.settings.production")
]
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
# Sync workers: one request at a time per process, each with its persistent
# database connection (CONN_MAX_AGE); nginx buffers slow clients in front.
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak never grows without bound.
max_requests = 20000
max_requests_jitter = 2000
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# gunicorn's own lines in the JSON of Django's (portal/logs.py), unless LOG_FORMAT=plain.
if os.environ.get("LOG_FORMAT", "json") == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "portal.logs.JsonFormatter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"level": "INFO", "handlers": []},
        "loggers": {
            name: {"level": loglevel.upper(), "handlers": ["console"], "propagate": False}
            for name in ("gunicorn.error", "gunicorn.access")
        },
    }
# gunicorn's control socket is one per user (~/.gunicorn/gunicorn.ctl): two
# servers on one machine (a benchmark beside a deployment) would fight over it.
control_socket_disable = True
# The longest request line gunicorn takes (its maximum): the portal itself answers a
# URL over EDGE_URL_MAX_BYTES (4096) with 414 in its own shape, JSON under /api/.
limit_request_line = 8190

# Prometheus metrics across workers (portal/metrics.py): each worker writes its
# counters to files in this directory and a scrape, whichever worker answers it,
# adds them all up. Set before any worker imports prometheus_client; emptied when
# the server starts (Prometheus reads the restart as a counter reset).
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    import tempfile

    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="portal-metrics-")


def _clear_metrics_dir():
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return
    folder = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.db"):
        stale.unlink()


def child_exit(server, worker):
    """A worker that exits (recycled, killed) keeps its counts; its live gauges go."""
    try:
        from prometheus_client import multiprocess
    except ImportError:
        return
    multiprocess.mark_process_dead(worker.pid)


def on_starting(server):
    """Refuse to start before `collectstatic`.

    Under the production settings static files go through WhiteNoise's manifest
    storage: without the manifest every page that links a stylesheet answers 500
    ("Missing staticfiles manifest entry"). Failing here, with the fix in the
    message, beats a site that is up and broken.
    """
    _clear_metrics_dir()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", raw_env[0].split("=", 1)[1])
    from django.conf import settings

    backend = settings.STORAGES["staticfiles"]["BACKEND"]
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if "Manifest" in backend and not manifest.exists():
        raise SystemExit(
            f"{manifest} is missing: run `python manage.py collectstatic --noinput` "
            "first (`make serve` does it)."
        )
