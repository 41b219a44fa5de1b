"""Keeping the rollups (models.rollups) equal to what the raw responses say.

``record`` runs inside the transaction that stores a response, so a response
and its rollup change commit together or not at all: one upsert statement per
rollup table, all sent together (``upsert_sql``, ``execute_all``). ``rebuild``
recomputes everything from the raw responses and corrects the rows that drifted,
without a window in which a live submission is lost (see "recompute" below).
"""

import functools
import time

from django.db import connection, transaction
from django.db.models import F

from ..models import (
    Appeal,
    Assignment,
    Education,
    Occupation,
    OfficerMonth,
    ProfileMonth,
    Response,
    ServiceMonth,
    Sex,
)
from ..registry import cache_scopes
from ..rules.skm import CODES

FIELDS = [code.lower() for code in CODES]
AGE_BANDS = (
    (0, 19, "<20"),
    (20, 29, "20-29"),
    (30, 39, "30-39"),
    (40, 49, "40-49"),
    (50, 59, "50-59"),
    (60, 200, "60+"),
)


def age_band(age: int | None) -> str:
    if age is None:
        return ""
    for low, high, label in AGE_BANDS:
        if low <= age <= high:
            return label
    return ""


def profile_values(response) -> dict[str, str]:
    return {
        ProfileMonth.Dimension.SEX: response.sex,
        ProfileMonth.Dimension.AGE: age_band(response.age),
        ProfileMonth.Dimension.EDUCATION: response.education,
        ProfileMonth.Dimension.OCCUPATION: response.occupation,
    }


def upsert_sql(
    model, keys: list[str], rows: list[dict], *, select: str = "", params=(), only_if: str = ""
):
    """``INSERT ... ON CONFLICT (keys) DO UPDATE SET n = n + EXCLUDED.n`` adding each
    row's amounts to the rollup row with its ``keys`` (created on first use), as
    (sql, params); None when there is nothing to add. The same statement runs on
    PostgreSQL and SQLite.

    The rows are ``rows`` (dicts of every column), or the result of ``select`` (a
    SELECT of every column in the model's order, keys first, with a WHERE clause:
    SQLite needs one before ON CONFLICT) with ``params``. ``only_if`` (an SQL
    condition) makes the rows' statement add nothing when it is false: the
    one-statement submission (``feedback.intake.statement``) adds them only when its
    response was inserted.

    The database adds under the row lock, so concurrent submissions never lose an
    increment, and a row created by a concurrent submission is simply updated.
    Rows are written in key order (``select`` must ORDER BY its keys), so two
    submissions touching the same rows lock them in the same order and cannot
    deadlock.
    """
    columns = _columns(model, tuple(keys))
    if select:
        source, params = select, list(params)
    elif rows:
        rows = sorted(rows, key=lambda row: tuple(row[k] for k in keys))
        source = _values_source(len(columns), len(rows), only_if)
        params = [row.get(c, 0) for row in rows for c in columns]
    else:
        return None
    return _upsert_text(model, tuple(keys), source, connection.vendor), params


# The statements' texts depend only on their shape: built once per process, since a
# submission builds several and string work is a fair part of what it costs. The
# ``vendor`` argument is part of the cache key only (quoting differs per database).
@functools.cache
def _columns(model, keys: tuple) -> tuple[str, ...]:
    """The keys, then every amount column in the model's order."""
    amounts = [
        f.attname
        for f in model._meta.concrete_fields
        if not f.primary_key and f.attname not in keys
    ]
    return (*keys, *amounts)


@functools.cache
def _values_source(width: int, count: int, only_if: str) -> str:
    source = "VALUES " + ", ".join(["(" + ", ".join(["%s"] * width) + ")"] * count)
    if only_if:
        # A VALUES list yields its rows in the order written (sorted by the caller).
        source = f"SELECT * FROM ({source}) AS row_values WHERE {only_if}"
    return source


@functools.lru_cache(maxsize=256)
def _upsert_text(model, keys: tuple, source: str, vendor: str) -> str:
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    amounts = _columns(model, keys)[len(keys) :]
    return (
        f"INSERT INTO {table} ({', '.join(qn(c) for c in _columns(model, keys))}) {source} "
        f"ON CONFLICT ({', '.join(qn(k) for k in keys)}) DO UPDATE SET "
        + ", ".join(f"{qn(a)} = {table}.{qn(a)} + EXCLUDED.{qn(a)}" for a in amounts)
    )


