"""HR's admin screens: officer indicators for a period, one officer's page, the
files for e-Kinerja, and the access log. Every read of officer data is logged."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from ..access.permissions import require_hr, require_perm
from ..models import AccessLog, CommentStatus, Response, Unit
from ..results import selectors
from ..rules.periods import Period
from . import evidence, indicators, peer, recognition
from .exports import scores_file

HR_ROWS_PER_PAGE = 50
HR_EXPORTS = ("csv", "xlsx")


def _period_from(request):

    return selectors.period_or_latest(request.GET.get("periode"))


def _hr_filters(request):
    """What an HR screen or export was asked for, within the user's HR scope:
    (period, period error, units to choose from, chosen unit, officers listed)."""

    require_hr(request)
    period, error = _period_from(request)
    allowed = indicators.scope_unit_ids(request.user)
    units = Unit.objects.exclude(level=Unit.Level.PEMDA).order_by("name")
    if allowed is not None:
        units = units.filter(pk__in=allowed)
    unit = units.filter(code=request.GET.get("unit", "")).first()
    try:
        officers = indicators.listed_officers(
            user=request.user, unit=unit, query=request.GET.get("q", "").strip()
        )
    except indicators.NotAllowed:
        raise PermissionDenied from None
    return period, error, units, unit, officers


def _hr_selection(request):
    """As ``_hr_filters``, with the scores of every officer listed (for the files and
    the lists sorted by their figures)."""

    period, error, units, unit, officers = _hr_filters(request)
    scores = indicators.scores_of(list(officers.select_related("unit")), period)
    return period, error, units, unit, scores


def hr_indicators(request):
    """Officers of a unit with their indicator scores for a period (HR only, audited),
    a page at a time; the exports above the table take the same filters. Only the
    page's officers are computed, so the cost follows the page, not the Pemda."""

    period, error, units, unit, officers = _hr_filters(request)
    scores = indicators.ScorePages(officers, period)
    page = Paginator(scores, HR_ROWS_PER_PAGE).get_page(request.GET.get("p"))
    # Only the officers shown were read.
    indicators.log_read(
        user=request.user,
        channel="admin-list",
        period=period,
        scores=page.object_list,
        query=request.get_full_path(),
    )
    filters = request.GET.copy()
    filters.pop("p", None)
    filters["periode"] = period.code
    return render(
        request,
        "feedback/admin/hr_indicators.html",
        {
            "period": period,
            "period_error": error,
            "periods": recent_periods(period),
            "units": units,
            "unit": unit,
            "query": request.GET.get("q", "").strip(),
            "scores": page.object_list,
            "page": page,
            "count": len(scores),
            "filters": filters.urlencode(),
        },
    )


def hr_export(request, fmt):
    """The rows of the HR screen as the HR API's file (same columns, same scope, same
    audit entry), for staff signed in to the admin: the API itself takes tokens only."""

    if fmt not in HR_EXPORTS:
        raise Http404(fmt)
    period, _error, _units, _unit, scores = _hr_selection(request)
    indicators.log_read(
        user=request.user,
        channel=f"admin-{fmt}",
        period=period,
        scores=scores,
        query=request.get_full_path(),
    )
    response = scores_file(fmt, scores, period)
    response["Cache-Control"] = "private, no-store"
    return response


def _chosen_list(request):
    name = request.GET.get("daftar", recognition.LISTS[0])
    return name if name in recognition.LISTS else recognition.LISTS[0]


