"""IKM arithmetic of PermenPANRB 14/2017, exact and free of Django.

Everything is computed with fractions and rounded only for display, so the
all-4 case gives 100.00 (spreadsheets using a 0.111 weight report 99.90) and a
band boundary is never crossed by a floating-point accident.
"""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ELEMENT_COUNT = 9
WEIGHT = Fraction(1, ELEMENT_COUNT)
CONVERSION = 25
Z95 = Fraction(196, 100)


@dataclass(frozen=True)
class Band:
    mutu: str
    kinerja: str
    lower: Decimal  # lowest IKM (rounded to 2 decimals) in this band


BANDS = (
    Band("A", "Sangat Baik", Decimal("88.31")),
    Band("B", "Baik", Decimal("76.61")),
    Band("C", "Kurang Baik", Decimal("65.00")),
    Band("D", "Tidak Baik", Decimal("25.00")),
)


def round2(value) -> Decimal:
    """Round half up to 2 decimals, as the regulation's tables do."""
    if isinstance(value, Fraction):
        # 30 significant digits: far beyond any tie a real IKM can produce.
        value = Decimal(value.numerator) / Decimal(value.denominator)
    elif isinstance(value, float):
        value = Decimal(repr(value))  # the number as written, not its binary neighbour
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def nrr(answer_sum, answer_count: int) -> Fraction:
    """Nilai rata-rata of one element: sum of answers / number of answers.

    The sum is an int, or a Fraction/Decimal where a report's table kept only
    NRR x respondents."""
    if answer_count <= 0:
        raise ValueError("NRR needs at least one answer")
    return Fraction(answer_sum) / answer_count


def ikm_from_nrr(nrr_by_element: dict[str, Fraction]) -> Fraction:
    """IKM = (sum over the nine elements of NRR x 1/9) x 25, exactly."""
    if len(nrr_by_element) != ELEMENT_COUNT:
        raise ValueError(f"IKM needs NRR of all {ELEMENT_COUNT} elements")
    return sum((Fraction(v) * WEIGHT for v in nrr_by_element.values()), Fraction(0)) * CONVERSION


def band_for(ikm) -> Band:
    """The mutu band, comparing the IKM rounded to 2 decimals with the lower bounds."""
    rounded = round2(ikm)
    if not Decimal(25) <= rounded <= Decimal(100):
        raise ValueError(f"IKM {rounded} is outside 25..100")
    for band in BANDS:
        if rounded >= band.lower:
            return band
    raise AssertionError("unreachable: the D band starts at 25")


def krejcie_morgan(
    population: int, *, chi2=Fraction(3841, 1000), p=Fraction(1, 2), d=Fraction(5, 100)
) -> int:
    """Minimum sample for a population of service users (Krejcie & Morgan, 1970)."""
    if population < 1:
        raise ValueError("population must be at least 1")
    n = population
    sample = chi2 * n * p * (1 - p) / (d * d * (n - 1) + chi2 * p * (1 - p))
    return min(n, math.ceil(sample))


def ci95(*, count: int, total_sum: int, total_sq_sum: int) -> tuple[float, float] | None:
    """95% confidence interval of the IKM from per-respondent totals.

    Each respondent answers all nine elements, so the IKM is the mean of the
    respondents' own scores (total of their nine answers x 25/9). ``total_sum``
    and ``total_sq_sum`` are the sum and the sum of squares of those totals,
    which rollups keep; the interval is the normal approximation, clipped to
    the scale, and None below two respondents.
    """
    if count < 2:
        return None
    mean = Fraction(total_sum, count)
    variance = (Fraction(total_sq_sum) - Fraction(total_sum) ** 2 / count) / (count - 1)
    scale = Fraction(CONVERSION, ELEMENT_COUNT)
    half = float(Z95 * scale) * math.sqrt(max(float(variance), 0.0) / count)
    centre = float(mean * scale)
    return (max(25.0, round(centre - half, 2)), min(100.0, round(centre + half, 2)))


# Where a result's respondents come from: the portal's own responses, the
# tables of past reports (import_skm_tables), or both (a year with imported quarters).
SOURCE_RESPONDENTS = "responden"
SOURCE_REPORT = "laporan"
SOURCE_MIXED = "campuran"


@dataclass(frozen=True)
class Result:
    """Figures for one scope and period; ``None`` everywhere when suppressed.

    ``source`` says where the respondents come from; the confidence interval
    needs each respondent's answers, so it is None as soon as a report's table
    is part of the result."""

    respondents: int
    suppressed: bool
    nrr: dict[str, float] | None
    ikm: float | None
    mutu: str | None
    kinerja: str | None
    ci95: tuple[float, float] | None
    ikm_exact: Fraction | None = None
    source: str = SOURCE_RESPONDENTS

    def as_dict(self) -> dict:
        """The public figures as plain JSON (API, frozen reports)."""
        return {
            "respondents": self.respondents,
            "suppressed": self.suppressed,
            "nrr": self.nrr,
            "ikm": self.ikm,
            "mutu": self.mutu,
            "kinerja": self.kinerja,
            "ci95": list(self.ci95) if self.ci95 else None,
            "weakest": self.weakest,
            "source": self.source,
        }

    @property
    def weakest(self) -> list[str]:
        """Codes of the lowest-scoring elements (up to three, ties included)."""
        if not self.nrr:
            return []
        ranked = sorted(self.nrr.items(), key=lambda kv: kv[1])
        cutoff = ranked[min(2, len(ranked) - 1)][1]
        return [code for code, value in ranked if value <= cutoff][:3]


def source_of(count: int, reported: int) -> str:
    if not reported:
        return SOURCE_RESPONDENTS
    return SOURCE_REPORT if reported >= count else SOURCE_MIXED


def result(
    *,
    count: int,
    sums: dict,
    total_sq_sum: int,
    minimum: int,
    reported: int = 0,
) -> Result:
    """Everything the public sees for one scope and period, from rollup sums.

    ``count`` and ``sums`` include the ``reported`` respondents of report tables
    (whose answer sums may be fractional: NRR x respondents)."""
    source = source_of(count, reported)
    if count < max(minimum, 1):
        return Result(count, True, None, None, None, None, None, source=source)
    nrrs = {code: nrr(total, count) for code, total in sums.items()}
    exact = ikm_from_nrr(nrrs)
    band = band_for(exact)
    return Result(
        respondents=count,
        suppressed=False,
        nrr={code: float(round(value, 4)) for code, value in nrrs.items()},
        ikm=float(round2(exact)),
        mutu=band.mutu,
        kinerja=band.kinerja,
        ci95=(
            None
            if reported
            else ci95(count=count, total_sum=sum(sums.values()), total_sq_sum=total_sq_sum)
        ),
        ikm_exact=exact,
        source=source,
    )
