"""The bench template database: migrated and loaded with the demo registry once, then
copied by every bench that prepares a database (bench/ingest_bench.py
``prepare_database``: CREATE DATABASE ... TEMPLATE, a fraction of a second instead of
about 30 s of migrations and demo loading each). .ci/run makes it before the benches
and drops it after them.

Usage (PostgreSQL as for the benches; BENCH_PG overrides the server):

    BENCH_TEMPLATE_DB=portal_bench_template .venv/bin/python bench/template_db.py create
    BENCH_TEMPLATE_DB=portal_bench_template .venv/bin/python bench/template_db.py drop
"""

import os
import sys

NAME = os.environ.get("BENCH_TEMPLATE_DB", "")
if not NAME or len(sys.argv) != 2 or sys.argv[1] not in ("create", "drop"):
    sys.exit(__doc__)
# The template is made the long way, under its own name.
os.environ["BENCH_DB"] = NAME
os.environ["BENCH_TEMPLATE_DB"] = ""

import ingest_bench as ib  # noqa: E402  (beside this script; reads BENCH_DB)


def main():
    if sys.argv[1] == "drop":
        ib.drop_database()
        return
    ib.prepare_database(ib.server_env(ib.free_port(), 1))
    from django.db import connections

    # CREATE DATABASE ... TEMPLATE refuses a template anyone is connected to.
    connections.close_all()
    print(f"   bench template {NAME}: migrated, demo registry loaded")


if __name__ == "__main__":
    main()
