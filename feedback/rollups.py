"""Keeping the rollups (models.rollups) equal to what the raw responses say.

``record`` runs inside the transaction that stores a response, so a response
and its rollup change commit together or not at all: one upsert statement per
rollup table (``add_rows``). ``rebuild`` recomputes
everything from the raw responses with GROUP BY queries.
"""

from django.db import connection, transaction
from django.db.models import Count, F, Sum, Value
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear

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


def add_rows(model, keys: list[str], rows: list[dict]) -> None:
    """Add each row's amounts to the rollup row with its ``keys``, creating it on first
    use: one ``INSERT ... ON CONFLICT (keys) DO UPDATE SET n = n + EXCLUDED.n`` for
    all of ``rows`` (the same statement on PostgreSQL and SQLite).

    One statement per table instead of an UPDATE per row (and an INSERT on the
    first of a month): a submission is a handful of round trips, not a dozen. The
    database adds under the row lock, so concurrent submissions never lose an
    increment, and a row created by a concurrent submission is simply updated.
    Rows are written in key order, so two submissions touching the same rows
    lock them in the same order and cannot deadlock.
    """
    if not rows:
        return
    amounts = [
        f.attname
        for f in model._meta.concrete_fields
        if not f.primary_key and f.attname not in keys
    ]
    columns = keys + amounts
    rows = sorted(rows, key=lambda row: tuple(row[k] for k in keys))
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    values = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(rows))
    sql = (
        f"INSERT INTO {table} ({', '.join(qn(c) for c in columns)}) VALUES {values} "
        f"ON CONFLICT ({', '.join(qn(k) for k in keys)}) DO UPDATE SET "
        + ", ".join(f"{qn(a)} = {table}.{qn(a)} + EXCLUDED.{qn(a)}" for a in amounts)
    )
    params = [row.get(c, 0) for row in rows for c in columns]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def record(response) -> None:
    """Add one stored response to its rollups (call inside its transaction)."""
    year, month = response.served_on.year, response.served_on.month
    answers = [getattr(response, f) for f in FIELDS]
    total = sum(answers)
    month_key = {"service_id": response.service_id, "year": year, "month": month}
    add_rows(
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
    )
    add_rows(
        ProfileMonth,
        [*month_key, "dimension", "value"],
        [
            {**month_key, "dimension": dimension, "value": value, "count": 1}
            for dimension, value in profile_values(response).items()
        ],
    )
    record_officers(response)


def _total_expression():
    expression = F(FIELDS[0])
    for name in FIELDS[1:]:
        expression = expression + F(name)
    return expression


@transaction.atomic
def rebuild(*, log=None) -> int:
    """Recompute every rollup from the raw responses; returns the rows written."""
    ServiceMonth.objects.all().delete()
    ProfileMonth.objects.all().delete()
    total = _total_expression()
    grouped = (
        Response.objects.annotate(y=ExtractYear("served_on"), m=ExtractMonth("served_on"))
        .values("service_id", "y", "m")
        .order_by()
        .annotate(
            n=Count("id"),
            sq=Sum(total * total),
            **{f"s_{f}": Sum(f) for f in FIELDS},
        )
    )
    months = [
        ServiceMonth(
            service_id=row["service_id"],
            year=row["y"],
            month=row["m"],
            respondents=row["n"],
            total_sq_sum=row["sq"],
            **{f: row[f"s_{f}"] for f in FIELDS},
        )
        for row in grouped.iterator()
    ]
    ServiceMonth.objects.bulk_create(months, batch_size=1000)
    if log:
        log(f"  {len(months)} service-months")

    profiles = []
    for dimension in ProfileMonth.Dimension.values:
        if dimension == ProfileMonth.Dimension.AGE:
            rows = _age_groups()
        else:
            rows = (
                Response.objects.annotate(
                    y=ExtractYear("served_on"),
                    m=ExtractMonth("served_on"),
                    v=Coalesce(F(dimension), Value("")),
                )
                .values("service_id", "y", "m", "v")
                .order_by()
                .annotate(n=Count("id"))
            )
        profiles.extend(
            ProfileMonth(
                service_id=r["service_id"],
                year=r["y"],
                month=r["m"],
                dimension=dimension,
                value=r["v"],
                count=r["n"],
            )
            for r in rows
        )
    ProfileMonth.objects.bulk_create(profiles, batch_size=1000)
    if log:
        log(f"  {len(profiles)} profile counts")
    return len(months) + len(profiles) + rebuild_officers(log=log)


