"""What the Prometheus metrics cost a request (portal/metrics.py), in microseconds.

    .venv/bin/python bench/metrics_bench.py [--number 20000]

Times the request middleware around a view that does nothing, and one
submission counted, in prometheus-client's multiprocess mode as gunicorn runs
it (PROMETHEUS_MULTIPROC_DIR, a temporary directory here). For scale: a
submission costs gunicorn about 2.3 ms of CPU (docs/benchmarks.md "Ingest benchmark").
No database.
"""

import argparse
import os
import sys
import tempfile
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--number", type=int, default=20000)
    args = parser.parse_args()
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="portal-metrics-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    from django.http import HttpResponse
    from django.test import RequestFactory
    from django.urls import resolve

    from core import metrics

    request = RequestFactory().post("/api/v1/feedback/")
    request.resolver_match = resolve("/api/v1/feedback/")
    response = HttpResponse(status=201)
    middleware = metrics.RequestMetricsMiddleware(lambda r: response)
    n = args.number
    bare = timeit.timeit(lambda: response, number=n) / n
    timed = timeit.timeit(lambda: middleware(request), number=n) / n
    counted = timeit.timeit(lambda: metrics.submission("api", "stored"), number=n) / n
    print(f"request histogram:  {1e6 * (timed - bare):6.1f} us per request")
    print(f"submission counter: {1e6 * counted:6.1f} us per submission")


if __name__ == "__main__":
    main()
