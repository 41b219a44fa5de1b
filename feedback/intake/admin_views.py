"""Wagtail admin screens beyond plain snippet editing: kiosk activation,
receipt slips, and comment moderation."""

import segno
from django.contrib import messages
from django.contrib.auth import logout
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.i18n import reverse_for_citizens

from ..access.permissions import require_perm
from ..loop import items
from ..models import CommentStatus, Kiosk, Receipt, Response
from ..registry import cache_scopes
from .views import KIOSK_COOKIE

KIOSK_COOKIE_MAX_AGE = 5 * 365 * 24 * 3600


@require_http_methods(["GET", "POST"])
def kiosk_activate(request, pk):
    """Turn the device the staff member is using into this kiosk.

    A new device key replaces the old one (a lost tablet stops working), goes
    into a long-lived cookie on this device only, and the staff member is
    logged out so the citizen-facing tablet holds no admin session.
    """

    require_perm(request, "feedback.change_kiosk")
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
    require_perm(request, "feedback.view_receipt")
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
    require_perm(request, "feedback.moderate_comment")
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
            chosen_ids = list(chosen.values_list("pk", flat=True))
            count = Response.objects.filter(pk__in=chosen_ids).update(comment_status=decision)
            if decision == CommentStatus.APPROVED:
                # An approved comment is one the unit answers: into its inbox.
                items.comments_approved(chosen_ids)
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
