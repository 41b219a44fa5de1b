"""Rollups: per service and calendar month, the sums the IKM is computed from.

Every period the portal publishes (month, quarter, semester, year) is a union
of months, so a result reads at most twelve rows per service however many
responses there are. They are maintained as responses arrive and can be
rebuilt from the raw responses (``recompute_ikm``) with identical results.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceMonth(models.Model):
    service = models.ForeignKey("feedback.Service", on_delete=models.CASCADE, related_name="months")
    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField()
    respondents = models.PositiveIntegerField(default=0)
    u1 = models.PositiveBigIntegerField(default=0)
    u2 = models.PositiveBigIntegerField(default=0)
    u3 = models.PositiveBigIntegerField(default=0)
    u4 = models.PositiveBigIntegerField(default=0)
    u5 = models.PositiveBigIntegerField(default=0)
    u6 = models.PositiveBigIntegerField(default=0)
    u7 = models.PositiveBigIntegerField(default=0)
    u8 = models.PositiveBigIntegerField(default=0)
    u9 = models.PositiveBigIntegerField(default=0)
    # Sum over respondents of (their nine answers added up) squared: the spread
    # behind the confidence interval.
    total_sq_sum = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("rekap bulanan layanan")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "year", "month"], name="service_month_unique"
            )
        ]
        indexes = [models.Index(fields=["year", "month"])]

    def __str__(self):
        return f"{self.service_id} {self.year}-{self.month:02d}: {self.respondents}"


class ProfileMonth(models.Model):
    """Respondent profile counts (sex, age band, education, occupation) per service-month."""

    class Dimension(models.TextChoices):
        SEX = "sex", _("Jenis kelamin")
        AGE = "age", _("Usia")
        EDUCATION = "education", _("Pendidikan")
        OCCUPATION = "occupation", _("Pekerjaan")

    service = models.ForeignKey(
        "feedback.Service", on_delete=models.CASCADE, related_name="profile_months"
    )
    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField()
    dimension = models.CharField(max_length=12, choices=Dimension.choices)
    value = models.CharField(max_length=20, blank=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("rekap profil responden")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "year", "month", "dimension", "value"],
                name="profile_month_unique",
            )
        ]

    def __str__(self):
        return f"{self.service_id} {self.year}-{self.month:02d} {self.dimension}={self.value}"


class Population(models.Model):
    """How many people a service served in a period, as entered by the unit or
    reported by a queue system: the N of the Krejcie & Morgan sample size. Every
    channel checks a count with results.service_users.check_count."""

    service = models.ForeignKey(
        "feedback.Service",
        verbose_name=_("layanan"),
        on_delete=models.CASCADE,
        related_name="populations",
    )
    period = models.CharField(
        _("periode"), max_length=7, help_text=_("Contoh: 2026, 2026-S1, 2026-Q3, 2026-09.")
    )
    served = models.PositiveIntegerField(_("jumlah pengguna layanan"))

    class Meta:
        verbose_name = _("jumlah pengguna layanan")
        verbose_name_plural = _("jumlah pengguna layanan")
        constraints = [
            models.UniqueConstraint(fields=["service", "period"], name="population_unique")
        ]

    def __str__(self):
        return f"{self.service} {self.period}: {self.served}"
