"""Every kiosk screen as a citizen at the counter sees it, with and without the kiosk's
script, on a tablet, on a phone and with the text at 200%: axe-core finds no violation
of any impact (the answer buttons' English sub-labels were unreadable), nothing scrolls
sideways, and the answers given are the ones stored."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings

from feedback.models import Channel, Response
from tests.browser.a11y import PHONE, TABLET, check, new_context, require_axe, zoom_text
from tests.browser.test_public_pages import demo_with_results

SHOTS = Path(django_settings.BASE_DIR) / "test-output" / "screenshots"
SHOTS.mkdir(parents=True, exist_ok=True)
VIEWS = [
    ("tablet-js", TABLET, 1, True),
    ("tablet-nojs", TABLET, 1, False),
    ("phone-text200-js", PHONE, 2, True),
    ("phone-text200-nojs", PHONE, 2, False),
]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_kiosk_screen_passes_axe(live_server, chromium, settings):
    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    source = require_axe()
    _urls, key = demo_with_results()
    problems = []
    for name, viewport, zoom, script in VIEWS:
        context = new_context(chromium, viewport)
        context.add_cookies([{"name": "kiosk_key", "value": key, "url": live_server.url}])
        page = context.new_page()
        if not script:
            # The screens as a kiosk without its script gets them (one per request);
            # axe itself still needs JavaScript in the page, so only kiosk.js is held back.
            page.route("**/kiosk.js*", lambda route: route.abort())
        page.goto(live_server.url + "/kiosk/")
        zoom_text(page, zoom)
        problems += check(page, source, f"{name} home", viewport)
        page.locator(".kiosk-button").first.click()
        for n in range(1, 10):
            page.get_by_text(f"Pertanyaan {n} dari 9").wait_for()
            zoom_text(page, zoom)
            problems += check(page, source, f"{name} question {n}", viewport)
            page.screenshot(path=str(SHOTS / f"kiosk-{name}-q{n}.png"), full_page=True)
            # A tap on the answer reaches it (nothing laid over it at any text size).
            page.locator(".kiosk-choice-4").click(timeout=5000)
        page.get_by_label("Saran atau komentar").wait_for()
        zoom_text(page, zoom)
        problems += check(page, source, f"{name} comment", viewport)
        page.get_by_role("button", name="Kirim penilaian").click()
        page.get_by_role("heading", name="Terima kasih!").wait_for()
        zoom_text(page, zoom)
        problems += check(page, source, f"{name} thanks", viewport)
        context.close()
    assert not problems, "\n".join(problems)
    kiosk_answers = Response.objects.filter(channel=Channel.KIOSK)
    assert kiosk_answers.count() == len(VIEWS)
    assert all(r.answers == {f"U{n}": 4 for n in range(1, 10)} for r in kiosk_answers)
