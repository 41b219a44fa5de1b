"""Closing the loop in real headless Chromium: unit staff work the inbox "Masukan
warga" (signed in through the login form, links and buttons followed), and a citizen
on a phone says what was lacking for a low score; axe-core clean on every screen."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import SIZES, axe, new_context, require_axe, sideways, zoom_text
from tests.browser.test_admin_screens import CONTENT, sign_in
from tests.browser.test_public_pages import demo_with_results

PHONE = {"width": 390, "height": 844}


def look(page, source, name, viewport, zoom, content=CONTENT) -> list[str]:
    page.wait_for_load_state("load")
    zoom_text(page, zoom)
    return [f"{name}: {p}" for p in sideways(page, viewport) + axe(page, source, content)]


def inbox_items():
    """A low score with a reason and an approved comment for Disdukcapil's KTP-EL."""
    from feedback.intake import parsing, storing
    from feedback.loop import items
    from feedback.models import Response
    from portal.demo import loop

    loop._staff()
    loop._templates()
    for body in (
        {"answers": {**{f"U{i}": 4 for i in range(1, 10)}, "U3": 1}, "reasons": {"U3": "Lama"}},
        {"answers": {f"U{i}": 3 for i in range(1, 10)}, "comment": "Ruang tunggu panas."},
    ):
        sub = parsing.parse_submission({"service": "KTP-EL", **body})
        response, _created = storing.response_submit(sub, channel="web")
        items.response_arrived(response)
    commented = Response.objects.exclude(comment="").get()
    Response.objects.filter(pk=commented.pk).update(comment_status="approved")
    items.comments_approved([commented.pk])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_unit_staff_work_the_inbox(live_server, chromium, settings):
    source = require_axe()
    demo_with_results()
    inbox_items()
    problems = []
    for size, viewport, zoom in SIZES:
        context = new_context(chromium, viewport)
        page = context.new_page()
        page.set_default_timeout(30_000)
        sign_in(page, live_server.url, "petugas-duk")
        problems += look(page, source, f"dashboard @{size}", viewport, zoom)
        page.goto(live_server.url + "/admin/masukan/")
        problems += look(page, source, f"inbox @{size}", viewport, zoom)
        page.get_by_role("button", name="Saring").click()
        page.wait_for_url("**/admin/masukan/?**")
        page.get_by_role("link", name="Alasan nilai rendah per unsur").click()
        page.wait_for_url("**/admin/masukan/alasan/")
        problems += look(page, source, f"reasons @{size}", viewport, zoom)
        if "Lama" not in page.locator("main").inner_text():
            problems.append(f"reasons @{size}: the reason is not listed")
        page.goto(live_server.url + "/admin/masukan/")
        page.locator("table.listing tbody a").last.click()
        page.wait_for_url("**/admin/masukan/*/")
        problems += look(page, source, f"item @{size}", viewport, zoom)
        context.close()
    assert not problems, "\n".join(problems)

    # One pass through the flow on a phone: a template, a reply submitted, reviewed.
    context = new_context(chromium, PHONE)
    page = context.new_page()
    sign_in(page, live_server.url, "petugas-duk")
    page.goto(live_server.url + "/admin/masukan/")
    page.locator("table.listing tbody a").last.click()
    page.get_by_role("link", name="Antrean", exact=True).click()
    # expect() waits for the page the click leads to; inner_text() could read the
    # page in between (an empty <main>) on a busy machine.
    expect(page.get_by_label("Tanggapan untuk umum")).to_have_value(re.compile("loket tambahan"))
    page.get_by_role("button", name="Ajukan tanggapan").click()
    expect(page.locator("main")).to_contain_text("Tanggapan diajukan untuk disetujui.")
    page.get_by_label("Status baru").select_option("ditinjau")
    page.get_by_role("button", name="Simpan status").click()
    expect(page.locator("main")).to_contain_text("Status diperbarui.")
    context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_citizen_says_what_was_lacking_on_a_phone(live_server, chromium, settings):
    from feedback.models import Response

    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    source = require_axe()
    pages, _kiosk_key = demo_with_results()
    context = new_context(chromium, PHONE)
    page = context.new_page()
    page.goto(live_server.url + pages["service"])
    page.get_by_role("link", name="Nilai layanan ini").click()
    reason = page.locator("#id_reason_u3")
    assert not reason.is_visible()  # shown only once 1 or 2 is chosen
    for n in range(1, 10):
        page.get_by_role("group", name=f"U{n}.").get_by_role("radio").nth(
            0 if n == 3 else 3
        ).check()
    assert reason.is_visible()
    assert page.get_by_role("textbox", name="Apa yang kurang? (tidak wajib)").count() == 1
    problems = look(page, source, "form @390", PHONE, 1, content="document")
    reason.fill("Menunggu tiga jam di ruang yang panas.")
    page.get_by_role("button", name="Kirim penilaian").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Terima kasih")
    problems += look(page, source, "thanks @390", PHONE, 1, content="document")
    context.close()
    assert not problems, "\n".join(problems)
    stored = Response.objects.order_by("-pk").first()
    assert stored.reasons == {"U3": "Menunggu tiga jam di ruang yang panas."}
    assert stored.loop_item.has_reasons
