"""Reads of the domain core. Results come from rollups, never from raw responses,
so a page costs the same at a thousand responses or ten million.

Periods imported from past reports' tables (models.ReportedPeriod) are added to
the rollups here. A table counts in every period that contains it whole: a
2024-Q2 table counts in 2024-Q2, 2024-S1 and 2024, never in a month or in a
quarter of a semester table (a table cannot be split). A year made of imported
quarters and months of the portal's own responses adds the answer sums and the
respondents of both, as if all had been one survey.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property

from django.conf import settings
from django.db.models import Q, Sum

from ..models import (
    Population,
    ProfileMonth,
    ReplyStatus,
    ReportedPeriod,
    Response,
    Service,
    ServiceMonth,
    Unit,
)
from ..models.loop import public_status_label
from ..rules import coverage, ikm
from ..rules.periods import Period, latest_complete_quarter
from ..rules.skm import CODES

FIELDS = [code.lower() for code in CODES]


@dataclass(frozen=True)
class Scope:
    """What a result is about: a service, a unit (with its sub-units) or the Pemda."""

    kind: str  # "service" | "unit" | "pemda"
    service: Service | None = None
    unit: Unit | None = None

    @classmethod
    def of(cls, obj=None) -> "Scope":
        if obj is None:
            return cls("pemda")
        if isinstance(obj, Service):
            return cls("service", service=obj)
        if isinstance(obj, Unit):
            if obj.level == Unit.Level.PEMDA:
                return cls("pemda", unit=obj)
            return cls("unit", unit=obj)
        raise TypeError(f"No IKM scope for {obj!r}")

    def as_dict(self) -> dict:
        if self.kind == "service":
            return {
                "type": "service",
                "code": self.service.code,
                "name": self.service.name,
                "unit": {"code": self.service.unit.code, "name": self.service.unit.name},
            }
        if self.kind == "unit":
            return {"type": "unit", "code": self.unit.code, "name": self.unit.name}
        pemda = self.unit or Unit.objects.filter(level=Unit.Level.PEMDA).first()
        return {
            "type": "pemda",
            "code": pemda.code if pemda else None,
            "name": pemda.name if pemda else None,
        }

    @cached_property
    def unit_ids(self) -> list[int]:
        return self.unit.descendant_ids() if self.kind == "unit" else []

    def month_filter(self) -> Q:
        if self.kind == "service":
            return Q(service=self.service)
        if self.kind == "unit":
            return Q(service__unit_id__in=self.unit_ids)
        return Q()


def _in_period(period: Period, prefix="") -> Q:
    return Q(
        **{
            f"{prefix}year": period.year,
            f"{prefix}month__gte": period.first_month,
            f"{prefix}month__lte": period.last_month,
        }
    )


def public_minimum() -> int:
    return settings.SKM_PUBLIC_MIN_RESPONDENTS


def _reported_within(period: Period) -> Q:
    """Report tables that lie wholly inside ``period``."""
    return Q(start__gte=period.start, end__lte=period.end)


def ikm_for(*, scope: Scope, period: Period, minimum: int | None = None) -> ikm.Result:
    """IKM, NRR per element, band and confidence interval for one scope and period.

    Suppressed (figures None) below ``minimum`` respondents, the public minimum
    unless given. Report tables inside the period are added (``source`` says so).
    """
    minimum = public_minimum() if minimum is None else minimum
    totals = ServiceMonth.objects.filter(scope.month_filter(), _in_period(period)).aggregate(
        n=Sum("respondents"), sq=Sum("total_sq_sum"), **{f: Sum(f) for f in FIELDS}
    )
    reported = ReportedPeriod.objects.filter(
        scope.month_filter(), _reported_within(period)
    ).aggregate(n=Sum("respondents"), **{f: Sum(f) for f in FIELDS})
    return _result(totals, reported, minimum)


def _result(totals: dict, reported: dict, minimum: int) -> ikm.Result:
    """ikm.result over rollup sums plus report-table sums (either may be empty)."""
    extra = reported["n"] or 0
    return ikm.result(
        count=(totals["n"] or 0) + extra,
        sums={
            code: (totals[code.lower()] or 0) + Fraction(reported[code.lower()] or 0)
            for code in CODES
        },
        total_sq_sum=totals["sq"] or 0,
        minimum=minimum,
        reported=extra,
    )


def ikm_trend(*, scope: Scope, period: Period, count: int = 6) -> list[tuple[Period, ikm.Result]]:
    """The result for ``period`` and the ``count - 1`` periods of its kind before it.

    Two queries: monthly sums and report tables over the whole window, added up
    per period here.
    """
    periods = [*period.previous(count - 1), period]
    first, last = periods[0], periods[-1]
    window = Q(year__gt=first.year) | Q(year=first.year, month__gte=first.first_month)
    window &= Q(year__lt=last.year) | Q(year=last.year, month__lte=last.last_month)
    rows = (
        ServiceMonth.objects.filter(scope.month_filter(), window)
        .values("year", "month")
        .order_by()
        .annotate(n=Sum("respondents"), sq=Sum("total_sq_sum"), **{f: Sum(f) for f in FIELDS})
    )
    totals = defaultdict(lambda: defaultdict(int))
    for row in rows:
        for p in periods:
            if p.year == row["year"] and p.first_month <= row["month"] <= p.last_month:
                for key in ("n", "sq", *FIELDS):
                    totals[p.code][key] += row[key] or 0
    reported = defaultdict(lambda: defaultdict(int))
    tables = ReportedPeriod.objects.filter(
        scope.month_filter(), start__gte=first.start, end__lte=last.end
    ).values("start", "end", "respondents", *FIELDS)
    for table in tables:
        for p in periods:
            if p.start <= table["start"] and table["end"] <= p.end:
                reported[p.code]["n"] += table["respondents"]
                for f in FIELDS:
                    reported[p.code][f] += Fraction(table[f])
    minimum = public_minimum()
    return [
        (
            p,
            _result(
                {key: totals[p.code][key] for key in ("n", "sq", *FIELDS)},
                {key: reported[p.code][key] for key in ("n", *FIELDS)},
                minimum,
            ),
        )
        for p in periods
    ]


def profile_for(*, scope: Scope, period: Period) -> dict[str, list[tuple[str, int]]]:
    """Respondent profile: for each dimension, (value, count) pairs, largest first.

    From the portal's own responses only: report tables kept no profile."""
    rows = (
        ProfileMonth.objects.filter(scope.month_filter(), _in_period(period))
        .values("dimension", "value")
        .annotate(n=Sum("count"))
        .order_by("dimension", "-n")
    )
    out: dict[str, list[tuple[str, int]]] = {d: [] for d in ProfileMonth.Dimension.values}
    for row in rows:
        out[row["dimension"]].append((row["value"], row["n"]))
    return out


