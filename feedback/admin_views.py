"""Wagtail admin screens beyond plain snippet editing: kiosk activation,
receipt slips, and comment moderation."""

import segno
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.i18n import reverse_for_citizens

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


def hr_indicators(request):
    """Officers of a unit with their indicator scores for a period (HR only, audited)."""
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
    hr.log_access(
        user=request.user,
        channel="admin-list",
        period=str(period),
        officers=[s.officer for s in scores],
        query=request.get_full_path(),
    )
    return render(
        request,
        "feedback/admin/hr_indicators.html",
        {
            "period": period,
            "period_error": error,
            "units": units,
            "unit": unit,
            "scores": scores,
        },
    )


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
