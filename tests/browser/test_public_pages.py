"""Every public page, as a citizen sees it in real headless Chromium at a phone's
width (390 px) and a desktop's (1280 px): nothing scrolls sideways, and axe-core
finds no accessibility violation of any impact.

Debian's /usr/bin/chromium is driven by Playwright (no browser is downloaded).
axe-core comes from the npm registry, pinned in tests/browser/package-lock.json
(`make test` runs `npm ci` there); it is injected with page.evaluate in a context
that bypasses the Content-Security-Policy, so no inline script is needed.
Screenshots of every page land in test-output/screenshots/ for review.

One test walks all pages: the demo Pemda is loaded once, one browser serves
both widths, and every problem is collected so a failure lists them all.
"""

import datetime
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import fill

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(settings.BASE_DIR) / "test-output" / "screenshots"
if not AXE.exists():
    pytest.skip(
        f"axe-core is not installed ({AXE}): run `make axe` (needs npm).",
        allow_module_level=True,
    )

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def demo_with_results():
    """The demo Pemda with enough survey answers for every chart to be drawn, and an
    activated kiosk; returns (pages by name, kiosk key)."""
    from content.models import ServicePage, UnitPage
    from feedback.models import Kiosk, Service, ServicePoint
    from portal.demo import loader

    loader.load(log=lambda line: None, with_responses=False)
    day = datetime.date(2026, 8, 10)
    for code, answers in (("KTP-EL", (4, 3, 3)), ("KK", (4, 4, 2)), ("AKTA-LAHIR", (3, 3, 2))):
        service = Service.objects.get(code=code)
        for value in answers:
            fill(service, 5, value, day=day)
            fill(service, 5, value, day=day - datetime.timedelta(days=92))
    loader._results_pages()
    loader._navigation()
    kiosk = Kiosk.objects.create(
        name="Kiosk uji", service_point=ServicePoint.objects.get(code="DUK-L1")
    )
    key = kiosk.set_new_key()
    kiosk.is_active = True
    kiosk.save()
    unit = UnitPage.objects.get(unit__code="DISDUKCAPIL")
    service = ServicePage.objects.get(service__code="KTP-EL")
    return {
        "home": "/",
        "unit": unit.url,
        "service": service.url,
        "picker": "/nilai/",
        "form": "/nilai/KTP-EL/",
        "results": "/hasil-survei/",
        "search": "/cari/?q=akta+kelahiran",
        "open-data": "/data-terbuka/",
        "not-found": "/tidak-ada-halaman-ini/",
        "kiosk": "/kiosk/",
    }, key


def axe_violations(page, source: str) -> list[str]:
    """Every axe-core violation on the page, of any impact, one line each."""
    page.evaluate(source)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    lines = []
    for v in result["violations"]:
        targets = ", ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        lines.append(f"{v['impact']} {v['id']}: {v['help']} [{targets}]")
    return lines


def check(page, name: str, size: str, viewport: dict, source: str) -> list[str]:
    """Overflow and axe problems of the page as it is now; saves a screenshot."""
    problems = []
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width != viewport["width"]:
        wide = page.evaluate(
            """(limit) => [...document.querySelectorAll('body *')]
                .filter(e => e.checkVisibility() && e.getBoundingClientRect().right > limit + 1)
                .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className + ' in '
                                      + e.parentElement.tagName.toLowerCase() + '.'
                                      + e.parentElement.className)""",
            viewport["width"],
        )
        problems.append(f"{name} @{size}: page is {scroll_width}px wide, too wide: {wide}")
    problems += [f"{name} @{size}: {line}" for line in axe_violations(page, source)]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{size}.png"), full_page=True)
    return problems


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_pages_fit_phones_and_pass_axe(live_server, chromium, settings):
    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    urls, kiosk_key = demo_with_results()
    source = AXE.read_text()
    problems = []
    for size, viewport in WIDTHS.items():
        context = chromium.new_context(
            viewport=viewport,
            is_mobile=size == "phone",
            has_touch=size == "phone",
            bypass_csp=True,
        )
        context.add_cookies([{"name": "kiosk_key", "value": kiosk_key, "url": live_server.url}])
        page = context.new_page()
        for name, path in urls.items():
            response = page.goto(live_server.url + path)
            expected = 404 if name == "not-found" else 200
            if response.status != expected:
                problems.append(f"{name} @{size}: HTTP {response.status}, not {expected}")
            if name == "service" and not page.get_by_text("Sampel belum memadai").is_visible():
                problems.append(f"service @{size}: the sample check is not shown")
            problems += check(page, name, size, viewport, source)

        # The survey form after a send with a missing answer: the error summary.
        page.goto(live_server.url + urls["form"])
        for n in range(1, 9):
            page.get_by_role("group", name=f"U{n}.").get_by_role("radio").nth(2).check()
        page.get_by_role("button", name="Kirim penilaian").click()
        if "U9" not in page.get_by_role("alert").inner_text():
            problems.append(f"form-error @{size}: the missing U9 is not pointed out")
        problems += check(page, "form-error", size, viewport, source)

        # The standard's last review and where the Maklumat hangs, as a reader sees them.
        page.goto(live_server.url + urls["service"])
        reviews = page.get_by_role("region", name="Peninjauan standar pelayanan")
        if not reviews.get_by_text("Ditinjau terakhir:").is_visible():
            problems.append(f"service @{size}: 'Ditinjau terakhir' not visible")
        if not page.get_by_text("Papan informasi di ruang tunggu pelayanan").is_visible():
            problems.append(f"service @{size}: where the Maklumat hangs is not visible")

        # The menu opens without JavaScript on a phone and shows the main links.
        page.goto(live_server.url + "/")
        nav = page.get_by_role("navigation", name="Navigasi utama")
        if size == "phone":
            if nav.is_visible():
                problems.append("menu @phone: open before the Menu button is pressed")
            page.get_by_text("Menu", exact=True).click()
        if not nav.get_by_role("link", name="Hasil Survei").is_visible():
            problems.append(f"menu @{size}: 'Hasil Survei' not visible")
        context.close()
    assert not problems, "\n".join(problems)
