"""Appeals (sanggahan): an officer disputes a rating attributed to them.

Personnel data: the officer who filed it and HR only, never public.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Appeal(models.Model):
    """An officer's dispute of one attributed rating ("I was not on duty that day",
    "wrong loket"), and HR's decision. An accepted appeal takes the rating out of
    that officer's indicators (and only theirs: the service's IKM keeps it)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu keputusan HR")
        ACCEPTED = "accepted", _("Diterima")
        REJECTED = "rejected", _("Ditolak")

    officer = models.ForeignKey(
        "feedback.Officer",
        verbose_name=_("petugas"),
        on_delete=models.CASCADE,
        related_name="appeals",
    )
    response = models.ForeignKey(
        "feedback.Response",
        verbose_name=_("penilaian"),
        on_delete=models.CASCADE,
        related_name="appeals",
    )
    reason = models.TextField(_("alasan sanggahan"), max_length=1000)
    filed_at = models.DateTimeField(_("diajukan"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decision_reason = models.TextField(_("alasan keputusan"), max_length=1000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)

    class Meta:
        ordering = ["-filed_at"]
        verbose_name = _("sanggahan")
        verbose_name_plural = _("sanggahan")
        constraints = [
            # One appeal per officer and rating, whatever became of the first.
            models.UniqueConstraint(fields=["response", "officer"], name="appeal_once_per_rating"),
        ]
        indexes = [models.Index(fields=["status", "filed_at"])]

    def __str__(self):
        return f"{self.officer_id} {self.response_id} {self.status}"
