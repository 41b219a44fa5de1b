"""Working days in Indonesia: weekends, the public holidays the `holidays`
library maintains, and the extra days off an operator lists (LOOP_EXTRA_HOLIDAYS)."""

import datetime
import functools

import holidays
from django.conf import settings

from ..rules import loop as rules


@functools.lru_cache(maxsize=32)
def _national(year: int) -> frozenset:
    return frozenset(holidays.country_holidays("ID", years=year))


def days_off(start: datetime.date, end: datetime.date) -> set:
    """Holidays from ``start``'s year to a year after ``end`` (a deadline may cross)."""
    off = set()
    for year in range(start.year, end.year + 2):
        off |= _national(year)
    off |= {datetime.date.fromisoformat(d.strip()) for d in settings.LOOP_EXTRA_HOLIDAYS if d}
    return off


def due_on(received: datetime.date) -> datetime.date:
    """The day an item arriving on ``received`` is due: LOOP_SLA_WORKING_DAYS later."""
    days = settings.LOOP_SLA_WORKING_DAYS
    return rules.add_working_days(received, days, days_off(received, received))


def working_days(start: datetime.date, end: datetime.date) -> int:
    return rules.working_days_between(start, end, days_off(start, end))
