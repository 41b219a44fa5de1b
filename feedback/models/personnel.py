"""Officer indicators for appraisals (SKP evidence), and who may read them.

Personnel data: HR and supervisors only. Nothing here is ever on a public page,
public API, search index or sitemap.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..rules.periods import Period


class Indicator(models.Model):
    """A performance indicator HR sets for an appraisal period, e.g.
    "NRR perilaku pelaksana (U7) >= 3,30" under the "penerima layanan" perspective.

    Only what an officer controls is measured: staff competence (U6) and
    courtesy (U7), never fees or facilities.
    """

    class Measure(models.TextChoices):
        IKM_OFFICER = "ikm_officer", _("IKM unsur petugas (U6 dan U7, skala 25-100)")
        NRR_U6 = "nrr_u6", _("NRR kompetensi pelaksana (U6, skala 1-4)")
        NRR_U7 = "nrr_u7", _("NRR perilaku pelaksana (U7, skala 1-4)")

    class Basis(models.TextChoices):
        VERIFIED = "verified", _("Hanya respons terverifikasi (tanda terima dari petugas)")
        LOKET = (
            "loket",
            _(
                "Terverifikasi, ditambah respons tanpa tanda terima di loket tempat petugas "
                "bertugas pada hari itu"
            ),
        )

    period = models.CharField(
        _("periode penilaian"),
        max_length=7,
        help_text=_(
            "Periode SKP, contoh: 2026 (tahunan) atau 2026-Q3. Indikator tahunan juga "
            "dapat dievaluasi per triwulan."
        ),
    )
    name = models.CharField(_("nama indikator"), max_length=200)
    measure = models.CharField(_("ukuran"), max_length=12, choices=Measure.choices)
    basis = models.CharField(
        _("dasar atribusi"), max_length=10, choices=Basis.choices, default=Basis.VERIFIED
    )
    unit = models.ForeignKey(
        "feedback.Unit",
        verbose_name=_("berlaku untuk unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Kosongkan bila berlaku untuk seluruh petugas Pemda."),
    )
    target = models.DecimalField(_("target"), max_digits=6, decimal_places=2)
    unit_of_measure = models.CharField(_("satuan"), max_length=30, default="indeks")
    minimum_respondents = models.PositiveIntegerField(
        _("minimal responden"),
        default=15,
        validators=[MinValueValidator(1)],
        help_text=_("Di bawah jumlah ini tidak ada label ekspektasi: data belum cukup."),
    )
    above_from = models.DecimalField(
        _("di atas ekspektasi mulai dari capaian (persen)"),
        max_digits=5,
        decimal_places=1,
        default=Decimal("105.0"),
        validators=[MinValueValidator(0), MaxValueValidator(500)],
    )
    meets_from = models.DecimalField(
        _("sesuai ekspektasi mulai dari capaian (persen)"),
        max_digits=5,
        decimal_places=1,
        default=Decimal("95.0"),
        validators=[MinValueValidator(0), MaxValueValidator(500)],
    )

    class Meta:
        ordering = ["period", "name"]
        verbose_name = _("indikator kinerja petugas")
        verbose_name_plural = _("indikator kinerja petugas")

    def __str__(self):
        return f"{self.name} ({self.period})"

    def clean(self):

        errors = {}
        try:
            self.period = str(Period.parse(self.period))
        except ValueError as exc:
            errors["period"] = str(exc)
        if self.meets_from is not None and self.above_from is not None:
            if self.meets_from > self.above_from:
                errors["above_from"] = _(
                    "Batas 'di atas' harus sama atau lebih dari batas 'sesuai'."
                )
        if self.target is not None:
            low, high = (25, 100) if self.measure == self.Measure.IKM_OFFICER else (1, 4)
            if not low <= self.target <= high:
                errors["target"] = _("Target untuk ukuran ini harus antara %(lo)s dan %(hi)s.") % {
                    "lo": low,
                    "hi": high,
                }
        if errors:
            raise ValidationError(errors)


class OfficerMonth(models.Model):
    """Per officer, month and attribution basis: sums of the officer-controlled
    elements (U6, U7) and their answer distribution. Kept with each response and
    rebuilt by ``recompute_ikm`` like the service rollups."""

    officer = models.ForeignKey("feedback.Officer", on_delete=models.CASCADE, related_name="months")
    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField()
    basis = models.CharField(max_length=10, choices=Indicator.Basis.choices)
    respondents = models.PositiveIntegerField(default=0)
    u6 = models.PositiveBigIntegerField(default=0)
    u7 = models.PositiveBigIntegerField(default=0)
    sq_u6 = models.PositiveBigIntegerField(default=0)
    sq_u7 = models.PositiveBigIntegerField(default=0)
    sq_u67 = models.PositiveBigIntegerField(default=0)
    u6_1 = models.PositiveIntegerField(default=0)
    u6_2 = models.PositiveIntegerField(default=0)
    u6_3 = models.PositiveIntegerField(default=0)
    u6_4 = models.PositiveIntegerField(default=0)
    u7_1 = models.PositiveIntegerField(default=0)
    u7_2 = models.PositiveIntegerField(default=0)
    u7_3 = models.PositiveIntegerField(default=0)
    u7_4 = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["officer", "year", "month", "basis"], name="officer_month_unique"
            )
        ]

    def __str__(self):
        return f"{self.officer_id} {self.year}-{self.month:02d} {self.basis}: {self.respondents}"


class HRScope(models.Model):
    """Which officers an HR user may see: those of one unit (with its sub-units), or
    all of the Pemda when no unit is set. An HR user without a scope sees nobody."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hr_scope"
    )
    unit = models.ForeignKey(
        "feedback.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Kosongkan untuk akses seluruh Pemda."),
    )

    class Meta:
        verbose_name = _("cakupan akses HR")
        verbose_name_plural = _("cakupan akses HR")

    def __str__(self):
        return f"{self.user} - {self.unit or 'Pemda'}"


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The access log is append-only.")

    def delete(self):
        raise PermissionError("The access log is append-only.")


class AccessLog(models.Model):
    """Every read of officer-level data: who, when, through what, which officers and
    period. Append-only: entries cannot be changed or deleted through the ORM."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(_("pengguna"), max_length=150)
    at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    channel = models.CharField(_("kanal"), max_length=20)
    period = models.CharField(_("periode"), max_length=7, blank=True)
    officer_nips = models.JSONField(_("NIP petugas"), default=list)
    query = models.CharField(_("permintaan"), max_length=500, blank=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at"]
        verbose_name = _("log akses data petugas")
        verbose_name_plural = _("log akses data petugas")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.channel} {self.period}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The access log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The access log is append-only.")