def services_in(scope: Scope):
    """The active services a scope's figures are made of."""
    services = Service.objects.filter(is_active=True)
    if scope.kind == "service":
        return services.filter(pk=scope.service.pk)
    if scope.kind == "unit":
        return services.filter(unit_id__in=scope.unit_ids)
    return services


def _entered_counts(period: Period, services) -> dict[int, dict[str, int]]:
    """The counts entered in the period's year for ``services`` (a queryset):
    service id -> {period code: count}; coverage.served_in picks what the period uses."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = Population.objects.filter(
        service__in=services, period__startswith=str(period.year)
    ).values_list("service_id", "period", "served")
    for service_id, code, served in rows:
        counts[service_id][code] = served
    return counts


def service_users_for(*, scope: Scope, period: Period) -> int | None:
    """How many people the services in scope served in the period, as entered per
    service (a longer period without its own count adds up its parts:
    coverage.served_in); None unless every active service in scope has its count:
    a partial sum would make the sample look adequate when it is not."""
    services = services_in(scope)
    ids = list(services.values_list("pk", flat=True))
    if not ids:
        return None
    counts = _entered_counts(period, services)
    total = 0
    for pk in ids:
        served = coverage.served_in(period, counts.get(pk, {}))
        if served is None:
            return None
        total += served
    return total


def service_users_lookup(*, period: Period):
    """service_users_for, for many scopes of one period (the ranking tables): two
    queries, then a function of a scope."""
    active = list(Service.objects.filter(is_active=True).values_list("pk", "unit_id"))
    counts = _entered_counts(period, Service.objects.filter(is_active=True))
    served = {pk: coverage.served_in(period, counts.get(pk, {})) for pk, _unit in active}

    def lookup(scope: Scope) -> int | None:
        if scope.kind == "service":
            ids = [pk for pk, _unit in active if pk == scope.service.pk]
        elif scope.kind == "unit":
            units = set(scope.unit_ids)
            ids = [pk for pk, unit in active if unit in units]
        else:
            ids = [pk for pk, _unit in active]
        if not ids or any(served[pk] is None for pk in ids):
            return None
        return sum(served[pk] for pk in ids)

    return lookup


def coverage_for(*, scope: Scope, period: Period, respondents: int) -> coverage.Coverage:
    """Respondents against the Krejcie & Morgan sample for the people served."""
    return coverage.Coverage(
        service_users=service_users_for(scope=scope, period=period), respondents=respondents
    )


def respondents_for(*, scope: Scope, period: Period) -> int:
    """Respondents of a scope and period as its result counts them (report tables
    inside the period included), without computing the result."""
    own = ServiceMonth.objects.filter(scope.month_filter(), _in_period(period)).aggregate(
        n=Sum("respondents")
    )["n"]
    reported = ReportedPeriod.objects.filter(
        scope.month_filter(), _reported_within(period)
    ).aggregate(n=Sum("respondents"))["n"]
    return (own or 0) + (reported or 0)


def period_or_latest(raw) -> tuple[Period, str | None]:
    """The period a visitor asked for (``?periode=``/``?period=``), or the latest one
    with data; with a message when what they typed is not a period."""
    if not raw:
        return latest_period_with_data(), None
    try:
        return Period.parse(raw), None
    except ValueError as exc:
        return latest_period_with_data(), str(exc)


def latest_period_with_data(today: datetime.date | None = None) -> Period:
    """The last complete quarter, or the latest quarter that has any data."""

    today = today or datetime.date.today()
    candidate = latest_complete_quarter(today)
    if ServiceMonth.objects.filter(_in_period(candidate)).exists():
        return candidate
    last = ServiceMonth.objects.order_by("-year", "-month").first()
    if last is None:
        table = ReportedPeriod.objects.order_by("-end").first()
        return Period.quarter_of(table.end) if table else candidate
    return Period.quarter_of(datetime.date(last.year, last.month, 1))


def ranking(*, period: Period, level: str) -> list[dict]:
    """Services or units of the Pemda with their results for a period, best first;
    suppressed entries last. Units include their sub-units' services."""
    if level == "service":
        scopes = [
            Scope.of(s)
            for s in Service.objects.filter(is_active=True).select_related("unit").order_by("name")
        ]
    else:
        scopes = [
            Scope.of(u)
            for u in Unit.objects.filter(is_active=True)
            .exclude(level=Unit.Level.PEMDA)
            .order_by("name")
        ]
    rows = [{"scope": s, "result": ikm_for(scope=s, period=period)} for s in scopes]
    rows.sort(key=lambda r: (r["result"].suppressed, -(r["result"].ikm or 0)))
    return rows


