"""Public cache hits through the production server, against a static file of the
same size served by the same server.

Starts gunicorn exactly as bench/ingest_bench.py does (its prepare and
start_server: the production settings on PostgreSQL + Redis,
deploy/gunicorn.conf.py, a database of its own that is dropped at the end), loads
the demo registry and pages, and asks for a unit page
(Dinas Kesehatan, with sub-units), one of its service pages and ``/api/v1/ikm/``
from one client (gunicorn's sync workers close the connection after each answer,
so every request connects, the page's and the file's alike): first once (a miss,
stored), then ``--runs`` times (each must answer ``X-Portal-Cache: hit``). For
each of them it also asks for the file under STATIC_ROOT closest in size
(WhiteNoise, the same gunicorn workers), in alternation with the page so both see
the same load, and prints the median
latencies and their ratio (target: a hit within 2x of the static file).

Usage (PostgreSQL 127.0.0.1:5432 trust auth and Redis 127.0.0.1:6379):

    .venv/bin/python bench/page_bench.py [--runs 300] [--workers 1]

The database is ``${PG_DB:-portal}_page_bench`` (or BENCH_DB); Redis keys carry a
prefix of their own, on index ${REDIS_DB:-15}. Exit status 1 when a request does
not answer 200, or a repeat is not a cache hit (never because of the ratio).
"""

import argparse
import http.client
import os
import statistics
import sys
from pathlib import Path

os.environ.setdefault("BENCH_DB", f"{os.environ.get('PG_DB') or 'portal'}_page_bench")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import ingest_bench as ib  # noqa: E402  (the server helpers, after BENCH_DB is set)
import served  # noqa: E402
from served import closest_static_file, fetch  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=300, help="requests per URL (default 300)")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers (default 1)")
    parser.add_argument("--keep-db", action="store_true", help="leave the bench database")
    args = parser.parse_args()

    title = f"page bench: gunicorn with {args.workers} worker(s), one client"
    with ib.served_run(title, args.workers, "page-bench", keep_db=args.keep_db) as run:
        ib.prepare(run.env)
        from django.conf import settings

        urls, _ = served.public_pages()
        run.start()
        static_root, static_url = Path(settings.STATIC_ROOT), settings.STATIC_URL
        run.ok = measure(run.port, urls, static_root, static_url, args.runs)
    sys.exit(0 if run.ok else 1)


def measure(port, urls, static_root, static_url, runs) -> bool:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    ok = True
    rows = []
    for name, url in urls.items():
        status, state, size, _ = fetch(conn, url)
        if status != 200:
            print(f"{name}: {url} answered {status}")
            return False
        static_name, static_size = closest_static_file(static_root, size)
        static = static_url + static_name
        for _ in range(20):  # warm-up: every worker has seen both
            fetch(conn, url)
            fetch(conn, static)
        hits, files, not_hits = [], [], 0
        for _ in range(runs):
            status, state, _, seconds = fetch(conn, url)
            not_hits += status != 200 or state != "hit"
            hits.append(seconds)
            status, _, _, seconds = fetch(conn, static)
            not_hits += status != 200
            files.append(seconds)
        if not_hits:
            print(f"{name}: {not_hits} of {runs} repeats were not a 200 cache hit")
            ok = False
        hit, file = statistics.median(hits) * 1000, statistics.median(files) * 1000
        rows.append((name, size, hit, static_name, static_size, file))
    conn.close()
    print()
    print(f"median of {runs} requests each, ms")
    print(
        f"{'page':<14}{'bytes':>8}{'hit':>8}   {'static file':<40}"
        f"{'bytes':>8}{'file':>8}{'ratio':>8}"
    )
    for name, size, hit, static_name, static_size, file in rows:
        print(
            f"{name:<14}{size:>8}{hit:>8.2f}   {static_name[-40:]:<40}{static_size:>8}"
            f"{file:>8.2f}{hit / file:>7.2f}x"
        )
    print("cache hit / static file of similar size (target <= 2x)")
    print(f"check every repeat a 200 cache hit: {'OK' if ok else 'FAILED'}")
    return ok


if __name__ == "__main__":
    main()
