"""IKM at scale on PostgreSQL + Redis: recompute against the raw GROUP BY floor, and
the public pages on a cache hit and on a miss, against a static file.

Loads the demo registry into a dedicated database, then measures at 1,000 and at
N survey responses (default 100,000; the README's figures use 1,000,000):

- a full ``recompute_ikm`` (every rollup rebuilt from raw responses) and the same
  per-service, per-month aggregate as one raw SQL GROUP BY (the floor), and their ratio;
- the median time of a unit page (Dinas Kesehatan, with sub-units), one of its service
  pages and ``/api/v1/ikm/`` (the Pemda), each on a cache hit and on a miss right after
  a submission to that service (which must refresh all three), beside a static file
  of the unit page's size served by the same stack (whitenoise).

Requests go through Django's test client: the whole WSGI stack (middleware, views,
templates, PostgreSQL, Redis) in this process, without a network server in front.

Usage (PostgreSQL and Redis on 127.0.0.1, as on the development machines):

    .venv/bin/python bench/ikm_bench.py [--responses 1000000] [--page-runs 30]

It uses (and empties) the database ``portal_bench``; set BENCH_DATABASE_URL to use
another. The cache is BENCH_REDIS_URL (default redis://127.0.0.1:6379/0) under a key
prefix of its own, so nothing else in that Redis is touched.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench")
os.environ["DATABASE_URL"] = DB_URL
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
os.environ["REDIS_URL"] = REDIS_URL
os.environ["CACHE_KEY_PREFIX"] = f"ikm-bench-{uuid.uuid4().hex[:8]}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")


def ensure_database():
    import psycopg

    name = DB_URL.rsplit("/", 1)[1]
    admin_url = DB_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


COLUMNS = (
    "public_id, service_id, service_point_id, verified, channel, served_on, submitted_at, "
    "u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, education, occupation, comment, comment_status, "
    "client_hash, fingerprint"
)


def load_responses(count, service_ids, seed):
    """COPY ``count`` synthetic responses over 2025-2026 into feedback_response."""
    from django.db import connection

    rng = random.Random(seed)
    start = datetime.date(2025, 1, 1)
    levels = {sid: rng.uniform(2.4, 3.7) for sid in service_ids}
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY feedback_response ({COLUMNS}) FROM STDIN") as copy:
            for _ in range(count):
                sid = rng.choice(service_ids)
                day = start + datetime.timedelta(days=rng.randrange(638))
                mean = levels[sid]
                answers = [min(4, max(1, round(rng.gauss(mean, 0.6)))) for _ in range(9)]
                copy.write_row(
                    (
                        uuid.UUID(int=rng.getrandbits(128), version=4),
                        sid,
                        None,
                        False,
                        "web",
                        day,
                        datetime.datetime.combine(day, datetime.time(9), datetime.UTC),
                        *answers,
                        rng.choice("LP"),
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                    )
                )


def timed(fn):
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def median_ms(fn, runs, before=None):
    """Median of ``runs`` calls of ``fn`` in ms; ``before`` runs untimed before each."""
    samples = []
    for _ in range(runs):
        if before:
            before()
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def get(client, url, expect=None):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if expect:
        assert response.get("X-Portal-Cache") == expect, (url, response.get("X-Portal-Cache"))
    return response


def raw_group_by():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT service_id, EXTRACT(YEAR FROM served_on), EXTRACT(MONTH FROM served_on), "
            "COUNT(*), SUM(u1), SUM(u2), SUM(u3), SUM(u4), SUM(u5), SUM(u6), SUM(u7), SUM(u8), "
            "SUM(u9), SUM((u1+u2+u3+u4+u5+u6+u7+u8+u9)*(u1+u2+u3+u4+u5+u6+u7+u8+u9)) "
            "FROM feedback_response GROUP BY 1, 2, 3"
        )
        return len(cursor.fetchall())


def submit_one(service_code):
    """One citizen's response through the same path as every channel (after commit,
    the public cache refreshes its service, units and the Pemda)."""
    from feedback import services

    sub = services.parse_submission(
        {
            "service": service_code,
            "answers": {f"U{i}": 3 for i in range(1, 10)},
            "served_on": datetime.date(2026, 8, 17),
        }
    )
    services.response_submit(sub, channel="api")


def measure_pages(client, urls, service_code, runs):
    """Hit and miss medians (ms) per URL."""
    figures = {}
    for name, url in urls.items():
        get(client, url)
        hit = median_ms(lambda url=url: get(client, url, expect="hit"), runs)
        miss = median_ms(
            lambda url=url: get(client, url, expect="miss"),
            runs,
            before=lambda: submit_one(service_code),
        )
        figures[name] = (hit, miss)
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--page-runs", type=int, default=30)
    args = parser.parse_args()

    ensure_database()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from content.models import ServicePage, UnitPage
    from feedback import rollups
    from feedback.models import Service
    from portal.demo import loader

    settings.ALLOWED_HOSTS = ["*"]
    settings.PUBLIC_CACHE_ENABLED = True
    print(f"database: {DB_URL}; cache: {REDIS_URL}")
    print("server: Django's test client, the whole WSGI stack in this process")
    call_command("migrate", verbosity=0)
    if not Service.objects.exists():
        print("loading the demo registry and pages ...")
        loader.load(log=lambda line: None, with_responses=False)
    service_ids = list(Service.objects.values_list("pk", flat=True))
    unit_page = UnitPage.objects.get(unit__code="DINKES")
    service_page = ServicePage.objects.live().descendant_of(unit_page).first()
    urls = {
        "unit page": f"{unit_page.url}?periode=2026-Q3",
        "service page": f"{service_page.url}?periode=2026-Q3",
        "/api/v1/ikm/": "/api/v1/ikm/?period=2026-Q3",
    }

    # A static file of the unit page's size, served by whitenoise in the same stack.
    size = len(get(Client(), urls["unit page"]).content)
    static_root = Path(tempfile.mkdtemp(prefix="ikm-bench-static-"))
    (static_root / "bench-static.html").write_bytes(b"x" * size)
    settings.WHITENOISE_ROOT = str(static_root)
    client = Client()  # a new handler: whitenoise reads WHITENOISE_ROOT now
    assert client.get("/bench-static.html").status_code == 200
    static_url = "/bench-static.html"

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE feedback_response CASCADE")
    small = 1_000
    load_responses(small, service_ids, seed=1)
    rollups.rebuild()
    static_small = median_ms(lambda: get(client, static_url), args.page_runs)
    pages_small = measure_pages(client, urls, service_page.service.code, args.page_runs)

    print(f"loading {args.responses - small:,} more responses with COPY ...")
    load_time = timed(lambda: load_responses(args.responses - small, service_ids, seed=2))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE feedback_response")
    print(f"  loaded in {load_time:.1f} s")
    recompute = timed(
        lambda: call_command("recompute_ikm", verbosity=0, stdout=open(os.devnull, "w"))
    )
    group_by = timed(raw_group_by)
    static_big = median_ms(lambda: get(client, static_url), args.page_runs)
    pages_big = measure_pages(client, urls, service_page.service.code, args.page_runs)

    big = f"{args.responses:,}"
    print()
    print(f"responses                               {big:>12}")
    print(f"full recompute_ikm                      {recompute:>10.2f} s")
    print(f"raw SQL GROUP BY (the floor)            {group_by:>10.2f} s")
    print(f"recompute / GROUP BY                    {recompute / group_by:>10.2f} x")
    print()
    print(f"median of {args.page_runs} requests (ms); static file: {size:,} bytes")
    print(f"{'':<40}{'1,000':>10}{big:>12}{big + ' / 1,000':>20}")
    ratio = static_big / static_small
    print(f"{'static file':<40}{static_small:>10.2f}{static_big:>12.2f}{ratio:>19.2f}x")
    for name in urls:
        for i, state in enumerate(("hit", "miss after a submission")):
            a, b = pages_small[name][i], pages_big[name][i]
            print(f"{name + ', ' + state:<40}{a:>10.2f}{b:>12.2f}{b / a:>19.2f}x")
    print()
    print("cache hit / static file (target <= 2x)")
    for name in urls:
        print(
            f"  {name:<24}{pages_small[name][0] / static_small:>6.2f}x at 1,000"
            f"{pages_big[name][0] / static_big:>8.2f}x at {big}"
        )


if __name__ == "__main__":
    main()
