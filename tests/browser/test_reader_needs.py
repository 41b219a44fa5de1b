"""What readers need beyond a page that merely renders, in real headless Chromium:
mistakes in the survey announced and focused, the language of mixed-language pages
marked, a focus ring seen on every background and Tab in the visual order, pages
usable with 200% text on a phone, a menu button that stays put, and a service page
that prints whole tables. axe-core checks every page state visited (any impact)."""

import datetime
import re

import pytest

from tests.browser.a11y import (
    DESKTOP,
    PHONE,
    SIZES,
    axe,
    check,
    opened_page,
    require_axe,
    sideways,
    zoom_text,
)
from tests.browser.test_public_pages import demo_with_results


def luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def colours(css: str) -> list[tuple[int, int, int]]:
    return [tuple(int(x) for x in m) for m in re.findall(r"rgba?\((\d+), (\d+), (\d+)", css)]


WHITE, HEADER = (255, 255, 255), (11, 79, 138)


@pytest.fixture
def demo(transactional_db, settings):
    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    urls, _key = demo_with_results()
    return urls


def fill_with_mistakes(page):
    """Eight answers (U9 missing), a date outside the window and an impossible age."""
    for n in range(1, 9):
        page.get_by_role("group", name=f"U{n}.").get_by_role("radio").nth(2).check()
    too_old = datetime.date.today() - datetime.timedelta(days=500)
    page.locator("#id_served_on").fill(too_old.isoformat())
    page.locator("#id_age").fill("7")
    page.locator("button[type=submit]", has_text=re.compile("Kirim|Send")).last.click()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_survey_mistakes_are_announced_at_every_size(live_server, chromium, demo):
    source = require_axe()
    problems = []
    for name, viewport, zoom in SIZES:
        with opened_page(chromium, viewport) as page:
            for prefix, title in (("", "Ada kesalahan"), ("/en", "Error")):
                page.goto(live_server.url + prefix + demo["form"])
                zoom_text(page, zoom)
                fill_with_mistakes(page)
                zoom_text(page, zoom)
                where = f"form{prefix} @{name}"
                summary = page.locator(".error-summary")
                text = summary.inner_text()
                for field in ("U9", "Usia", "Tanggal"):
                    if prefix == "" and field not in text:
                        problems.append(f"{where}: {field} missing from the summary: {text!r}")
                if not summary.evaluate("e => e === document.activeElement"):
                    focused = page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
                    problems.append(f"{where}: focus is on {focused}, not the error summary")
                if not page.title().startswith(title):
                    problems.append(f"{where}: title {page.title()!r} does not start with {title}")
                missing = page.evaluate(
                    """() => [...document.querySelectorAll('[aria-describedby]')].flatMap(e =>
                    e.getAttribute('aria-describedby').split(/\\s+/)
                     .filter(id => !document.getElementById(id)).map(id => e.name + '->' + id))"""
                )
                if missing:
                    problems.append(f"{where}: aria-describedby to missing ids {missing}")
                problems += check(page, source, where, viewport)
    assert not problems, "\n".join(problems)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_english_pages_mark_indonesian_content_and_count_right(live_server, chromium, demo):
    source = require_axe()
    problems = []
    with opened_page(chromium, DESKTOP) as page:
        for name in ("home", "unit", "service", "results"):
            page.goto(live_server.url + "/en" + demo[name])
            assert page.locator("html").get_attribute("lang") == "en"
            heading = page.get_by_role("heading", level=1)
            lang = heading.evaluate("e => e.closest('[lang]').getAttribute('lang')")
            if name != "results" and lang != "id":
                problems.append(
                    f"/en {name}: the Indonesian title {heading.inner_text()!r} is lang={lang}"
                )
            problems += check(page, source, f"/en {name}", DESKTOP)
        # The service's Indonesian standard (requirements, procedure) is marked too.
        page.goto(live_server.url + "/en" + demo["service"])
        langs = page.locator(".component").evaluate_all(
            "els => els.map(e => e.closest('[lang]').getAttribute('lang'))"
        )
        if not langs or set(langs) != {"id"}:
            problems.append(f"/en service: standard components are lang {langs}")
        # "25 services / 9 units", not "25 service / 9 unit".
        page.goto(live_server.url + "/en/")
        figures = page.locator(".key-figures").inner_text()
        if not re.search(r"\d+ services\b", figures) or not re.search(r"\d+ units\b", figures):
            problems.append(f"/en home: key figures read {figures!r}")
        # The Indonesian page keeps the Indonesian content unmarked.
        page.goto(live_server.url + demo["service"])
        if page.get_by_role("heading", level=1).get_attribute("lang"):
            problems.append("id service: the title carries a lang attribute of its own")
        # The English thank-you page says its thanks once.
        page.goto(live_server.url + "/en/nilai/terima-kasih/?layanan=KTP-EL")
        body = page.locator("main").inner_text()
        if body.count("saved") != 1:
            problems.append(f"/en thanks repeats itself: {body!r}")
        problems += check(page, source, "/en thanks", DESKTOP)
    assert not problems, "\n".join(problems)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_focus_is_seen_and_tab_follows_the_visual_order(live_server, chromium, demo):
    with opened_page(chromium, DESKTOP) as page:
        page.goto(live_server.url + "/")
        order = []
        for _ in range(12):
            page.keyboard.press("Tab")
            order.append(
                page.evaluate(
                    """() => { const e = document.activeElement;
                        return e.closest('.site-search') ? 'search'
                             : e.closest('.lang') ? 'language'
                             : e.closest('.main-nav') ? 'menu' : e.className || e.tagName; }"""
                )
            )
        first = {kind: order.index(kind) for kind in ("search", "language", "menu")}
        assert first["search"] < first["menu"] and first["language"] < first["menu"], order
        # The visual order: search and language sit above the menu row.
        top = {
            kind: page.locator(selector).first.bounding_box()["y"]
            for kind, selector in (("search", ".site-search"), ("menu", ".main-nav a"))
        }
        assert top["search"] < top["menu"]

        def ring(selector, background):
            page.locator(selector).first.focus()
            page.keyboard.press("Shift+Tab")
            page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
            style = page.evaluate(
                """() => { const s = getComputedStyle(document.activeElement);
                    const outline = s.outlineStyle === 'none' ? '' : s.outlineColor;
                    return outline + ' ' + s.boxShadow; }"""
            )
            best = max((contrast(c, background) for c in colours(style)), default=0)
            return best, style

        for selector, background in (
            ("main a", WHITE),
            (".main-nav a", HEADER),
            (".lang a", HEADER),
        ):
            best, style = ring(selector, background)
            assert best >= 3, f"focus ring of {selector} ({style}) is {best:.2f}:1 on {background}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pages_at_200_percent_text_on_a_phone(live_server, chromium, demo):
    source = require_axe()
    problems = []
    with opened_page(chromium, PHONE) as page:
        for name in ("home", "unit", "service", "picker", "form", "results", "open-data"):
            page.goto(live_server.url + demo[name])
            zoom_text(page, 2)
            problems += [f"{name} @390 text 200%: {p}" for p in sideways(page, PHONE)]
            problems += [f"{name} @390 text 200%: {p}" for p in axe(page, source)]
        # The phone's menu button stays where it was when the menu opens.
        page.goto(live_server.url + "/")
        button = page.locator("summary.menu-button")
        before = button.bounding_box()
        button.click()
        after = button.bounding_box()
        if abs(before["y"] - after["y"]) > 1 or abs(before["x"] - after["x"]) > 1:
            problems.append(f"menu button moved from {before} to {after} when opened")
        if not page.get_by_role("navigation", name="Navigasi utama").is_visible():
            problems.append("menu did not open")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_printed_service_page_keeps_tables_and_footer_whole(live_server, chromium, demo):
    with opened_page(chromium, DESKTOP) as page:
        page.goto(live_server.url + demo["service"])
        page.emulate_media(media="print")
        breaks = page.evaluate(
            """() => [...document.querySelectorAll('table.data, footer.site-footer')].map(e =>
                [e.tagName + '.' + e.className, getComputedStyle(e).breakInside])"""
        )
        assert breaks and all(value == "avoid" for _name, value in breaks), breaks
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")


