"""Fault modes of bench/ingest_bench.py (``--fault MODE``): a dependency breaks while
N clients submit, and nothing may be lost, doubled or answered 500.

Modes (one small function each, below; the broken instance is always private or,
for pg-terminate, only the bench database's own connections):

    redis-pause   CLIENT PAUSE on a private redis-server for --fault-seconds (10)
    redis-down    kill -9 of a private redis-server; started again on the same
                  port after --fault-seconds
    pg-terminate  pg_terminate_backend of every connection to the bench database
    pg-restart    ``pg_ctl restart -m fast`` of a private PostgreSQL cluster

The fault starts once a third of the requests are answered. Every request carries
an ``Idempotency-Key`` and X-Forwarded-For of its own; a client sent 503 waits
Retry-After (the server runs with OUTAGE_RETRY_AFTER=1) and sends the same request
with the same key again, as a kiosk's queue does; a cut connection is retried the
same way. Checks (exit 1 when one fails): every request acknowledged with 201 in
the end; every acknowledged id stored and nothing else (a key answered with two ids
or a response stored twice fails); no 5xx but 503, and every 503 with Retry-After;
rollups equal a fresh recompute; the service recovered within --recovery-limit
seconds of the dependency's return (printed: the last failed answer after it).
"""

import http.client
import json
import os
import random
import threading
import time
import uuid

from bench.private_servers import PostgresCluster, RedisServer, terminate_backends

FAULTS = ("redis-pause", "redis-down", "pg-terminate", "pg-restart")
# A client gives a request up after this long (counted as a failed check).
GIVE_UP_SECONDS = 120


class Fault:
    """When the dependency broke and when it was back (time.monotonic), and what
    was done, as the fault function records it."""

    def __init__(self):
        self.started = None
        self.restored = None
        self.note = ""


# --- the faults ----------------------------------------------------------------


def redis_pause(fault, *, redis, seconds, **_):
    fault.started = time.monotonic()
    redis.pause(seconds)
    time.sleep(seconds)
    fault.restored = time.monotonic()
    fault.note = f"CLIENT PAUSE {seconds:g} s (ALL) on the private Redis"


def redis_down(fault, *, redis, seconds, **_):
    fault.started = time.monotonic()
    redis.kill()
    time.sleep(seconds)
    redis.start()
    fault.restored = time.monotonic()
    fault.note = f"kill -9 of the private Redis, started again {seconds:g} s later (empty)"


def pg_terminate(fault, *, ib, **_):
    fault.started = time.monotonic()
    count = terminate_backends(f"{ib.PG}/postgres", ib.DB_NAME)
    fault.restored = time.monotonic()
    fault.note = f"pg_terminate_backend of {count} connection(s) to {ib.DB_NAME}"


def pg_restart(fault, *, cluster, **_):
    fault.started = time.monotonic()
    cluster.restart()
    fault.restored = time.monotonic()
    fault.note = (
        f"pg_ctl restart -m fast of the private cluster ({fault.restored - fault.started:.1f} s)"
    )


INJECT = {
    "redis-pause": redis_pause,
    "redis-down": redis_down,
    "pg-terminate": pg_terminate,
    "pg-restart": pg_restart,
}


# --- the clients ---------------------------------------------------------------


class Tally:
    """Every answer the clients saw (retries included) and what was acknowledged."""

    def __init__(self):
        self.lock = threading.Lock()
        self.answers = {}  # status (0: connection cut) -> count
        self.failures = []  # monotonic times of answers other than 201
        self.unhinted_503 = 0  # 503 without Retry-After
        self.acked = {}  # key -> set of ids answered
        self.latencies = []  # per request, first send to 201, retries included
        self.given_up = 0
        self.answered = 0  # requests acknowledged so far

    def saw(self, status, *, retry_after=None):
        with self.lock:
            self.answers[status] = self.answers.get(status, 0) + 1
            if status != 201:
                self.failures.append(time.monotonic())
            if status == 503 and not retry_after:
                self.unhinted_503 += 1

    def ack(self, key, response_id, seconds):
        with self.lock:
            self.acked.setdefault(key, set()).add(response_id)
            self.latencies.append(seconds)
            self.answered += 1


