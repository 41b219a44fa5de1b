"""The site's main menu, favicon and sharing image for base.html."""

from django import template
from django.templatetags.static import static
from wagtail.models import Site

from content.models import NavigationSettings

register = template.Library()


def menu_entries(request) -> list[dict]:
    """The main menu: the items edited in Settings > Navigasi, or, while there are
    none, the home page's live children marked "show in menus"."""
    nav = NavigationSettings.load(request_or_site=request)
    entries = [
        {"text": item.text, "url": item.url}
        for item in nav.menu_items.select_related("link_page").all()
    ]
    if not entries:
        site = Site.find_for_request(request) if request else None
        if site is not None:
            entries = [
                {"text": p.title, "url": p.url}
                for p in site.root_page.get_children().live().public().in_menu()
            ]
    path = request.path if request else ""
    return [
        {**e, "current": e["url"] not in ("/", "") and path.startswith(e["url"])}
        for e in entries
        if e["url"]
    ]


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    return {"entries": menu_entries(context.get("request"))}


@register.simple_tag
def pemda_icon_url(pemda, size=64):
    """The Pemda's logo as a square icon, or the portal's own when none is set."""
    if pemda is not None and pemda.logo_id:
        return pemda.logo.get_rendition(f"fill-{size}x{size}").url
    return static("img/favicon.png" if size > 64 else "img/favicon.svg")


@register.simple_tag
def share_image_url(pemda, request=None):
    """The absolute address of the image social networks show with a shared link
    (the Pemda's logo, or a neutral default)."""
    if pemda is not None and pemda.logo_id:
        url = pemda.logo.get_rendition("max-1200x630").url
    else:
        url = static("img/og-default.png")
    return request.build_absolute_uri(url) if request is not None else url
