"""The PEKPPP self-evaluation and the publication media log in real headless Chromium,
at a phone's width, a desktop's and with 200% text: reached from the admin menu's
screens, the evaluator's form refusing a bad score, the evidence pack downloaded, a
media-log entry dated in the future refused; axe-core checks each screen's content."""

import json
import zipfile

import pytest

from tests.browser.a11y import SIZES, new_context, require_axe
from tests.browser.test_admin_screens import look, sign_in, slow_motion
from tests.browser.test_public_pages import demo_with_results

# The snippet listing is Wagtail's; filtered, it announces its result count in an
# <h2 role="alert"> of its own (axe: aria-allowed-role), left out like its menu.
FILTERED_LISTING = "{include: [document.querySelector('main')], exclude: [['h2[role=alert]']]}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_approver_scores_a_unit_downloads_its_pack_and_logs_a_publication(live_server, chromium):
    source = require_axe()
    from content.models import MediaPublication, PekpppAssessment, UnitPage

    demo_with_results()
    unit = UnitPage.objects.get(unit__code="DISDUKCAPIL")
    entries = MediaPublication.objects.count()
    problems = []
    for size, viewport, zoom in SIZES:
        context = new_context(chromium, viewport, accept_downloads=True)
        page = context.new_page()
        sign_in(page, live_server.url, "approver")
        slow_motion(context, page)
        page.goto(live_server.url + "/admin/pekppp/")
        problems += look(page, source, f"pekppp units @{size}", viewport, zoom)
        page.get_by_role("link", name=unit.title, exact=True).click()
        page.wait_for_url(f"**/admin/pekppp/{unit.unit_id}/**")
        problems += look(page, source, f"pekppp unit @{size}", viewport, zoom)
        if not page.get_by_text("SKM per triwulan; sampel KTP-el belum memadai.").count():
            problems.append(f"pekppp unit @{size}: the demo evaluator's note is missing")

        # A score above 100 is refused beside its field; nothing is stored.
        page.locator("#score_KP8").fill("150")
        with page.expect_navigation():
            page.get_by_role("button", name="Simpan isian evaluator").click()
        if not page.get_by_text("Nilai harus di antara 0 dan 100.").is_visible():
            problems.append(f"pekppp unit @{size}: the bad score is not refused on screen")
        problems += look(page, source, f"pekppp refused @{size}", viewport, zoom)

        with page.expect_download() as download:
            page.get_by_role("link", name="Unduh paket bukti (ZIP)").click()
        with zipfile.ZipFile(download.value.path()) as pack:
            manifest = json.loads(pack.read("manifest.json"))
            if "ringkasan.pdf" not in {f["path"] for f in manifest["files"]}:
                problems.append(f"pack @{size}: no summary PDF in the manifest")

        page.locator("main").get_by_role("link", name="Log media publikasi").click()
        page.wait_for_url(f"**/admin/snippets/content/mediapublication/?unit={unit.unit_id}")
        if not page.get_by_text("Instagram @disdukcapil.sukamaju").count():
            problems.append(f"media log @{size}: the unit's entries are not listed")
        problems += look(page, source, f"media log @{size}", viewport, zoom, FILTERED_LISTING)
        page.goto(live_server.url + "/admin/snippets/content/mediapublication/add/")
        page.locator("#id_title").fill("Papan informasi lobi")
        page.locator("#id_published_on").fill("2099-01-05")
        page.locator("#id_link").fill("https://example.org/papan")
        page.locator("#id_subject").select_option("standar")
        page.locator("#id_kind").select_option("papan")
        with page.expect_navigation():
            page.locator("main button[type=submit]").first.click()
        if not page.get_by_text("Tanggal publikasi tidak boleh di masa depan").count():
            problems.append(f"media log form @{size}: the future date is not refused")
        problems += look(
            page,
            source,
            f"media log refused @{size}",
            viewport,
            zoom,
            "document.querySelector('main form')",
        )
        context.close()
    assert not PekpppAssessment.objects.filter(score__gt=100).exists()
    assert MediaPublication.objects.count() == entries, "a refused entry was stored"
    assert not problems, "\n".join(problems)
