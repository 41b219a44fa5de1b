"""Wagtail admin screens beyond plain snippet editing: kiosk activation,
receipt slips, and comment moderation."""

import segno
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.i18n import reverse_for_citizens

from . import cache_scopes
from .models import CommentStatus, Kiosk, Receipt, Response

KIOSK_COOKIE_MAX_AGE = 5 * 365 * 24 * 3600


def _require(request, perm):
    if not request.user.has_perm(perm):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def kiosk_activate(request, pk):
    """Turn the device the staff member is using into this kiosk.

    A new device key replaces the old one (a lost tablet stops working), goes
    into a long-lived cookie on this device only, and the staff member is
    logged out so the citizen-facing tablet holds no admin session.
    """
    from .views import KIOSK_COOKIE

    _require(request, "feedback.change_kiosk")
    kiosk = get_object_or_404(Kiosk.objects.select_related("service_point"), pk=pk)
    if request.method == "GET":
        return render(request, "feedback/admin/kiosk_activate.html", {"kiosk": kiosk})
    key = kiosk.set_new_key()
    kiosk.is_active = True
    kiosk.save()
    logout(request)
    response = redirect(reverse_for_citizens("feedback:kiosk_home"))
    response.set_cookie(
        KIOSK_COOKIE,
        key,
        max_age=KIOSK_COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def receipt_slip(request, pk):
    """A printable slip with the receipt code and a QR code to the rating form."""
    _require(request, "feedback.view_receipt")
    receipt = get_object_or_404(Receipt.objects.select_related("service", "service_point"), pk=pk)
    url = request.build_absolute_uri(
        reverse_for_citizens("feedback:rate", args=[receipt.service.code]) + f"?r={receipt.code}"
    )
    qr = segno.make(url, error="m").svg_inline(scale=5, title=receipt.code)
    return render(
        request, "feedback/admin/receipt_slip.html", {"receipt": receipt, "url": url, "qr": qr}
    )


@require_http_methods(["GET", "POST"])
def comment_moderation(request):
    """Pending citizen comments, oldest first. The officer is never shown here:
    moderators judge the text, HR sees officer-level feedback elsewhere."""
    _require(request, "feedback.moderate_comment")
    if request.method == "POST":
        decision = request.POST.get("decision")
        ids = request.POST.getlist("response")
        if decision not in (CommentStatus.APPROVED, CommentStatus.REJECTED) or not ids:
            messages.error(request, _("Pilih komentar dan keputusan (setujui atau tolak)."))
        else:
            chosen = Response.objects.filter(
                public_id__in=ids, comment_status=CommentStatus.PENDING
            )
            # Approved comments appear on their service pages: refresh those.
            for service_id, unit_id in chosen.values_list(
                "service_id", "service__unit_id"
            ).distinct():
                cache_scopes.figures_changed(service_id=service_id, unit_id=unit_id)
            count = chosen.update(comment_status=decision)
            messages.success(request, _("%(n)d komentar diperbarui.") % {"n": count})
        return redirect("feedback_comment_moderation")
    pending = (
        Response.objects.filter(comment_status=CommentStatus.PENDING)
        .select_related("service")
        .only(
            "public_id",
            "comment",
            "served_on",
            "submitted_at",
            "service__name",
            "service__code",
            "channel",
        )
        .order_by("submitted_at")
    )
    page = Paginator(pending, 50).get_page(request.GET.get("p"))
    return render(request, "feedback/admin/comment_moderation.html", {"page": page})


# --- HR: officer indicators ----------------------------------------------------


def _require_hr(request):
    from .permissions import is_hr

    if not is_hr(request.user):
        raise PermissionDenied


def _period_from(request):
    from . import selectors

    return selectors.period_or_latest(request.GET.get("periode"))


HR_ROWS_PER_PAGE = 50
HR_EXPORTS = ("csv", "xlsx")


def _hr_selection(request):
    """What an HR screen or export was asked for, within the user's HR scope:
    (period, period error, units to choose from, chosen unit, scores)."""
    from . import hr
    from .models import Unit

    _require_hr(request)
    period, error = _period_from(request)
    allowed = hr.scope_unit_ids(request.user)
    units = Unit.objects.exclude(level=Unit.Level.PEMDA).order_by("name")
    if allowed is not None:
        units = units.filter(pk__in=allowed)
    unit = units.filter(code=request.GET.get("unit", "")).first()
    try:
        scores = hr.officer_scores(user=request.user, period=period, unit=unit)
    except hr.NotAllowed:
        raise PermissionDenied from None
    query = request.GET.get("q", "").strip().casefold()
    if query:
        scores = [s for s in scores if query in s.officer.name.casefold() or query in s.officer.nip]
    return period, error, units, unit, scores


def hr_indicators(request):
    """Officers of a unit with their indicator scores for a period (HR only, audited),
    a page at a time; the exports above the table take the same filters."""
    from . import hr

    period, error, units, unit, scores = _hr_selection(request)
    page = Paginator(scores, HR_ROWS_PER_PAGE).get_page(request.GET.get("p"))
    # Only the officers shown were read.
    hr.log_access(
        user=request.user,
        channel="admin-list",
        period=str(period),
        officers=[s.officer for s in page.object_list],
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
            "periods": _recent_periods(period),
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
    from . import api_hr, hr

    if fmt not in HR_EXPORTS:
        raise Http404(fmt)
    period, _error, _units, _unit, scores = _hr_selection(request)
    hr.log_access(
        user=request.user,
        channel=f"admin-{fmt}",
        period=str(period),
        officers=[s.officer for s in scores],
        query=request.get_full_path(),
    )
    rows = [s.as_row() for s in scores]
    write = api_hr._xlsx if fmt == "xlsx" else api_hr._csv
    response = write(rows, f"indikator-petugas-{period}")
    response["Cache-Control"] = "private, no-store"
    return response


def _recent_periods(current):
    """Periods to choose from on the HR screens: the chosen one, and the years,
    semesters and quarters of this year and the last two."""
    from django.utils import timezone

    from .periods import Period

    year = timezone.localdate().year
    codes = []
    for y in range(year, year - 3, -1):
        codes += [f"{y}", f"{y}-S2", f"{y}-S1", f"{y}-Q4", f"{y}-Q3", f"{y}-Q2", f"{y}-Q1"]
    periods = [Period.parse(code) for code in codes]
    if current.code not in codes:
        periods.insert(0, current)
    return periods


def hr_officer(request, nip):
    """One officer's scores, answer distribution, moderated comments and development notes."""
    from . import hr

    _require_hr(request)
    period, error = _period_from(request)
    officer = get_object_or_404(hr.visible_officers(request.user).select_related("unit"), nip=nip)
    scores = hr.officer_scores(user=request.user, period=period, nip=officer.nip)
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
    hr.log_access(
        user=request.user,
        channel="admin-detail",
        period=str(period),
        officers=[officer],
        query=request.get_full_path(),
    )
    distribution = scores[0].distribution if scores else None
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
            "notes": hr.development_notes(scores),
        },
    )


def access_log(request):
    """The audit trail of reads of officer data (read-only)."""
    from .models import AccessLog

    _require(request, "feedback.view_accesslog")
    page = Paginator(AccessLog.objects.all(), 100).get_page(request.GET.get("p"))
    return render(request, "feedback/admin/access_log.html", {"page": page})