def execute_all(statements) -> None:
    """Run (sql, params) statements in order; on PostgreSQL in one round trip.

    Django's psycopg backend binds parameters on the client unless
    ``server_side_binding`` is set, so several statements can travel as one; each
    is still its own statement inside the caller's transaction.
    """
    statements = [s for s in statements if s]
    if not statements:
        return
    one_trip = connection.vendor == "postgresql" and not connection.settings_dict.get(
        "OPTIONS", {}
    ).get("server_side_binding")
    with connection.cursor() as cursor:
        if one_trip and len(statements) > 1:
            cursor.execute(
                "; ".join(sql for sql, _ in statements),
                [p for _, params in statements for p in params],
            )
        else:
            for sql, params in statements:
                cursor.execute(sql, params)


def record(response) -> None:
    """Add one stored response to its rollups (call inside its transaction).

    One statement per rollup table (service-month, the four profile rows, the
    officers, whose lookup is part of their statement), all sent together: a
    submission is a handful of round trips, not a dozen.
    """
    execute_all(statements(response))


def statements(response, *, only_if: str = "") -> list:
    """The rollup upserts of one response as (sql, params), in the order every
    submission takes its row locks: service-month, profile, officers (None for a
    table it does not touch). ``only_if`` as in ``upsert_sql``."""
    year, month = response.served_on.year, response.served_on.month
    answers = [getattr(response, f) for f in FIELDS]
    total = sum(answers)
    month_key = {"service_id": response.service_id, "year": year, "month": month}
    return [
        upsert_sql(
            ServiceMonth,
            list(month_key),
            [
                {
                    **month_key,
                    "respondents": 1,
                    "total_sq_sum": total * total,
                    **dict(zip(FIELDS, answers, strict=True)),
                }
            ],
            only_if=only_if,
        ),
        upsert_sql(
            ProfileMonth,
            [*month_key, "dimension", "value"],
            [
                {**month_key, "dimension": dimension, "value": value, "count": 1}
                for dimension, value in profile_values(response).items()
            ],
            only_if=only_if,
        ),
        officers_sql(response, only_if=only_if),
    ]


# --- recompute ---------------------------------------------------------------
#
# ``rebuild`` gives exactly the rows ``record`` keeps, computed by the database,
# without a window in which a live submission is lost, counted twice or kept
# waiting. It never empties a rollup table. Two steps:
#
# 1. In one snapshot (REPEATABLE READ on PostgreSQL; a single statement where a
#    table's correction is computed on its own), the rollups as recomputed from the
#    responses are compared with the rollup rows in that same snapshot. Their
#    difference, per key, is the drift: what the rollups miss or hold too much. A
#    submission stores its response and its rollup increments atomically, so in any
#    snapshot the rollups and the responses describe the same submissions, and the
#    drift is exact. This step reads and takes no lock a submission needs, however
#    long it runs.
# 2. In a short transaction, the drift is added to the live rollup rows (one upsert
#    per table, in key order like every submission, so the two cannot deadlock) and
#    rows left at zero are removed. Submissions that committed after the snapshot
#    already added their own increments to those rows and keep them. Only the rows
#    that drifted are locked, for the time of that upsert.
#
# The service-month sums and the profile counts come from one GROUP BY pass over the
# responses: one row per service and month holding the sums and, for every value a
# profile dimension can take (the model's choices, the age bands), a COUNT FILTER.
# Measured at 1,000,000 responses on PostgreSQL 15, this pass costs about one plain
# GROUP BY, where GROUPING SETS over the four dimensions cost three to four. If a
# stored value is outside the choices (written around the validation), the profile
# is grouped by its values instead, so the result stays exact: GROUPING SETS on
# PostgreSQL, a UNION ALL of the same GROUP BYs on SQLite.

MONTHLY_TABLE = "rollup_rebuild_months"


def _profile_values() -> list[tuple[str, str, str]]:
    """(dimension, value, SQL condition) for every value a profile count can have."""

    Dimension = ProfileMonth.Dimension
    values = []
    for dimension, choices in (
        (Dimension.SEX, Sex),
        (Dimension.EDUCATION, Education),
        (Dimension.OCCUPATION, Occupation),
    ):
        for value in [*choices.values, ""]:
            values.append((dimension, value, f"{dimension} = '{value}'"))
    in_a_band = []
    for low, high, label in AGE_BANDS:
        condition = f"age BETWEEN {low} AND {high}"
        in_a_band.append(condition)
        values.append((Dimension.AGE, label, condition))
    values.append((Dimension.AGE, "", f"(age IS NULL OR NOT ({' OR '.join(in_a_band)}))"))
    return values


