"""The loop's figures per service and month of service (``LoopMonth``), recomputed
for one key whenever one of its items changes: a bounded query over one service's
month, so public pages read the rows and never the items."""

import datetime
from collections import Counter

from django.conf import settings
from django.db import transaction

from ..models import FeedbackItem, LoopMonth, ReplyStatus, UnitFollowUps
from ..registry import cache_scopes
from . import deadlines


def item_changed(item: FeedbackItem) -> None:
    refresh(item.service_id, item.served_on.replace(day=1))
    cache_scopes.figures_changed(service_id=item.service_id, unit_id=item.unit_id)


def refresh(service_id: int, month: datetime.date) -> LoopMonth:
    end = (month + datetime.timedelta(days=32)).replace(day=1)
    items = FeedbackItem.objects.filter(
        service_id=service_id, served_on__gte=month, served_on__lt=end, public=True
    ).values("received_on", "forwarded_at", "reply__status", "reply__published_at")
    reply_days, forward_days = Counter(), Counter()
    comments = forwarded = 0
    for row in items:
        comments += 1
        if row["reply__status"] == ReplyStatus.PUBLISHED and row["reply__published_at"]:
            published = row["reply__published_at"].date()
            reply_days[str(deadlines.working_days(row["received_on"], published))] += 1
        if row["forwarded_at"]:
            forwarded += 1
            days = deadlines.working_days(row["received_on"], row["forwarded_at"].date())
            forward_days[str(days)] += 1
    sla = settings.LOOP_SLA_WORKING_DAYS
    row, _created = LoopMonth.objects.update_or_create(
        service_id=service_id,
        month=month,
        defaults={
            "comments": comments,
            "answered": sum(reply_days.values()),
            "answered_within_sla": sum(n for d, n in reply_days.items() if int(d) <= sla),
            "reply_days": dict(reply_days),
            "forwarded": forwarded,
            "forward_days": dict(forward_days),
        },
    )
    return row


def follow_ups_published(unit_id: int, follow_ups) -> None:
    """A unit's follow-up (RTL) items as just published: ``(period, done)`` pairs.
    Kept as counts per period, so the IKM API reads them without the content app."""
    counts: dict[str, list[int]] = {}
    for period, done in follow_ups:
        row = counts.setdefault(period, [0, 0])
        row[0] += 1
        row[1] += 1 if done else 0
    with transaction.atomic():
        UnitFollowUps.objects.filter(unit_id=unit_id).exclude(period__in=counts).delete()
        for period, (planned, done) in counts.items():
            UnitFollowUps.objects.update_or_create(
                unit_id=unit_id, period=period, defaults={"planned": planned, "done": done}
            )
    cache_scopes.unit_figures_changed(unit_id)
