"""IKM at scale on PostgreSQL: rollup rebuild, the raw GROUP BY floor, and page speed.

Loads the demo registry into a dedicated database, then measures at 1,000 and at
1,000,000 survey responses:

- a full ``recompute_ikm`` (rebuild of every rollup from raw responses);
- the same per-service, per-month aggregate as one raw SQL GROUP BY (the floor
  any rebuild has to pay);
- the median time to render a unit page (its results read rollups only, so the
  page should cost the same at both sizes).

Usage (PostgreSQL on 127.0.0.1, trust auth, as on the development machines):

    .venv/bin/python bench/ikm_bench.py [--responses 1000000] [--page-runs 30]

It uses (and empties) the database ``portal_bench``; set BENCH_DATABASE_URL to
use another. Nothing else is touched.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench")
os.environ["DATABASE_URL"] = DB_URL
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


def page_median(client, url, runs):
    client.get(url)  # warm caches and connections
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        samples.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return statistics.median(samples) * 1000


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=1_000_000)
    parser.add_argument("--page-runs", type=int, default=30)
    args = parser.parse_args()

    ensure_database()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from feedback import rollups
    from feedback.models import Service
    from portal.demo import loader

    settings.ALLOWED_HOSTS = ["*"]
    print(f"database: {DB_URL}")
    call_command("migrate", verbosity=0)
    if not Service.objects.exists():
        print("loading the demo registry and pages ...")
        loader.load(log=lambda line: None, with_responses=False)
    service_ids = list(Service.objects.values_list("pk", flat=True))
    url = "/unit/dinkes/?periode=2026-Q3"
    client = Client()

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE feedback_response CASCADE")
    results = {}
    small = 1_000
    load_responses(small, service_ids, seed=1)
    rollups.rebuild()
    results["page_1k"] = page_median(client, url, args.page_runs)
    print(f"  {small:>9,} responses: unit page median {results['page_1k']:.1f} ms")

    print(f"loading {args.responses - small:,} more responses with COPY ...")
    load_time = timed(lambda: load_responses(args.responses - small, service_ids, seed=2))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE feedback_response")
    print(f"  loaded in {load_time:.1f} s")
    results["recompute"] = timed(
        lambda: call_command("recompute_ikm", verbosity=0, stdout=open(os.devnull, "w"))
    )
    results["group_by"] = timed(raw_group_by)
    results["page_big"] = page_median(client, url, args.page_runs)

    print()
    print(f"responses                        {args.responses:>12,}")
    print(f"full recompute_ikm               {results['recompute']:>10.2f} s")
    print(f"raw SQL GROUP BY (the floor)     {results['group_by']:>10.2f} s")
    print(f"unit page median at 1,000        {results['page_1k']:>10.1f} ms")
    print(f"unit page median at {args.responses:,}  {results['page_big']:>10.1f} ms")


if __name__ == "__main__":
    main()