def _incomplete_profile_condition() -> str:
    """True for a month whose known values of a dimension do not add up to its
    respondents: some response has a value outside the choices."""
    columns = {}
    for i, (dimension, _value, _condition) in enumerate(_profile_values()):
        columns.setdefault(dimension, []).append(f"p{i}")
    return " OR ".join(f"n <> {' + '.join(names)}" for names in columns.values())


def _sql_year_month(column: str) -> tuple[str, str]:
    if connection.vendor == "postgresql":
        return (
            f"CAST(EXTRACT(YEAR FROM {column}) AS integer)",
            f"CAST(EXTRACT(MONTH FROM {column}) AS integer)",
        )
    return (
        f"CAST(strftime('%%Y', {column}) AS integer)",
        f"CAST(strftime('%%m', {column}) AS integer)",
    )


def _sql_age_band(column: str) -> str:
    """``age_band`` in SQL."""
    cases = " ".join(
        f"WHEN {column} BETWEEN {low} AND {high} THEN '{label}'" for low, high, label in AGE_BANDS
    )
    return f"CASE {cases} ELSE '' END"


def _run(sql: str, params=()) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return cursor.rowcount


def _tune_for_rebuild() -> None:
    """PostgreSQL, for this transaction only: the groups are few (services x months x
    values), so with enough memory they are hashed instead of sorting a million rows to
    disk; and JIT compilation costs more than it saves here (measured: about 2 s of a
    4 s GROUPING SETS pass at 1,000,000 responses)."""
    if connection.vendor == "postgresql":
        _run("SET LOCAL work_mem = '64MB'")
        _run("SET LOCAL jit = off")


def _monthly_aggregates() -> int:
    """One pass over the responses into a temporary table: per service and month, the
    service-month sums and every profile count. Returns how many months have a
    profile value outside the choices (their counts do not add up)."""
    total = " + ".join(FIELDS)
    aggregates = [
        ("n", "COUNT(*)"),
        ("total_sq", f"SUM(({total}) * ({total}))"),
        *((f"s_{f}", f"SUM({f})") for f in FIELDS),
        *(
            (f"p{i}", f"COUNT(*) FILTER (WHERE {condition})")
            for i, (_d, _v, condition) in enumerate(_profile_values())
        ),
    ]
    names = ", ".join(name for name, _sql in aggregates)
    computed = ", ".join(f"{sql} AS {name}" for name, sql in aggregates)
    responses = Response._meta.db_table
    if connection.vendor == "postgresql":
        # Grouping on the truncated date and extracting year and month from the few
        # groups is twice as fast as EXTRACT on every row (it returns numeric).
        select = (
            "SELECT service_id, CAST(EXTRACT(YEAR FROM mo) AS integer) AS y, "
            f"CAST(EXTRACT(MONTH FROM mo) AS integer) AS m, {names} FROM ("
            f"SELECT service_id, date_trunc('month', served_on::timestamp) AS mo, {computed} "
            f"FROM {responses} GROUP BY 1, 2) AS monthly"
        )
    else:
        year, month = _sql_year_month("served_on")
        select = (
            f"SELECT service_id, {year} AS y, {month} AS m, {computed} "
            f"FROM {responses} GROUP BY 1, 2, 3"
        )
    _run(f"DROP TABLE IF EXISTS {MONTHLY_TABLE}")
    _run(f"CREATE TEMPORARY TABLE {MONTHLY_TABLE} AS {select}")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {MONTHLY_TABLE} WHERE {_incomplete_profile_condition()}", []
        )
        return cursor.fetchone()[0]


MONTH_KEYS = ["service_id", "year", "month"]
PROFILE_KEYS = [*MONTH_KEYS, "dimension", "value"]


def _service_months_target() -> str:
    """The service-month rows as recomputed, from the monthly aggregates."""
    sums = ", ".join(f"s_{f} AS {f}" for f in FIELDS)
    return (
        f"SELECT service_id, y AS year, m AS month, n AS respondents, "
        f"total_sq AS total_sq_sum, {sums} FROM {MONTHLY_TABLE}"
    )


