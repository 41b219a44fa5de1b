"""Bulk import of paper survey forms (``import_skm``) on PostgreSQL, against the
floor: a bare COPY of the same rows into the same table.

Prepares a database of its own (BENCH_DB, default ``${PG_DB:-portal}_import_bench``;
created, migrated, loaded with the demo registry, dropped at the end), writes CSV
files of synthetic valid forms (dates in the current month, every profile column,
a loket on a third of the rows, so every rollup table is touched, and a comment on
some) and measures, each import run as ``manage.py import_skm`` in a process of
its own whose peak RSS is read from ``/proc/PID/status`` (VmHWM) while it runs:

- a bare COPY of the ROWS rows (the same values, built beforehand) into
  feedback_response, committed: the floor (then deleted again);
- ``import_skm --dry-run`` of those ROWS rows: time and peak RSS;
- ``import_skm`` of those ROWS rows: time, rows/s, peak RSS, and its ratio to
  the COPY (target: within 10x);
- ``import_skm --dry-run`` and ``import_skm`` of a file of BIG rows (default
  1,000,000; ``--big-rows 0`` skips): peak RSS against the ROWS runs' (target:
  memory does not grow with the row count: at most 1.25x + 20 MB);
- after the imports, every rollup row against a full recompute
  (``rollups.rebuild``): they must be equal.

Usage (PostgreSQL 127.0.0.1:5432 trust auth):

    .venv/bin/python bench/import_bench.py [--rows 200000] [--big-rows 1000000]

CI runs a short version: ``--rows 20000 --big-rows 100000``. Exit status 1 when a
check fails (the ratio to COPY, memory growth, rollups against a recompute, an
import that did not succeed).
"""

import argparse
import csv
import datetime
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("BENCH_DB", f"{os.environ.get('PG_DB') or 'portal'}_import_bench")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import ingest_bench as ib  # noqa: E402  (the database helpers, after BENCH_DB is set)

HEADER = [
    "service",
    "date",
    *[f"U{i}" for i in range(1, 10)],
    "age",
    "sex",
    "education",
    "occupation",
    "service_point",
    "comment",
]
COMMENTS = [
    "",
    "",
    "",
    "Pelayanan cepat dan ramah.",
    "Antrean terlalu panjang; mohon ditambah loket.",
]
COPY_RATIO_TARGET = 10
RSS_GROWTH = (1.25, 20 * 1024)  # factor, KiB


def registry():
    """[(service code, service id, [loket codes offering it])] of the demo Pemda."""
    from feedback.registry import snapshot

    snap = snapshot.snapshot()
    out = []
    for code, service in sorted(snap.services.items()):
        points = [p.code for p in snap.points.values() if service.pk in snap.offered[p.pk]]
        out.append((code, service.pk, sorted(points)))
    return out


def write_csv(path: Path, rows: int, services, seed: int) -> None:
    """``rows`` valid forms, served on days of the current month up to today."""
    rng = random.Random(seed)
    today = datetime.date.today()
    days = [today.replace(day=d) for d in range(1, today.day + 1)]
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        for _ in range(rows):
            code, _sid, points = rng.choice(services)
            level = rng.uniform(2.2, 3.8)
            writer.writerow(
                [
                    code,
                    rng.choice(days).isoformat(),
                    *[min(4, max(1, round(rng.gauss(level, 0.6)))) for _ in range(9)],
                    rng.choice(["", rng.randint(17, 80)]),
                    rng.choice(["", "L", "P"]),
                    rng.choice(["", "sma", "s1", "SMP"]),
                    rng.choice(["", "swasta", "pelajar", "lainnya"]),
                    rng.choice(points) if points and rng.random() < 0.33 else "",
                    rng.choice(COMMENTS),
                ]
            )


def copy_rows(path: Path, services):
    """The CSV's rows as the table's values (built before the clock starts), as a
    bare COPY would load them."""
    from feedback.imports import responses

    fields = responses._fields()
    ids = {code: sid for code, sid, _points in services}
    from feedback.models import ServicePoint

    points = dict(ServicePoint.objects.values_list("code", "pk"))
    now = datetime.datetime.now(datetime.UTC)
    rows = []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        for row in reader:
            values = {
                "public_id": uuid.uuid4(),
                "service_id": ids[row["service"]],
                "service_point_id": points.get(row["service_point"]),
                "officer_id": None,
                "verified": False,
                "receipt_id": None,
                "kiosk_id": None,
                "import_batch_id": None,
                "channel": "paper",
                **{f"u{i}": int(row[f"U{i}"]) for i in range(1, 10)},
                "age": int(row["age"]) if row["age"] else None,
                "sex": row["sex"],
                "education": row["education"].lower(),
                "occupation": row["occupation"],
                "comment": row["comment"],
                "comment_status": "pending" if row["comment"] else "",
                "served_on": datetime.date.fromisoformat(row["date"]),
                "submitted_at": now,
                "client_hash": "",
                "fingerprint": "",
                "reasons": "{}",  # jsonb, sent as text by COPY
            }
            rows.append([values[f.attname] for f in fields])
    return fields, rows


def bare_copy(fields, rows) -> float:
    from django.db import connection, transaction

    columns = ", ".join(f.column for f in fields)
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY feedback_response ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM feedback_response")
        cursor.execute("VACUUM ANALYZE feedback_response")
    return seconds


