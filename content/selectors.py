"""Reads for the public pages. Page get_context calls these; templates run no queries."""

from wagtail.models import Page


def unit_tree():
    """Live unit pages as a nested list [(unit_page, [service_pages], [children...])].

    Two queries whatever the number of units: pages are arranged in Python.
    """
    from .models import ServicePage, UnitPage

    unit_pages = list(UnitPage.objects.live().public().select_related("unit").order_by("path"))
    services = ServicePage.objects.live().public().select_related("service").order_by("title")
    by_parent_path = {}
    for page in services:
        by_parent_path.setdefault(page.path[: -page.steplen], []).append(page)

    nodes = {
        p.path: {"page": p, "services": by_parent_path.get(p.path, []), "children": []}
        for p in unit_pages
    }
    roots = []
    for page in unit_pages:
        parent = nodes.get(page.path[: -page.steplen])
        (parent["children"] if parent else roots).append(nodes[page.path])
    return roots


def plain_pages(home):
    from .models import StandardPage

    return StandardPage.objects.child_of(home).live().public().in_menu()


def service_pages_of(unit_page):
    from .models import ServicePage

    return ServicePage.objects.child_of(unit_page).live().public().order_by("title")


def sub_unit_pages_of(unit_page):
    from .models import UnitPage

    return UnitPage.objects.child_of(unit_page).live().public().order_by("title")


def unit_page_above(page: Page):
    from .models import UnitPage

    return UnitPage.objects.ancestor_of(page).order_by("-depth").first()
