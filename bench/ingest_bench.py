"""Ingest throughput of ``POST /api/v1/feedback/`` on the production server.

Starts gunicorn (deploy/gunicorn.conf.py, the production settings plus a
bench-only bare view: bench/settings.py) on PostgreSQL + Redis, with its own
database (created, loaded with the demo registry, and dropped at the end), and
drives N concurrent clients through two endpoints in alternating rounds:

- ``POST /api/v1/feedback/``: the product (validation, rate limits, duplicate
  check, response row, rollups, all in one transaction);
- ``POST /bench/bare-feedback/``: the ceiling, a bare Django JSON view on the
  same server that inserts the same response row and nothing else.

It prints req/s and p50/p95/p99 latency of both and their ratio, then checks
that the responses stored equal the 201s received (every acknowledged id is
stored) and that the rollups equal a fresh ``recompute_ikm``. Exit status 1 when
a check fails (never because of the ratio: figures on a shared machine vary).

Modes:
    --hot-row  every client rates one service at one loket, so every submission
               updates the same rollup rows: no 5xx, no deadlock, no lost increment.
    --kill     during the feedback rounds, ``kill -9`` one gunicorn worker (by pid)
               twice; every 201 received must be stored, a request cut off is
               stored whole or not at all (rollups == recompute), counts printed.
    --fault redis-pause|redis-down|pg-terminate|pg-restart
               a dependency breaks while the clients submit (bench/faults.py):
               every request stored exactly once, no 5xx but 503 with
               Retry-After, recovery time printed, rollups == recompute.

Usage (PostgreSQL 127.0.0.1:5432 trust auth and Redis 127.0.0.1:6379, as on the
development machines and CI):

    .venv/bin/python bench/ingest_bench.py [--clients 50] [--requests 3000] [--workers 3]
    .venv/bin/python bench/ingest_bench.py --hot-row
    .venv/bin/python bench/ingest_bench.py --kill
    .venv/bin/python bench/ingest_bench.py --fault redis-pause  # redis-down pg-terminate pg-restart

Rate limits are raised for the run through the environment (FEEDBACK_RATE_*),
and each request carries its own X-Forwarded-For address behind
TRUSTED_PROXY_COUNT=1, as many citizens behind nginx would. The database is
``${PG_DB:-portal}_ingest_bench`` (or BENCH_DB); Redis keys carry a prefix of
their own, on index ${REDIS_DB:-15}.
"""

import argparse
import contextlib
import http.client
import itertools
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import during  # bench/during.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB_NAME = os.environ.get("BENCH_DB") or f"{os.environ.get('PG_DB') or 'portal'}_ingest_bench"
REDIS_URL = os.environ.get("BENCH_REDIS_URL") or (
    f"redis://127.0.0.1:6379/{os.environ.get('REDIS_DB') or '15'}"
)
FEEDBACK, BARE = "/api/v1/feedback/", "/bench/bare-feedback/"
# One client address per request over the whole run (10.0.0.0/8).
ADDRESSES = itertools.count(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(port: int, workers: int) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"{PG}/{DB_NAME}",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"ingest-bench-{os.getpid()}-{secrets.token_hex(4)}",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "TRUSTED_PROXY_COUNT": "1",
        "FEEDBACK_RATE_ACCEPTED": "1000000/m",
        "FEEDBACK_RATE_ATTEMPTS": "1000000/m",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_LOG_LEVEL": "warning",
    }


def run(cmd, env, what):
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"{what} failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}")
    return out.stdout


# A database already migrated and loaded with the demo registry (bench/template_db.py),
# copied by CREATE DATABASE ... TEMPLATE instead of migrating and loading again: CI runs
# a dozen benches and each spent about 30 s on that. Used only where it exists on the
# server the bench talks to (the private cluster of --fault pg-restart has none).
TEMPLATE_DB = os.environ.get("BENCH_TEMPLATE_DB", "")


def create_database() -> bool:
    """A fresh, empty bench database; or a copy of TEMPLATE_DB when it exists (True)."""
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        exists = "SELECT 1 FROM pg_database WHERE datname = %s"
        found = TEMPLATE_DB and conn.execute(exists, [TEMPLATE_DB]).fetchone()
        if found:
            conn.execute(f'CREATE DATABASE "{DB_NAME}" TEMPLATE "{TEMPLATE_DB}"')
            return True
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')
        return False


