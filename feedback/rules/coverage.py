"""Coverage: whether a result rests on enough respondents for the people a service
served (PermenPANRB 14/2017 points to the Krejcie & Morgan table).

``service_users`` is None when it was not entered; the sample and the verdict are
then unknown too, never guessed. A period in which nobody was served has nothing to
judge either.

A count is entered for one service and one period of any length (a month, a
quarter, a semester, a year). A longer period without its own count is the sum of
its parts (served_in): a count entered for the longer period itself wins, and a
part is counted once, through exactly one path, so nothing is ever added twice.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from .ikm import krejcie_morgan
from .periods import Period

# The counts are stored in a PostgreSQL integer column.
SERVICE_USERS_MAX = 2**31 - 1


def served_in(period: Period, counts: Mapping[str, int]) -> int | None:
    """How many people one service served in ``period``, from its entered counts
    (period code -> count): the period's own count when entered; otherwise the sum
    of its parts (a year's semesters, a semester's quarters, a quarter's months), each
    found the same way; None as soon as one part is missing (a partial sum would make
    the sample look adequate when it is not)."""
    if period.code in counts:
        return counts[period.code]
    parts = period.parts()
    if not parts:
        return None
    total = 0
    for part in parts:
        served = served_in(part, counts)
        if served is None:
            return None
        total += served
    return total


@dataclass(frozen=True)
class Coverage:
    service_users: int | None
    respondents: int

    @property
    def required_sample(self) -> int | None:
        if not self.service_users:
            return None
        return krejcie_morgan(self.service_users)

    @property
    def adequate(self) -> bool | None:
        required = self.required_sample
        return None if required is None else self.respondents >= required

    @property
    def response_rate(self) -> Fraction | None:
        """Respondents per service user (above 1 when responses kept arriving after
        the count was entered)."""
        if not self.service_users:
            return None
        return Fraction(self.respondents, self.service_users)

    @property
    def response_rate_percent(self) -> float | None:
        rate = self.response_rate
        return None if rate is None else round(float(rate) * 100, 1)

    def as_dict(self) -> dict:
        """The public contract (``coverage`` in the IKM API)."""
        return {
            "service_users": self.service_users,
            "required_sample": self.required_sample,
            "adequate": self.adequate,
        }

    def as_report(self) -> dict:
        """Plain JSON for a frozen report: the contract plus what the phrase says."""
        return {
            **self.as_dict(),
            "respondents": self.respondents,
            "response_rate_percent": self.response_rate_percent,
        }
