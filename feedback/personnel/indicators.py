"""Officer indicator scores for HR (SKP evidence), and the audit trail of who read them.

Scores come from officer rollups (OfficerMonth), never from scanning responses.
The portal supplies evidence; the appraising supervisor decides the predicate.
"""

import bisect
import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.db.models import Count, Q, Sum

from ..access.permissions import is_hr
from ..models import AccessLog, Appeal, HRScope, Indicator, Officer, OfficerMonth, Unit
from ..rules import development, fair_scores
from ..rules.periods import Period

Z95 = 1.96
SUM_FIELDS = (
    "respondents",
    "u6",
    "u7",
    "sq_u6",
    "sq_u7",
    "sq_u67",
    "u6_1",
    "u6_2",
    "u6_3",
    "u6_4",
    "u7_1",
    "u7_2",
    "u7_3",
    "u7_4",
)

# The element an NRR indicator measures; the officer IKM measures both.
MEASURED_ELEMENTS = {Indicator.Measure.NRR_U6: "U6", Indicator.Measure.NRR_U7: "U7"}


class NotAllowed(Exception):
    """The user may not see these officers (outside their HR scope)."""


@dataclass(frozen=True)
class Score:
    officer: Officer
    indicator: Indicator
    period: Period
    respondents: int
    realisation: float | None
    ci95: tuple[float, float] | None
    achievement: float | None  # realisation / target x 100
    expectation: str | None  # "above" | "meets" | "below" | None (insufficient data)
    distribution: dict[str, dict[int, int]]
    # Shrunk toward the unit mean (rules.fair_scores); None where the figure is.
    estimate: float | None = None
    # Rank band within the unit: officers whose intervals overlap share one.
    band: int | None = None
    # Decided appeals on the officer's ratings in the period.
    appeals: dict | None = None

    @property
    def sufficient(self) -> bool:
        return self.respondents >= self.indicator.minimum_respondents

    def as_row(self) -> dict:
        return {
            "nip": self.officer.nip,
            "name": self.officer.name,
            "unit": self.officer.unit.code,
            "period": str(self.period),
            "indicator": self.indicator.name,
            "indicator_id": self.indicator.pk,
            "measure": self.indicator.measure,
            "basis": self.indicator.basis,
            "target": float(self.indicator.target),
            "unit_of_measure": self.indicator.unit_of_measure,
            "realisation": self.realisation,
            "respondents": self.respondents,
            "minimum_respondents": self.indicator.minimum_respondents,
            "sufficient": self.sufficient,
            "ci95": list(self.ci95) if self.ci95 else None,
            "achievement": self.achievement,
            "expectation": self.expectation,
            "estimate": self.estimate,
            "band": self.band,
            "appeals": self.appeals or {"accepted": 0, "rejected": 0},
        }


def _measure(indicator: Indicator, sums: dict) -> tuple[float | None, tuple | None]:
    """(realisation, 95% interval) of an indicator's measure from rollup sums."""
    n = sums["respondents"]
    if n == 0:
        return None, None
    if indicator.measure == Indicator.Measure.IKM_OFFICER:
        # The IKM formula over the two officer-controlled elements: mean of
        # (U6 + U7) / 2 x 25 per respondent.
        total, squares, scale = sums["u6"] + sums["u7"], sums["sq_u67"], Fraction(25, 2)
    else:
        field = "u6" if indicator.measure == Indicator.Measure.NRR_U6 else "u7"
        total, squares, scale = sums[field], sums[f"sq_{field}"], Fraction(1)
    mean = Fraction(total, n) * scale
    realisation = round(float(mean), 2)
    if n < 2:
        return realisation, None
    variance = (Fraction(squares) - Fraction(total) ** 2 / n) / (n - 1)
    half = Z95 * float(scale) * math.sqrt(max(float(variance), 0.0) / n)
    return realisation, (round(float(mean) - half, 2), round(float(mean) + half, 2))