def _profile_months_from_counts() -> str:
    """The profile rows as recomputed, from the monthly aggregates' counts."""
    return " UNION ALL ".join(
        f"SELECT service_id, y AS year, m AS month, '{dimension}' AS dimension, "
        f"'{value}' AS value, p{i} AS count FROM {MONTHLY_TABLE} WHERE p{i} > 0"
        for i, (dimension, value, _condition) in enumerate(_profile_values())
    )


def _profile_months_by_value() -> str:
    """The profile rows as recomputed, grouped by the stored values, whatever they are."""
    year, month = _sql_year_month("served_on")
    dimensions = {
        ProfileMonth.Dimension.SEX: "COALESCE(sex, '')",
        ProfileMonth.Dimension.AGE: _sql_age_band("age"),
        ProfileMonth.Dimension.EDUCATION: "COALESCE(education, '')",
        ProfileMonth.Dimension.OCCUPATION: "COALESCE(occupation, '')",
    }
    profiled = (
        f"SELECT service_id, {year} AS y, {month} AS m, "
        + ", ".join(f"{sql} AS d_{name}" for name, sql in dimensions.items())
        + f" FROM {Response._meta.db_table}"
    )
    if connection.vendor == "postgresql":
        which = " ".join(
            f"WHEN GROUPING(d_{name}) = 0 THEN '{name}'" for name in list(dimensions)[:-1]
        )
        value = " ".join(
            f"WHEN GROUPING(d_{name}) = 0 THEN d_{name}" for name in list(dimensions)[:-1]
        )
        last = list(dimensions)[-1]
        sets = ", ".join(f"(service_id, y, m, d_{name})" for name in dimensions)
        return (
            f"SELECT service_id, y AS year, m AS month, CASE {which} ELSE '{last}' END "
            f"AS dimension, CASE {value} ELSE d_{last} END AS value, COUNT(*) AS count "
            f"FROM ({profiled}) AS profiled GROUP BY GROUPING SETS ({sets})"
        )
    return " UNION ALL ".join(
        f"SELECT service_id, y AS year, m AS month, '{name}' AS dimension, "
        f"d_{name} AS value, COUNT(*) AS count "
        f"FROM ({profiled}) AS profiled GROUP BY service_id, y, m, d_{name}"
        for name in dimensions
    )


def _drift_table(model) -> str:
    return f"rollup_drift_{model._meta.db_table}"


def _drift(model, keys: list[str], target: str, *, where: str = "", params=()) -> int:
    """Compare the rollup rows of ``model`` with ``target`` (a SELECT of the rows as
    recomputed, its columns named like the model's) in one statement, so both are
    read in the same snapshot; ``where`` (with ``params``) limits both to some keys.

    Writes, into a temporary table, per key: what the rollup row must gain to equal
    the target (negative where it holds too much), and whether the target has the
    row at all. Returns how many rows the target has."""
    table = model._meta.db_table
    columns = _columns(model, tuple(keys))
    amounts = columns[len(keys) :]
    drift = _drift_table(model)
    key_list = ", ".join(keys)
    _run(f"DROP TABLE IF EXISTS {drift}")
    _run(
        f"CREATE TEMPORARY TABLE {drift} AS "
        f"SELECT {key_list}, {', '.join(f'SUM({a}) AS {a}' for a in amounts)}, "
        f"MAX(wanted) AS wanted FROM ("
        f"SELECT {', '.join(columns)}, 1 AS wanted FROM ({target}) AS target {where} "
        f"UNION ALL SELECT {key_list}, {', '.join(f'-{a}' for a in amounts)}, 0 "
        f"FROM {table} {where}) AS both_sides GROUP BY {key_list}",
        [*params, *params],
    )
    _run(f"CREATE INDEX {drift}_keys ON {drift} ({key_list})")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {drift} WHERE wanted = 1", [])
        return cursor.fetchone()[0]


