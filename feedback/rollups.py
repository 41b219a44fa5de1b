"""Keeping the rollups (models.rollups) equal to what the raw responses say.

``record`` runs inside the transaction that stores a response, so a response
and its rollup change commit together or not at all. ``rebuild`` recomputes
everything from the raw responses with GROUP BY queries.
"""

from django.db import transaction
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


def record(response) -> None:
    """Add one stored response to its service-month rollups (call inside its transaction)."""
    year, month = response.served_on.year, response.served_on.month
    answers = [getattr(response, f) for f in FIELDS]
    total = sum(answers)
    row, _ = ServiceMonth.objects.get_or_create(
        service_id=response.service_id, year=year, month=month
    )
    # F() expressions: concurrent submissions add up in the database, not in Python.
    ServiceMonth.objects.filter(pk=row.pk).update(
        respondents=F("respondents") + 1,
        total_sq_sum=F("total_sq_sum") + total * total,
        **{f: F(f) + value for f, value in zip(FIELDS, answers, strict=True)},
    )
    for dimension, value in profile_values(response).items():
        profile, _ = ProfileMonth.objects.get_or_create(
            service_id=response.service_id,
            year=year,
            month=month,
            dimension=dimension,
            value=value,
        )
        ProfileMonth.objects.filter(pk=profile.pk).update(count=F("count") + 1)


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
    return len(months) + len(profiles)


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
