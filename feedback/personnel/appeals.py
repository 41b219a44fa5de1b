"""Appeals (sanggahan): an officer disputes a rating attributed to them; HR decides.

An accepted appeal takes the rating out of that officer's indicator rollups at once
(``rollups.withdraw_from_officer``); the recompute leaves it out by the same rule,
so both give the same figures. The service's own IKM keeps the rating: the citizen
rated the service, and only its attribution to this officer is in dispute. Both
decisions go to the access log.
"""

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Appeal, Assignment, Officer, Response
from ..results import rollups
from .indicators import log_access

REASON_MAX = 1000


class AppealRefused(Exception):
    """The appeal or decision cannot be stored; the message says why."""


def attributed_ratings(officer: Officer):
    """Responses attributed to ``officer`` under either basis: the ones on their
    receipts, and those without a receipt at a loket where they served that day."""

    on_duty = Assignment.objects.active_on(OuterRef("served_on")).filter(
        officer=officer, service_point_id=OuterRef("service_point_id")
    )
    return Response.objects.filter(
        Q(verified=True, officer=officer) | Q(Exists(on_duty), verified=False)
    )


def _clean_reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise AppealRefused(_("Tuliskan %(what)s.") % {"what": what})
    if len(reason) > REASON_MAX:
        raise AppealRefused(
            _("%(what)s paling banyak %(n)d karakter.")
            % {"what": what.capitalize(), "n": REASON_MAX}
        )
    return reason


def file_appeal(*, officer: Officer, response_id: int, reason: str) -> Appeal:
    """The officer's appeal against one of their attributed ratings."""

    response = Response.objects.get(pk=response_id)  # DoesNotExist: a forged id
    if not attributed_ratings(officer).filter(pk=response.pk).exists():
        raise AppealRefused(
            _(
                "Penilaian ini tidak diatribusikan kepada Anda, jadi tidak dapat Anda "
                "sanggah. Pilih penilaian dari daftar penilaian Anda."
            )
        )
    if Appeal.objects.filter(officer=officer, response=response).exists():
        raise AppealRefused(
            _("Penilaian ini sudah Anda sanggah; satu penilaian hanya dapat disanggah sekali.")
        )
    reason = _clean_reason(reason, _("alasan sanggahan"))
    try:
        with transaction.atomic():
            return Appeal.objects.create(officer=officer, response=response, reason=reason)
    except IntegrityError:  # the same appeal sent twice at once
        raise AppealRefused(
            _("Penilaian ini sudah Anda sanggah; satu penilaian hanya dapat disanggah sekali.")
        ) from None


def decide(
    *, appeal_id: int, user, accept: bool, reason: str, visible_officers, query=""
) -> Appeal:
    """HR's decision on a pending appeal of an officer in their scope. Accepting
    takes the rating out of the officer's rollups in the same transaction."""

    reason = _clean_reason(reason, _("alasan keputusan"))
    with transaction.atomic():
        appeal = (
            Appeal.objects.select_for_update()
            .select_related("officer", "response")
            .filter(pk=appeal_id, officer__in=visible_officers)
            .first()
        )
        if appeal is None:
            raise Appeal.DoesNotExist
        if appeal.status != Appeal.Status.PENDING:
            raise AppealRefused(
                _("Sanggahan ini sudah diputuskan (%(s)s).") % {"s": appeal.get_status_display()}
            )
        appeal.status = Appeal.Status.ACCEPTED if accept else Appeal.Status.REJECTED
        appeal.decision_reason = reason
        appeal.decided_by = user
        appeal.decided_at = timezone.now()
        appeal.save()
        if accept:
            rollups.withdraw_from_officer(appeal.response, appeal.officer_id)
        served = appeal.response.served_on
        log_access(
            user=user,
            channel=f"appeal-{appeal.status}",
            period=f"{served:%Y-%m}",
            officers=[appeal.officer],
            query=query or f"sanggahan {appeal.pk}",
        )
    return appeal