def _apply_drift(model, keys: list[str], count: str) -> int:
    """Add the drift ``_drift`` found to the live rollup rows of ``model`` and remove
    the rows it leaves at zero (``count`` is their respondents column). Returns how
    many rows it changed.

    One upsert in key order, as a submission takes its row locks. PostgreSQL checks
    the columns' ``>= 0`` constraints on the proposed row before it finds the
    conflict, so the row proposed for insertion holds no negative amount (a row
    with a negative drift exists: rollup rows are only ever removed here); an
    existing row gets the drift itself, looked up by its key."""
    table = model._meta.db_table
    columns = _columns(model, tuple(keys))
    amounts = columns[len(keys) :]
    drift = _drift_table(model)
    qn = connection.ops.quote_name
    greatest = "GREATEST" if connection.vendor == "postgresql" else "MAX"
    collate = ' COLLATE "C"' if connection.vendor == "postgresql" else ""
    text_keys = {
        f.attname
        for f in model._meta.concrete_fields
        if f.attname in keys and f.get_internal_type() == "CharField"
    }
    order = ", ".join(f"{k}{collate if k in text_keys else ''}" for k in keys)
    changed = f"(wanted = 0 OR {' OR '.join(f'{a} <> 0' for a in amounts)})"
    same_key = " AND ".join(f"{drift}.{k} = EXCLUDED.{qn(k)}" for k in keys)
    rows = _run(
        f"INSERT INTO {qn(table)} ({', '.join(qn(c) for c in columns)}) "
        f"SELECT {', '.join(keys)}, {', '.join(f'{greatest}({a}, 0)' for a in amounts)} "
        f"FROM {drift} WHERE {changed} ORDER BY {order} "
        f"ON CONFLICT ({', '.join(qn(k) for k in keys)}) DO UPDATE SET "
        f"({', '.join(qn(a) for a in amounts)}) = (SELECT "
        + ", ".join(f"{qn(table)}.{qn(a)} + {drift}.{a}" for a in amounts)
        + f" FROM {drift} WHERE {same_key})"
    )
    _run(
        f"DELETE FROM {qn(table)} WHERE {qn(count)} = 0 AND EXISTS (SELECT 1 FROM {drift} "
        f"WHERE {' AND '.join(f'{drift}.{k} = {qn(table)}.{qn(k)}' for k in keys)})"
    )
    _run(f"DROP TABLE {drift}")
    return max(rows, 0)


def _snapshot_taken() -> None:
    """Called once a recompute has read its snapshot, before it applies the drift:
    submissions committing from here on are not in the snapshot. A test commits
    one here to prove it is neither lost nor kept waiting."""


class _snapshot:
    """The transaction of a recompute's first step: REPEATABLE READ on PostgreSQL, so
    every statement in it reads the same snapshot. Inside a caller's transaction
    (which fixed its own isolation) it is a savepoint of that transaction. On SQLite
    the transaction takes the write lock at its start (``transaction_mode``
    IMMEDIATE), so no submission commits during it."""

    def __enter__(self):
        outermost = not connection.in_atomic_block
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        if outermost and connection.vendor == "postgresql":
            _run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        _tune_for_rebuild()

    def __exit__(self, *exc):
        return self.atomic.__exit__(*exc)


def rebuild(*, log=None) -> int:
    """Recompute every rollup from the raw responses; returns the rows they hold.

    Safe during live traffic (see above): a submission is never lost, counted
    twice or kept waiting for more than the short final upsert. Public pages and
    open data in the cache are refreshed once it commits.
    """

    with _snapshot():
        unknown = _monthly_aggregates()
        months = _drift(ServiceMonth, MONTH_KEYS, _service_months_target())
        profile_target = _profile_months_by_value() if unknown else _profile_months_from_counts()
        profiles = _drift(ProfileMonth, PROFILE_KEYS, profile_target)
        _run(f"DROP TABLE {MONTHLY_TABLE}")
        officers = _officer_drift()
        _snapshot_taken()
    # Tables in the order a submission locks their rows.
    with transaction.atomic():
        fixed_months = _apply_drift(ServiceMonth, MONTH_KEYS, "respondents")
        fixed_profiles = _apply_drift(ProfileMonth, PROFILE_KEYS, "count")
        fixed_officers = _apply_drift(OfficerMonth, OFFICER_KEYS, "respondents")
        cache_scopes.all_figures_changed()
    if log:
        log(f"  {months} service-months ({fixed_months} corrected)")
        log(f"  {profiles} profile counts ({fixed_profiles} corrected)")
        log(f"  {officers} officer-months ({fixed_officers} corrected)")
    return months + profiles + officers


# --- officers ----------------------------------------------------------------
#
# Attribution (documented in docs/hr.md):
# - basis "verified": a response given with a receipt counts for the officer named
#   on the receipt;
# - basis "loket": the verified ones, plus each response without a receipt given at
#   a service point, for every officer assigned to that service point on the day
#   of service.
# Only U6 (competence) and U7 (courtesy) are kept: the officer controls those.


