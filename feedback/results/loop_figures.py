"""How well a scope listens, for a period: comments answered, within the working-day
deadline, the median days to a reply and follow-up (RTL) items done of planned.
Read from ``LoopMonth`` (at most twelve rows per service) and ``UnitFollowUps``,
never from the items."""

from collections import Counter

from ..models import LoopMonth, UnitFollowUps
from ..rules.loop import median_days
from ..rules.periods import Period


def _months(scope, period: Period):
    rows = LoopMonth.objects.filter(month__gte=period.start.replace(day=1), month__lte=period.end)
    if scope.kind == "service":
        return rows.filter(service=scope.service)
    if scope.kind == "unit":
        return rows.filter(service__unit_id__in=scope.unit_ids)
    return rows


def _follow_ups(scope, period: Period):
    rows = UnitFollowUps.objects.all()
    if scope.kind == "service":
        rows = rows.filter(unit_id=scope.service.unit_id)
    elif scope.kind == "unit":
        rows = rows.filter(unit_id__in=scope.unit_ids)
    planned = done = 0
    for row in rows.values("period", "planned", "done"):
        try:
            inner = Period.parse(row["period"])
        except ValueError:
            continue
        if period.start <= inner.start and inner.end <= period.end:
            planned += row["planned"]
            done += row["done"]
    return planned, done


def loop_for(*, scope, period: Period) -> dict:
    """The IKM API's ``loop`` for ``scope`` (results.selectors.Scope) and ``period``."""
    comments = answered = within = 0
    days = Counter()
    for row in _months(scope, period).values(
        "comments", "answered", "answered_within_sla", "reply_days"
    ):
        comments += row["comments"]
        answered += row["answered"]
        within += row["answered_within_sla"]
        days.update({int(k): v for k, v in row["reply_days"].items()})
    planned, done = _follow_ups(scope, period)
    median = median_days(days)
    return {
        "comments": comments,
        "answered": answered,
        "answered_within_sla": within,
        "median_days_to_reply": float(median) if median is not None else None,
        "rtl_planned": planned,
        "rtl_done": done,
    }


def share_within_sla(loop: dict) -> float | None:
    """The share of comments answered within the deadline, in percent (None: none)."""
    if not loop["comments"]:
        return None
    return round(100 * loop["answered_within_sla"] / loop["comments"], 1)
