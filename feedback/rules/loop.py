"""Closing the loop with citizens, as plain rules: an inbox item's status flow,
what a citizen is told about it, working-day deadlines with public holidays, and
what a public reply may not contain. No Django."""

import datetime
import re
import statistics
from collections.abc import Iterable

# The item's status flow (codes as stored): new, reviewed, answered (a reply is
# published), forwarded to SP4N-LAPOR!, closed (with a reason).
NEW, REVIEWED, ANSWERED, FORWARDED, CLOSED = "baru", "ditinjau", "dijawab", "diteruskan", "ditutup"
STATUSES = (NEW, REVIEWED, ANSWERED, FORWARDED, CLOSED)
NEXT = {
    NEW: (REVIEWED, FORWARDED, CLOSED),
    REVIEWED: (FORWARDED, CLOSED),
    # ANSWERED is reached only by publishing a reply (never chosen by hand).
    ANSWERED: (CLOSED,),
    FORWARDED: (CLOSED,),
    CLOSED: (),
}
OPEN = (NEW, REVIEWED, FORWARDED)

# What a citizen reads under a comment, per status.
PUBLIC_STATUS = {
    NEW: "diterima",
    REVIEWED: "ditinjau",
    ANSWERED: "dijawab",
    FORWARDED: "diteruskan",
    CLOSED: "selesai",
}

REPLY_MAX_LENGTH = 1000
# 18 digits with optional spaces or dots between the NIP's parts: a NIP as typed.
NIP_LIKE = re.compile(r"(?<!\d)\d(?:[ .]?\d){17}(?!\d)")


def can_move(current: str, new: str) -> bool:
    return new in NEXT.get(current, ())


def add_working_days(start: datetime.date, days: int, holidays: Iterable) -> datetime.date:
    """The date ``days`` working days after ``start``: Saturdays, Sundays and
    ``holidays`` are not counted (a start on a holiday counts from the next day)."""
    off = set(holidays)
    day, left = start, days
    while left > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in off:
            left -= 1
    return day


def working_days_between(start: datetime.date, end: datetime.date, holidays: Iterable) -> int:
    """Working days after ``start`` up to and including ``end`` (0 the same day)."""
    off = set(holidays)
    count, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in off:
            count += 1
    return count


def reply_problems(text: str, officer_names: re.Pattern | None) -> list[str]:
    """Why a reply may not be published, as message keys: ``empty``, ``too_long``,
    ``nip`` (an NIP-like number), ``officer`` (an officer's name). Replies are
    public: personnel data never goes in them."""
    text = text.strip()
    problems = []
    if not text:
        problems.append("empty")
    if len(text) > REPLY_MAX_LENGTH:
        problems.append("too_long")
    if NIP_LIKE.search(text):
        problems.append("nip")
    if officer_names is not None and officer_names.search(text):
        problems.append("officer")
    return problems


def median_days(histogram: dict) -> float | None:
    """The median of a {days: count} histogram (keys as strings or ints)."""
    values = []
    for days, count in sorted(histogram.items(), key=lambda kv: int(kv[0])):
        values.extend([int(days)] * int(count))
    return statistics.median(values) if values else None
