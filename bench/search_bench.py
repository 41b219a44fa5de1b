"""Search quality and query time on the demo Pemda, for each engine: the share of
everyday queries whose service is in the first three results (bench/search_queries.py:
Indonesian and English), and median and p95 in milliseconds.

Loads the demo data (without survey responses) into a throwaway database, rebuilds
each engine's index, measures the query set once (and the /nilai/ picker on the
same set), then runs a fixed list of citizen queries (the whole search: results,
facets, snippets, suggestion) several times per engine.

    .venv/bin/python bench/search_bench.py [--runs 20] [--engines database,elasticsearch]

- The database engine runs on a temporary SQLite file; with ``--postgres`` on
  PostgreSQL instead (database ``portal_bench_search`` on 127.0.0.1, or BENCH_DB, created if
  missing and emptied; BENCH_DATABASE_URL picks another).
- The Elasticsearch engine runs against ELASTICSEARCH_URL when it is set (a
  throwaway index, deleted afterwards), else against osmem-server started on a
  free local port (standard analyzer, plain JSON headers).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    "ktp hilang",
    "akta kelahiran",
    "izin praktik bidan",
    "pajak restoran",
    "imunisasi",
    "kartu keluarga",
    "surat pindah",
    "akta kematian",
    "kartu identitas anak",
    "nib oss",
    "izin praktik dokter",
    "pirt pangan rumahan",
    "reklame",
    "laik higiene",
    "periksa gigi",
    "ibu hamil",
    "surat sehat",
    "bpjs pbi",
    "dtks bansos",
    "angkutan trayek",
    "uji kir",
    "sppt pbb",
    "bphtb",
    "berapa biaya ktp",
    "syarat kk baru",
    "jam buka puskesmas",
    "pengaduan pelayanan",
    "kependudukn",
    "akta kelah",
    "cara mengurus ktp yang rusak",
]


def percentile(values, pct):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def ensure_postgres(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(args):
    if args.postgres:
        name = os.environ.get("BENCH_DB") or "portal_bench_search"
        url = os.environ.get("BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{name}")
        ensure_postgres(url)
    else:
        url = f"sqlite:///{tempfile.mkdtemp(prefix='search-bench-')}/bench.sqlite3"
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from portal.demo import loader

    print("Loading the demo Pemda (no survey responses) ...", flush=True)
    loader.load(log=lambda line: None, with_responses=False)
    return url


def quality(engine, verbose):
    from bench.search_queries import ENGLISH, INDONESIAN, misses

    rates = {}
    for label, queries in (("id", INDONESIAN), ("en", ENGLISH)):
        missed = misses(engine, queries)
        rates[label] = (len(queries) - len(missed), len(queries))
        if verbose:
            for query, code, found in missed:
                print(f"  miss [{label}] {query!r}: want {code}, top 3 {found}")
    return rates


def measure(engine, runs, verbose=False):
    from search import sync

    started = time.perf_counter()
    indexed = sync.rebuild(engine=engine)
    rebuild_ms = (time.perf_counter() - started) * 1000
    rates = quality(engine, verbose)
    for q in QUERIES:  # warm up caches and connections
        engine.search(q)
    times, found = [], 0
    for _ in range(runs):
        for q in QUERIES:
            t = time.perf_counter()
            results = engine.search(q)
            times.append((time.perf_counter() - t) * 1000)
            found += bool(results.count)
    return {
        "indexed": indexed,
        "rebuild_ms": rebuild_ms,
        "median": statistics.median(times),
        "p95": percentile(times, 95),
        "max": max(times),
        "answered": found / runs,
        "n": len(times),
        "rates": rates,
    }


def elasticsearch_engine(stack):
    from django.conf import settings

    from search.engines.elastic import ElasticsearchEngine

    url = os.environ.get("ELASTICSEARCH_URL", "")
    analyzer = os.environ.get("ELASTICSEARCH_ANALYZER", "indonesian")
    compat = os.environ.get("ELASTICSEARCH_COMPAT_HEADERS", "true").lower() not in (
        "0",
        "false",
        "no",
        "off",
    )
    label = url
    if not url:
        from osmem_server import OsmemServer

        server = OsmemServer.start(freeze=False, japanese=False, addr="127.0.0.1:0")
        stack.append(server.close)
        url, analyzer, compat = server.url, "standard", False
        label = f"osmem-server {server.version} at {url}"
    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_INDEX = f"portal-bench-{uuid.uuid4().hex[:8]}"
    settings.ELASTICSEARCH_ANALYZER = analyzer
    settings.ELASTICSEARCH_COMPAT_HEADERS = compat
    engine = ElasticsearchEngine.from_settings()
    stack.append(engine.delete_index)
    return engine, f"{label}, analyzer {analyzer}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="times each query runs")
    parser.add_argument("--engines", default="database,elasticsearch")
    parser.add_argument("--postgres", action="store_true", help="database engine on PostgreSQL")
    parser.add_argument("--misses", action="store_true", help="list the queries that miss")
    args = parser.parse_args()
    db_url = setup_django(args)

    from django.db import connection

    from search.engines.database import DatabaseEngine

    rows, cleanup = [], []
    try:
        for name in args.engines.split(","):
            if name == "database":
                engine, label = DatabaseEngine(), f"{connection.vendor} ({db_url.split(':')[0]})"
            elif name == "elasticsearch":
                engine, label = elasticsearch_engine(cleanup)
            else:
                parser.error(f"unknown engine {name}")
            print(f"Measuring {name}: {label} ...", flush=True)
            rows.append((name, label, measure(engine, args.runs, args.misses)))
    finally:
        for action in reversed(cleanup):
            action()

    print()
    print(f"{len(QUERIES)} queries x {args.runs} runs per engine (milliseconds per search)")
    print(
        f"{'engine':<14} {'docs':>5} {'rebuild':>9} {'median':>8} {'p95':>8} {'max':>8}  answered"
    )
    for name, label, r in rows:
        print(
            f"{name:<14} {r['indexed']:>5} {r['rebuild_ms']:>8.0f}ms {r['median']:>8.1f} "
            f"{r['p95']:>8.1f} {r['max']:>8.1f}  {r['answered']:.0f}/{len(QUERIES)}  ({label})"
        )
    print()
    print("Service in the first three results (bench/search_queries.py)")
    print(f"{'engine':<14} {'Indonesian':>16} {'English':>16}")
    for name, label, r in rows:
        cells = [f"{ok}/{n} {100 * ok / n:5.1f}%" for ok, n in (r["rates"]["id"], r["rates"]["en"])]
        print(f"{name:<14} {cells[0]:>16} {cells[1]:>16}  ({label})")
    from bench.search_queries import ENGLISH, INDONESIAN, picker_misses

    picker = [(len(q) - len(picker_misses(q)), len(q)) for q in (INDONESIAN, ENGLISH)]
    cells = [f"{ok}/{n} {100 * ok / n:5.1f}%" for ok, n in picker]
    print(f"{'/nilai/ picker':<14} {cells[0]:>16} {cells[1]:>16}  (first three listed)")


if __name__ == "__main__":
    main()
