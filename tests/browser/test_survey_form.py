"""A citizen on a phone fills in the survey in real headless Chromium (Debian's
/usr/bin/chromium driven by Playwright; no browser is downloaded)."""

import pytest
from playwright.sync_api import expect

from feedback.models import Channel, Response
from tests.factories import ServiceFactory, service_page

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def page(chromium):
    context = chromium.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=False,
    )
    return context.new_page()


# serialized_rollback: start from the migrated database (its home page), whatever
# an earlier transactional test flushed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_citizen_rates_a_service_from_a_phone(live_server, page, settings):
    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    sp = service_page(ServiceFactory(code="KTP-EL", name="Penerbitan KTP Elektronik"))

    page.goto(live_server.url + sp.url)
    page.get_by_role("link", name="Nilai layanan ini").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Survei Kepuasan Masyarakat")

    # Touch targets are large enough for a thumb (at least 44 CSS pixels high).
    first_choice = page.locator("label.choice").first.bounding_box()
    assert first_choice["height"] >= 44
    # Nothing overflows the phone's width.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    for n in range(1, 10):
        group = page.get_by_role("group", name=f"U{n}.")
        group.get_by_role("radio").nth(3 if n != 9 else 1).check()
    page.get_by_label("Usia (tahun)").fill("29")
    page.get_by_label("Jenis kelamin").select_option("P")
    page.get_by_label("Saran atau komentar (tidak wajib)").fill("Petugas ramah, antrean cepat.")
    page.get_by_role("button", name="Kirim penilaian").click()

    heading = page.get_by_role("heading", level=1).inner_text()
    assert "Terima kasih atas penilaian Anda" in heading, page.locator("main").inner_text()
    stored = Response.objects.get()
    assert stored.channel == Channel.WEB
    assert stored.answers == {**{f"U{n}": 4 for n in range(1, 9)}, "U9": 2}
    assert (stored.age, stored.sex) == (29, "P")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_missing_answer_is_pointed_out_on_the_phone(live_server, page, settings):
    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    ServiceFactory(code="KK")
    page.goto(live_server.url + "/nilai/KK/")
    for n in range(1, 9):
        page.get_by_role("group", name=f"U{n}.").get_by_role("radio").nth(2).check()
    page.get_by_role("button", name="Kirim penilaian").click()
    alert = page.get_by_role("alert")
    assert "U9" in alert.inner_text()
    assert Response.objects.count() == 0
