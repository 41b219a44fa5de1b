"""The officer's and the supervisor's admin screens: Kinerja saya, the current team,
a team member's page with feedback notes and the dialog kinerja; and HR's activation
link. Every read of officer data is logged (feedback.personnel.indicators.log_access)."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..access.permissions import require_hr
from ..models import ActivationLink, FeedbackNote, PeerRound, PerformanceDialog, Training, Unit
from ..personnel import indicators
from ..results import selectors
from ..rules import berakhlak
from ..rules.periods import Period
from . import conversation, peer_rounds, performance
from .team import current_supervisor, current_team, officer_of, require_officer, team_member


def _refused(request, message):
    """A 403 that says why (Wagtail would turn PermissionDenied into a redirect home)."""
    return render(
        request, "feedback/admin/appraisal_refused.html", {"message": message}, status=403
    )


def _periods(current: Period) -> list[Period]:
    """The chosen period, and the quarters and years of this year and the last."""
    year = timezone.localdate().year
    codes = []
    for y in (year, year - 1):
        codes += [f"{y}", f"{y}-Q4", f"{y}-Q3", f"{y}-Q2", f"{y}-Q1"]
    periods = [Period.parse(c) for c in codes]
    if current.code not in codes:
        periods.insert(0, current)
    return periods


def _period(request):
    return selectors.period_or_latest(request.GET.get("periode"))


def _log(request, channel, period, officers):
    indicators.log_access(
        user=request.user,
        channel=channel,
        period=str(period),
        officers=officers,
        query=request.get_full_path(),
    )


def my_performance(request):
    """Kinerja saya: the signed-in officer's own evidence (403 for a user who is no
    officer)."""
    officer = officer_of(request.user)
    if officer is None:
        return _refused(
            request,
            _(
                "Akun Anda belum terhubung dengan data petugas, jadi tidak ada kinerja untuk "
                "ditampilkan. Hubungi bagian kepegawaian."
            ),
        )
    period, error = _period(request)
    data = performance.own_performance(officer, period)
    _log(request, "officer-own", period, [officer])
    return render(
        request,
        "feedback/admin/my_performance.html",
        {
            **data,
            "officer": officer,
            "supervisor": current_supervisor(officer),
            "period": period,
            "period_error": error,
            "periods": _periods(period),
        },
    )


@require_POST
def acknowledge_note(request, pk):
    officer = require_officer(request)
    if conversation.acknowledge(officer=officer, note_id=pk) is None:
        raise Http404("not this officer's note")
    messages.success(request, _("Catatan ditandai sudah dibaca."))
    return redirect(reverse("feedback_my_performance") + "#catatan")


def my_team(request):
    """The supervisor's current team with their indicators for a period."""
    supervisor = officer_of(request.user)
    team = list(current_team(supervisor).order_by("name")) if supervisor else []
    if not team:
        return _refused(
            request,
            _("Anda tidak tercatat sebagai atasan langsung petugas mana pun saat ini."),
        )
    period, error = _period(request)
    rows, scores = performance.team_scores(team, period)
    _log(request, "supervisor-team", period, team)
    return render(
        request,
        "feedback/admin/my_team.html",
        {
            "supervisor": supervisor,
            "rows": rows,
            "period": period,
            "period_error": error,
            "periods": _periods(period),
            "unacknowledged": FeedbackNote.objects.filter(
                author=supervisor, officer__in=team, acknowledged_at__isnull=True
            ).count(),
        },
    )


def _member_context(request, supervisor, member, period, error, **extra):
    data = performance.own_performance(member, period)
    return {
        **data,
        "supervisor": supervisor,
        "member": member,
        "period": period,
        "period_error": error,
        "periods": _periods(period),
        "catalogue": Training.objects.filter(is_active=True),
        "written_notes": FeedbackNote.objects.filter(officer=member, author=supervisor)[:50],
        "dialog": PerformanceDialog.objects.filter(officer=member, period=period.code)
        .prefetch_related("trainings")
        .first(),
        "note_errors": {},
        "dialog_errors": {},
        "dialog_form": {"held_on": timezone.localdate().isoformat()},
        **extra,
    }


def team_member_page(request, pk):
    """One member of the current team: their evidence, the notes written to them and
    the period's dialog kinerja (404 for anyone outside the current team)."""
    supervisor = require_officer(request)
    member = team_member(supervisor, pk)
    period, error = _period(request)
    context = _member_context(request, supervisor, member, period, error)
    _log(request, "supervisor-member", period, [member])
    return render(request, "feedback/admin/team_member.html", context)


def _error_map(exc: ValidationError) -> dict:
    return {k: " ".join(v) for k, v in exc.message_dict.items()}


@require_POST
def team_member_note(request, pk):
    supervisor = require_officer(request)
    member = team_member(supervisor, pk)
    period, error = _period(request)
    try:
        conversation.write_note(
            supervisor=supervisor, officer=member, text=request.POST.get("text", "")
        )
    except ValidationError as exc:
        context = _member_context(
            request,
            supervisor,
            member,
            period,
            error,
            note_errors=_error_map(exc),
            note_text=request.POST.get("text", ""),
        )
        _log(request, "supervisor-member", period, [member])
        return render(request, "feedback/admin/team_member.html", context, status=400)
    messages.success(
        request, _("Catatan umpan balik terkirim kepada %(name)s.") % {"name": member.name}
    )
    return redirect(reverse("feedback_team_member", args=[member.pk]) + f"?periode={period.code}")


