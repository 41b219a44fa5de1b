"""The appraisal conversation around an officer's indicators (PermenPANRB 6/2022):
officer logins by activation link, the direct supervisor (atasan langsung) over date
ranges, continuous-feedback notes, the *dialog kinerja* per period and the training
catalogue HR keeps for its agreed actions.

Personnel data: the officer, their current supervisor and HR only; never public.
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .survey import hash_token

ACTIVATION_DAYS = 7


class ActivationLink(models.Model):
    """A one-time link an officer opens to choose their own login. Only a SHA-256 of
    the secret is kept; the link expires and works once."""

    officer = models.ForeignKey(
        "feedback.Officer",
        verbose_name=_("petugas"),
        on_delete=models.CASCADE,
        related_name="activation_links",
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    expires_at = models.DateTimeField(_("kedaluwarsa"))
    used_at = models.DateTimeField(_("dipakai"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("tautan aktivasi akun petugas")
        verbose_name_plural = _("tautan aktivasi akun petugas")

    def __str__(self):
        return f"{self.officer} ({self.created_at:%Y-%m-%d})"

    @classmethod
    def issue(
        cls, officer, *, by=None, days: int = ACTIVATION_DAYS
    ) -> tuple["ActivationLink", str]:
        """Create a link; returns it and the clear key, shown once and not kept."""
        key = secrets.token_urlsafe(32)
        link = cls.objects.create(
            officer=officer,
            key_hash=hash_token(key),
            created_by=by if getattr(by, "pk", None) else None,
            expires_at=timezone.now() + datetime.timedelta(days=days),
        )
        return link, key

    @classmethod
    def usable(cls, key: str):
        """The unused, unexpired link of this key, or None."""
        if not key or len(key) > 100:
            return None
        return (
            cls.objects.select_related("officer")
            .filter(key_hash=hash_token(key), used_at__isnull=True, expires_at__gt=timezone.now())
            .first()
        )


class SupervisionQuerySet(models.QuerySet):
    def active_on(self, day):
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=day), start_date__lte=day)

    def overlapping(self, start, end):
        """Rows whose range shares at least one day with [start, end] (end None: open)."""
        rows = self.filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
        return rows if end is None else rows.filter(start_date__lte=end)


class Supervision(models.Model):
    """An officer's direct supervisor (atasan langsung) over a date range (end open =
    ongoing). One supervisor at a time per officer; no cycles."""

    supervisor = models.ForeignKey(
        "feedback.Officer",
        verbose_name=_("atasan langsung"),
        on_delete=models.CASCADE,
        related_name="supervising",
    )
    officer = models.ForeignKey(
        "feedback.Officer",
        verbose_name=_("petugas yang dibina"),
        on_delete=models.CASCADE,
        related_name="supervised_by",
    )
    start_date = models.DateField(_("mulai"))
    end_date = models.DateField(_("selesai"), null=True, blank=True)

    objects = SupervisionQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("atasan langsung")
        verbose_name_plural = _("atasan langsung")
        constraints = [
            models.CheckConstraint(
                condition=~Q(supervisor=models.F("officer")), name="supervision_not_oneself"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="supervision_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.supervisor} -> {self.officer} ({self.start_date:%d-%m-%Y})"

    def clean(self):
        errors = {}
        if self.supervisor_id and self.supervisor_id == self.officer_id:
            errors["supervisor"] = _("Petugas tidak dapat menjadi atasan langsung dirinya sendiri.")
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
        if errors or not (self.supervisor_id and self.officer_id and self.start_date):
            if errors:
                raise ValidationError(errors)
            return
        others = Supervision.objects.exclude(pk=self.pk)
        clash = (
            others.filter(officer_id=self.officer_id)
            .overlapping(self.start_date, self.end_date)
            .select_related("supervisor")
            .first()
        )
        if clash is not None:
            until = f"{clash.end_date:%d-%m-%Y}" if clash.end_date else _("sekarang")
            errors["start_date"] = _(
                "Petugas ini sudah memiliki atasan langsung %(who)s dari %(start)s sampai "
                "%(end)s; akhiri dulu catatan itu atau pilih rentang tanggal lain."
            ) % {"who": clash.supervisor, "start": f"{clash.start_date:%d-%m-%Y}", "end": until}
        elif self._closes_a_cycle(others):
            errors["supervisor"] = _(
                "%(sup)s sendiri (langsung atau lewat atasannya) dibina oleh %(off)s pada "
                "rentang tanggal ini: hubungan atasan tidak boleh melingkar."
            ) % {"sup": self.supervisor, "off": self.officer}
        if errors:
            raise ValidationError(errors)

    def _closes_a_cycle(self, others) -> bool:
        """Whether, walking up from the new supervisor through supervisions that overlap
        this range, we reach the officer again."""
        seen, frontier = set(), {self.supervisor_id}
        window = others.overlapping(self.start_date, self.end_date)
        while frontier:
            if self.officer_id in frontier:
                return True
            seen |= frontier
            frontier = (
                set(window.filter(officer_id__in=frontier).values_list("supervisor_id", flat=True))
                - seen
            )
        return False


class Training(models.Model):
    """The training catalogue HR maintains, for the actions agreed in a dialog."""

    class Element(models.TextChoices):
        U6 = "U6", _("Kompetensi pelaksana (U6)")
        U7 = "U7", _("Perilaku pelaksana (U7)")
        GENERAL = "", _("Umum")

    name = models.CharField(_("nama pelatihan"), max_length=200, unique=True)
    description = models.TextField(_("uraian"), blank=True)
    element = models.CharField(
        _("unsur yang dikembangkan"), max_length=2, choices=Element.choices, blank=True
    )
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("katalog pelatihan")
        verbose_name_plural = _("katalog pelatihan")

    def __str__(self):
        return self.name


class FeedbackNote(models.Model):
    """A continuous-feedback note (umpan balik berkelanjutan) from the direct
    supervisor to a team member, who reads and acknowledges it."""

    author = models.ForeignKey(
        "feedback.Officer",
        verbose_name=_("dari"),
        on_delete=models.PROTECT,
        related_name="feedback_notes_written",
    )
    officer = models.ForeignKey(
        "feedback.Officer",
        verbose_name=_("untuk"),
        on_delete=models.CASCADE,
        related_name="feedback_notes",
    )
    text = models.TextField(_("catatan"), max_length=2000)
    created_at = models.DateTimeField(_("ditulis"), auto_now_add=True, db_index=True)
    acknowledged_at = models.DateTimeField(_("dibaca petugas"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("catatan umpan balik")
        verbose_name_plural = _("catatan umpan balik")

    def __str__(self):
        return f"{self.author} -> {self.officer} ({self.created_at:%Y-%m-%d})"


class PerformanceDialog(models.Model):
    """The *dialog kinerja* of a period between an officer and their direct supervisor,
    with what they agreed (free text and trainings from the catalogue)."""

    supervisor = models.ForeignKey(
        "feedback.Officer",
        verbose_name=_("atasan langsung"),
        on_delete=models.PROTECT,
        related_name="dialogs_led",
    )
    officer = models.ForeignKey(
        "feedback.Officer",
        verbose_name=_("petugas"),
        on_delete=models.CASCADE,
        related_name="dialogs",
    )
    period = models.CharField(_("periode"), max_length=7)
    held_on = models.DateField(_("tanggal dialog"))
    summary = models.TextField(_("ringkasan"), max_length=4000)
    agreed_actions = models.TextField(_("tindak lanjut yang disepakati"), max_length=4000)
    trainings = models.ManyToManyField(
        Training, verbose_name=_("pelatihan"), blank=True, related_name="dialogs"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period", "-held_on"]
        verbose_name = _("dialog kinerja")
        verbose_name_plural = _("dialog kinerja")
        constraints = [
            models.UniqueConstraint(fields=["officer", "period"], name="one_dialog_per_period")
        ]

    def __str__(self):
        return f"{self.officer} {self.period}"


class PeerRound(models.Model):
    """A 360 round on the BerAKHLAK values that HR opens for a period and a unit (with
    its sub-units): each officer rates a few colleagues of the same unit."""

    period = models.CharField(_("periode"), max_length=7)
    unit = models.ForeignKey(
        "feedback.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+"
    )
    raters_per_officer = models.PositiveSmallIntegerField(_("penilai per petugas"), default=3)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(_("dibuka"), auto_now_add=True)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("putaran 360")
        verbose_name_plural = _("putaran 360")
        constraints = [
            models.UniqueConstraint(fields=["period", "unit"], name="one_peer_round_per_unit")
        ]

    def __str__(self):
        return f"360 {self.unit} {self.period}"


class PeerReview(models.Model):
    """One colleague's rating of another in a round: the seven values on the SKP
    behaviour scale and an optional remark. The rater is never shown to the ratee."""

    round = models.ForeignKey(PeerRound, on_delete=models.CASCADE, related_name="reviews")
    rater = models.ForeignKey(
        "feedback.Officer", on_delete=models.CASCADE, related_name="peer_reviews_given"
    )
    ratee = models.ForeignKey(
        "feedback.Officer", on_delete=models.CASCADE, related_name="peer_reviews_received"
    )
    values = models.JSONField(_("nilai BerAKHLAK"), default=dict)
    remark = models.TextField(_("catatan"), max_length=1000, blank=True)
    submitted_at = models.DateTimeField(_("dikirim"), null=True, blank=True)

    class Meta:
        ordering = ["ratee__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "rater", "ratee"], name="one_peer_review"),
            models.CheckConstraint(
                condition=~Q(rater=models.F("ratee")), name="peer_review_not_oneself"
            ),
        ]

    def __str__(self):
        return f"{self.round} #{self.pk}"
