"""The inbox *Masukan warga* in the Wagtail admin: unit staff see their units'
items, move them along the flow, write replies from templates, forward a
complaint to SP4N-LAPOR!; approvers publish replies. An item shows the masked
comment and reasons, never the officer, an NIP or an officer's scores."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..models import ItemStatus, Reply, ReplyStatus, Service, UnitStaff
from ..rules import loop as rules
from ..rules.periods import Period
from ..rules.skm import ELEMENTS
from . import items, replies

PAGE_SIZE = 50


def inbox(request):
    visible = items.visible_items(request.user)
    f = {
        "service": request.GET.get("layanan", "").strip().upper(),
        "period": request.GET.get("periode", "").strip(),
        "status": request.GET.get("status", ""),
        "overdue": request.GET.get("terlambat") == "1",
    }
    error = None
    if f["status"] not in ("", *ItemStatus.values):
        f["status"], error = "", _("Status tidak dikenal; semua status ditampilkan.")
    if f["period"]:
        try:
            Period.parse(f["period"])
        except ValueError:
            f["period"], error = "", _("Periode tidak dikenal; contoh: 2026-Q2, 2026-S1, 2026.")
    chosen = items.filtered(
        visible,
        service=f["service"],
        period=f["period"],
        status=f["status"],
        is_overdue=f["overdue"],
    ).select_related("service", "owner", "response", "reply")
    page = Paginator(chosen.order_by("due_on", "pk"), PAGE_SIZE).get_page(request.GET.get("p"))
    units = items.unit_ids_for(request.user)
    services = Service.objects.filter(is_active=True).order_by("name")
    if units is not None:
        services = services.filter(unit_id__in=units)
    query = request.GET.copy()
    query.pop("p", None)
    return render(
        request,
        "feedback/admin/inbox.html",
        {
            "page": page,
            "filters": f,
            "error": error,
            "statuses": ItemStatus.choices,
            "services": services,
            "overdue_count": items.overdue(visible).count(),
            "today": timezone.localdate(),
            "query": query.urlencode(),
        },
    )


def _low_elements(response):
    """The elements rated 1 or 2, with the reason given: names only, no scores."""
    return [
        {"element": e, "reason": response.reasons.get(e.code, "")}
        for e in ELEMENTS
        if getattr(response, e.field) in (1, 2)
    ]


@require_http_methods(["GET", "POST"])
def item_detail(request, pk):
    item = items.item_for(request.user, pk)
    reply = Reply.objects.filter(item=item).first()
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            _act(request, item, reply, action)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return _detail(request, item, reply, status=400, draft=request.POST.get("text", ""))
        return redirect("feedback_inbox_item", pk=item.pk)
    draft = reply.text if reply else ""
    template = request.GET.get("templat")
    if template and template.isdigit():
        chosen = replies.templates_for(item).filter(pk=int(template)).first()
        draft = chosen.text if chosen else draft
    return _detail(request, item, reply, draft=draft)


def _act(request, item, reply, action):
    user, post = request.user, request.POST
    if action == "status":
        items.move(item, post.get("status", ""), user=user, reason=post.get("reason", ""))
        messages.success(request, _("Status diperbarui."))
    elif action == "owner":
        owner_id = post.get("owner", "")
        owner = None
        if owner_id:
            owner = (
                get_user_model().objects.filter(pk=owner_id if owner_id.isdigit() else 0).first()
            )
            if owner is None:
                raise ValidationError(_("Penanggung jawab tidak dikenal."))
        items.assign(item, owner, user=user)
        messages.success(request, _("Penanggung jawab diperbarui."))
    elif action == "forward":
        items.forward(item, ticket=post.get("ticket", ""), url=post.get("url", ""), user=user)
        messages.success(request, _("Masukan ditandai diteruskan ke SP4N-LAPOR!."))
    elif action == "reply":
        replies.submit(item, post.get("text", ""), user=user)
        messages.success(request, _("Tanggapan diajukan untuk disetujui."))
    elif action in ("publish", "send_back") and reply is not None:
        if action == "publish":
            replies.publish(reply, user=user)
            messages.success(request, _("Tanggapan terbit di halaman layanan."))
        else:
            replies.send_back(reply, user=user, note=post.get("note", ""))
            messages.success(request, _("Tanggapan dikembalikan ke unit."))
    else:
        raise ValidationError(_("Tindakan tidak dikenal."))


def _detail(request, item, reply, *, status=200, draft=""):
    staff = get_user_model().objects.filter(
        pk__in=UnitStaff.objects.filter(unit_id=item.unit_id).values("user_id"), is_active=True
    )
    return render(
        request,
        "feedback/admin/inbox_item.html",
        {
            "item": item,
            "reply": reply,
            "draft": draft,
            "low_elements": _low_elements(item.response),
            "next_statuses": [
                (s, ItemStatus(s).label) for s in rules.NEXT[item.status] if s != rules.FORWARDED
            ],
            "can_forward": rules.can_move(item.status, rules.FORWARDED),
            "templates": replies.templates_for(item),
            "staff": staff,
            "events": item.events.select_related("user"),
            "can_publish": request.user.has_perm("feedback.publish_reply"),
            "reply_max": rules.REPLY_MAX_LENGTH,
            "overdue": item.is_overdue(),
            "submitted": ReplyStatus.SUBMITTED,
        },
        status=status,
    )


def reasons(request):
    """The reasons for low scores of the user's units, grouped per element."""
    visible = items.visible_items(request.user).filter(has_reasons=True)
    service = request.GET.get("layanan", "").strip().upper()
    if service:
        visible = visible.filter(service__code=service)
    rows = visible.order_by("-received_on", "-pk").values_list("response__reasons", flat=True)
    grouped = {e.code: [] for e in ELEMENTS}
    for given in rows[:500]:
        for code, text in given.items():
            if code in grouped:
                grouped[code].append(text)
    return render(
        request,
        "feedback/admin/inbox_reasons.html",
        {
            "groups": [(e, grouped[e.code]) for e in ELEMENTS if grouped[e.code]],
            "service": service,
        },
    )