def _officer_amounts(u6: int, u7: int, n: int = 1) -> dict:
    """What ``n`` respondents answering (u6, u7) add to an officer rollup."""
    return {
        "respondents": n,
        "u6": n * u6,
        "u7": n * u7,
        "sq_u6": n * u6 * u6,
        "sq_u7": n * u7 * u7,
        "sq_u67": n * (u6 + u7) ** 2,
        f"u6_{u6}": n,
        f"u7_{u7}": n,
    }


def officers_credited(response) -> dict[str, list[int]]:
    """Officer ids a response counts for, per attribution basis."""

    verified = [response.officer_id] if response.verified and response.officer_id else []
    loket = list(verified)
    if not response.verified and response.service_point_id:
        loket += list(
            Assignment.objects.active_on(response.served_on)
            .filter(service_point_id=response.service_point_id)
            # Without order_by() the default ordering joins the DISTINCT, and an officer
            # with two overlapping assignments there would be credited twice.
            .order_by()
            .values_list("officer_id", flat=True)
            .distinct()
        )
    return {"verified": verified, "loket": loket}


OFFICER_KEYS = ["officer_id", "year", "month", "basis"]


def officers_sql(response, *, only_if: str = ""):
    """The officer rollup upsert of one response (``officers_credited``'s rules), as
    (sql, params) or None. The officers assigned to a loket are read by the
    statement itself (INSERT ... SELECT), not by a query of their own. ``only_if``
    as in ``upsert_sql``."""

    year, month = response.served_on.year, response.served_on.month
    amounts = _officer_amounts(response.u6, response.u7)
    if response.verified:
        credited = officers_credited(response)
        return upsert_sql(
            OfficerMonth,
            OFFICER_KEYS,
            [
                {"officer_id": officer_id, "year": year, "month": month, "basis": basis, **amounts}
                for basis, officer_ids in credited.items()
                for officer_id in officer_ids
            ],
            only_if=only_if,
        )
    if not response.service_point_id:
        return None
    names = _columns(OfficerMonth, tuple(OFFICER_KEYS))[len(OFFICER_KEYS) :]
    params = [year, month, "loket", *(amounts.get(n, 0) for n in names)]
    params += [response.service_point_id, response.served_on, response.served_on]
    select = _loket_officers_select(len(names), only_if, connection.vendor)
    return upsert_sql(OfficerMonth, OFFICER_KEYS, [], select=select, params=params)


@functools.cache
def _loket_officers_select(amounts: int, only_if: str, vendor: str) -> str:
    """The officers assigned to a loket on a day, each with the response's amounts
    (in OfficerMonth's order after the keys, as upsert_sql writes them)."""

    assignments = connection.ops.quote_name(Assignment._meta.db_table)
    # DISTINCT: an officer with two overlapping assignments there is credited once.
    return (
        "SELECT officer_id, %s, %s, %s, "
        + ", ".join(["%s"] * amounts)
        + f" FROM (SELECT DISTINCT officer_id FROM {assignments}"
        " WHERE service_point_id = %s AND start_date <= %s"
        " AND (end_date IS NULL OR end_date >= %s)) AS credited"
        f" WHERE {only_if or 'TRUE'} ORDER BY officer_id"
    )


def _credited_sql(responses: str, assignments: str, only: str = "") -> str:
    """Who each response counts for, with the attribution rules of
    ``officers_credited``: the officer on a verified receipt (both bases); for a
    response at a loket without a receipt, each officer assigned there that day, once
    however many of their assignments overlap (basis "loket" only); never for an
    officer whose appeal against it HR accepted. ``only`` is a condition ending in AND
    (one parameter per use: three) that narrows the responses, so the recompute and
    the import's batch credit by the same rules."""
    appeals = connection.ops.quote_name(Appeal._meta.db_table)
    return f"""
        SELECT officer_id, basis, served_on, u6, u7 FROM (
            SELECT id AS response_id, officer_id, 'verified' AS basis, served_on, u6, u7
            FROM {responses}
            WHERE {only} verified AND officer_id IS NOT NULL
            UNION ALL
            SELECT id, officer_id, 'loket', served_on, u6, u7 FROM {responses}
            WHERE {only} verified AND officer_id IS NOT NULL
            UNION ALL
            SELECT id, officer_id, 'loket', served_on, u6, u7 FROM (
                SELECT DISTINCT r.id, a.officer_id, r.served_on, r.u6, r.u7
                FROM {responses} r JOIN {assignments} a
                  ON a.service_point_id = r.service_point_id
                 AND a.start_date <= r.served_on
                 AND (a.end_date IS NULL OR a.end_date >= r.served_on)
                WHERE {only.replace("import_batch_id", "r.import_batch_id")} NOT r.verified
            ) AS at_loket
        ) AS attributed
        WHERE NOT EXISTS (
            SELECT 1 FROM {appeals} ap
            WHERE ap.response_id = attributed.response_id
              AND ap.officer_id = attributed.officer_id
              AND ap.status = '{Appeal.Status.ACCEPTED}'
        )
    """


