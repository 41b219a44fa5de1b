"""Closing the loop with citizens: unit staff's inbox items, their history, the
replies the unit publishes, reply templates, the contact a citizen may leave for
a reply, and the figures per service and month the public pages read."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..rules import loop as rules


class ItemStatus(models.TextChoices):
    NEW = rules.NEW, _("Baru")
    REVIEWED = rules.REVIEWED, _("Ditinjau")
    ANSWERED = rules.ANSWERED, _("Dijawab")
    FORWARDED = rules.FORWARDED, _("Diteruskan ke SP4N-LAPOR!")
    CLOSED = rules.CLOSED, _("Ditutup")


# What a citizen reads under a comment (rules.PUBLIC_STATUS's codes).
PUBLIC_STATUS_LABELS = {
    "diterima": _("diterima"),
    "ditinjau": _("ditinjau"),
    "dijawab": _("dijawab"),
    "diteruskan": _("diteruskan ke SP4N-LAPOR!"),
    "selesai": _("selesai"),
}


def public_status_label(item_status: str | None) -> str:
    """The citizen's words for an item's status (no item yet: received)."""
    return PUBLIC_STATUS_LABELS[rules.PUBLIC_STATUS.get(item_status or rules.NEW, "diterima")]


class UnitStaff(models.Model):
    """Which units a staff member handles citizens' feedback for: the inbox shows
    them those units' items only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_units"
    )
    unit = models.ForeignKey(
        "feedback.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="staff"
    )

    class Meta:
        verbose_name = _("petugas unit")
        verbose_name_plural = _("petugas unit")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit"], name="unit_staff_unique"),
        ]

    def __str__(self):
        return f"{self.user} - {self.unit}"


