"""The survey history a Pemda already has: results of past periods as published
reports kept them (tables per element), imported with ``import_skm_tables``.

They are stored apart from the rollups on purpose: ``recompute_ikm`` rebuilds
rollups from raw responses, and a report table has no raw responses behind it.
The selectors add them to the rollups when a period contains them whole.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..rules.skm import CODES


class ReportedPeriod(models.Model):
    """One service's SKM result for one past period, from a report's tables.

    ``u1``..``u9`` hold the sum of the answers to each element (count of 1s x 1 +
    ... + count of 4s x 4), or NRR x respondents where the report kept only the
    NRR, so they add up with the rollups' sums. What a table cannot tell (the
    spread behind a confidence interval, the respondent profile, officers) is not
    stored and never invented.
    """

    service = models.ForeignKey(
        "feedback.Service",
        verbose_name=_("layanan"),
        on_delete=models.PROTECT,
        related_name="reported_periods",
    )
    period = models.CharField(_("periode"), max_length=7)
    start = models.DateField(_("awal periode"))
    end = models.DateField(_("akhir periode"))
    respondents = models.PositiveIntegerField(_("jumlah responden"))
    u1 = models.DecimalField("U1", max_digits=16, decimal_places=4)
    u2 = models.DecimalField("U2", max_digits=16, decimal_places=4)
    u3 = models.DecimalField("U3", max_digits=16, decimal_places=4)
    u4 = models.DecimalField("U4", max_digits=16, decimal_places=4)
    u5 = models.DecimalField("U5", max_digits=16, decimal_places=4)
    u6 = models.DecimalField("U6", max_digits=16, decimal_places=4)
    u7 = models.DecimalField("U7", max_digits=16, decimal_places=4)
    u8 = models.DecimalField("U8", max_digits=16, decimal_places=4)
    u9 = models.DecimalField("U9", max_digits=16, decimal_places=4)
    # {"U1": [answers 1, 2, 3, 4], ...} when the report kept the counts; null when
    # it kept only the NRR.
    counts = models.JSONField(_("jumlah jawaban 1-4"), null=True, blank=True)
    import_batch = models.ForeignKey(
        "feedback.ImportBatch",
        on_delete=models.PROTECT,
        related_name="reported_periods",
    )

    class Meta:
        ordering = ["service", "start"]
        verbose_name = _("hasil periode dari laporan")
        verbose_name_plural = _("hasil periode dari laporan")
        constraints = [
            models.UniqueConstraint(fields=["service", "period"], name="reported_period_unique"),
            models.CheckConstraint(
                condition=models.Q(start__lte=models.F("end")), name="reported_period_dates"
            ),
        ]
        indexes = [models.Index(fields=["start", "end"])]

    def __str__(self):
        return f"{self.service_id} {self.period}: {self.respondents}"

    @property
    def sums(self) -> dict:
        return {code: getattr(self, code.lower()) for code in CODES}
