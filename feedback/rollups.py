"""Keeping the rollups (models.rollups) equal to what the raw responses say.

``record`` runs inside the transaction that stores a response, so a response
and its rollup change commit together or not at all. ``rebuild`` recomputes
everything from the raw responses, one INSERT ... SELECT ... GROUP BY per table.
"""

from django.db import IntegrityError, connection, transaction
from django.db.models import F

from .models import ProfileMonth, Response, ServiceMonth
from .skm import CODES

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


def add_to(model, keys: dict, amounts: dict) -> None:
    """Add ``amounts`` to the rollup row ``keys``, creating it on first use.

    One UPDATE in the usual case (the row exists). F() expressions make concurrent
    submissions add up in the database, not in Python; a row created by a
    concurrent submission in between is caught by the unique constraint and
    updated instead.
    """
    increments = {name: F(name) + value for name, value in amounts.items()}
    if model.objects.filter(**keys).update(**increments):
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **amounts)
    except IntegrityError:
        model.objects.filter(**keys).update(**increments)


def record(response) -> None:
    """Add one stored response to its rollups (call inside its transaction)."""
    year, month = response.served_on.year, response.served_on.month
    answers = [getattr(response, f) for f in FIELDS]
    total = sum(answers)
    add_to(
        ServiceMonth,
        {"service_id": response.service_id, "year": year, "month": month},
        {
            "respondents": 1,
            "total_sq_sum": total * total,
            **dict(zip(FIELDS, answers, strict=True)),
        },
    )
    for dimension, value in profile_values(response).items():
        add_to(
            ProfileMonth,
            {
                "service_id": response.service_id,
                "year": year,
                "month": month,
                "dimension": dimension,
                "value": value,
            },
            {"count": 1},
        )
    record_officers(response)


# --- recompute ---------------------------------------------------------------
#
# ``rebuild`` gives exactly the rows ``record`` keeps, computed by the database: one
# DELETE and one INSERT ... SELECT ... GROUP BY per table, in one transaction, so a
# reader sees the old rollups or the new ones, never a half-built table. PostgreSQL
# groups the four profile dimensions in one pass with GROUPING SETS; SQLite has none,
# so there it is a UNION ALL of the four GROUP BYs (same rows).


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


def _rebuild_service_months() -> int:
    year, month = _sql_year_month("served_on")
    total = " + ".join(FIELDS)
    _run(f"DELETE FROM {ServiceMonth._meta.db_table}")
    return _run(
        f"""
        INSERT INTO {ServiceMonth._meta.db_table}
            (service_id, year, month, respondents, total_sq_sum, {", ".join(FIELDS)})
        SELECT service_id, {year}, {month}, COUNT(*), SUM(({total}) * ({total})),
            {", ".join(f"SUM({f})" for f in FIELDS)}
        FROM {Response._meta.db_table}
        GROUP BY service_id, {year}, {month}
        """
    )


def _rebuild_profile_months() -> int:
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
        select = (
            f"SELECT service_id, y, m, CASE {which} ELSE '{last}' END, "
            f"CASE {value} ELSE d_{last} END, COUNT(*) "
            f"FROM ({profiled}) AS profiled GROUP BY GROUPING SETS ({sets})"
        )
    else:
        select = " UNION ALL ".join(
            f"SELECT service_id, y, m, '{name}', d_{name}, COUNT(*) "
            f"FROM ({profiled}) AS profiled GROUP BY service_id, y, m, d_{name}"
            for name in dimensions
        )
    _run(f"DELETE FROM {ProfileMonth._meta.db_table}")
    return _run(
        f"INSERT INTO {ProfileMonth._meta.db_table} "
        f"(service_id, year, month, dimension, value, count) {select}"
    )


@transaction.atomic
def rebuild(*, log=None) -> int:
    """Recompute every rollup from the raw responses; returns the rows written.

    Public pages and open data in the cache are refreshed once this commits.
    """
    from . import cache_scopes

    months = _rebuild_service_months()
    if log:
        log(f"  {months} service-months")
    profiles = _rebuild_profile_months()
    if log:
        log(f"  {profiles} profile counts")
    officers = rebuild_officers(log=log)
    cache_scopes.all_figures_changed()
    return months + profiles + officers


# --- officers ----------------------------------------------------------------
#
# Attribution (documented in the README):
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
    from .models import Assignment

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


def record_officers(response) -> None:
    from .models import OfficerMonth

    year, month = response.served_on.year, response.served_on.month
    amounts = _officer_amounts(response.u6, response.u7)
    for basis, officer_ids in officers_credited(response).items():
        for officer_id in officer_ids:
            add_to(
                OfficerMonth,
                {"officer_id": officer_id, "year": year, "month": month, "basis": basis},
                amounts,
            )


def rebuild_officers(*, officer_ids=None, log=None) -> int:
    """Recompute officer rollups (of the given officers, or all) from raw responses,
    with the attribution rules of ``officers_credited``, in one INSERT ... SELECT.

    Runs in ``rebuild``, and whenever an assignment changes, because the "loket"
    basis depends on who was assigned where on each day.
    """
    from .models import Assignment, OfficerMonth

    responses, assignments = Response._meta.db_table, Assignment._meta.db_table
    year, month = _sql_year_month("served_on")
    # Who each response counts for: the officer on a verified receipt (both bases);
    # for a response at a loket without a receipt, each officer assigned there that
    # day, once however many of their assignments overlap (basis "loket" only).
    credited = f"""
        SELECT officer_id, 'verified' AS basis, served_on, u6, u7 FROM {responses}
        WHERE verified AND officer_id IS NOT NULL
        UNION ALL
        SELECT officer_id, 'loket', served_on, u6, u7 FROM {responses}
        WHERE verified AND officer_id IS NOT NULL
        UNION ALL
        SELECT officer_id, 'loket', served_on, u6, u7 FROM (
            SELECT DISTINCT r.id, a.officer_id, r.served_on, r.u6, r.u7
            FROM {responses} r JOIN {assignments} a
              ON a.service_point_id = r.service_point_id
             AND a.start_date <= r.served_on
             AND (a.end_date IS NULL OR a.end_date >= r.served_on)
            WHERE NOT r.verified
        ) AS at_loket
    """
    only, params = "", []
    if officer_ids is not None:
        officer_ids = list(officer_ids)
        if not officer_ids:
            return 0
        only = f"WHERE officer_id IN ({', '.join(['%s'] * len(officer_ids))})"
        params = officer_ids
    counts = ", ".join(
        f"SUM(CASE WHEN {u} = {n} THEN 1 ELSE 0 END)" for u in ("u6", "u7") for n in (1, 2, 3, 4)
    )
    columns = ", ".join(f"{u}_{n}" for u in ("u6", "u7") for n in (1, 2, 3, 4))
    with transaction.atomic():
        _run(f"DELETE FROM {OfficerMonth._meta.db_table} {only}", params)
        rows = _run(
            f"""
            INSERT INTO {OfficerMonth._meta.db_table}
                (officer_id, year, month, basis, respondents, u6, u7, sq_u6, sq_u7, sq_u67,
                 {columns})
            SELECT officer_id, {year}, {month}, basis, COUNT(*), SUM(u6), SUM(u7),
                SUM(u6 * u6), SUM(u7 * u7), SUM((u6 + u7) * (u6 + u7)), {counts}
            FROM ({credited}) AS credited
            {only}
            GROUP BY officer_id, {year}, {month}, basis
            """,
            params,
        )
    if log:
        log(f"  {rows} officer-months")
    return rows
