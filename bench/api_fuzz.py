"""Schemathesis against the production server: every operation of /api/schema/,
with the coverage phase (boundary and invalid values of every parameter and body
field, methods an operation does not take) and random positive and negative
examples, a fixed number per operation, so a run is bounded (about two minutes
on two cores).

Not a speed measurement: it lives beside the benches because it starts gunicorn
the same way (bench/ingest_bench.py's prepare and start_server: the production
settings on PostgreSQL + Redis, deploy/gunicorn.conf.py, a database of its own
that is dropped at the end, the demo registry and pages). HR and receipt
operations are called with a token of a user in the HR and Loket groups, so their
200s are fuzzed too. Any failed check fails the run:

- not_a_server_error: no 5xx;
- status_code_conformance, content_type_conformance, response_headers_conformance,
  response_schema_conformance: every answer is one the schema documents, in the
  documented shape (errors in the JSON error shape under /api/);
- negative_data_rejection and positive_data_acceptance: what the schema forbids is
  refused with a 4xx, what it allows is not (a schema-valid request never answers a
  400 the schema does not document);
- unsupported_method and allow_header_conformance: a method an operation does not
  take is a 405 with ``Allow``.

Usage (PostgreSQL 127.0.0.1:5432 trust auth and Redis 127.0.0.1:6379):

    .venv/bin/python bench/api_fuzz.py [--examples 25] [--seed 1]

The database is ``${PG_DB:-portal}_api_fuzz`` (or BENCH_DB); Redis keys carry a
prefix of their own, on index ${REDIS_DB:-15} (or BENCH_REDIS_URL). Exit status 1
when any check failed; the failures (with a curl line to reproduce each) are
printed, and the reports are written to ``test-output/api-fuzz/``.
"""

import argparse
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

os.environ.setdefault("BENCH_DB", f"{os.environ.get('PG_DB') or 'portal'}_api_fuzz")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import ingest_bench as ib  # noqa: E402  (the server helpers, after BENCH_DB is set)

ROOT = Path(__file__).resolve().parent.parent
SCHEMATHESIS = str(Path(sys.executable).parent / "schemathesis")
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "positive_data_acceptance",
    "unsupported_method",
    "allow_header_conformance",
]


def staff_token() -> str:
    """A token of a user in the HR and Loket groups: the HR API and receipts answer."""
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command

    out = StringIO()
    call_command("create_hr_token", "fuzz-staff", stdout=out)
    User.objects.get(username="fuzz-staff").groups.add(Group.objects.get(name="Loket"))
    return out.getvalue().strip().splitlines()[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=25, help="per operation (default 25)")
    parser.add_argument("--seed", type=int, default=1, help="schemathesis seed (default 1)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--keep-db", action="store_true", help="leave the fuzz database")
    args = parser.parse_args()

    title = f"API fuzz: schemathesis, {args.examples} examples per operation, seed {args.seed}"
    reports = ROOT / "test-output" / "api-fuzz"
    with ib.served_run(title, args.workers, "api-fuzz", keep_db=args.keep_db) as run:
        ib.prepare(run.env)
        token = staff_token()
        run.start()
        command = [
            SCHEMATHESIS,
            "--config-file",
            str(Path(__file__).with_suffix(".toml")),
            "run",
            f"http://127.0.0.1:{run.port}/api/schema/",
            "--phases",
            "examples,coverage,fuzzing",
            "--mode",
            "all",
            "--checks",
            ",".join(CHECKS),
            "--max-examples",
            str(args.examples),
            "--seed",
            str(args.seed),
            "--generation-deterministic",
            # A NUL is refused with a documented 400 on purpose (PostgreSQL cannot store
            # it); tests/portal/test_hostile_input.py covers it in every channel.
            "--generation-allow-x00",
            "false",
            "--workers",
            "2",
            "--request-timeout",
            "30",
            "--header",
            f"Authorization: Token {token}",
            "--continue-on-failure",
            "--suppress-health-check",
            "all",
            "--no-color",
            "--report",
            "junit,ndjson",
            "--report-dir",
            str(reports),
        ]
        run.ok = subprocess.run(command, cwd=ROOT).returncode == 0
    print("API fuzz passed" if run.ok else "API fuzz FAILED")
    sys.exit(0 if run.ok else 1)


if __name__ == "__main__":
    main()
