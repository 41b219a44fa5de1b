"""IKM at scale on the production server: recompute against the raw GROUP BY floor,
and the public pages on a cache hit and on a miss, against a static file.

Prepares a database of its own as bench/page_bench.py does (ingest_bench.prepare:
the demo registry and pages, static files collected; dropped at the end), starts
gunicorn (deploy/gunicorn.conf.py, the production settings, PostgreSQL + Redis) and
measures at 1,000 and at N survey responses (default 100,000; the figures in docs/benchmarks.md
use 1,000,000), loaded with COPY and recomputed before the pages are asked for:

- at N, a full ``recompute_ikm`` (every rollup rebuilt from raw responses) and the
  same per-service, per-month aggregate as one raw SQL GROUP BY (the floor), and
  their ratio;
- for a unit page (Dinas Kesehatan, with sub-units), one of its service pages and
  ``/api/v1/ikm/`` (the Pemda), from one client: the median of a cache hit (each
  must answer ``X-Portal-Cache: hit``) and of the file under STATIC_ROOT closest in
  size at 1,000 (WhiteNoise, the same workers; the same file at N), asked in
  alternation so both see the same load, and their ratio; then the median of a miss
  right after a submission to that service (``POST /api/v1/feedback/`` to the same
  server, then the GET must answer ``X-Portal-Cache: miss``: a submission refreshes
  all three; each adds a response, counted towards N), and the median of those
  submissions;
- the ratio N / 1,000 of every median (a submission must not cost more with more
  responses stored: its duplicate check is an index lookup).

Usage (PostgreSQL 127.0.0.1:5432 trust auth and Redis 127.0.0.1:6379):

    .venv/bin/python bench/ikm_bench.py [--responses 1000000] [--page-runs 200]

The database is ``${PG_DB:-portal}_ikm_bench`` (or BENCH_DB); Redis keys carry a
prefix of their own, on index ${REDIS_DB:-15} (or BENCH_REDIS_URL). Exit status 1
when a request does not answer as expected (200, 201), a repeat is not a cache hit
or a GET after a submission is not a miss (never because of a ratio).
"""

import argparse
import datetime
import http.client
import json
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

os.environ.setdefault("BENCH_DB", f"{os.environ.get('PG_DB') or 'portal'}_ikm_bench")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import ingest_bench as ib  # noqa: E402  (the server helpers, after BENCH_DB is set)
import served  # noqa: E402

SMALL = 1_000
COLUMNS = (
    "public_id, service_id, service_point_id, verified, channel, served_on, submitted_at, "
    "u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, education, occupation, comment, comment_status, "
    "client_hash, fingerprint, reasons"
)
# Responses are spread over the days up to today, so the current quarter the pages
# show (served.current_quarter) holds some, and a submission of today changes it.
LOADED_DAYS = 638


def load_responses(count, service_ids, seed):
    """COPY ``count`` synthetic responses over the LOADED_DAYS up to today into
    feedback_response."""
    from django.db import connection

    rng = random.Random(seed)
    start = datetime.date.today() - datetime.timedelta(days=LOADED_DAYS - 1)
    levels = {sid: rng.uniform(2.4, 3.7) for sid in service_ids}
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY feedback_response ({COLUMNS}) FROM STDIN") as copy:
            for _ in range(count):
                sid = rng.choice(service_ids)
                day = start + datetime.timedelta(days=rng.randrange(LOADED_DAYS))
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
                        "{}",  # no reasons (jsonb, NOT NULL without a database default)
                    )
                )


def timed(fn):
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


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