def _sample(indicator: Indicator, sums: dict) -> fair_scores.Sample:
    """An officer's ratings on the indicator's scale, for the fair-score estimate."""
    if indicator.measure == Indicator.Measure.IKM_OFFICER:
        scale = 12.5  # (U6 + U7) / 2 x 25 per respondent
        total, squares = sums["u6"] + sums["u7"], sums["sq_u67"]
    else:
        scale = 1.0
        field = "u6" if indicator.measure == Indicator.Measure.NRR_U6 else "u7"
        total, squares = sums[field], sums[f"sq_{field}"]
    return fair_scores.Sample(sums["respondents"], total * scale, squares * scale * scale)


def appeal_counts(officer_ids, period: Period) -> dict[int, dict[str, int]]:
    """Decided appeals per officer on ratings served in ``period``:
    ``{officer_id: {"accepted": n, "rejected": n}}`` (zeros for those without)."""

    result = {pk: {"accepted": 0, "rejected": 0} for pk in officer_ids}
    rows = (
        Appeal.objects.filter(
            officer_id__in=list(result),
            response__served_on__gte=period.start,
            response__served_on__lte=period.end,
            status__in=[Appeal.Status.ACCEPTED, Appeal.Status.REJECTED],
        )
        .values("officer_id", "status")
        .annotate(n=Count("id"))
    )
    for row in rows:
        result[row["officer_id"]][row["status"]] = row["n"]
    return result


def measure_of(indicator: Indicator, sums: dict) -> tuple[float | None, tuple | None]:
    """(realisation, 95% interval) of ``indicator``'s measure over rollup sums of any
    group of officers (one officer, a team, a unit)."""
    return _measure(indicator, sums)


def expectation_for(indicator: Indicator, achievement: float) -> str:
    if Decimal(str(achievement)) >= indicator.above_from:
        return "above"
    if Decimal(str(achievement)) >= indicator.meets_from:
        return "meets"
    return "below"


def scope_unit_ids(user) -> set[int] | None:
    """Unit ids an HR user is responsible for; None means the whole Pemda."""
    if user.is_superuser:
        return None
    scope = HRScope.objects.filter(user=user).select_related("unit").first()
    if scope is None:
        return set()
    return None if scope.unit is None else set(scope.unit.descendant_ids())


def visible_officers(user):
    """Officers an HR user may see: their scope's unit and its sub-units, or all."""
    if not is_hr(user):
        return Officer.objects.none()
    allowed = scope_unit_ids(user)
    return Officer.objects.all() if allowed is None else Officer.objects.filter(unit_id__in=allowed)


def indicators_for(period: Period):
    """Indicators whose appraisal period contains ``period`` (an annual indicator is
    also evaluated per quarter or month)."""
    matching = []
    for indicator in Indicator.objects.select_related("unit").order_by("name"):
        try:
            own = Period.parse(indicator.period)
        except ValueError:
            continue
        if own.start <= period.start and period.end <= own.end:
            matching.append(indicator)
    return matching


def listed_officers(*, user, unit: Unit | None = None, nip: str | None = None, query: str = ""):
    """The active officers an HR user may see (optionally of one unit with its
    sub-units, one NIP, or a name or NIP fragment), in the HR lists' order."""
    officers = visible_officers(user).filter(is_active=True)
    if unit is not None:
        # The scope's unit ids, not its officers': one query however many officers.
        allowed = scope_unit_ids(user)
        wanted = unit.descendant_ids()
        if allowed and not set(wanted) & allowed:
            raise NotAllowed(unit.code)
        officers = officers.filter(unit_id__in=wanted)
    if nip:
        officers = officers.filter(nip=nip)
    if query:
        officers = officers.filter(Q(name__icontains=query) | Q(nip__contains=query))
    return officers.order_by("unit__code", "name", "pk")


def officer_scores(
    *, user, period: Period, unit: Unit | None = None, nip: str | None = None, query: str = ""
):
    """Scores of every visible officer (optionally of one unit, one NIP or matching a
    name or NIP fragment) against every indicator that applies to them for the period."""
    officers = listed_officers(user=user, unit=unit, nip=nip, query=query)
    return scores_of(list(officers.select_related("unit")), period)


def applicability(indicators):
    """``applies(indicator, unit_id)``: whether an indicator (of the whole Pemda, or of
    a unit with its sub-units) applies to an officer of that unit."""
    unit_cache = {}

    def applies(indicator, unit_id) -> bool:
        if indicator.unit_id is None:
            return True
        if indicator.unit_id not in unit_cache:
            unit_cache[indicator.unit_id] = set(indicator.unit.descendant_ids())
        return unit_id in unit_cache[indicator.unit_id]

    return applies


