"""Liveness and readiness for the reverse proxy, systemd and monitoring.

``/healthz`` (liveness): the process answers; it touches nothing else, so a
database or Redis outage never gets healthy workers restarted.
``/readyz`` (readiness): the database, the cache (Redis in production), the
search engine when it is an external one, and the task worker when tasks are
queued in the database. JSON with each check's status; 200 when all pass, 503
otherwise. The checks come from django-health-check; the worker's heartbeat is
ours (below).

Both are answered by ``ProbeMiddleware`` at the top of the middleware stack:
no session, no public cache, no HTTPS redirect, no host check, never counted in
the request metrics, and never cached (``Cache-Control: no-store``). They carry
no officer data and are in neither the sitemap nor robots.txt's allowed pages.
"""

import asyncio
import dataclasses
import datetime
import logging

from asgiref.sync import async_to_sync, sync_to_async
from django.conf import settings
from django.db.models import Max
from django.http import HttpResponseNotAllowed, JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from health_check.base import HealthCheck
from health_check.checks import Cache, Database
from health_check.exceptions import ServiceUnavailable

from search.engines import engine_name, get_engine

logger = logging.getLogger(__name__)

LIVENESS_PATH = "/healthz"
READINESS_PATH = "/readyz"
DATABASE_TASKS_BACKEND = "django_tasks_db.DatabaseBackend"
HEARTBEAT_TASK = "portal.health.worker_heartbeat"


@task()
def worker_heartbeat() -> str:
    """Run by the task worker when a readiness probe asks for it: that it ran is
    the heartbeat. Forgets the heartbeats before it, so they never pile up."""

    now = timezone.now()
    DBTaskResult.objects.filter(
        task_path=HEARTBEAT_TASK,
        status=TaskResultStatus.SUCCESSFUL,
        finished_at__lt=now - datetime.timedelta(seconds=settings.TASK_WORKER_HEARTBEAT_SECONDS),
    ).delete()
    return now.isoformat()


def tasks_in_database() -> bool:
    return settings.TASKS["default"]["BACKEND"] == DATABASE_TASKS_BACKEND


def worker_status(now=None) -> str | None:
    """None when the task worker is keeping up, else why not.

    The heartbeat is a real task through the real queue: when none has finished
    within TASK_WORKER_HEARTBEAT_SECONDS and none is waiting, one is queued.
    The worker is behind (or gone) when a heartbeat has waited longer than
    TASK_WORKER_MAX_LAG_SECONDS: it takes tasks oldest first, so everything
    queued before the heartbeat has waited at least as long.
    """

    now = now or timezone.now()
    heartbeats = DBTaskResult.objects.filter(task_path=HEARTBEAT_TASK)
    waiting = (
        heartbeats.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING])
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first()
    )
    if waiting is not None:
        lag = (now - waiting).total_seconds()
        if lag > settings.TASK_WORKER_MAX_LAG_SECONDS:
            return f"no task taken for {lag:.0f} s (is `manage.py db_worker` running?)"
        return None
    last = heartbeats.filter(status=TaskResultStatus.SUCCESSFUL).aggregate(t=Max("finished_at"))[
        "t"
    ]
    if last is None or (now - last).total_seconds() > settings.TASK_WORKER_HEARTBEAT_SECONDS:
        worker_heartbeat.enqueue()
    return None


@dataclasses.dataclass
class TaskWorker(HealthCheck):
    """The database-backed task worker's heartbeat (``worker_status``)."""

    async def run(self):
        # On the request's own thread and connection (the tests' transaction too).
        problem = await sync_to_async(worker_status, thread_sensitive=True)()
        if problem:
            raise ServiceUnavailable(problem)


@dataclasses.dataclass
class SearchEngine(HealthCheck):
    """The external search engine (Elasticsearch or OpenSearch) answers a ping."""

    def run(self):

        engine = get_engine()
        if not engine.ping():
            raise ServiceUnavailable(f"{engine.describe()} does not answer")


def readiness_checks() -> list[tuple[str, HealthCheck]]:
    checks = [("database", Database()), ("cache", Cache())]

    if engine_name() != "database":  # the database engine is the database check
        checks.append(("search", SearchEngine()))
    if tasks_in_database():
        checks.append(("task_worker", TaskWorker()))
    return checks


async def _results(checks):

    return await asyncio.gather(*(check.get_result() for _, check in checks))


def _probe_response(body: dict, status: int) -> JsonResponse:
    response = JsonResponse(body, status=status)
    add_never_cache_headers(response)  # no-store: no proxy or browser keeps a probe
    return response


def liveness(request):
    return _probe_response({"status": "ok"}, 200)


def readiness(request):
    checks = readiness_checks()
    results = async_to_sync(_results)(checks)
    body = {}
    for (name, _check), result in zip(checks, results, strict=True):
        entry = {"status": "ok" if result.error is None else "error"}
        if result.error is not None:
            # The library's messages name the failure, never a password or a row.
            entry["message"] = str(result.error)
        entry["seconds"] = round(result.time_taken, 4)
        body[name] = entry
    ready = all(r.error is None for r in results)
    if not ready:
        logger.warning("not ready: %s", {k: v for k, v in body.items() if v["status"] != "ok"})
    return _probe_response(
        {"status": "ok" if ready else "unavailable", "checks": body}, 200 if ready else 503
    )


PROBES = {LIVENESS_PATH: liveness, READINESS_PATH: readiness}


class ProbeMiddleware:
    """Answers the probes before anything else runs (first in MIDDLEWARE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info.rstrip("/") or "/")
        if probe is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return probe(request)