class FeedbackItem(models.Model):
    """One response in the unit's inbox *Masukan warga*: an approved comment, the
    reasons for low scores, or a response with any element rated 1. One item per
    response, whatever brought it in (the flags say what)."""

    response = models.OneToOneField(
        "feedback.Response", on_delete=models.CASCADE, related_name="loop_item"
    )
    unit = models.ForeignKey(
        "feedback.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    service = models.ForeignKey(
        "feedback.Service", verbose_name=_("layanan"), on_delete=models.PROTECT, related_name="+"
    )
    served_on = models.DateField(_("tanggal dilayani"))
    has_comment = models.BooleanField(_("komentar"), default=False)
    has_reasons = models.BooleanField(_("alasan nilai rendah"), default=False)
    low_score = models.BooleanField(_("ada unsur bernilai 1"), default=False)
    # Whether the comment is on the service page (approved, not about an officer):
    # only such an item can be answered in public.
    public = models.BooleanField(_("komentar publik"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=ItemStatus.choices, default=ItemStatus.NEW
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penanggung jawab"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    received_on = models.DateField(_("diterima"), default=timezone.localdate)
    due_on = models.DateField(_("batas waktu"))
    closed_reason = models.CharField(_("alasan ditutup"), max_length=300, blank=True)
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)
    lapor_ticket = models.CharField(_("nomor tiket SP4N-LAPOR!"), max_length=40, blank=True)
    lapor_url = models.URLField(_("tautan SP4N-LAPOR!"), blank=True)
    forwarded_at = models.DateTimeField(_("diteruskan"), null=True, blank=True)
    answered_at = models.DateTimeField(_("dijawab"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("masukan warga")
        verbose_name_plural = _("masukan warga")
        indexes = [
            models.Index(fields=["unit", "status", "due_on"]),
            models.Index(fields=["service", "status"]),
        ]
        permissions = [
            ("handle_feedbackitem", _("Dapat menangani masukan warga unitnya")),
            ("publish_reply", _("Dapat menyetujui dan menerbitkan tanggapan")),
        ]

    def __str__(self):
        return f"{self.service.code} #{self.pk}"

    @property
    def public_status(self) -> str:
        return rules.PUBLIC_STATUS[self.status]

    def is_overdue(self, today=None) -> bool:
        return self.status in rules.OPEN and self.due_on < (today or timezone.localdate())


class ItemEvent(models.Model):
    """One change of an item (who, when, what): its history."""

    item = models.ForeignKey(FeedbackItem, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("waktu"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("perubahan"), max_length=40)
    detail = models.CharField(_("keterangan"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("riwayat masukan")
        verbose_name_plural = _("riwayat masukan")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"


class ReplyStatus(models.TextChoices):
    SUBMITTED = "diajukan", _("Menunggu persetujuan")
    PUBLISHED = "terbit", _("Terbit")
    RETURNED = "dikembalikan", _("Dikembalikan")


class Reply(models.Model):
    """The unit's public answer (*Tanggapan*) to one comment. Public, so written
    by unit staff and published by an approver (the Moderators group)."""

    item = models.OneToOneField(FeedbackItem, on_delete=models.CASCADE, related_name="reply")
    text = models.TextField(_("tanggapan"), max_length=rules.REPLY_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=12, choices=ReplyStatus.choices, default=ReplyStatus.SUBMITTED
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("terbit"), null=True, blank=True)
    # Denormalised so a service page reads its answered comments in one indexed query.
    service = models.ForeignKey("feedback.Service", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("tanggapan")
        verbose_name_plural = _("tanggapan")
        indexes = [models.Index(fields=["service", "status", "published_at"])]

    def __str__(self):
        return f"{self.item} ({self.get_status_display()})"


class ReplyTemplate(models.Model):
    """A unit's ready answer staff start a reply from."""

    unit = models.ForeignKey(
        "feedback.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("judul"), max_length=100)
    text = models.TextField(_("isi"), max_length=rules.REPLY_MAX_LENGTH)

    class Meta:
        ordering = ["unit", "title"]
        verbose_name = _("templat tanggapan")
        verbose_name_plural = _("templat tanggapan")

    def __str__(self):
        return f"{self.unit.code}: {self.title}"


class LoopMonth(models.Model):
    """The loop's figures per service and calendar month of service, recomputed
    for its key whenever an item, a reply or a follow-up changes, so public pages
    and the IKM API read at most twelve rows per service."""

    service = models.ForeignKey("feedback.Service", on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    comments = models.PositiveIntegerField(default=0)
    answered = models.PositiveIntegerField(default=0)
    answered_within_sla = models.PositiveIntegerField(default=0)
    # {working days to the reply: count}, so a median over months stays exact.
    reply_days = models.JSONField(default=dict)
    forwarded = models.PositiveIntegerField(default=0)
    forward_days = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "month"], name="loop_month_unique"),
        ]

    def __str__(self):
        return f"{self.service_id} {self.month:%Y-%m}"


class UnitFollowUps(models.Model):
    """How many follow-up (RTL) items a unit published for a survey period, and
    how many are done: written by the content app when a unit page is published
    (the follow-ups live there), read by the IKM API's ``loop``."""

    unit = models.ForeignKey("feedback.Unit", on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=7)
    planned = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "period"], name="unit_follow_ups_unique"),
        ]

    def __str__(self):
        return f"{self.unit_id} {self.period}: {self.done}/{self.planned}"


class ReplyContact(models.Model):
    """An e-mail address a citizen left, with explicit consent, to hear when the
    reply to their comment is published. Kept apart from the response (so no export
    or API of responses can carry it), used once, and deleted once the item has been
    closed for LOOP_CONTACT_KEEP_DAYS (``loop.contacts.purge``)."""

    response = models.OneToOneField(
        "feedback.Response", on_delete=models.CASCADE, related_name="reply_contact"
    )
    email = models.EmailField(_("e-mail"))
    consented_at = models.DateTimeField(default=timezone.now)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("kontak untuk tanggapan")
        verbose_name_plural = _("kontak untuk tanggapan")

    def __str__(self):
        return self.masked

    @property
    def masked(self) -> str:
        """The address as staff lists show it: ``b***@example.com``."""
        local, _at, domain = self.email.partition("@")
        return f"{local[:1]}***@{domain}"
