"""Template filters for published results."""

import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

register = template.Library()
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@register.filter
def period_label(period) -> str:
    """A period's name in the interface language: "Triwulan III 2026" / "Quarter III 2026".

    feedback.rules.periods.Period.label is the fixed Indonesian name (API, frozen reports);
    pages use this one.
    """
    kind = period.kind
    if kind == "year":
        return _("Tahun %(year)s") % {"year": period.year}
    if kind == "semester":
        return _("Semester %(n)s %(year)s") % {
            "n": ROMAN[period.last_month // 6],
            "year": period.year,
        }
    if kind == "quarter":
        return _("Triwulan %(n)s %(year)s") % {
            "n": ROMAN[period.last_month // 3],
            "year": period.year,
        }
    return date_format(datetime.date(period.year, period.first_month, 1), "F Y")


@register.filter
def period_running(period) -> bool:
    """Whether the period is not over yet: its figures can still change."""
    return not period.is_over(timezone.localdate())