def drop_database():
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


def setup_django(env):
    """This process reads the bench database too (registry, the checks)."""
    for name in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "CACHE_KEY_PREFIX"):
        os.environ[name] = env[name]
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "TRUSTED_PROXY_COUNT", "LOG_LEVEL"):
        os.environ[name] = env[name]
    import django

    django.setup()


def prepare_database(env):
    """A fresh bench database, migrated, with the demo registry and pages loaded (or a
    copy of the template that holds exactly that); this process is set up on it."""
    copied = create_database()
    if not copied:
        run([PYTHON, "manage.py", "migrate", "--noinput"], env, "migrate")
    setup_django(env)
    if copied:
        from django.db import connection
        from django.db.migrations.executor import MigrationExecutor

        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            sys.exit(f"{TEMPLATE_DB} lacks migrations of this checkout: make it again")
        return
    from portal.demo import loader

    loader.load(log=lambda line: None, with_responses=False)


def prepare(env):
    """``prepare_database`` and the static files collected (the server's manifest)."""
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], env, "collectstatic")
    prepare_database(env)


def start_server(env, log):
    """The production server (deploy/gunicorn.conf.py) on ``env``, logging to ``log``;
    the caller waits for it (wait_until_up) once it holds the process to stop."""
    return subprocess.Popen(
        [GUNICORN, "--config", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


class ServedRun:
    """One run against a gunicorn of its own: the ``port``, the server's ``env`` and
    its ``log``. ``start`` once the database holds what the run needs; ``ok`` is set
    by the run, and a run that did not pass shows the log's tail at the end."""

    def __init__(self, port, env, log):
        self.port, self.env, self.log = port, env, log
        self.server, self.ok = None, False

    def start(self):
        self.server = start_server(self.env, self.log)
        wait_until_up(self.port, self.server, self.log)


@contextlib.contextmanager
def served_run(title, workers, log_name, *, keep_db, env=None, database=None):
    """A ServedRun on a free port (``env`` added to server_env), its header printed;
    at the end the server is stopped and the bench database dropped unless
    ``keep_db``, whatever happened (an exit included)."""
    port = free_port()
    log = tempfile.NamedTemporaryFile("w+", prefix=f"{log_name}-gunicorn-", suffix=".log")
    run = ServedRun(port, {**server_env(port, workers), **(env or {})}, log)
    print(f"== {title}")
    print(f"   database {database or DB_NAME}, Redis {REDIS_URL}, port {port}")
    try:
        yield run
    finally:
        stop_server(run.server, log, show_log=not run.ok)
        if not keep_db:
            drop_database()


def forwarded_address(n: int) -> str:
    """The n-th client address of a run (10.0.0.0/8): many citizens behind one proxy
    (TRUSTED_PROXY_COUNT=1)."""
    return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"


def run_clients(client, clients: int) -> float:
    """Seconds until ``clients`` threads, each running ``client(i)``, are all done."""
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


def registry(hot_row: bool):
    """(service code, [loket codes offering it]) pairs to rate; one pair for --hot-row."""
    from feedback.models import Assignment, Service, ServicePoint
    from feedback.registry.offers import services_at

    points = {}
    for point in ServicePoint.objects.all():
        for service in services_at(point):
            points.setdefault(service.code, []).append(point.code)
    pairs = [(s.code, points.get(s.code, [])) for s in Service.objects.filter(is_active=True)]
    if hot_row:
        staffed = set(
            Assignment.objects.filter(service_point__isnull=False).values_list(
                "service_point__code", flat=True
            )
        )
        code, lokets = next((c, p) for c, p in pairs if set(p) & staffed)
        return [(code, [sorted(set(lokets) & staffed)[0]])]
    return pairs


def payload(rng, pairs, hot_row):
    from feedback.models import Education, Occupation

    code, lokets = rng.choice(pairs)
    body = {"service": code, "answers": {f"U{n}": rng.randint(1, 4) for n in range(1, 10)}}
    if lokets and (hot_row or rng.random() < 0.5):
        body["service_point"] = rng.choice(lokets)
    if rng.random() < 0.7:
        body["respondent"] = {
            "age": rng.randint(17, 80),
            "sex": rng.choice("LP"),
            "education": rng.choice(Education.values),
            "occupation": rng.choice(Occupation.values),
        }
    if rng.random() < 0.2:
        body["comment"] = "Pelayanan cepat, terima kasih."
    return body


class Tally:
    """What the clients saw, per endpoint."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {FEEDBACK: [], BARE: []}
        self.elapsed = {FEEDBACK: 0.0, BARE: 0.0}
        self.cpu = {FEEDBACK: {}, BARE: {}}
        self.statuses = {}
        self.ids = {FEEDBACK: set(), BARE: set()}
        self.errors = 0
        # (round, time) of each feedback 201: throughput per slice of a long run.
        self.round, self.done = 0, []

    def add(self, path, status, seconds, body):
        with self.lock:
            self.statuses[(path, status)] = self.statuses.get((path, status), 0) + 1
            if status == 201 and path == FEEDBACK:
                self.done.append((self.round, time.perf_counter()))
            if status == 201:
                self.latencies[path].append(seconds)
                self.ids[path].add(json.loads(body)["id"])

    def count(self, path=None, status=None):
        return sum(
            n
            for (p, s), n in self.statuses.items()
            if (path is None or p == path) and (status is None or s == status)
        )


def drive(port, path, count, clients, pairs, hot_row, tally, seed, on_progress=None):
    """``clients`` threads post ``count`` requests in all to ``path``."""
    numbers = itertools.count()
    lock = threading.Lock()

    def client(i):
        rng = random.Random(seed * 1000 + i)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                n = next(numbers)
                a = next(ADDRESSES)
            if n >= count:
                break
            if on_progress:
                on_progress(n)
            body = json.dumps(payload(rng, pairs, hot_row))
            headers = {"Content-Type": "application/json", "X-Forwarded-For": forwarded_address(a)}
            start = time.perf_counter()
            try:
                conn.request("POST", path, body, headers)
                res = conn.getresponse()
                data = res.read()
            except (OSError, http.client.HTTPException):
                # A worker killed mid-request (--kill): not acknowledged, not retried.
                with tally.lock:
                    tally.errors += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            tally.add(path, res.status, time.perf_counter() - start, data)
        conn.close()

    return run_clients(client, clients)


def workers_of(master_pid):
    """Pids of the gunicorn master's worker processes."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == master_pid:
                pids.append(int(entry))
    return sorted(pids)


CPU_PARTS = ("gunicorn", "postgres", "redis", "clients")


def cpu_seconds(server_pid) -> dict:
    """{pid: (part, CPU seconds used so far)} of every process of a part, read from
    /proc (Linux; empty elsewhere): the gunicorn master and workers, every PostgreSQL
    and Redis server process on the machine, and this process (the clients)."""
    if not Path("/proc/self/stat").exists():
        return {}
    tick = os.sysconf("SC_CLK_TCK")
    used = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            raw = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        name = raw[raw.index("(") + 1 : raw.rindex(")")]
        fields = raw.rsplit(")", 1)[1].split()
        pid, parent = int(entry), int(fields[1])
        if pid == os.getpid():
            part = "clients"
        elif server_pid in (pid, parent):
            part = "gunicorn"
        elif name.startswith("postgres"):
            part = "postgres"
        elif name.startswith("redis"):
            part = "redis"
        else:
            continue
        used[pid] = (part, (int(fields[11]) + int(fields[12])) / tick)
    return used


def cpu_spent(before: dict, after: dict) -> dict:
    """{part: CPU seconds} between two ``cpu_seconds``, per process: one that started
    in between counts from zero; one that ended (a killed worker) is not counted."""
    spent = dict.fromkeys(CPU_PARTS, 0.0)
    for pid, (part, seconds) in after.items():
        spent[part] += seconds - before.get(pid, (part, 0.0))[1]
    return spent


SLICE = 5_000


def throughput_slices(done, size=SLICE) -> list[float]:
    """Submissions/s of each ``size`` consecutive feedback 201s, counting only time
    inside the feedback rounds (the bare rounds between them left out)."""
    rates = []
    for start in range(1, len(done) - size + 1, size):
        part = done[start - 1 : start + size]
        pairs = zip(part, part[1:], strict=False)
        seconds = sum(t - pt for (pr, pt), (r, t) in pairs if r == pr)
        rates.append(size / seconds if seconds else float("nan"))
    return rates


def percentile(values, q):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def rollup_rows():
    from feedback.models import OfficerMonth, ProfileMonth, ServiceMonth

    def rows(model):
        fields = [f.attname for f in model._meta.concrete_fields if f.attname != "id"]
        return sorted(model.objects.values_list(*fields))

    return {m.__name__: rows(m) for m in (ServiceMonth, ProfileMonth, OfficerMonth)}


def stop_server(server, log, *, show_log: bool) -> None:
    """Stop gunicorn (if it started), print its log's tail when asked (a failed run),
    and close this process's connections so the bench database can be dropped."""
    if server is not None:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    if show_log:
        log.seek(0)
        tail = log.read()[-4000:]
        if tail.strip():
            print("--- gunicorn log (tail) ---\n" + tail)
    from django.db import connections

    connections.close_all()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument(
        "--requests", type=int, default=3000, help="per endpoint, over all rounds (default 3000)"
    )
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds per endpoint")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "3")))
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--hot-row", action="store_true")
    mode.add_argument("--kill", action="store_true")
    during.add_arguments(parser, mode)
    from bench import faults

    mode.add_argument("--fault", choices=faults.FAULTS, help="see bench/faults.py")
    parser.add_argument("--fault-seconds", type=float, default=10.0, help="Redis faults")
    parser.add_argument("--recovery-limit", type=float, default=15.0, help="seconds")
    parser.add_argument("--keep-db", action="store_true", help="leave the bench database")
    args = parser.parse_args()
    if args.fault:
        sys.exit(0 if faults.run(args, sys.modules[__name__]) else 1)
    name = "hot-row" if args.hot_row else "kill" if args.kill else "mixed"
    name = f"during {args.during}" if args.during else name

    title = f"ingest bench ({name}): {args.clients} clients, {args.workers} gunicorn workers"
    with served_run(title, args.workers, "ingest-bench", keep_db=args.keep_db) as run:
        t0 = time.perf_counter()
        prepare(run.env)
        pairs = registry(args.hot_row)
        print(f"   prepared in {time.perf_counter() - t0:.0f} s; rating {len(pairs)} service(s)")

        run.start()
        port, server = run.port, run.server

        tally = Tally()
        # Warm-up: every worker imports, connects and caches before measuring.
        for path in (BARE, FEEDBACK):
            drive(port, path, 10 * args.workers, args.workers, pairs, args.hot_row, tally, 99)
        tally.latencies = {FEEDBACK: [], BARE: []}
        tally.done = []
        if args.during:  # bench/during.py: its own runs and checks
            run.ok = during.run(sys.modules[__name__], args, run.env, port, pairs, tally)
            sys.exit(0 if run.ok else 1)

        kills, killed = [], []
        per_round = max(1, args.requests // args.rounds)
        if args.kill:
            total = per_round * args.rounds
            kills = [total // 3, 2 * total // 3]
        done = itertools.count()
        kill_lock = threading.Lock()

        def maybe_kill(_n):
            k = next(done)
            with kill_lock:
                if kills and k >= kills[0]:
                    kills.pop(0)
                    victims = workers_of(server.pid)
                    if victims:
                        victim = victims[len(killed) % len(victims)]
                        os.kill(victim, signal.SIGKILL)
                        killed.append(victim)

        for r in range(args.rounds):
            tally.round = r
            for path in (BARE, FEEDBACK):
                progress = maybe_kill if (args.kill and path == FEEDBACK) else None
                before = cpu_seconds(server.pid)
                tally.elapsed[path] += drive(
                    port, path, per_round, args.clients, pairs, args.hot_row, tally, r + 1, progress
                )
                if before:
                    for part, seconds in cpu_spent(before, cpu_seconds(server.pid)).items():
                        tally.cpu[path][part] = tally.cpu[path].get(part, 0.0) + seconds
        run.ok = report(args, tally, killed)
    sys.exit(0 if run.ok else 1)


def wait_until_up(port, server, log):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            sys.exit("gunicorn exited:\n" + log.read()[-4000:])
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/v1/units/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    sys.exit("gunicorn did not answer within 60 s")


def report(args, tally, killed) -> bool:
    from django.core.management import call_command

    from feedback.models import Response

    print()
    print(f"{'endpoint':<24}{'201s':>7}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    rates = {}
    for label, path in (("bare view (ceiling)", BARE), ("POST /api/v1/feedback/", FEEDBACK)):
        lat = tally.latencies[path]
        rates[path] = len(lat) / tally.elapsed[path] if tally.elapsed[path] else 0.0
        print(
            f"{label:<24}{len(lat):>7}{rates[path]:>9.1f}{percentile(lat, 50) * 1000:>9.1f}"
            f"{percentile(lat, 95) * 1000:>9.1f}{percentile(lat, 99) * 1000:>9.1f}"
        )
    ratio = rates[FEEDBACK] / rates[BARE] if rates[BARE] else float("nan")
    print(f"ratio feedback / bare: {ratio:.2f}x (target >= 0.7x)")
    slices = throughput_slices(tally.done)
    if len(slices) >= 2:
        print(f"feedback req/s per {SLICE:,} submissions: " + ", ".join(f"{r:.0f}" for r in slices))
        print(f"last / first slice: {slices[-1] / slices[0]:.2f}x (target >= 0.8x: flat)")
        during.print_rollup_tables()
    if args.kill:
        print("CPU per request: not measured with --kill (a killed worker's CPU is gone)")
    elif tally.cpu[BARE]:
        print("CPU per request, ms (machine-wide PostgreSQL and Redis processes):")
        print(f"{'endpoint':<24}" + "".join(f"{part:>10}" for part in CPU_PARTS))
        for label, path in (("bare view (ceiling)", BARE), ("POST /api/v1/feedback/", FEEDBACK)):
            n = max(1, len(tally.latencies[path]))
            costs = "".join(f"{tally.cpu[path][part] * 1000 / n:>10.2f}" for part in CPU_PARTS)
            print(f"{label:<24}{costs}")
    others = {f"{p} {s}": n for (p, s), n in sorted(tally.statuses.items()) if s != 201}
    server_errors = sum(n for (p, s), n in tally.statuses.items() if s >= 500)
    print(f"other answers: {others or 'none'}; connection errors: {tally.errors}")

    ok = True
    stored_ids = {str(u) for u in Response.objects.values_list("public_id", flat=True)}
    acknowledged = tally.ids[FEEDBACK] | tally.ids[BARE]
    missing = len(acknowledged - stored_ids)
    unacknowledged = len(stored_ids - acknowledged)
    if args.kill:
        print(f"killed workers (kill -9): {killed}")
        print(
            f"requests cut off: {tally.errors}; of them stored (whole, with their rollups): "
            f"{unacknowledged}; not stored at all: {tally.errors - unacknowledged}"
        )
        check = missing == 0 and unacknowledged <= tally.errors and len(killed) == 2
    else:
        check = missing == 0 and unacknowledged == 0 and tally.errors == 0
    ok &= check
    print(
        f"check stored == 201s: {'OK' if check else 'FAILED'} ({len(stored_ids)} stored, "
        f"{len(acknowledged)} acknowledged, {missing} acknowledged but missing)"
    )

    # The bare view's rows have no rollups by design: set them aside before comparing.
    Response.objects.filter(public_id__in=tally.ids[BARE]).delete()
    incremental = rollup_rows()
    call_command("recompute_ikm", stdout=open(os.devnull, "w"))
    recomputed = rollup_rows()
    same = incremental == recomputed
    sizes = ", ".join(f"{len(rows)} {name}" for name, rows in recomputed.items())
    print(f"check rollups == recompute_ikm: {'OK' if same else 'FAILED'} ({sizes})")
    ok &= same
    if server_errors:
        print(f"check no 5xx: FAILED ({server_errors})")
        ok = False
    else:
        print("check no 5xx: OK")
    return ok


if __name__ == "__main__":
    main()
