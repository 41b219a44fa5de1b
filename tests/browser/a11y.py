"""What the accessibility browser tests share: axe-core (every impact, not only the
serious ones), the 200% text size of WCAG 1.4.4, and the screen sizes."""

from contextlib import contextmanager
from pathlib import Path

import pytest

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"

PHONE = {"width": 390, "height": 844}
TABLET = {"width": 800, "height": 1280}
DESKTOP = {"width": 1280, "height": 900}
# (name, viewport, text zoom): a phone and a desktop, and the phone with the text at
# 200% (a reader's browser setting; every size in portal.css is in rem or em).
SIZES = [("390", PHONE, 1), ("1280", DESKTOP, 1), ("390-text200", PHONE, 2)]


def require_axe():
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed ({AXE}): run `make axe` (needs npm).")
    return AXE.read_text()


def new_context(chromium, viewport, **kwargs):
    phone = viewport["width"] < 500
    return chromium.new_context(
        viewport=viewport, is_mobile=phone, has_touch=phone, bypass_csp=True, **kwargs
    )


@contextmanager
def opened_page(chromium, viewport, **kwargs):
    """A page in a browser context of its own at ``viewport``, closed afterwards."""
    context = new_context(chromium, viewport, **kwargs)
    try:
        yield context.new_page()
    finally:
        context.close()


def zoom_text(page, factor):
    """The reader's text size: the root font size times ``factor`` (layout in CSS px
    stays, as in a browser's text-only zoom)."""
    if factor != 1:
        page.add_style_tag(content=f"html {{ font-size: {100 * factor}% !important; }}")


def axe(page, source, context="document") -> list[str]:
    """Every axe-core violation on the page, of any impact, one line each."""
    # Our pinned axe-core, even where a page brings its own (Wagtail's editor does).
    if not page.evaluate("window.__pinnedAxe === true"):
        page.evaluate(source)
        page.evaluate("window.__pinnedAxe = true")
    result = page.evaluate(f"async () => await axe.run({context}, {{resultTypes: ['violations']}})")
    lines = []
    for v in result["violations"]:
        nodes = []
        for node in v["nodes"][:3]:
            summary = (node.get("failureSummary") or "")[:120]
            nodes.append(" ".join(node["target"]) + (f" ({summary})" if summary else ""))
        targets = "; ".join(nodes)
        lines.append(f"{v.get('impact')} {v['id']}: {v.get('help', '')} [{targets}]")
    return lines


def sideways(page, viewport) -> list[str]:
    """What makes the page wider than the screen, if anything."""
    width = page.evaluate("document.documentElement.scrollWidth")
    if width <= viewport["width"]:
        return []
    wide = page.evaluate(
        """(limit) => [...document.querySelectorAll('body *')]
            .filter(e => e.checkVisibility() && e.getBoundingClientRect().right > limit + 1)
            .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className)""",
        viewport["width"],
    )
    return [f"page is {width}px wide at {viewport['width']}: {wide}"]


def check(page, source, name, viewport) -> list[str]:
    """Sideways scrolling and axe problems of the page as it is now."""
    # As a reader sees it: a browser paints only once the stylesheets are in, but the
    # DOM (the text a test waits for) is there before them.
    page.wait_for_load_state("load")
    return [f"{name}: {p}" for p in sideways(page, viewport) + axe(page, source)]
