"""Template tags of the site templates: language versions of a page, and the editor's
userbar without a session for anonymous visitors."""

from django import template
from django.conf import settings
from django.utils import formats, numberformat
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from core import i18n

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """[{"code", "name", "url", "absolute_url", "current"}] for the current page."""
    request = context.get("request")
    return i18n.language_versions(request) if request is not None else []


@register.simple_tag(takes_context=True)
def editor_userbar(context, position="bottom-right"):
    """Wagtail's userbar, for a visitor who has a session (an editor who logged in).

    The userbar reads ``request.user``, which loads the session and makes the response
    ``Vary: Cookie``: no proxy could cache the page for anyone. An anonymous visitor has
    no session cookie, so the session is not touched at all for them.
    """
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context, position)


# One number format for every figure the portal shows (admin and public pages): the
# same digits for the same kind of figure, the separators of the interface language
# (Indonesian "71,00", English "71.00"), whatever {% localize %} says around it (the
# charts switch localisation off for their coordinates, not for their labels).
FIGURE_DECIMALS = {"ikm": 2, "nrr": 2, "index": 2, "percent": 1, "count": 0}


def format_figure(value, kind: str = "index") -> str:
    """``value`` as the portal prints a figure of ``kind`` (see FIGURE_DECIMALS)."""

    if value is None or value == "":
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    decimals = FIGURE_DECIMALS[kind]
    return numberformat.format(
        round(number, decimals) if decimals else round(number),
        formats.get_format("DECIMAL_SEPARATOR", use_l10n=True),
        decimal_pos=decimals,
        grouping=3,
        thousand_sep=formats.get_format("THOUSAND_SEPARATOR", use_l10n=True),
        force_grouping=True,
    )


@register.filter
def figure(value, kind="index"):
    """``{{ result.ikm|figure:"ikm" }}``: see format_figure."""
    return format_figure(value, kind)


@register.simple_tag
def content_lang():
    """`` lang="id"`` on an element holding what editors wrote (in Indonesian) when the
    page around it is in another language, so a screen reader switches voice (WCAG
    3.1.2); nothing on Indonesian pages."""

    content = settings.LANGUAGE_CODE.split("-")[0]
    if (get_language() or content).split("-")[0] == content:
        return ""
    return format_html(' lang="{}"', content)