# Every text of every chart on the page: its rendered size (the computed font size times
# the SVG's scale from viewBox units to screen pixels) and its box on the screen.
CHART_TEXTS = """() => [...document.querySelectorAll('.chart svg')].flatMap((svg, n) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const frame = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
        const sizes = [t, ...t.querySelectorAll('tspan')].map(
            e => parseFloat(getComputedStyle(e).fontSize) * scale);
        const box = t.getBoundingClientRect();
        return {chart: n, text: t.textContent.trim(), px: Math.min(...sizes),
                box: [box.left, box.top, box.right, box.bottom],
                inside: box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5
                     && box.top >= frame.top - 0.5 && box.bottom <= frame.bottom + 0.5};
    });
})"""


def overlapping(texts):
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            if a["chart"] != b["chart"]:
                continue
            (l1, t1, r1, b1), (l2, t2, r2, b2) = a["box"], b["box"]
            if min(r1, r2) - max(l1, l2) > 1 and min(b1, b2) - max(t1, t2) > 1:
                yield a["text"], b["text"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_chart_labels_are_readable_on_phones_and_desktops(live_server, chromium, demo):
    """Chart text at least 12 px on the screen (the viewBox scales it), none overlapping
    another or cut by the drawing's edge, on every page with a chart."""
    problems = []
    for size, viewport in (("390", PHONE), ("1280", DESKTOP)):
        with opened_page(chromium, viewport) as page:
            for name in ("home", "unit", "service", "results"):
                page.goto(live_server.url + demo[name])
                page.wait_for_load_state("load")
                texts = page.evaluate(CHART_TEXTS)
                if not texts:
                    problems.append(f"{name} @{size}: no chart drawn")
                for t in texts:
                    if t["px"] < 12:
                        problems.append(f"{name} @{size}: {t['text']!r} is {t['px']:.1f} px")
                    if not t["inside"]:
                        problems.append(f"{name} @{size}: {t['text']!r} is cut by the edge")
                for a, b in overlapping(texts):
                    problems.append(f"{name} @{size}: {a!r} overlaps {b!r}")
    assert not problems, "\n".join(problems)
