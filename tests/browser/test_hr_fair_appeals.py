"""The HR screens for fair scores, the recognition and development lists and appeals,
and the officer's own appeal screen, in headless Chromium at a phone's width and a
desktop's: signed in through the login form, links and buttons followed, axe-core
clean on the screens' own content."""

import csv
import io

import pytest

from tests.browser.a11y import SIZES, new_context, require_axe
from tests.browser.test_admin_screens import look, sign_in
from tests.browser.test_public_pages import demo_with_results

WIDTHS = [s for s in SIZES if s[0] in ("390", "1280")]


def rated_demo():
    """The demo officer (login petugas) rated well above target, a colleague at her
    loket well below, in 2026-Q3; two pending appeals of hers for HR to decide."""
    from feedback.models import Assignment, Officer
    from feedback.personnel import appeals
    from tests.feedback.test_hr import rate

    demo_with_results()
    rina = Officer.objects.get(user__username="petugas")
    post = Assignment.objects.filter(officer=rina, service_point__isnull=False).first()
    point, service = post.service_point, post.service or post.service_point.services.first()
    colleague = Officer.objects.filter(assignments__service_point=point).exclude(pk=rina.pk).first()
    mine = [rate(service, u6=4, u7=4, officer=rina, point=point) for _ in range(18)]
    for _ in range(16):
        rate(service, u6=3, u7=2, officer=colleague, point=point)
    for rating in mine[:2]:
        appeals.file_appeal(officer=rina, response_id=rating.pk, reason="Saya tidak bertugas.")
    return rina, colleague


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hr_reads_fair_scores_lists_and_decides_appeals(live_server, chromium):
    source = require_axe()
    from feedback.models import Training

    rina, colleague = rated_demo()
    problems = []
    for size, viewport, zoom in WIDTHS:
        context = new_context(chromium, viewport, accept_downloads=True)
        page = context.new_page()
        sign_in(page, live_server.url, "hr")
        page.goto(live_server.url + "/admin/hr/indikator/?periode=2026-Q3")
        problems += look(page, source, f"hr list @{size}", viewport, zoom)
        if not page.get_by_role("columnheader", name="Estimasi wajar").count():
            problems.append(f"hr list @{size}: no fair estimate column")

        page.get_by_role("link", name="Daftar penghargaan dan pengembangan").click()
        page.wait_for_url("**/admin/hr/daftar/**")
        problems += look(page, source, f"recognition @{size}", viewport, zoom)
        if rina.nip not in page.content():
            problems.append(f"recognition @{size}: the officer above target is missing")
        page.get_by_role("link", name="Pengembangan (di bawah ekspektasi)").click()
        page.wait_for_url("**daftar=pengembangan**")
        problems += look(page, source, f"development @{size}", viewport, zoom)
        # The training suggested is from HR's catalogue for the weakest element (U7).
        u7_trainings = list(Training.objects.filter(element="U7").values_list("name", flat=True))
        shown = page.content()
        if colleague.nip not in shown or not any(name in shown for name in u7_trainings):
            problems.append(f"development @{size}: no officer below target with a training")
        with page.expect_download() as download:
            page.get_by_role("link", name="Unduh CSV").click()
        rows = list(csv.DictReader(io.StringIO(open(download.value.path()).read())))
        if not rows or not rows[0].get("suggested_training"):
            problems.append(f"development export @{size}: no rows with a training")

        page.goto(live_server.url + "/admin/hr/indikator/?periode=2026-Q3")
        page.locator("main").get_by_role("link", name="Sanggahan penilaian").click()
        page.wait_for_url("**/admin/hr/sanggahan/**")
        problems += look(page, source, f"hr appeals @{size}", viewport, zoom)
        page.get_by_label("Alasan keputusan").first.fill("Sesuai daftar hadir.")
        page.get_by_role("button", name="Terima").first.click()
        page.wait_for_url("**/admin/hr/sanggahan/**")
        if "diterima" not in page.content():
            problems.append(f"hr appeals @{size}: no confirmation after accepting")
        problems += look(page, source, f"hr appeals decided @{size}", viewport, zoom)
        page.locator("main").get_by_role("link", name="Semua", exact=True).click()
        page.wait_for_url("**status=all**")
        problems += look(page, source, f"hr appeals all @{size}", viewport, zoom)
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_officer_appeals_a_rating_of_their_own(live_server, chromium):
    source = require_axe()
    rated_demo()
    problems = []
    for size, viewport, zoom in WIDTHS:
        context = new_context(chromium, viewport)
        page = context.new_page()
        sign_in(page, live_server.url, "petugas")
        page.goto(live_server.url + "/admin/sanggahan/?periode=2026-Q3")
        problems += look(page, source, f"my appeals @{size}", viewport, zoom)
        page.locator("details summary").first.click()
        page.locator("details[open] textarea").fill("Loket keliru.")
        page.locator("details[open]").get_by_role("button", name="Ajukan sanggahan").click()
        page.wait_for_url("**/admin/sanggahan/**")
        if "Sanggahan terkirim" not in page.content():
            problems.append(f"my appeals @{size}: no confirmation after filing")
        problems += look(page, source, f"my appeals filed @{size}", viewport, zoom)
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hr_reads_an_officers_360_aggregate_and_feedback_notes(live_server, chromium):
    source = require_axe()
    from feedback.models import FeedbackNote, Officer

    demo_with_results()
    rina = Officer.objects.get(user__username="petugas")
    note = FeedbackNote.objects.filter(officer=rina).order_by("-created_at").first()
    when = note.created_at.date()
    noted = f"{when.year}-Q{(when.month - 1) // 3 + 1}"
    problems = []
    for size, viewport, zoom in WIDTHS:
        context = new_context(chromium, viewport)
        page = context.new_page()
        sign_in(page, live_server.url, "hr")
        # The demo's 360 round is of 2026-Q3.
        page.goto(f"{live_server.url}/admin/hr/petugas/{rina.nip}/?periode=2026-Q3")
        problems += look(page, source, f"hr officer 360 @{size}", viewport, zoom)
        peer = page.get_by_role("region", name="Penilaian rekan (360, BerAKHLAK)")
        if not peer.get_by_role("rowheader", name="Berorientasi Pelayanan").count():
            problems.append(f"hr officer @{size}: no 360 aggregate")
        page.goto(f"{live_server.url}/admin/hr/petugas/{rina.nip}/?periode={noted}")
        problems += look(page, source, f"hr officer notes @{size}", viewport, zoom)
        if note.text[:40] not in page.locator("main").inner_text():
            problems.append(f"hr officer @{size}: the period's feedback note is missing")
        page.get_by_role("link", name="Kembali ke daftar").click()
        page.wait_for_url("**/admin/hr/indikator/**")
        context.close()
    assert not problems, "\n".join(problems)