def _age_groups():
    """Age bands grouped in Python over (service, month, age) counts: a handful of
    ages per month, so this stays small however many responses there are."""
    rows = (
        Response.objects.annotate(y=ExtractYear("served_on"), m=ExtractMonth("served_on"))
        .values("service_id", "y", "m", "age")
        .order_by()
        .annotate(n=Count("id"))
    )
    bands = {}
    for row in rows.iterator():
        key = (row["service_id"], row["y"], row["m"], age_band(row["age"]))
        bands[key] = bands.get(key, 0) + row["n"]
    return [{"service_id": s, "y": y, "m": m, "v": v, "n": n} for (s, y, m, v), n in bands.items()]


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
    add_rows(
        OfficerMonth,
        ["officer_id", "year", "month", "basis"],
        [
            {"officer_id": officer_id, "year": year, "month": month, "basis": basis, **amounts}
            for basis, officer_ids in officers_credited(response).items()
            for officer_id in officer_ids
        ],
    )


def rebuild_officers(*, officer_ids=None, log=None) -> int:
    """Recompute officer rollups (of the given officers, or all) from raw responses.

    Runs after a bulk load, and whenever an assignment changes, because the
    "loket" basis depends on who was assigned where on each day.
    """
    from collections import defaultdict

    from .models import Assignment, OfficerMonth

    sums = defaultdict(lambda: defaultdict(int))

    def add(officer_id, basis, year, month, row):
        key = (officer_id, year, month, basis)
        target = sums[key]
        for name, value in row.items():
            target[name] += value

    def aggregate(queryset, group):
        return (
            queryset.annotate(y=ExtractYear("served_on"), m=ExtractMonth("served_on"))
            .values(*group, "y", "m", "u6", "u7")
            .order_by()
            .annotate(n=Count("id"))
        )

    def as_sums(row):
        return _officer_amounts(row["u6"], row["u7"], row["n"])

    verified = Response.objects.filter(verified=True, officer__isnull=False)
    if officer_ids is not None:
        verified = verified.filter(officer_id__in=officer_ids)
    for row in aggregate(verified, ["officer_id"]).iterator():
        for basis in ("verified", "loket"):
            add(row["officer_id"], basis, row["y"], row["m"], as_sums(row))

    assignments = Assignment.objects.filter(service_point__isnull=False)
    if officer_ids is not None:
        assignments = assignments.filter(officer_id__in=officer_ids)
    by_point = defaultdict(list)
    for a in assignments:
        by_point[a.service_point_id].append(a)
    if by_point:
        at_points = Response.objects.filter(verified=False, service_point_id__in=list(by_point))
        rows = (
            at_points.values("service_point_id", "served_on", "u6", "u7")
            .order_by()
            .annotate(n=Count("id"))
        )
        for row in rows.iterator():
            day = row["served_on"]
            officers = {
                a.officer_id
                for a in by_point[row["service_point_id"]]
                if a.start_date <= day and (a.end_date is None or a.end_date >= day)
            }
            for officer_id in officers:
                add(officer_id, "loket", day.year, day.month, as_sums(row))

    with transaction.atomic():
        existing = OfficerMonth.objects.all()
        if officer_ids is not None:
            existing = existing.filter(officer_id__in=officer_ids)
        existing.delete()
        OfficerMonth.objects.bulk_create(
            [
                OfficerMonth(officer_id=o, year=y, month=m, basis=b, **values)
                for (o, y, m, b), values in sums.items()
            ],
            batch_size=1000,
        )
    if log:
        log(f"  {len(sums)} officer-months")
    return len(sums)