class ScorePages:
    """The score rows of many officers as a sequence a Paginator pages. The list is
    ordered by unit first, and every officer of a unit has one row per indicator that
    applies to the unit, so its length comes from a count of officers (per unit where
    a unit has indicators of its own; no officer or rollup row read), and a slice
    reads the officers on it only (LIMIT/OFFSET) and computes their scores (with their
    units' statistics for the estimate and the bands, read once per unit)."""

    def __init__(self, officers, period: Period):
        self.period = period
        self.officers = officers  # ordered by unit code first (listed_officers)
        indicators = indicators_for(period)
        applies = applicability(indicators)
        # (first officer index, first row index, officers, rows per officer) per unit,
        # in the list's order; units whose officers have no indicator have no rows.
        self.units = []
        first_officer = total = 0
        if all(i.unit_id is None for i in indicators):
            # The Pemda's indicators apply to everyone: as many rows per officer, one
            # count (the list as a single group).
            n = officers.order_by().count()
            if n and indicators:
                self.units.append((0, 0, n, len(indicators)))
            total = n * len(indicators)
        else:
            # Counted per unit id (no join), then put in the list's order by the
            # database (its collation orders the codes, as the list's query does).
            counts = dict(officers.order_by().values_list("unit_id").annotate(n=Count("id")))
            for unit_id in Unit.objects.order_by("code").values_list("pk", flat=True):
                n = counts.get(unit_id, 0)
                per_officer = sum(1 for i in indicators if applies(i, unit_id))
                if n and per_officer:
                    self.units.append((first_officer, total, n, per_officer))
                first_officer += n
                total += n * per_officer
        self.total = total
        self.row_starts = [u[1] for u in self.units]

    def __len__(self):
        return self.total

    def _officer_at(self, row: int) -> tuple[int, int]:
        """(index in the officer list, index of that officer's first row) of a row."""
        unit = self.units[bisect.bisect_right(self.row_starts, row) - 1]
        first_officer, first_row, _n, per_officer = unit
        k = (row - first_row) // per_officer
        return first_officer + k, first_row + k * per_officer

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("ScorePages is read a page (a slice) at a time")
        start, stop, _step = key.indices(self.total)
        if start >= stop:
            return []
        first, offset = self._officer_at(start)
        last = self._officer_at(stop - 1)[0] + 1
        found = list(self.officers.select_related("unit")[first:last])
        scores = scores_of(found, self.period)
        return scores[start - offset : stop - offset]