def _date(raw):
    try:
        return datetime.date.fromisoformat((raw or "").strip())
    except ValueError:
        return None


@require_POST
def team_member_dialog(request, pk):
    supervisor = require_officer(request)
    member = team_member(supervisor, pk)
    period, error = _period(request)
    post = request.POST
    ids = []
    for raw in post.getlist("trainings"):
        if not raw.isdigit():
            raise Http404("training")
        ids.append(int(raw))
    try:
        conversation.record_dialog(
            supervisor=supervisor,
            officer=member,
            period_code=post.get("period", ""),
            held_on=_date(post.get("held_on")),
            summary=post.get("summary", ""),
            agreed_actions=post.get("agreed_actions", ""),
            training_ids=ids,
        )
    except ValidationError as exc:
        context = _member_context(
            request,
            supervisor,
            member,
            period,
            error,
            dialog_errors=_error_map(exc),
            dialog_form=post,
        )
        _log(request, "supervisor-member", period, [member])
        return render(request, "feedback/admin/team_member.html", context, status=400)
    messages.success(request, _("Dialog kinerja tersimpan."))
    return redirect(reverse("feedback_team_member", args=[member.pk]) + f"?periode={period.code}")


def hr_activation_link(request, pk):
    """HR issues a one-time activation link for an officer in their scope; the clear
    link is shown once, on this answer only."""
    require_hr(request)
    officer = get_object_or_404(indicators.visible_officers(request.user), pk=pk)
    context = {"officer": officer, "link": None}
    if request.method == "POST":
        if officer.user_id is not None:
            context["error"] = _("Petugas ini sudah memiliki akun login.")
        else:
            row, key = ActivationLink.issue(officer, by=request.user)
            context["link"] = request.build_absolute_uri(reverse("feedback:activate", args=[key]))
            context["expires_at"] = row.expires_at
    response = render(request, "feedback/admin/activation_link.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


def hr_peer_rounds(request):
    """HR opens a 360 round for a period and a unit in its scope, and sees the rounds'
    progress (how many reviews were sent; never who rated whom)."""
    require_hr(request)
    allowed = indicators.scope_unit_ids(request.user)
    units = Unit.objects.exclude(level=Unit.Level.PEMDA).order_by("name")
    if allowed is not None:
        units = units.filter(pk__in=allowed)
    errors, form = {}, {"period": "", "unit": "", "per_officer": "3"}
    status = 200
    if request.method == "POST":
        form = request.POST
        unit = units.filter(code=form.get("unit", "")).first()
        try:
            peer_rounds.open_round(
                period_code=form.get("period", ""),
                unit=unit,
                per_officer=form.get("per_officer"),
                by=request.user,
            )
        except ValidationError as exc:
            errors, status = _error_map(exc), 400
        else:
            messages.success(request, _("Putaran 360 dibuka."))
            return redirect("feedback_hr_peer_rounds")
    rounds = (
        PeerRound.objects.filter(unit__in=units)
        .select_related("unit")
        .annotate(
            total=Count("reviews"),
            sent=Count("reviews", filter=Q(reviews__submitted_at__isnull=False)),
        )
    )
    return render(
        request,
        "feedback/admin/hr_peer_rounds.html",
        {"rounds": rounds, "units": units, "errors": errors, "form": form},
        status=status,
    )


def my_peer_reviews(request):
    """The colleagues the signed-in officer is asked to rate (360)."""
    officer = officer_of(request.user)
    if officer is None:
        return _refused(request, _("Akun Anda belum terhubung dengan data petugas."))
    return render(
        request,
        "feedback/admin/my_peer_reviews.html",
        {"reviews": peer_rounds.reviews_to_give(officer)},
    )


def my_peer_review(request, pk):
    """One colleague to rate on the seven BerAKHLAK values (404 for a review that is
    not the signed-in officer's to give)."""
    officer = require_officer(request)
    review = peer_rounds.review_of(officer, pk)
    errors, status = {}, 200
    if request.method == "POST":
        try:
            peer_rounds.submit(review, request.POST, request.POST.get("remark", ""))
        except ValidationError as exc:
            errors, status = _error_map(exc), 400
        else:
            messages.success(
                request, _("Penilaian untuk %(name)s terkirim.") % {"name": review.ratee.name}
            )
            return redirect("feedback_my_peer_reviews")
    chosen = request.POST if request.method == "POST" else review.values
    values = [
        (code, name, str(chosen.get(code, "")), errors.get(code)) for code, name in berakhlak.VALUES
    ]
    return render(
        request,
        "feedback/admin/my_peer_review.html",
        {
            "review": review,
            "values": values,
            "scale": berakhlak.SCALE,
            "errors": errors,
            "remark": request.POST.get("remark", review.remark),
        },
        status=status,
    )
