"""A citizen's e-mail for a reply: kept apart from the response, used once to say
the reply is published, deleted once the item has been closed for
LOOP_CONTACT_KEEP_DAYS."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from ..models import ReplyContact, Response
from ..rules import loop as rules


def keep(response: Response, email: str) -> ReplyContact | None:
    if not email:
        return None
    return ReplyContact.objects.create(response=response, email=email)


def notify_reply(response_id: int, page_url: str | None) -> bool:
    """Tell the citizen, once, that the reply to their comment is published."""
    contact = ReplyContact.objects.filter(response_id=response_id, notified_at=None).first()
    if contact is None:
        return False
    where = f"\n\n{page_url}" if page_url else ""
    body = (
        "Terima kasih atas komentar Anda. Tanggapan unit layanan sudah terbit di "
        f"halaman layanan.{where}\n\nAlamat e-mail Anda hanya dipakai untuk pemberitahuan "
        "ini dan akan dihapus."
    )
    ReplyContact.objects.filter(pk=contact.pk).update(notified_at=timezone.now())
    transaction.on_commit(
        lambda: send_mail("Tanggapan atas komentar Anda", body, None, [contact.email])
    )
    return True


def purge(*, now=None) -> int:
    """Delete the contacts of items closed more than LOOP_CONTACT_KEEP_DAYS ago."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.LOOP_CONTACT_KEEP_DAYS)
    deleted, _by_model = ReplyContact.objects.filter(
        response__loop_item__status=rules.CLOSED, response__loop_item__closed_at__lt=cutoff
    ).delete()
    return deleted
