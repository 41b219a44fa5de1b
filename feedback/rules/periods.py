"""Reporting periods (CONTRACT.md): YYYY, YYYY-S1/S2, YYYY-Q1..Q4, YYYY-MM."""

import datetime
import re
from dataclasses import dataclass

PATTERN = re.compile(r"^(\d{4})(?:-(S[12]|Q[1-4]|\d{2}))?$")
# The supported years, the one place they are set: a period outside them is refused
# by parse, and a sequence of periods (previous) stops at the first year rather than
# stepping out of the range.
FIRST_YEAR = 2000
LAST_YEAR = 2100
# The same rule for the OpenAPI document (years FIRST_YEAR-LAST_YEAR, months 01-12;
# parse also accepts lower case and surrounding spaces).
OPENAPI_PATTERN = r"^(20\d\d|2100)(-(S[12]|Q[1-4]|0[1-9]|1[0-2]))?$"


@dataclass(frozen=True)
class Period:
    year: int
    first_month: int
    last_month: int
    code: str

    @classmethod
    def parse(cls, raw) -> "Period":
        match = PATTERN.match(str(raw or "").strip().upper())
        if not match:
            raise ValueError(
                f"Periode '{raw}' tidak dikenal. Gunakan TTTT, TTTT-S1/S2, TTTT-Q1..Q4 "
                "atau TTTT-BB (contoh: 2026-Q3)."
            )
        year, part = int(match.group(1)), match.group(2)
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError(f"Tahun {year} di luar rentang {FIRST_YEAR}-{LAST_YEAR}.")
        if part is None:
            return cls(year, 1, 12, f"{year}")
        if part.startswith("S"):
            half = int(part[1])
            return cls(year, 6 * half - 5, 6 * half, f"{year}-{part}")
        if part.startswith("Q"):
            quarter = int(part[1])
            return cls(year, 3 * quarter - 2, 3 * quarter, f"{year}-{part}")
        month = int(part)
        if not 1 <= month <= 12:
            raise ValueError(f"Bulan {part} tidak ada; gunakan 01 sampai 12.")
        return cls(year, month, month, f"{year}-{month:02d}")

    @classmethod
    def quarter_of(cls, day: datetime.date) -> "Period":
        return cls.parse(f"{day.year}-Q{(day.month - 1) // 3 + 1}")

    def __str__(self):
        return self.code

    @property
    def kind(self) -> str:
        if self.first_month == 1 and self.last_month == 12:
            return "year"
        return {6: "semester", 3: "quarter", 1: "month"}[self.last_month - self.first_month + 1]

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, self.first_month, 1)

    @property
    def end(self) -> datetime.date:
        """The last day of the period."""
        if self.last_month == 12:
            return datetime.date(self.year, 12, 31)
        return datetime.date(self.year, self.last_month + 1, 1) - datetime.timedelta(days=1)

    @property
    def label(self) -> str:
        """Indonesian name: 'Triwulan III 2026', 'Semester I 2026', 'September 2026'."""
        roman = {1: "I", 2: "II", 3: "III", 4: "IV"}
        kind = self.kind
        if kind == "year":
            return f"Tahun {self.year}"
        if kind == "semester":
            return f"Semester {roman[self.last_month // 6]} {self.year}"
        if kind == "quarter":
            return f"Triwulan {roman[self.last_month // 3]} {self.year}"
        return f"{MONTHS[self.first_month - 1]} {self.year}"

    def previous(self, count=1) -> list["Period"]:
        """The ``count`` periods of the same kind before this one, oldest first; fewer
        (none for the first period of FIRST_YEAR) when the supported range begins
        sooner."""
        length = self.last_month - self.first_month + 1
        out, year, first = [], self.year, self.first_month
        for _ in range(count):
            first -= length
            if first < 1:
                first += 12
                year -= 1
            if year < FIRST_YEAR:
                break
            out.append(Period.parse(_code(year, first, length)))
        return list(reversed(out))

    def parts(self) -> list["Period"]:
        """The periods one size smaller that make this one whole, in order: a year's
        semesters, a semester's quarters, a quarter's months; none for a month."""
        length = self.last_month - self.first_month + 1
        smaller = {12: 6, 6: 3, 3: 1}.get(length)
        if smaller is None:
            return []
        return [
            Period.parse(_code(self.year, first, smaller))
            for first in range(self.first_month, self.last_month + 1, smaller)
        ]

    def following(self) -> "Period | None":
        """The next period of the same kind, or None past the supported years."""
        length = self.last_month - self.first_month + 1
        year, first = self.year, self.first_month + length
        if first > 12:
            first, year = first - 12, year + 1
        try:
            return Period.parse(_code(year, first, length))
        except ValueError:
            return None

    def is_over(self, today: datetime.date) -> bool:
        return self.end < today


def _code(year, first_month, length) -> str:
    if length == 12:
        return f"{year}"
    if length == 6:
        return f"{year}-S{(first_month + 5) // 6}"
    if length == 3:
        return f"{year}-Q{(first_month + 2) // 3}"
    return f"{year}-{first_month:02d}"


MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def latest_complete_quarter(today: datetime.date) -> Period:
    current = Period.quarter_of(today)
    return (current.previous(1) or [current])[0]