def _officer_drift(officer_ids=None) -> int:
    """``_drift`` of the officer rollups (of the given officers, or all), with the
    attribution rules of ``officers_credited``: one statement, so it reads one
    snapshot whatever the caller's isolation."""

    responses, assignments = Response._meta.db_table, Assignment._meta.db_table
    year, month = _sql_year_month("served_on")
    credited = _credited_sql(responses, assignments)
    only, params = "", []
    if officer_ids is not None:
        only = f"WHERE officer_id IN ({', '.join(['%s'] * len(officer_ids))})"
        params = officer_ids
    counts = ", ".join(
        f"SUM(CASE WHEN {u} = {n} THEN 1 ELSE 0 END) AS {u}_{n}"
        for u in ("u6", "u7")
        for n in (1, 2, 3, 4)
    )
    target = f"""
        SELECT officer_id, {year} AS year, {month} AS month, basis, COUNT(*) AS respondents,
            SUM(u6) AS u6, SUM(u7) AS u7, SUM(u6 * u6) AS sq_u6, SUM(u7 * u7) AS sq_u7,
            SUM((u6 + u7) * (u6 + u7)) AS sq_u67, {counts}
        FROM ({credited}) AS credited
        GROUP BY officer_id, {year}, {month}, basis
    """
    return _drift(OfficerMonth, OFFICER_KEYS, target, where=only, params=params)


def withdraw_from_officer(response, officer_id: int) -> list[str]:
    """Take one response out of one officer's rollups (an accepted appeal), under
    every basis it was credited to them (``officers_credited``'s rules), as
    ``rebuild_officers`` would then compute: one UPDATE per basis, however many
    responses there are. Returns the bases it was taken from."""

    amounts = _officer_amounts(response.u6, response.u7)
    bases = [b for b, ids in officers_credited(response).items() if officer_id in ids]
    for basis in bases:
        OfficerMonth.objects.filter(
            officer_id=officer_id,
            year=response.served_on.year,
            month=response.served_on.month,
            basis=basis,
        ).update(**{field: F(field) - amount for field, amount in amounts.items()})
    return bases


def rebuild_officers(*, officer_ids=None, log=None) -> int:
    """Recompute officer rollups (of the given officers, or all) from raw responses,
    with the attribution rules of ``officers_credited``, as ``rebuild`` does: the
    drift read in one snapshot, then added in a short transaction. Returns the rows
    they hold.

    Runs whenever an assignment changes, because the "loket" basis depends on who
    was assigned where on each day (``rebuild`` covers the officers itself).
    """

    if officer_ids is not None:
        officer_ids = list(officer_ids)
        if not officer_ids:
            return 0
    with _snapshot():
        rows = _officer_drift(officer_ids)
        _snapshot_taken()
    with transaction.atomic():
        fixed = _apply_drift(OfficerMonth, OFFICER_KEYS, "respondents")
    if log:
        log(f"  {rows} officer-months ({fixed} corrected)")
    return rows


# --- adding many responses at once (imports) ----------------------------------
#
# ``add_import_batch`` adds the responses of one import batch to every rollup, as
# ``record`` would one by one, with one set-based upsert per rollup table. Their
# amounts are first aggregated into temporary tables: that reads every row of the
# batch and takes time, but no lock a submission needs. Then the three upserts add
# them (``upsert_sql``: n = n + EXCLUDED.n, so rows a live submission created or
# changed meanwhile are added to, never overwritten), in the order every
# submission takes its row locks (service-month, profile, officers; each in key
# order), so they cannot deadlock with one, and the rollup rows stay locked only
# for the milliseconds of the upserts and the commit that follows.

BATCH_MONTHS, BATCH_PROFILES, BATCH_OFFICERS = (
    "rollup_batch_months",
    "rollup_batch_profiles",
    "rollup_batch_officers",
)


