from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from feedback.wagtail_hooks import PermissionMenuItem

from . import login_protection


@hooks.register("register_admin_urls")
def portal_admin_urls():
    return [
        path("login-terkunci/", login_protection.locked_logins, name="portal_locked_logins"),
    ]


@hooks.register("register_admin_menu_item")
def locked_logins_menu_item():
    return PermissionMenuItem(
        _("Login terkunci"),
        reverse("portal_locked_logins"),
        icon_name="lock",
        order=213,
        allowed=login_protection.can_unlock,
    )


@hooks.register("insert_global_admin_css")
def admin_css():
    # Fixes to Wagtail's own screens that every admin page needs (see the file).
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("insert_global_admin_js")
def admin_js():
    # Accessibility fixes to Wagtail's own markup: names and headings (see the file).
    return format_html('<script src="{}" defer></script>', static("js/admin.js"))
