"""Public replies (*Tanggapan*): written by unit staff from an item, published by
an approver. A reply is public, so it is refused when it is over-long or holds an
NIP-like number or an officer's name; it is stored as typed and escaped where shown."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import FeedbackItem, ItemEvent, Reply, ReplyStatus, ReplyTemplate
from ..registry import officer_names
from ..rules import loop as rules
from . import contacts, figures
from .items import require_handler

MESSAGES = {
    "empty": lambda: _("Tulis tanggapan terlebih dahulu."),
    "too_long": lambda: (
        _("Tanggapan paling banyak %(max)d karakter.") % {"max": rules.REPLY_MAX_LENGTH}
    ),
    "nip": lambda: _(
        "Tanggapan memuat angka seperti NIP. Tanggapan tampil untuk umum: hapus angka itu."
    ),
    "officer": lambda: _(
        "Tanggapan menyebut nama petugas. Tanggapan tampil untuk umum: sebut jabatan, bukan nama."
    ),
}


def check(text: str) -> str:
    """The reply's text trimmed, or ValidationError with every reason it is refused."""
    problems = rules.reply_problems(text, officer_names.pattern())
    if problems:
        raise ValidationError([MESSAGES[p]() for p in problems])
    return text.strip()


def templates_for(item: FeedbackItem):
    return ReplyTemplate.objects.filter(unit_id=item.unit_id)


def submit(item: FeedbackItem, text: str, *, user) -> Reply:
    """Write (or rewrite) the item's reply and send it for approval."""
    require_handler(user)
    if not item.public:
        raise ValidationError(
            _("Masukan ini tidak tampil untuk umum, jadi tidak dijawab di halaman layanan.")
        )
    if item.status == rules.CLOSED:
        raise ValidationError(_("Masukan ini sudah ditutup."))
    text = check(text)
    with transaction.atomic():
        reply = Reply.objects.filter(item=item).first()
        if reply is not None and reply.status == ReplyStatus.PUBLISHED:
            raise ValidationError(_("Tanggapan sudah terbit."))
        if reply is None:
            reply = Reply(item=item, service_id=item.service_id)
        reply.text, reply.status = text, ReplyStatus.SUBMITTED
        reply.written_by, reply.written_at = user, timezone.now()
        reply.save()
        ItemEvent.objects.create(item=item, user=user, action=_("tanggapan diajukan"))
    return reply


def publish(reply: Reply, *, user) -> None:
    """An approver publishes the reply: it shows under the comment at once."""
    if not user.has_perm("feedback.publish_reply"):
        raise PermissionDenied
    if reply.status != ReplyStatus.SUBMITTED:
        raise ValidationError(_("Hanya tanggapan yang menunggu persetujuan dapat diterbitkan."))
    check(reply.text)  # an officer added since it was written
    item = reply.item
    now = timezone.now()
    with transaction.atomic():
        reply.status, reply.approved_by, reply.published_at = ReplyStatus.PUBLISHED, user, now
        reply.save(update_fields=["status", "approved_by", "published_at"])
        if item.status != rules.CLOSED:
            item.status, item.answered_at = rules.ANSWERED, now
            item.save(update_fields=["status", "answered_at"])
        ItemEvent.objects.create(item=item, user=user, action=_("tanggapan terbit"))
        page = getattr(item.service, "page", None)
        url = page.full_url if page is not None and page.live else None
        contacts.notify_reply(item.response_id, url)
    figures.item_changed(item)


def send_back(reply: Reply, *, user, note: str) -> None:
    """An approver returns the reply to the unit with a note."""
    if not user.has_perm("feedback.publish_reply"):
        raise PermissionDenied
    if reply.status != ReplyStatus.SUBMITTED:
        raise ValidationError(_("Hanya tanggapan yang menunggu persetujuan dapat dikembalikan."))
    note = note.strip()
    if not note:
        raise ValidationError(_("Tulis catatan untuk unit."))
    with transaction.atomic():
        reply.status = ReplyStatus.RETURNED
        reply.save(update_fields=["status"])
        ItemEvent.objects.create(
            item=reply.item, user=user, action=_("tanggapan dikembalikan"), detail=note[:300]
        )