def vacuum():
    """VACUUM ANALYZE after a load and a recompute, so autovacuum does not pick the
    fresh rows up in the middle of the page measurements."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")


def submit(conn, service_code) -> int:
    """One citizen's response through ``POST /api/v1/feedback/`` (an address of its
    own behind the trusted proxy, as ingest_bench sends them): (status, seconds)."""
    a = next(ib.ADDRESSES)
    body = json.dumps(
        {
            "service": service_code,
            "answers": {f"U{i}": 3 for i in range(1, 10)},
        }
    )
    headers = {
        "Content-Type": "application/json",
        "X-Forwarded-For": f"10.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}",
    }
    start = time.perf_counter()
    conn.request("POST", ib.FEEDBACK, body, headers)
    res = conn.getresponse()
    res.read()
    return res.status, time.perf_counter() - start


def measure(conn, urls, service_code, static_root, static_url, runs, statics):
    """{name: (bytes, hit, static name, static bytes, file, miss)} with medians in ms,
    the median of the submissions made before the misses (ms), and the failures
    (requests that did not answer as they must).

    ``statics`` holds the static file chosen for each page the first time (the closest
    in size), so both sizes of the data are measured beside the same file.
    """
    figures, failures, posts = {}, [], []
    for name, url in urls.items():
        status, _, size, _ = served.fetch(conn, url)
        if status != 200:
            failures.append(f"{name}: {url} answered {status}")
            continue
        if name not in statics:
            statics[name] = served.closest_static_file(static_root, size)
        static_name, static_size = statics[name]
        static = static_url + static_name
        for _ in range(20):  # warm-up: the worker has seen both
            served.fetch(conn, url)
            served.fetch(conn, static)
        hits, files, not_hits = [], [], 0
        for _ in range(runs):
            status, state, _, seconds = served.fetch(conn, url)
            not_hits += status != 200 or state != "hit"
            hits.append(seconds)
            status, _, _, seconds = served.fetch(conn, static)
            not_hits += status != 200
            files.append(seconds)
        if not_hits:
            failures.append(f"{name}: {not_hits} of {runs} repeats were not a 200 cache hit")
        misses, not_misses = [], 0
        for _ in range(runs):
            status, seconds = submit(conn, service_code)
            posts.append(seconds)
            if status != 201:
                failures.append(f"{name}: a submission to {service_code} was not a 201")
                break
            status, state, _, seconds = served.fetch(conn, url)
            not_misses += status != 200 or state != "miss"
            misses.append(seconds)
        if not_misses:
            failures.append(f"{name}: {not_misses} of {runs} GETs after a submission not a miss")
        figures[name] = (
            size,
            statistics.median(hits) * 1000,
            static_name,
            static_size,
            statistics.median(files) * 1000,
            statistics.median(misses) * 1000 if misses else float("nan"),
        )
    return figures, statistics.median(posts) * 1000 if posts else float("nan"), failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--responses", type=int, default=100_000, help="N (default 100,000)")
    parser.add_argument(
        "--page-runs", type=int, default=50, help="hits and misses per URL (default 50)"
    )
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers (default 1)")
    parser.add_argument("--keep-db", action="store_true", help="leave the bench database")
    args = parser.parse_args()
    if args.responses <= SMALL:
        parser.error(f"--responses must be more than {SMALL:,}")

    title = f"IKM bench: gunicorn with {args.workers} worker(s), one client"
    with ib.served_run(title, args.workers, "ikm-bench", keep_db=args.keep_db) as run:
        started = time.perf_counter()
        ib.prepare(run.env)
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection

        from feedback.models import Response, Service
        from feedback.results import rollups

        service_ids = list(Service.objects.values_list("pk", flat=True))
        urls, service_code = served.public_pages()
        run.start()
        conn = http.client.HTTPConnection("127.0.0.1", run.port, timeout=60)
        statics = {}  # the file beside each page, chosen at 1,000 and kept at N
        pages = (urls, service_code, Path(settings.STATIC_ROOT), settings.STATIC_URL)

        load_responses(SMALL, service_ids, seed=1)
        rollups.rebuild()
        vacuum()
        print(f"   prepared in {time.perf_counter() - started:.0f} s; measuring at {SMALL:,}")
        small, small_post, failures = measure(conn, *pages, args.page_runs, statics)
        failures = [f"at {SMALL:,}: {failure}" for failure in failures]

        # The submissions of the misses above count towards N.
        more = args.responses - Response.objects.count()
        print(f"   loading {more:,} more responses with COPY ...")
        load_time = timed(lambda: load_responses(more, service_ids, seed=2))
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE feedback_response")
        print(f"   loaded in {load_time:.1f} s")
        recompute = timed(
            lambda: call_command("recompute_ikm", verbosity=0, stdout=open(os.devnull, "w"))
        )
        group_by = timed(raw_group_by)
        vacuum()
        big, big_post, more_failures = measure(conn, *pages, args.page_runs, statics)
        failures += [f"at {args.responses:,}: {failure}" for failure in more_failures]
        conn.close()
        report(args, recompute, group_by, (small, small_post), (big, big_post), failures)
        print(f"   whole run: {time.perf_counter() - started:.0f} s")
        run.ok = not failures
    sys.exit(0 if run.ok else 1)


def report(args, recompute, group_by, small, big, failures):
    n = f"{args.responses:,}"
    print()
    print(f"responses                               {n:>12}")
    print(f"full recompute_ikm                      {recompute:>10.2f} s")
    print(f"raw SQL GROUP BY (the floor)            {group_by:>10.2f} s")
    print(f"recompute / GROUP BY                    {recompute / group_by:>10.2f} x")
    (small, small_post), (big, big_post) = small, big
    for label, figures, post in ((f"{SMALL:,}", small, small_post), (n, big, big_post)):
        print()
        print(f"at {label} responses: median of {args.page_runs} requests each, ms")
        print(
            f"{'page':<14}{'bytes':>7}{'hit':>8}   {'static file':<36}"
            f"{'bytes':>7}{'file':>7}{'hit/file':>9}{'miss':>9}"
        )
        for name, (size, hit, static_name, static_size, file, miss) in figures.items():
            print(
                f"{name:<14}{size:>7}{hit:>8.2f}   {static_name[-36:]:<36}{static_size:>7}"
                f"{file:>7.2f}{hit / file:>8.2f}x{miss:>9.1f}"
            )
        print(f"POST {ib.FEEDBACK} before each miss: median {post:.1f} ms")
    print("cache hit / static file of similar size (target <= 2x)")
    print()
    print(f"{n} / {SMALL:,} of every median (target <= 1.2x)")
    print(f"{'page':<14}{'hit':>8}{'file':>8}{'miss':>8}")
    for name in [name for name in small if name in big]:
        (_, hit_a, _, _, file_a, miss_a), (_, hit_b, _, _, file_b, miss_b) = small[name], big[name]
        print(f"{name:<14}{hit_b / hit_a:>7.2f}x{file_b / file_a:>7.2f}x{miss_b / miss_a:>7.2f}x")
    print(f"{'submission':<14}{big_post / small_post:>7.2f}x")
    for failure in failures:
        print(failure)
    checks = "OK" if not failures else "FAILED"
    print(f"check every repeat a 200 cache hit, every GET after a submission a miss: {checks}")


if __name__ == "__main__":
    main()