def hr_lists(request):
    """Recognition (above expectation) and development (below, with the weakest
    element and a suggested training) lists, one at a time, scoped and filtered like
    the indicator screen; the officers shown are logged."""

    period, error, units, unit, scores = _hr_selection(request)
    name = _chosen_list(request)
    if name == "penghargaan":
        rows = [{"score": s} for s in recognition.recognition(scores)]
    else:
        rows = recognition.development_rows(scores)
    page = Paginator(rows, HR_ROWS_PER_PAGE).get_page(request.GET.get("p"))
    indicators.log_read(
        user=request.user,
        channel=f"admin-{recognition.CHANNELS[name]}",
        period=period,
        scores=[r["score"] for r in page.object_list],
        query=request.get_full_path(),
    )
    filters = request.GET.copy()
    filters.pop("p", None)
    filters["periode"] = period.code
    filters["daftar"] = name
    switch = filters.copy()
    switch.pop("daftar")
    return render(
        request,
        "feedback/admin/hr_lists.html",
        {
            "period": period,
            "period_error": error,
            "periods": recent_periods(period),
            "units": units,
            "unit": unit,
            "query": request.GET.get("q", "").strip(),
            "list_name": name,
            "rows": page.object_list,
            "page": page,
            "count": len(rows),
            "filters": filters.urlencode(),
            "switch": switch.urlencode(),
        },
    )


def hr_lists_export(request, fmt):
    """The chosen list as CSV or XLSX: every row of the filter, same scope, logged."""

    if fmt not in HR_EXPORTS:
        raise Http404(fmt)
    period, _error, _units, _unit, scores = _hr_selection(request)
    name = _chosen_list(request)
    listed = {row["nip"] for row in recognition.list_rows(name, scores)}
    indicators.log_access(
        user=request.user,
        channel=f"{recognition.CHANNELS[name]}-{fmt}",
        period=str(period),
        officers=[s.officer for s in scores if s.officer.nip in listed],
        query=request.get_full_path(),
    )
    response = recognition.list_file(fmt, name, scores, period)
    response["Cache-Control"] = "private, no-store"
    return response


def recent_periods(current):
    """Periods to choose from on the HR screens: the chosen one, and the years,
    semesters and quarters of this year and the last two."""

    year = timezone.localdate().year
    codes = []
    for y in range(year, year - 3, -1):
        codes += [f"{y}", f"{y}-S2", f"{y}-S1", f"{y}-Q4", f"{y}-Q3", f"{y}-Q2", f"{y}-Q1"]
    periods = [Period.parse(code) for code in codes]
    if current.code not in codes:
        periods.insert(0, current)
    return periods


def hr_officer(request, nip):
    """One officer's scores, answer distribution, moderated comments, development notes,
    the 360 aggregate (never who rated) and the supervisor's feedback notes of the
    period."""

    require_hr(request)
    period, error = _period_from(request)
    officer = get_object_or_404(
        indicators.visible_officers(request.user).select_related("unit"), nip=nip
    )
    scores = indicators.officer_scores(user=request.user, period=period, nip=officer.nip)
    comments = (
        Response.objects.filter(
            officer=officer,
            comment_status=CommentStatus.APPROVED,
            served_on__gte=period.start,
            served_on__lte=period.end,
        )
        .exclude(comment="")
        .order_by("-served_on")
        .values("comment", "served_on", "service__name")[:50]
    )
    indicators.log_access(
        user=request.user,
        channel="admin-detail",
        period=str(period),
        officers=[officer],
        query=request.get_full_path(),
    )
    distribution = scores[0].distribution if scores else None
    result = peer.peer_results([officer.pk], period)[officer.pk]
    feedback_notes = evidence.notes_within(period).filter(officer=officer).select_related("author")
    return render(
        request,
        "feedback/admin/hr_officer.html",
        {
            "officer": officer,
            "period": period,
            "period_error": error,
            "scores": scores,
            "distribution": distribution,
            "comments": comments,
            "notes": indicators.development_notes(scores),
            "peer": {**result, "named": peer.named(result)},
            "feedback_notes": feedback_notes,
        },
    )


def access_log(request):
    """The audit trail of reads of officer data (read-only)."""

    require_perm(request, "feedback.view_accesslog")
    page = Paginator(AccessLog.objects.all(), 100).get_page(request.GET.get("p"))
    return render(request, "feedback/admin/access_log.html", {"page": page})
