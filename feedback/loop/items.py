"""The inbox's items: how they arrive, who may see them, and their status flow.

An item arrives for a response with a reason for a low score or any element
rated 1 (when it is stored), or with a comment (when a moderator approves it:
a comment is only worth an answer once it is known to be fit to show). One item
per response; every change is written to its history (``ItemEvent``).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import FeedbackItem, ItemEvent, ItemStatus, Response, UnitStaff
from ..rules import loop as rules
from ..rules.periods import Period
from ..rules.skm import CODES
from . import deadlines, figures

LOW = 1  # an element rated 1 brings the response in even without a reason


def _flags(response: Response) -> dict:
    return {
        "has_reasons": bool(response.reasons),
        "low_score": any(getattr(response, c.lower()) == LOW for c in CODES),
        "has_comment": bool(response.comment) and response.comment_status == "approved",
        "public": bool(response.comment)
        and response.comment_status == "approved"
        and response.officer_id is None,
    }


def response_arrived(response: Response) -> FeedbackItem | None:
    """The item for a newly stored response, when it needs one (no query otherwise)."""
    flags = _flags(response)
    if not (flags["has_reasons"] or flags["low_score"]):
        return None
    return _ensure(response, flags)


def sweep_missing(*, since) -> int:
    """Items for responses stored since ``since`` that should have one and have none.

    A submission files its item after its response is committed (``submit``); a crash
    between the two, or a retry that replays the stored response, leaves the response
    without its item. The daily digest sweeps first, so no low score goes unheard."""
    count = 0
    missing = Response.objects.filter(submitted_at__gte=since, loop_item__isnull=True)
    for response in missing.select_related("service").iterator(chunk_size=2000):
        if response_arrived(response) is not None:
            count += 1
    return count


def comments_approved(response_ids) -> int:
    """Items for responses whose comments a moderator just approved."""
    count = 0
    for response in Response.objects.filter(pk__in=list(response_ids)).select_related("service"):
        _ensure(response, _flags(response))
        count += 1
    return count


def _ensure(response: Response, flags: dict) -> FeedbackItem:
    today = timezone.localdate()
    with transaction.atomic():
        item, created = FeedbackItem.objects.get_or_create(
            response=response,
            defaults={
                "unit_id": response.service.unit_id,
                "service_id": response.service_id,
                "served_on": response.served_on,
                "received_on": today,
                "due_on": deadlines.due_on(today),
                **flags,
            },
        )
        if created:
            ItemEvent.objects.create(item=item, action="diterima")
        else:
            changed = {k: v for k, v in flags.items() if v and not getattr(item, k)}
            if changed:
                FeedbackItem.objects.filter(pk=item.pk).update(**changed)
                for name, value in changed.items():
                    setattr(item, name, value)
    if flags["public"]:
        figures.item_changed(item)
    return item


# --- Who sees what ----------------------------------------------------------


def unit_ids_for(user) -> list[int] | None:
    """The units whose items ``user`` handles; None for all (superusers and the
    approvers, who publish every unit's replies)."""
    if user.is_superuser or user.has_perm("feedback.publish_reply"):
        return None
    return list(UnitStaff.objects.filter(user=user).values_list("unit_id", flat=True))


def visible_items(user):
    if not (
        user.has_perm("feedback.handle_feedbackitem") or user.has_perm("feedback.publish_reply")
    ):
        raise PermissionDenied
    units = unit_ids_for(user)
    items = FeedbackItem.objects.all()
    return items if units is None else items.filter(unit_id__in=units)


def item_for(user, pk) -> FeedbackItem:
    """The item ``pk`` if ``user`` may see it; a forged or foreign id is a 404."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    item = (
        visible_items(user)
        .select_related("service", "unit", "owner", "response")
        .filter(pk=pk)
        .first()
    )
    if item is None:
        raise Http404
    return item


def open_items(items):
    return items.filter(status__in=rules.OPEN)


def overdue(items, today=None):
    today = today or timezone.localdate()
    return items.filter(status__in=rules.OPEN, due_on__lt=today)


def overdue_count(user) -> int:
    try:
        return overdue(visible_items(user)).count()
    except PermissionDenied:
        return 0


# --- Changes ------------------------------------------------------------------


def _log(item, user, action, detail=""):
    ItemEvent.objects.create(item=item, user=user, action=action, detail=detail[:300])


def move(item: FeedbackItem, status: str, *, user, reason: str = "") -> None:
    """Move ``item`` along the flow; closing needs a reason. ValidationError names
    what is wrong and changes nothing."""
    require_handler(user)
    reason = reason.strip()
    if not rules.can_move(item.status, status):
        raise ValidationError(
            _("Status %(a)s tidak dapat diubah menjadi %(b)s.")
            % {"a": item.get_status_display(), "b": ItemStatus(status).label}
            if status in ItemStatus.values
            else _("Status tidak dikenal.")
        )
    if status == rules.CLOSED and not reason:
        raise ValidationError(_("Tulis alasan menutup masukan ini."))
    if len(reason) > 300:
        raise ValidationError(_("Alasan paling banyak 300 karakter."))
    with transaction.atomic():
        item.status = status
        fields = ["status"]
        if status == rules.CLOSED:
            item.closed_reason, item.closed_at = reason, timezone.now()
            fields += ["closed_reason", "closed_at"]
        item.save(update_fields=fields)
        _log(item, user, ItemStatus(status).label, reason)
    figures.item_changed(item)


def assign(item: FeedbackItem, owner, *, user) -> None:
    require_handler(user)
    if owner is not None and not (
        owner.is_superuser or UnitStaff.objects.filter(user=owner, unit_id=item.unit_id).exists()
    ):
        raise ValidationError(_("Penanggung jawab harus petugas unit ini."))
    with transaction.atomic():
        item.owner = owner
        item.save(update_fields=["owner"])
        _log(item, user, _("penanggung jawab"), owner.get_username() if owner else "-")


def forward(item: FeedbackItem, *, ticket: str, url: str, user) -> None:
    """Mark the item a complaint forwarded to SP4N-LAPOR! with its ticket."""
    require_handler(user)
    ticket, url = ticket.strip(), url.strip()
    if not ticket:
        raise ValidationError(_("Isi nomor tiket SP4N-LAPOR!."))
    if len(ticket) > 40:
        raise ValidationError(_("Nomor tiket paling banyak 40 karakter."))
    if url and not url.startswith("https://"):
        raise ValidationError(_("Tautan SP4N-LAPOR! harus diawali https://."))
    if not rules.can_move(item.status, rules.FORWARDED):
        raise ValidationError(_("Masukan ini tidak dapat diteruskan lagi."))
    with transaction.atomic():
        item.status, item.lapor_ticket, item.lapor_url = rules.FORWARDED, ticket, url[:200]
        item.forwarded_at = timezone.now()
        item.save(update_fields=["status", "lapor_ticket", "lapor_url", "forwarded_at"])
        _log(item, user, ItemStatus.FORWARDED.label, ticket)
    figures.item_changed(item)


def require_handler(user) -> None:
    if not (
        user.has_perm("feedback.handle_feedbackitem") or user.has_perm("feedback.publish_reply")
    ):
        raise PermissionDenied


def filtered(items, *, service=None, period=None, status=None, is_overdue=False):
    """The inbox's filters: service code, survey period, status, overdue only."""
    if service:
        items = items.filter(service__code=service)
    if period:
        p = Period.parse(period)
        items = items.filter(served_on__gte=p.start, served_on__lte=p.end)
    if status:
        items = items.filter(status=status)
    if is_overdue:
        items = overdue(items)
    return items


def noted(chosen, *, user, action: str, detail: str = "") -> None:
    """A change made elsewhere (a follow-up item drafted from these), in each history."""
    ItemEvent.objects.bulk_create(
        [ItemEvent(item=item, user=user, action=action, detail=detail[:300]) for item in chosen]
    )
