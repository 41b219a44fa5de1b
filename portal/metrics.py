"""Prometheus metrics at ``/metrics`` (docs/operations.md "Health and metrics").

What is counted:

- ``portal_http_request_duration_seconds`` (histogram; labels ``view``, ``method``,
  ``status``): every request but the probes and the scrape itself. Its
  ``_count`` is the requests by view and status, its buckets the latency.
- ``portal_submissions_total`` (counter; labels ``channel``, ``outcome``): each
  citizen submission on the live channels, counted by core.metrics.
- ``portal_task_queue_depth`` / ``portal_task_oldest_ready_seconds`` (gauges, read
  at scrape time): tasks waiting for the database-backed worker.

With several gunicorn workers each process counts in its own files under
``PROMETHEUS_MULTIPROC_DIR`` (deploy/gunicorn.conf.py sets it up) and a scrape
adds them up, whichever worker answers it. Without prometheus-client (the
embedded default installs only the base) there is no ``/metrics``.

``/metrics`` is not public: it answers only clients in ``METRICS_ALLOWED_IPS``
(addresses or networks, the client address as ``core.client_ip`` sees it) or a
request with ``Authorization: Bearer METRICS_TOKEN``; with neither set it is a 404.
It is answered before the rest of the middleware (no HTTPS redirect for a
scraper on the local network) and carries no officer data.
"""

import hmac
import ipaddress
import os
import time

from django.conf import settings
from django.db.models import Count, Min
from django.http import HttpResponse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.client_ip import client_ip
from core.errors import json_error

from .health import tasks_in_database

try:
    import prometheus_client
    from prometheus_client import CollectorRegistry, Histogram, multiprocess
    from prometheus_client.core import GaugeMetricFamily
except ImportError:  # the embedded default: no metrics
    prometheus_client = None

METRICS_PATH = "/metrics"
METHODS = frozenset(("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"))

if prometheus_client is not None:
    REQUESTS = Histogram(
        "portal_http_request_duration_seconds",
        "Requests by view, method and status, and how long they took.",
        ["view", "method", "status"],
        buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
    )


def _view_name(request, response) -> str:
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return match.view_name or match.route or "<unnamed>"
    if response.get("X-Portal-Cache") == "hit":
        return "<public cache>"  # answered before the URL was resolved
    return "<unresolved>"


class TaskQueueCollector:
    """Tasks waiting for the database-backed worker, read when scraped."""

    def collect(self):

        if not tasks_in_database():
            return

        depth = GaugeMetricFamily(
            "portal_task_queue_depth", "Tasks queued or running, by status.", labels=["status"]
        )
        counts = dict(
            DBTaskResult.objects.filter(status__in=["READY", "RUNNING"])
            .values_list("status")
            .annotate(n=Count("id"))
        )
        for status in ("READY", "RUNNING"):
            depth.add_metric([status.lower()], counts.get(status, 0))
        yield depth
        oldest = DBTaskResult.objects.ready().aggregate(t=Min("enqueued_at"))["t"]
        age = (timezone.now() - oldest).total_seconds() if oldest else 0.0
        yield GaugeMetricFamily(
            "portal_task_oldest_ready_seconds", "How long the oldest ready task has waited.", age
        )


def _allowed(request) -> bool | None:
    """True or False; None when metrics are not enabled at all."""
    token = getattr(settings, "METRICS_TOKEN", "")
    networks = getattr(settings, "METRICS_ALLOWED_IPS", [])
    if not token and not networks:
        return None
    if token:
        sent = request.headers.get("Authorization", "")
        if sent.startswith("Bearer ") and hmac.compare_digest(
            sent[7:].strip().encode(), token.encode()
        ):
            return True
    if networks:
        address = ipaddress.ip_address(client_ip(request))
        for network in networks:
            if address in ipaddress.ip_network(network, strict=False):
                return True
    return False


def metrics_view(request):
    allowed = _allowed(request)
    if allowed is None:
        return json_error("Not found.", 404)
    if not allowed:
        return json_error("Forbidden.", 403)
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)  # every worker's files, summed
    else:  # one process (runserver, the tests)
        registry = prometheus_client.REGISTRY
    output = prometheus_client.generate_latest(registry)
    output += prometheus_client.generate_latest(_task_registry())
    response = HttpResponse(output, content_type=prometheus_client.CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "no-store"
    return response


def _task_registry():
    registry = CollectorRegistry()
    registry.register(TaskQueueCollector())
    return registry


class RequestMetricsMiddleware:
    """Times every request below it and answers ``/metrics`` (second in MIDDLEWARE,
    after the probes)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == METRICS_PATH:
            if request.method not in ("GET", "HEAD"):
                return json_error("Method not allowed.", 405)
            return metrics_view(request)
        start = time.perf_counter()
        response = self.get_response(request)
        method = request.method if request.method in METHODS else "other"  # bounded labels
        REQUESTS.labels(_view_name(request, response), method, str(response.status_code)).observe(
            time.perf_counter() - start
        )
        return response
