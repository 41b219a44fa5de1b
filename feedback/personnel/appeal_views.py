"""Appeal screens in the admin: the officer's own ratings and appeals, and HR's
decisions. Every read of officer data is logged; an id outside the user's reach is
a 404."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..access.permissions import officer_of, require_hr
from ..models import Appeal, Response
from ..results import selectors
from . import appeals, indicators
from .admin_views import recent_periods

ROWS_PER_PAGE = 50


def _int_or_404(raw) -> int:
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise Http404 from None


def my_appeals(request):
    """The signed-in officer's attributed ratings for a period, each with its appeal
    or a form to file one; POST files an appeal. Only the officer's own data."""

    officer = officer_of(request.user)
    if officer is None:
        raise PermissionDenied
    period, period_error = selectors.period_or_latest(request.GET.get("periode"))
    error = None
    if request.method == "POST":
        try:
            appeals.file_appeal(
                officer=officer,
                response_id=_int_or_404(request.POST.get("penilaian")),
                reason=request.POST.get("alasan", ""),
            )
        except Response.DoesNotExist:
            raise Http404 from None
        except appeals.AppealRefused as exc:
            error = str(exc)
        else:
            messages.success(request, _("Sanggahan terkirim; HR akan memutuskannya."))
            return redirect(f"{reverse('feedback_my_appeals')}?periode={period.code}")
    ratings = (
        appeals.attributed_ratings(officer)
        .filter(served_on__gte=period.start, served_on__lte=period.end)
        .select_related("service", "service_point")
        .order_by("-served_on", "-id")
    )
    page = Paginator(ratings, ROWS_PER_PAGE).get_page(request.GET.get("p"))
    filed = {
        a.response_id: a
        for a in Appeal.objects.filter(
            officer=officer, response_id__in=[r.pk for r in page.object_list]
        )
    }
    rows = [{"rating": r, "appeal": filed.get(r.pk)} for r in page.object_list]
    indicators.log_access(
        user=request.user,
        channel="self-appeals",
        period=str(period),
        officers=[officer],
        query=request.get_full_path(),
    )
    return render(
        request,
        "feedback/admin/my_appeals.html",
        {
            "officer": officer,
            "period": period,
            "period_error": period_error,
            "periods": recent_periods(period),
            "rows": rows,
            "page": page,
            "error": error,
            "appeals": Appeal.objects.filter(officer=officer).select_related("response__service")[
                :20
            ],
        },
        status=400 if error else 200,
    )


STATUSES = ("pending", "accepted", "rejected", "all")


def hr_appeals(request):
    """Appeals of the officers in the HR user's scope, pending first by default,
    each pending one with the accept/reject form."""

    require_hr(request)
    status = request.GET.get("status", "pending")
    if status not in STATUSES:
        status = "pending"
    found = (
        Appeal.objects.filter(officer__in=indicators.visible_officers(request.user))
        .select_related(
            "officer__unit", "response__service", "response__service_point", "decided_by"
        )
        .order_by("filed_at" if status == "pending" else "-filed_at")
    )
    if status != "all":
        found = found.filter(status=status)
    page = Paginator(found, ROWS_PER_PAGE).get_page(request.GET.get("p"))
    indicators.log_access(
        user=request.user,
        channel="admin-appeals",
        period="",
        officers=[a.officer for a in page.object_list],
        query=request.get_full_path(),
    )
    return render(
        request,
        "feedback/admin/hr_appeals.html",
        {
            "page": page,
            "appeals": page.object_list,
            "status": status,
            "statuses": [
                ("pending", _("Menunggu")),
                ("accepted", _("Diterima")),
                ("rejected", _("Ditolak")),
                ("all", _("Semua")),
            ],
        },
    )


@require_POST
def hr_decide(request, pk):
    """Accept or reject one appeal with a reason; a forged or out-of-scope id is 404."""

    require_hr(request)
    decision = request.POST.get("keputusan")
    back = reverse("feedback_hr_appeals")
    if decision not in ("terima", "tolak"):
        messages.error(request, _("Pilih keputusan: terima atau tolak."))
        return redirect(back)
    try:
        appeal = appeals.decide(
            appeal_id=pk,
            user=request.user,
            accept=decision == "terima",
            reason=request.POST.get("alasan", ""),
            visible_officers=indicators.visible_officers(request.user),
            query=request.get_full_path(),
        )
    except Appeal.DoesNotExist:
        raise Http404 from None
    except appeals.AppealRefused as exc:
        messages.error(request, str(exc))
        return redirect(back)
    if appeal.status == Appeal.Status.ACCEPTED:
        messages.success(
            request,
            _("Sanggahan %(name)s diterima; penilaian itu tidak lagi dihitung untuknya.")
            % {"name": appeal.officer.name},
        )
    else:
        messages.success(request, _("Sanggahan %(name)s ditolak.") % {"name": appeal.officer.name})
    return redirect(back)