def drive(ib, port, count, clients, pairs, tally, seed, on_answer=None):
    """``clients`` threads send ``count`` requests, each until it is acknowledged."""
    numbers = iter(range(count))
    lock = threading.Lock()

    def send_until_acknowledged(conn, rng, address):
        body = json.dumps(ib.payload(rng, pairs, False))
        headers = {
            "Content-Type": "application/json",
            "X-Forwarded-For": address,
            "Idempotency-Key": uuid.uuid4().hex,
        }
        first = time.perf_counter()
        while time.perf_counter() - first < GIVE_UP_SECONDS:
            try:
                conn.request("POST", ib.FEEDBACK, body, headers)
                res = conn.getresponse()
                data = res.read()
            except (OSError, http.client.HTTPException):
                tally.saw(0)
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                time.sleep(0.5)
                continue
            retry_after = res.getheader("Retry-After")
            tally.saw(res.status, retry_after=retry_after)
            if res.status == 201:
                tally.ack(
                    headers["Idempotency-Key"], json.loads(data)["id"], time.perf_counter() - first
                )
                return conn
            if res.status < 500 and res.status != 429:
                break  # a 4xx is final: counted, never acknowledged
            time.sleep(min(float(retry_after or 1), 5.0))
        with tally.lock:
            tally.given_up += 1
        return conn

    def client(i):
        rng = random.Random(seed * 1000 + i)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                n = next(numbers, None)
                a = next(ib.ADDRESSES)
            if n is None:
                break
            conn = send_until_acknowledged(conn, rng, ib.forwarded_address(a))
            if on_answer:
                on_answer()
        conn.close()

    return ib.run_clients(client, clients)


