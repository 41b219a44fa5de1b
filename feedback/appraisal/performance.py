"""Kinerja saya: one officer's own evidence for a period, and the team view of a
supervisor. Figures come from the officer rollups through the HR indicator code
(feedback.personnel.indicators), so the officer, the supervisor and HR read the
same numbers. The unit's average is a sum over the unit's rollups: it never names
or scores another officer."""

from dataclasses import dataclass

from django.db.models import Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import (
    CommentStatus,
    FeedbackNote,
    Indicator,
    Officer,
    OfficerMonth,
    PeerReview,
    PerformanceDialog,
    Response,
    Training,
)
from ..personnel import indicators, peer
from ..rules import development
from ..rules.periods import Period

TREND_PERIODS = 4
DEFAULT_MINIMUM = 15
# The trend reads what the officer was rated on with a receipt (the strict basis).
TREND_BASIS = Indicator.Basis.VERIFIED
ELEMENT_NAMES = {
    "U6": gettext_lazy("Kompetensi pelaksana (U6)"),
    "U7": gettext_lazy("Perilaku pelaksana (U7)"),
}


@dataclass(frozen=True)
class Row:
    """An indicator's score for the officer, beside the unit's value."""

    score: indicators.Score
    unit_value: float | None
    unit_respondents: int


@dataclass(frozen=True)
class TrendPoint:
    period: Period
    respondents: int
    sufficient: bool
    u6: float | None
    u7: float | None
    combined: float | None


def _window(period: Period) -> Q:
    # Periods never cross a year (quarters, semesters, months, years).
    return Q(year=period.year, month__gte=period.first_month, month__lte=period.last_month)


def _sums(queryset) -> dict:
    totals = queryset.aggregate(**{f: Sum(f) for f in indicators.SUM_FIELDS})
    return {f: totals[f] or 0 for f in indicators.SUM_FIELDS}


def unit_values(officer: Officer, scores, period: Period) -> list[Row]:
    """Each score beside the same measure over all ratings of the officer's unit."""
    if not scores:
        return []
    # By officer id (the rollup's unique index), not a join on the unit.
    unit_officers = list(
        Officer.objects.filter(unit_id=officer.unit_id).values_list("pk", flat=True)
    )
    rows, cache = [], {}
    for score in scores:
        basis = score.indicator.basis
        if basis not in cache:
            cache[basis] = _sums(
                OfficerMonth.objects.filter(
                    _window(period), basis=basis, officer_id__in=unit_officers
                )
            )
        sums = cache[basis]
        value, _ci = indicators.measure_of(score.indicator, sums)
        rows.append(Row(score=score, unit_value=value, unit_respondents=sums["respondents"]))
    return rows


def trend(officer: Officer, period: Period, minimum: int) -> list[TrendPoint]:
    """The officer's U6, U7 and combined figures for this period and the ones before it."""
    periods = period.previous(TREND_PERIODS - 1) + [period]
    measures = {
        "u6": Indicator(measure=Indicator.Measure.NRR_U6),
        "u7": Indicator(measure=Indicator.Measure.NRR_U7),
        "combined": Indicator(measure=Indicator.Measure.IKM_OFFICER),
    }
    wanted = Q()
    for p in periods:
        wanted |= _window(p)
    months = list(
        OfficerMonth.objects.filter(wanted, officer=officer, basis=TREND_BASIS).values(
            "year", "month", *indicators.SUM_FIELDS
        )
    )
    points = []
    for p in periods:
        sums = dict.fromkeys(indicators.SUM_FIELDS, 0)
        for m in months:
            if m["year"] == p.year and p.first_month <= m["month"] <= p.last_month:
                for f in indicators.SUM_FIELDS:
                    sums[f] += m[f]
        enough = sums["respondents"] >= minimum
        values = {
            k: indicators.measure_of(ind, sums)[0] if enough else None
            for k, ind in measures.items()
        }
        points.append(TrendPoint(p, sums["respondents"], enough, **values))
    return points


def development_hints(scores, distribution) -> tuple[list[str], list[Training]]:
    """Plain hints from the weakest element, and the catalogue's trainings for it."""
    hints = list(indicators.development_notes(scores))
    # The same rule as HR's development list, so the officer and HR name one element.
    weakest = development.weakest_element(distribution) if distribution else None
    trainings = []
    if weakest:
        element, _nrr = weakest
        hints.append(
            _(
                "Unsur terlemah Anda menurut warga: %(element)s. Mulailah perbaikan dari "
                "unsur ini dan bicarakan dengan atasan langsung dalam dialog kinerja."
            )
            % {"element": ELEMENT_NAMES[element]}
        )
        trainings = list(Training.objects.filter(is_active=True, element=element))
    return hints, trainings


def approved_comments(officer: Officer, period: Period, limit: int = 50):
    return (
        Response.objects.filter(
            officer=officer,
            comment_status=CommentStatus.APPROVED,
            served_on__gte=period.start,
            served_on__lte=period.end,
        )
        .exclude(comment="")
        .order_by("-served_on")
        .values("comment", "served_on", "service__name")[:limit]
    )


def peer_result(officer: Officer, period: Period) -> dict:
    """The 360 aggregate with the value names, and the remarks (unattributed, in
    alphabetical order so their order tells nothing) when not suppressed."""
    result = peer.peer_results([officer.pk], period)[officer.pk]
    remarks = []
    if not result["suppressed"]:
        remarks = sorted(
            r
            for r in PeerReview.objects.filter(
                ratee=officer,
                round__period__in={period.code, str(period.year)},
                submitted_at__isnull=False,
            )
            .exclude(remark="")
            .values_list("remark", flat=True)
        )
    return {
        **result,
        "named": peer.named(result),
        "remarks": remarks,
    }


def own_performance(officer: Officer, period: Period) -> dict:
    """Everything Kinerja saya shows for one period."""
    scores = indicators.scores_of([officer], period)
    minimum = min((s.indicator.minimum_respondents for s in scores), default=DEFAULT_MINIMUM)
    distribution = scores[0].distribution if scores else None
    hints, trainings = development_hints(scores, distribution)
    return {
        "rows": unit_values(officer, scores, period),
        "scores": scores,
        "trend": trend(officer, period, minimum),
        "minimum": minimum,
        "distribution": distribution,
        "comments": approved_comments(officer, period),
        "notes": FeedbackNote.objects.filter(officer=officer).select_related("author")[:50],
        "dialogs": PerformanceDialog.objects.filter(officer=officer, period=period.code)
        .select_related("supervisor")
        .prefetch_related("trainings"),
        "hints": hints,
        "trainings": trainings,
        "peer": peer_result(officer, period),
    }


def team_scores(team: list[Officer], period: Period):
    """The current team's indicator scores for a period, officer by officer."""
    scores = indicators.scores_of(team, period)
    by_officer = {o.pk: [] for o in team}
    for score in scores:
        by_officer[score.officer.pk].append(score)
    return [(o, by_officer[o.pk]) for o in team], scores
