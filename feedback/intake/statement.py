"""A submission stored as one PostgreSQL statement.

Stored through the ORM, a submission takes six round trips to PostgreSQL: the
reported-period check, BEGIN, the duplicate check, the response, its rollups,
COMMIT. On PostgreSQL, data-modifying CTEs make the same work one statement, run
in autocommit: a statement is atomic by itself, so the response and its rollups
commit together or not at all, exactly as in the transaction (docs/benchmarks.md "Ingest
benchmark" has the figures).

The statement reads, in one snapshot, whether the period is already counted from
a report table (``reported``) and whether this client sent the same answers
within FEEDBACK_DUPLICATE_MINUTES (``earlier``); inserts the response only when
neither (``stored``); and adds it to the rollups only when inserted, with the
same upserts as ``rollups.record`` (``rollups.statements(only_if=...)``), in the
same order: the final SELECT reads them one after the other, so every
submission takes its rollup row locks in one order and two cannot deadlock.

Used by ``storing.response_submit`` for submissions without a receipt (a
receipt is locked and checked first, which needs the transaction); SQLite and
receipts take the ORM path, which gives the same rows. The statement runs on a
psycopg cursor of its own (server-side binding, prepared), so Django's query log
(``connection.queries`` under DEBUG) does not list it.
"""

import functools
import itertools
import re
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connection, connections

from ..models import Kiosk, ReportedPeriod, Response
from ..results import rollups

STORED = "EXISTS (SELECT 1 FROM stored)"


@dataclass
class Stored:
    """What the statement did: the period that refused it, or the earlier
    response it repeats, or neither (the response was inserted)."""

    reported_period: str | None
    earlier_id: int | None


def available() -> bool:
    return connection.vendor == "postgresql"


def store(response: Response, *, duplicate_since=None, kiosk: Kiosk | None = None) -> Stored:
    """Insert ``response`` (an unsaved instance) with its rollups, unless its period
    is reported or (with ``duplicate_since``) its fingerprint was stored since
    then. Sets ``response.pk`` when inserted. ``kiosk`` gets its ``last_used_at``."""
    check_earlier = duplicate_since is not None and bool(response.fingerprint)
    params = [response.service_id, response.served_on, response.served_on]
    if check_earlier:
        params += [response.fingerprint, duplicate_since]
    # Every column as the ORM's insert would write it (defaults, pre_save, adaptation).
    db = connections[DEFAULT_DB_ALIAS]  # not the proxy: this runs once per column
    params += [f.get_db_prep_save(f.pre_save(response, True), db) for f in _fields()]
    upserts = [s for s in rollups.statements(response, only_if=STORED) if s]
    for _sql, values in upserts:
        params += values
    if kiosk is not None:
        params += [response.submitted_at, kiosk.pk]
    sql = _statement(check_earlier, tuple(sql for sql, _values in upserts), kiosk is not None)
    import psycopg  # the postgres extra: the embedded default (SQLite) runs without it

    connection.ensure_connection()
    with connection.wrap_database_errors, psycopg.RawCursor(connection.connection) as cursor:
        # Bound on the server, unlike Django's cursors, so that psycopg prepares it
        # once per shape on a connection (DATABASE_PREPARE_THRESHOLD): planning this
        # statement cost PostgreSQL more than running it. A RawCursor takes the $n
        # placeholders as written: psycopg would parse a statement with this many
        # parameters again on every execute.
        cursor.execute(sql, params)
        period, earlier_id, new_id, *_counts = cursor.fetchone()
    if new_id is not None:
        response.pk = new_id
        response._state.adding = False
        response._state.db = connection.alias
    return Stored(reported_period=period, earlier_id=earlier_id)


def earlier_sql() -> str:
    """The duplicate check: the first response with this fingerprint (%s) stored
    since (%s). ``fingerprint <> ''`` lets the plan use the partial index
    (models.Response) whatever the fingerprint: the statement is planned once."""
    qn = connection.ops.quote_name
    return (
        f"SELECT {qn('id')} FROM {qn(Response._meta.db_table)}"
        f" WHERE {qn('fingerprint')} = %s AND {qn('fingerprint')} <> ''"
        f" AND {qn('submitted_at')} >= %s ORDER BY {qn('id')} LIMIT 1"
    )


@functools.cache
def _fields() -> list:
    return [f for f in Response._meta.concrete_fields if not f.primary_key]


@functools.lru_cache(maxsize=64)
def _statement(check_earlier: bool, upserts: tuple[str, ...], kiosk: bool) -> str:
    """The statement's text, one per shape, with PostgreSQL's numbered placeholders
    ($1, $2, ...) for the parameters in the order ``store`` lists them."""
    qn = connection.ops.quote_name
    table = qn(Response._meta.db_table)
    ctes = [
        f"reported AS (SELECT {qn('period')} FROM {qn(ReportedPeriod._meta.db_table)}"
        f" WHERE {qn('service_id')} = %s AND {qn('start')} <= %s AND {qn('end')} >= %s"
        f" ORDER BY {qn('id')} LIMIT 1)"
    ]
    refused, earlier = "NOT EXISTS (SELECT 1 FROM reported)", "NULL"
    if check_earlier:
        ctes.append(f"earlier AS ({earlier_sql()})")
        refused += " AND NOT EXISTS (SELECT 1 FROM earlier)"
        earlier = "(SELECT id FROM earlier)"
    columns = ", ".join(qn(f.column) for f in _fields())
    ctes.append(
        f"stored AS (INSERT INTO {table} ({columns})"
        f" SELECT {', '.join(['%s'] * len(_fields()))} WHERE {refused} RETURNING {qn('id')})"
    )
    # Read one after the other by the final SELECT: the order the row locks are taken.
    reads = ["(SELECT period FROM reported)", earlier, "(SELECT id FROM stored)"]
    for n, sql in enumerate(upserts):
        ctes.append(f"rollup{n} AS ({sql} RETURNING 1)")
        reads.append(f"(SELECT count(*) FROM rollup{n})")
    if kiosk:
        ctes.append(
            f"kiosk_used AS (UPDATE {qn(Kiosk._meta.db_table)} SET {qn('last_used_at')} = %s"
            f" WHERE {qn('id')} = %s AND {STORED} RETURNING 1)"
        )
        reads.append("(SELECT count(*) FROM kiosk_used)")
    numbers = itertools.count(1)
    text = f"WITH {', '.join(ctes)} SELECT {', '.join(reads)}"
    return re.sub("%s", lambda _match: f"${next(numbers)}", text)