def _batch_aggregates(batch_id: int) -> None:
    """Three temporary tables holding the batch's amounts, with the rollup tables'
    column names: per service-month, per service-month and profile value, per
    officer-month and basis (``officers_credited``'s rules, as ``rebuild_officers``)."""

    responses, assignments = Response._meta.db_table, Assignment._meta.db_table
    year, month = _sql_year_month("served_on")
    total = " + ".join(FIELDS)
    for table in (BATCH_MONTHS, BATCH_PROFILES, BATCH_OFFICERS):
        _run(f"DROP TABLE IF EXISTS {table}")
    _run(
        f"CREATE TEMPORARY TABLE {BATCH_MONTHS} AS "
        f"SELECT service_id, {year} AS year, {month} AS month, COUNT(*) AS respondents, "
        + ", ".join(f"SUM({f}) AS {f}" for f in FIELDS)
        + f", SUM(({total}) * ({total})) AS total_sq_sum FROM {responses} "
        f"WHERE import_batch_id = %s GROUP BY 1, 2, 3",
        [batch_id],
    )
    dimensions = {
        ProfileMonth.Dimension.SEX: "COALESCE(sex, '')",
        ProfileMonth.Dimension.AGE: _sql_age_band("age"),
        ProfileMonth.Dimension.EDUCATION: "COALESCE(education, '')",
        ProfileMonth.Dimension.OCCUPATION: "COALESCE(occupation, '')",
    }
    profiled = " UNION ALL ".join(
        f"SELECT service_id, {year} AS year, {month} AS month, '{name}' AS dimension, "
        f"{sql} AS value, COUNT(*) AS count FROM {responses} WHERE import_batch_id = %s "
        "GROUP BY 1, 2, 3, 4, 5"
        for name, sql in dimensions.items()
    )
    _run(f"CREATE TEMPORARY TABLE {BATCH_PROFILES} AS {profiled}", [batch_id] * len(dimensions))
    credited = _credited_sql(responses, assignments, "import_batch_id = %s AND")
    counts = ", ".join(
        f"SUM(CASE WHEN {u} = {n} THEN 1 ELSE 0 END) AS {u}_{n}"
        for u in ("u6", "u7")
        for n in (1, 2, 3, 4)
    )
    _run(
        f"CREATE TEMPORARY TABLE {BATCH_OFFICERS} AS "
        f"SELECT officer_id, {year} AS year, {month} AS month, basis, COUNT(*) AS respondents, "
        "SUM(u6) AS u6, SUM(u7) AS u7, SUM(u6 * u6) AS sq_u6, SUM(u7 * u7) AS sq_u7, "
        f"SUM((u6 + u7) * (u6 + u7)) AS sq_u67, {counts} "
        f"FROM ({credited}) AS credited GROUP BY 1, 2, 3, 4",
        [batch_id] * 3,
    )


def _add_from(model, keys: list[str], table: str) -> int:
    """Upsert-add every row of the temporary ``table`` into ``model``'s rollup, in key
    order; returns the rows written."""
    columns = _columns(model, tuple(keys))
    # WHERE: SQLite needs one before ON CONFLICT (upsert_sql).
    select = f"SELECT {', '.join(columns)} FROM {table} WHERE 1 = 1 ORDER BY {', '.join(keys)}"
    sql, params = upsert_sql(model, keys, [], select=select)
    return _run(sql, params)


def add_import_batch(batch_id: int) -> dict:
    """Add the responses of import batch ``batch_id`` to every rollup (call inside
    the transaction that stored them). Returns the number of rollup rows written per
    table, the ids of the services whose figures changed and ``locked_seconds``, the
    time since the first rollup row was locked."""

    _tune_for_rebuild()
    _batch_aggregates(batch_id)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT DISTINCT service_id FROM {BATCH_MONTHS}", [])
        service_ids = sorted(row[0] for row in cursor.fetchall())
    locking = time.monotonic()
    written = {
        "service_months": _add_from(ServiceMonth, ["service_id", "year", "month"], BATCH_MONTHS),
        "profile_months": _add_from(
            ProfileMonth, ["service_id", "year", "month", "dimension", "value"], BATCH_PROFILES
        ),
        "officer_months": _add_from(OfficerMonth, OFFICER_KEYS, BATCH_OFFICERS),
        "service_ids": service_ids,
    }
    for table in (BATCH_MONTHS, BATCH_PROFILES, BATCH_OFFICERS):
        _run(f"DROP TABLE {table}")
    # From the first rollup row locked to here; the caller's commit follows.
    written["locked_seconds"] = time.monotonic() - locking
    return written