def peak_rss_kib(pid: int) -> int:
    """VmHWM of a running process: the peak resident set of its own program. (The
    rusage of a child is no use here: Linux carries the parent's peak into it at
    fork and exec, and this process holds the COPY's rows.)"""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def run_import(env, path: Path, *extra):
    """(seconds the command reports, seconds with the process start, peak RSS in KiB,
    output) of ``manage.py import_skm`` in a process of its own; exits the bench when
    it fails. The peak is read every 50 ms until the process ends (it only grows)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(
            [ib.PYTHON, "manage.py", "import_skm", str(path), *extra],
            cwd=ib.ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
        peak = 0
        while proc.poll() is None:
            peak = max(peak, peak_rss_kib(proc.pid))
            time.sleep(0.05)
        wall = time.perf_counter() - started
        out.seek(0)
        text = out.read()
    if proc.returncode:
        raise SystemExit(f"import_skm {path.name} {' '.join(extra)} failed:\n{text[-3000:]}")
    # "Imported N responses from F in 12.3 s" / "N rows valid; nothing stored (12.3 s)."
    match = re.search(r"(?:in|\() ?([0-9.]+) s", text.strip().splitlines()[-1])
    return float(match.group(1)), wall, peak, text


def rollups_equal_recompute() -> bool:
    from feedback.results import rollups

    before = ib.rollup_rows()
    rollups.rebuild()
    return before == ib.rollup_rows()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000, help="ROWS (default 200,000)")
    parser.add_argument(
        "--big-rows", type=int, default=1_000_000, help="BIG (default 1,000,000; 0 skips)"
    )
    parser.add_argument("--keep-db", action="store_true", help="leave the bench database")
    args = parser.parse_args()

    env = ib.server_env(ib.free_port(), 1)
    env["IMPORT_MAX_ROWS"] = str(max(args.rows, args.big_rows, 1))
    print(f"== import bench: database {ib.DB_NAME}")
    started = time.perf_counter()
    failures = []
    work = Path(tempfile.mkdtemp(prefix="import-bench-"))
    try:
        ib.prepare_database(env)
        services = registry()
        small = work / f"forms-{args.rows}.csv"
        write_csv(small, args.rows, services, seed=1)
        big = work / f"forms-{args.big_rows}.csv"
        if args.big_rows:
            write_csv(big, args.big_rows, services, seed=2)
        print(f"   prepared in {time.perf_counter() - started:.0f} s")

        fields, rows = copy_rows(small, services)
        floor = bare_copy(fields, rows)
        del rows
        dry, dry_wall, dry_rss, _out = run_import(env, small, "--dry-run")
        took, wall, rss, out = run_import(env, small)
        ratio = took / floor
        if ratio > COPY_RATIO_TARGET:
            failures.append(f"import of {args.rows:,} rows took {ratio:.1f}x the bare COPY")
        results = [
            ("bare COPY", args.rows, floor, None, None),
            ("import_skm --dry-run", args.rows, dry, dry_wall, dry_rss),
            ("import_skm", args.rows, took, wall, rss),
        ]
        if args.big_rows:
            big_dry, big_dry_wall, big_dry_rss, _out = run_import(env, big, "--dry-run")
            big_took, big_wall, big_rss, _out = run_import(env, big)
            results.append(
                ("import_skm --dry-run", args.big_rows, big_dry, big_dry_wall, big_dry_rss)
            )
            results.append(("import_skm", args.big_rows, big_took, big_wall, big_rss))
            if big_dry_rss > dry_rss * RSS_GROWTH[0] + RSS_GROWTH[1]:
                failures.append(
                    f"dry-run peak RSS grew from {dry_rss / 1024:.0f} MB at {args.rows:,} rows "
                    f"to {big_dry_rss / 1024:.0f} MB at {args.big_rows:,}"
                )
            if big_rss > rss * RSS_GROWTH[0] + RSS_GROWTH[1]:
                failures.append(
                    f"peak RSS grew from {rss / 1024:.0f} MB at {args.rows:,} rows to "
                    f"{big_rss / 1024:.0f} MB at {args.big_rows:,}"
                )
        equal = rollups_equal_recompute()
        if not equal:
            failures.append("rollups after the imports differ from a full recompute")
        print()
        print(
            f"{'what':<24}{'rows':>11}{'seconds':>10}{'rows/s':>10}{'+ start':>10}{'peak RSS':>11}"
        )
        for name, n, seconds, wall, peak in results:
            memory = f"{peak / 1024:>8.0f} MB" if peak else f"{'':>11}"
            start = f"{wall:>10.2f}" if wall else f"{'':>10}"
            print(f"{name:<24}{n:>11,}{seconds:>10.2f}{n / seconds:>10.0f}{start}{memory}")
        print("(seconds: as the command reports them; + start: with the process start)")
        print(f"import / bare COPY at {args.rows:,} rows: {ratio:.2f}x (target <= 10x)")
        print("the import's own lines:")
        for line in out.strip().splitlines():
            print(f"   {line}")
        print(f"rollups equal a full recompute: {'yes' if equal else 'NO'}")
        print(f"   whole run: {time.perf_counter() - started:.0f} s")
    finally:
        from django.db import connections

        connections.close_all()
        for path in work.glob("*"):
            path.unlink()
        work.rmdir()
        if not args.keep_db:
            ib.drop_database()
    for failure in failures:
        print(f"FAILED: {failure}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