def approved_comments(*, service: Service, limit: int = 5):
    """Moderated citizen comments for a service page (already masked at storage).

    Comments on responses attributed to an officer are about that officer:
    personnel data, shown to HR only, never on a public page.
    """
    recent = (
        Response.objects.filter(service=service, comment_status="approved", officer__isnull=True)
        .exclude(comment="")
        .order_by("-submitted_at")
        .values(
            "comment",
            "served_on",
            "loop_item__status",
            "loop_item__reply__text",
            "loop_item__reply__status",
            "loop_item__reply__published_at",
        )[: limit * 4]
    )
    # The same words sent twice (a resend, two citizens with one complaint) are quoted
    # once: the newest.
    shown, seen = [], set()
    for row in recent:
        key = " ".join(row["comment"].casefold().split())
        if key not in seen:
            seen.add(key)
            shown.append(_with_reply(row))
    return shown[:limit]


def _with_reply(row) -> dict:
    """A comment with the citizen-facing status and the published reply, if any."""
    published = row["loop_item__reply__status"] == ReplyStatus.PUBLISHED
    return {
        "comment": row["comment"],
        "served_on": row["served_on"],
        "status": public_status_label(row["loop_item__status"]),
        "reply": {
            "text": row["loop_item__reply__text"],
            "published_at": row["loop_item__reply__published_at"],
        }
        if published
        else None,
    }


def pending_comment_count() -> int:
    """Citizen comments waiting for a moderator's decision."""
    return Response.objects.filter(comment_status="pending").count()