def scores_of(officers: list[Officer], period: Period) -> list[Score]:
    """Scores of these officers against every indicator that applies to them for the
    period. The caller has decided who may see them (HR scope, the officer, the
    supervisor) and logs the read."""
    indicators = indicators_for(period)
    if not officers or not indicators:
        return []

    window = Q(year=period.year, month__gte=period.first_month, month__lte=period.last_month)
    # The fair-score estimate and the rank bands read the whole unit of each officer
    # shown, whatever the filter: an officer's figures do not change with the list.
    unit_ids = {o.unit_id for o in officers}
    peers = {}  # unit id -> ids of its active officers
    for officer_id, unit_id in Officer.objects.filter(
        unit_id__in=unit_ids, is_active=True
    ).values_list("id", "unit_id"):
        peers.setdefault(unit_id, []).append(officer_id)
    sums = {}
    # By officer id, not through a join on the unit: the rollup's unique index
    # (officer, year, month, basis) reads the units' rows only, however many officers
    # the Pemda has.
    rows = (
        OfficerMonth.objects.filter(
            window, officer_id__in=[pk for ids in peers.values() for pk in ids]
        )
        .values("officer_id", "basis")
        .annotate(**{f: Sum(f) for f in SUM_FIELDS})
    )
    for row in rows:
        sums[(row["officer_id"], row["basis"])] = {f: row[f] or 0 for f in SUM_FIELDS}
    empty = dict.fromkeys(SUM_FIELDS, 0)
    applies = applicability(indicators)
    fair = {}

    def unit_fair(indicator, unit_id):
        """(prior, bands) of an indicator in a unit, computed once."""
        key = (indicator.pk, unit_id)
        if key not in fair:
            samples = {
                pk: _sample(indicator, sums.get((pk, indicator.basis), empty))
                for pk in peers.get(unit_id, [])
            }
            intervals = {}
            for pk, sample in samples.items():
                if sample.n >= indicator.minimum_respondents:
                    _r, ci = _measure(indicator, sums[(pk, indicator.basis)])
                    if ci is not None:
                        intervals[pk] = ci
            fair[key] = (
                fair_scores.unit_prior(samples.values()),
                fair_scores.rank_bands(intervals),
            )
        return fair[key]

    appeals = appeal_counts([o.pk for o in officers], period)
    scores = []
    for officer in officers:
        for indicator in indicators:
            if not applies(indicator, officer.unit_id):
                continue
            s = sums.get((officer.pk, indicator.basis), empty)
            realisation, ci = _measure(indicator, s)
            sufficient = s["respondents"] >= indicator.minimum_respondents
            achievement = None
            expectation = None
            estimate = None
            band = None
            if realisation is not None and sufficient:
                achievement = round(realisation / float(indicator.target) * 100, 1)
                expectation = expectation_for(indicator, achievement)
                prior, bands = unit_fair(indicator, officer.unit_id)
                shrunk = fair_scores.shrunk(_sample(indicator, s), prior)
                estimate = None if shrunk is None else round(shrunk, 2)
                band = bands.get(officer.pk)
            scores.append(
                Score(
                    officer=officer,
                    indicator=indicator,
                    period=period,
                    respondents=s["respondents"],
                    # Too few ratings: no figure to judge by, only the count.
                    realisation=realisation if sufficient else None,
                    ci95=ci if sufficient else None,
                    achievement=achievement,
                    expectation=expectation,
                    distribution={
                        "U6": {v: s[f"u6_{v}"] for v in range(1, 5)},
                        "U7": {v: s[f"u7_{v}"] for v in range(1, 5)},
                    },
                    estimate=estimate,
                    band=band,
                    appeals=appeals[officer.pk],
                )
            )
    return scores


def development_notes(scores: list[Score]) -> list[str]:
    """Plain suggestions for the supervisor from the weakest officer element."""
    notes = []
    for score in scores:
        if score.expectation != "below":
            continue
        element = MEASURED_ELEMENTS.get(score.indicator.measure)
        if element is None:
            notes.append(
                "Nilai unsur petugas di bawah target: tinjau bersama atasan langsung "
                "melalui umpan balik berkelanjutan."
            )
            continue
        notes.append(
            f"{development.ELEMENTS[element]} di bawah target: pertimbangkan "
            f"{development.TRAINING[element]}."
        )
    return list(dict.fromkeys(notes))


def log_access(*, user, channel: str, period: str, officers, query: str = "") -> AccessLog:
    """Write one audit entry for a read of officer-level data."""
    return AccessLog.objects.create(
        user=user if getattr(user, "pk", None) else None,
        username=getattr(user, "username", "") or "",
        channel=channel,
        period=period,
        officer_nips=sorted({o.nip for o in officers}),
        query=query[:500],
    )


def dashboard_summary(*, user, period: Period, limit: int = 10) -> dict:
    """For the HR dashboard panel: the period's officers (in the user's scope) with too
    few ratings to judge, and those below target, each officer listed once per list."""
    scores = officer_scores(user=user, period=period)

    def officers(matching):
        seen = {}
        for score in matching:
            seen.setdefault(score.officer.pk, score)
        return list(seen.values())

    insufficient = officers(s for s in scores if not s.sufficient)
    below = officers(s for s in scores if s.expectation == "below")
    return {
        "period": period,
        "insufficient": insufficient[:limit],
        "insufficient_count": len(insufficient),
        "below": below[:limit],
        "below_count": len(below),
        "shown": [s.officer for s in insufficient[:limit] + below[:limit]],
    }


def log_read(*, user, channel: str, period, scores, query: str) -> None:
    """Write to the access log that ``user`` read these officers' scores."""
    log_access(
        user=user,
        channel=channel,
        period=str(period),
        officers=[s.officer for s in scores],
        query=query,
    )
