"""The officer's and the supervisor's admin screens in headless Chromium at a phone's
width, a desktop's and with 200% text: signed in as the demo logins `petugas` and
`atasan`, links and buttons followed, axe-core clean on the screens' own content."""

import datetime

import pytest

from tests.browser.a11y import SIZES, new_context, require_axe
from tests.browser.test_admin_screens import look, sign_in
from tests.browser.test_public_pages import demo_with_results


def rate_the_demo_officer():
    """Twenty receipt-verified ratings for the demo officer, so every figure is drawn."""
    from feedback.intake import parsing, receipts, storing
    from feedback.models import Officer, Service

    officer = Officer.objects.get(user__username="petugas")
    point = officer.assignments.first().service_point
    service = Service.objects.get(code="KTP-EL")
    for n in range(20):
        receipt = receipts.receipt_issue(service=service, service_point=point, officer=officer)
        answers = {f"U{i}": 3 for i in range(1, 10)} | {"U6": 2 + n % 3, "U7": 3 + n % 2}
        sub = parsing.parse_submission(
            {
                "service": service.code,
                "answers": answers,
                "served_on": datetime.date(2026, 8, 10),
                "receipt": receipt.code,
                "service_point": point.code,
            },
            today=datetime.date(2026, 11, 22),
        )
        storing.response_submit(sub, channel="qr")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_officer_reads_kinerja_saya_and_acknowledges_a_note(live_server, chromium, settings):
    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    source = require_axe()
    demo_with_results()
    rate_the_demo_officer()
    problems = []
    for size, viewport, zoom in SIZES:
        context = new_context(chromium, viewport)
        page = context.new_page()
        sign_in(page, live_server.url, "petugas")
        page.goto(live_server.url + "/admin/kinerja-saya/?periode=2026-Q3")
        problems += look(page, source, f"kinerja saya @{size}", viewport, zoom)
        if "Rata-rata unit" not in page.content():
            problems.append(f"kinerja saya @{size}: no unit average")
        page.get_by_role("button", name="Tampilkan").click()
        page.wait_for_load_state("load")
        unread = page.get_by_role("button", name="Tandai sudah dibaca")
        if unread.count():
            unread.first.click()
            page.wait_for_url("**/admin/kinerja-saya/**")
            if "Catatan ditandai sudah dibaca." not in page.content():
                problems.append(f"kinerja saya @{size}: acknowledging said nothing")
        problems += look(page, source, f"kinerja saya after @{size}", viewport, zoom)
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_supervisor_opens_the_team_and_writes_a_note(live_server, chromium, settings):
    from feedback.models import FeedbackNote

    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    source = require_axe()
    demo_with_results()
    rate_the_demo_officer()
    problems = []
    for size, viewport, zoom in SIZES:
        context = new_context(chromium, viewport)
        page = context.new_page()
        sign_in(page, live_server.url, "atasan")
        page.goto(live_server.url + "/admin/tim-saya/?periode=2026-Q3")
        problems += look(page, source, f"tim saya @{size}", viewport, zoom)
        page.get_by_role("link", name="Rina Kurniawati, S.Psi.").click()
        page.wait_for_url("**/admin/tim-saya/*/**")
        problems += look(page, source, f"team member @{size}", viewport, zoom)
        page.get_by_role("button", name="Kirim catatan").click()
        page.wait_for_load_state("load")
        if "Tulis catatan umpan balik terlebih dahulu." not in page.content():
            problems.append(f"team member @{size}: an empty note was not refused on screen")
        problems += look(page, source, f"team member refused note @{size}", viewport, zoom)
        page.get_by_label("Catatan baru untuk petugas").fill(f"Catatan uji {size}")
        page.get_by_role("button", name="Kirim catatan").click()
        page.wait_for_load_state("load")
        if not FeedbackNote.objects.filter(text=f"Catatan uji {size}").exists():
            problems.append(f"team member @{size}: the note was not stored")
        page.get_by_role("link", name="Kembali ke tim saya").click()
        page.wait_for_url("**/admin/tim-saya/**")
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hr_opens_a_360_round_and_the_officer_rates_a_colleague(live_server, chromium, settings):
    from feedback.models import PeerReview, PeerRound

    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    source = require_axe()
    demo_with_results()
    PeerRound.objects.all().delete()  # the demo's round: this test opens its own
    problems = []
    for index, (size, viewport, zoom) in enumerate(SIZES):
        context = new_context(chromium, viewport)
        page = context.new_page()
        sign_in(page, live_server.url, "hr")
        page.goto(live_server.url + "/admin/hr/360/")
        problems += look(page, source, f"hr 360 @{size}", viewport, zoom)
        page.get_by_label("Periode (contoh: 2026 atau 2026-Q4)").fill(f"2026-Q{index + 2}")
        page.get_by_label("Unit").select_option("DINSOS")  # four officers
        page.get_by_label("Rekan yang dinilai setiap petugas").fill("5")
        page.get_by_role("button", name="Buka putaran 360").click()
        page.wait_for_load_state("load")
        if "hanya punya" not in page.content():
            problems.append(f"hr 360 @{size}: too many colleagues asked was not refused")
        problems += look(page, source, f"hr 360 refused @{size}", viewport, zoom)
        page.get_by_label("Unit").select_option("DISDUKCAPIL")
        page.get_by_label("Rekan yang dinilai setiap petugas").fill("3")
        page.get_by_role("button", name="Buka putaran 360").click()
        page.wait_for_url("**/admin/hr/360/")
        context.close()

        context = new_context(chromium, viewport)
        page = context.new_page()
        sign_in(page, live_server.url, "petugas")
        page.goto(live_server.url + "/admin/kinerja-saya/")
        page.get_by_role("link", name="Penilaian 360 untuk rekan").click()
        page.wait_for_url("**/admin/kinerja-saya/360/")
        problems += look(page, source, f"360 list @{size}", viewport, zoom)
        page.get_by_role("link", name="Nilai ").first.click()
        page.wait_for_url("**/admin/kinerja-saya/360/*/")
        problems += look(page, source, f"360 form @{size}", viewport, zoom)
        for fieldset in page.locator("fieldset").all():
            fieldset.get_by_label("Sesuai ekspektasi").check()
        page.get_by_role("button", name="Kirim penilaian").click()
        page.wait_for_url("**/admin/kinerja-saya/360/")
        context.close()
    sent = PeerReview.objects.filter(
        rater__user__username="petugas", submitted_at__isnull=False
    ).count()
    assert sent == len(SIZES), problems
    assert not problems, "\n".join(problems)
