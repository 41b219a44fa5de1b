"""Template tags of the site templates: language versions of a page, and the editor's
userbar without a session for anonymous visitors."""

from django import template
from django.conf import settings
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from portal import i18n

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
