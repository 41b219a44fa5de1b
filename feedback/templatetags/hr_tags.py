"""Template filters of the HR screens."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def expectation_label(score) -> str:
    """The rating against expectations as PermenPANRB 6/2022 words it, or why there is
    none (the API keeps its codes "above" / "meets" / "below")."""
    if not score.sufficient or score.expectation is None:
        return _("Data belum cukup")
    return {
        "above": _("Di atas ekspektasi"),
        "meets": _("Sesuai ekspektasi"),
        "below": _("Di bawah ekspektasi"),
    }[score.expectation]