class PageProbe(threading.Thread):
    """A visitor reading public pages throughout the run: with Redis broken they
    must answer 200 (rendered without the cache); with PostgreSQL broken, 200 (a
    cache hit) or 503 with Retry-After."""

    URLS = ("/", "/en/", "/nilai/", "/api/v1/services/", "/sitemap.xml")

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port, self.answers, self.stop = port, {}, threading.Event()

    def run(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        while not self.stop.is_set():
            for url in self.URLS:
                try:
                    conn.request("GET", url)
                    res = conn.getresponse()
                    res.read()
                    status = res.status
                    if status == 503 and not res.getheader("Retry-After"):
                        status = "503 without Retry-After"
                except (OSError, http.client.HTTPException):
                    status = "cut"
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                self.answers[status] = self.answers.get(status, 0) + 1
            self.stop.wait(0.2)
        conn.close()


# --- the run -------------------------------------------------------------------


def run(args, ib) -> bool:
    """The fault mode ``args.fault`` with bench/ingest_bench.py's helpers (``ib``)."""
    redis = cluster = None
    if args.fault.startswith("redis"):
        redis = RedisServer().start()
        ib.REDIS_URL = redis.url
    if args.fault == "pg-restart":
        cluster = PostgresCluster().start()
        ib.PG = cluster.url
    title = (
        f"ingest bench (fault {args.fault}): {args.clients} clients, "
        f"{args.workers} gunicorn workers, {args.requests} requests"
    )
    served = ib.served_run(
        title,
        args.workers,
        "ingest-bench",
        # The private cluster goes as a whole at the end.
        keep_db=args.keep_db or cluster is not None,
        env={"OUTAGE_RETRY_AFTER": "1"},
        database=f"{ib.PG}/{ib.DB_NAME}",
    )
    try:
        with served as run:
            ib.prepare(run.env)
            pairs = ib.registry(False)
            run.start()
            run.ok = submit_through_fault(args, ib, run.port, pairs, redis, cluster)
    finally:
        if redis is not None:
            redis.stop()
        if cluster is not None:
            cluster.stop()
    return run.ok


def submit_through_fault(args, ib, port, pairs, redis, cluster) -> bool:
    """The clients, the fault injected a third of the way, the page probe, and the checks."""
    from django.db import connections

    connections.close_all()  # this process's own connection is not the one to break

    tally = Tally()
    drive(ib, port, 10 * args.workers, args.workers, pairs, tally, 99)  # warm-up
    fault, trigger = Fault(), args.requests // 3
    inject = INJECT[args.fault]
    kwargs = {"ib": ib, "redis": redis, "cluster": cluster, "seconds": args.fault_seconds}
    injector = threading.Thread(target=inject, args=(fault,), kwargs=kwargs)
    armed = threading.Lock()

    def on_answer():
        if tally.answered >= trigger and armed.acquire(blocking=False):
            injector.start()

    probe = PageProbe(port)
    probe.start()
    elapsed = drive(ib, port, args.requests, args.clients, pairs, tally, 1, on_answer)
    if injector.ident is not None:
        injector.join()
    probe.stop.set()
    probe.join()
    ok = report(args, ib, tally, fault, elapsed)
    ok &= report_pages(args, probe)
    return ok


def report(args, ib, tally, fault, elapsed) -> bool:
    from django.core.management import call_command

    from feedback.models import Response

    ok = True
    lat = tally.latencies
    print()
    print(f"fault: {fault.note or 'NOT INJECTED'}")
    if fault.restored is None:
        print("check fault injected: FAILED")
        return False
    down = fault.restored - fault.started
    after = [t - fault.restored for t in tally.failures if t >= fault.restored]
    recovery = max(after, default=0.0)
    print(
        f"requests {args.requests} in {elapsed:.1f} s; acknowledged {tally.answered} "
        f"(warm-up included); p50 {ib.percentile(lat, 50) * 1000:.0f} ms, "
        f"p99 {ib.percentile(lat, 99) * 1000:.0f} ms, "
        f"max {max(lat, default=0) * 1000:.0f} ms per request (retries included)"
    )
    answers = ", ".join(
        f"{'cut' if status == 0 else status}: {n}" for status, n in sorted(tally.answers.items())
    )
    print(f"answers (every attempt): {answers}")
    print(
        f"dependency down {down:.1f} s; failed answers after it was back: {len(after)}; "
        f"recovered {recovery:.1f} s after it was back"
    )

    check = recovery <= args.recovery_limit
    print(f"check recovery within {args.recovery_limit:g} s: {'OK' if check else 'FAILED'}")
    ok &= check

    server_errors = {s: n for s, n in tally.answers.items() if s >= 500 and s != 503}
    check = not server_errors and tally.unhinted_503 == 0
    print(
        f"check no 5xx but 503, each with Retry-After: {'OK' if check else 'FAILED'} "
        f"(other 5xx {server_errors or 0}, 503 without Retry-After {tally.unhinted_503})"
    )
    ok &= check

    stored = list(Response.objects.values_list("public_id", flat=True))
    stored_ids = {str(u) for u in stored}
    acked_ids = set().union(*tally.acked.values()) if tally.acked else set()
    two_ids = sum(1 for ids in tally.acked.values() if len(ids) > 1)
    check = (
        tally.given_up == 0
        and two_ids == 0
        and len(stored) == len(stored_ids) == len(tally.acked)
        and stored_ids == acked_ids
    )
    print(
        f"check every request stored exactly once: {'OK' if check else 'FAILED'} "
        f"({len(tally.acked)} keys acknowledged, {len(stored)} stored, "
        f"{len(acked_ids - stored_ids)} acknowledged but missing, "
        f"{len(stored_ids - acked_ids)} stored but never acknowledged, "
        f"{two_ids} keys with two ids, {tally.given_up} given up)"
    )
    ok &= check

    incremental = ib.rollup_rows()
    call_command("recompute_ikm", stdout=open(os.devnull, "w"))
    same = incremental == ib.rollup_rows()
    print(f"check rollups == recompute_ikm: {'OK' if same else 'FAILED'}")
    return ok and same


def report_pages(args, probe) -> bool:
    allowed = {200} if args.fault.startswith("redis") else {200, 503}
    answers = ", ".join(f"{status}: {n}" for status, n in sorted(probe.answers.items(), key=str))
    check = bool(probe.answers) and set(probe.answers) <= allowed
    print(
        f"check public pages answer {' or '.join(map(str, sorted(allowed)))}: "
        f"{'OK' if check else 'FAILED'} ({answers}; {', '.join(probe.URLS)})"
    )
    return check
