"""The survey report as an editable DOCX: staff download it from the admin, its
tables say what the published report says, and nothing else gets it."""

import datetime
import io

import docx
import pytest
from django.contrib.auth.models import Group
from docx.table import Table
from docx.text.paragraph import Paragraph

from content.models import FollowUpAction, ResultsPage, SurveyReportPage
from content.report_docx import CONTENT_TYPE, NARRATIVE
from feedback.intake import parsing, storing
from feedback.models import Population
from tests.factories import (
    SURVEY_TODAY,
    AssignmentFactory,
    ServiceFactory,
    ServicePointFactory,
    draft_child,
    fill,
    home_page,
    publish_child,
    unit_page,
)
from tests.html_reading import soup

pytestmark = pytest.mark.django_db

SUMMARY = "Indeks Kepuasan Masyarakat (nilai konversi) dan mutu pelayanan"
DRAFT = {
    "title": "Laporan draf",
    "slug": "draf",
    "period": "2026-Q3",
    "method": "<p>x</p>",
    "analysis": "<p>x</p>",
}


@pytest.fixture
def results_page():
    return publish_child(home_page(), ResultsPage(title="Hasil", slug="hasil"))


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def answer(service, values, *, respondent=None, officer_nip=None):
    data = {
        "service": service.code,
        "answers": {f"U{n}": v for n, v in enumerate(values, start=1)},
        "served_on": datetime.date(2026, 8, 10),
        "respondent": respondent or {},
    }
    if officer_nip:
        data["officer_nip"] = officer_nip
    sub = parsing.parse_submission(data, today=SURVEY_TODAY, officer_by_nip=bool(officer_nip))
    storing.response_submit(sub, channel="paper")


def report(results_page, **kwargs):
    fields = {
        "title": "Laporan SKM Triwulan III 2026",
        "slug": "laporan-q3",
        "period": "2026-Q3",
        "method": "<p>Survei daring &amp; kertas di loket.</p>",
        "analysis": "<p>Waktu penyelesaian terendah.</p>",
    }
    return publish_child(results_page, SurveyReportPage(**{**fields, **kwargs}))


def download(client, page):
    return client.get(f"/admin/laporan-skm/{page.pk}/docx/")


def opened(response):
    return docx.Document(io.BytesIO(response.content))


def table_after(document, caption: str) -> list[list[str]]:
    """The rows of the table right after the caption paragraph ``caption``."""
    blocks = list(document.iter_inner_content())
    for block, following in zip(blocks, blocks[1:], strict=False):
        if isinstance(block, Paragraph) and block.text == caption:
            assert isinstance(following, Table), f"no table after {caption!r}"
            return [[c.text for c in row.cells] for row in following.rows]
    raise AssertionError(f"no caption {caption!r} in the DOCX")


def page_rows(html, caption: str) -> list[list[str]]:
    table = html.find("caption", string=caption).find_parent("table")
    return [
        [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])]
        for tr in table.find("tbody").find_all("tr")
    ]


def published_report(results_page):
    """A unit's report: two services (one weak on U3), profiles, a count, an RTL."""
    unit = unit_page()
    fast = ServiceFactory(unit=unit.unit, code="KTP-EL", name="KTP Elektronik")
    slow = ServiceFactory(unit=unit.unit, code="KK", name="Kartu Keluarga")
    for n in range(8):
        answer(fast, [4, 4, 3, 4, 4, 4, 4, 3, 4], respondent={"sex": "P" if n % 2 else "L"})
    for _n in range(6):
        answer(slow, [3, 3, 1, 4, 3, 3, 4, 2, 3], respondent={"sex": "L", "education": "sma"})
    Population.objects.create(service=fast, period="2026-Q3", served=500)
    Population.objects.create(service=slow, period="2026-Q3", served=300)
    unit.follow_ups.add(
        FollowUpAction(
            period="2026-Q3",
            element="U3",
            action="Menambah loket pada jam sibuk.",
            timing="Oktober 2026",
            responsible="Kepala Bidang Pelayanan",
            status="berjalan",
        )
    )
    unit.save_revision().publish()
    return report(results_page, unit=unit.unit), unit


def test_staff_download_the_report_as_docx_with_the_published_figures(client, results_page, editor):
    page, _unit = published_report(results_page)
    client.force_login(editor)
    res = download(client, page)

    assert res.status_code == 200
    assert res["Content-Type"] == CONTENT_TYPE
    assert res["Content-Disposition"] == 'attachment; filename="laporan-q3.docx"'
    document = opened(res)
    public = soup(client.get(page.url))

    # NRR per element: the same digits as the published report's table.
    nrr = table_after(document, "Nilai rata-rata (NRR) per unsur")
    assert nrr[0] == ["Kode", "Unsur", "NRR"]
    assert [[f"{code} {name}", value] for code, name, value in nrr[1:]] == page_rows(
        public, "Nilai rata-rata per unsur"
    )
    assert nrr[3] == ["U3", "Waktu penyelesaian", "2,14"]  # (8x3 + 6x1) / 14

    figures = page.snapshot.figures["result"]
    summary = table_after(document, SUMMARY)
    respondents, ikm, mutu, kinerja, _ci = summary[1]
    assert respondents == "14" == str(figures["respondents"])
    assert ikm == f"{figures['ikm']:.2f}".replace(".", ",")
    score = public.select_one(".score").get_text(" ", strip=True)
    assert ikm in score and f"Mutu {mutu}" in score and kinerja in score

    parts = table_after(document, "Rincian per layanan")
    assert [row[1:3] for row in parts[1:]] == [["KTP Elektronik", "8"], ["Kartu Keluarga", "6"]]

    # The weakest elements, the lowest first; the analysis the editor published.
    weakest = table_after(document, "Unsur dengan nilai terendah")
    assert weakest[1][0] == "U3"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Waktu penyelesaian terendah." in text
    assert "Survei daring & kertas di loket." in text


def test_the_docx_holds_the_sample_check_the_profile_and_the_rtl(client, results_page, editor):
    page, _unit = published_report(results_page)
    client.force_login(editor)
    document = opened(download(client, page))

    coverage = table_after(document, "Kecukupan sampel (Krejcie & Morgan)")
    # 800 served: Krejcie & Morgan ask 260; 14 answered.
    assert coverage[1] == ["800", "260", "14", "1,8%", "belum memadai"]
    sex = table_after(document, "Profil responden menurut jenis kelamin")
    assert sex[1:] == [["Laki-laki", "10", "71,4%"], ["Perempuan", "4", "28,6%"]]
    assert sum(int(row[1]) for row in sex[1:]) == 14
    rtl = table_after(document, "Rencana tindak lanjut (RTL)")
    assert rtl[1] == [
        "U3 Waktu penyelesaian",
        "Menambah loket pada jam sibuk.",
        "Oktober 2026",
        "Kepala Bidang Pelayanan",
        "Sedang berjalan",
    ]


def test_the_narrative_headings_leave_an_empty_paragraph_to_write_in(client, results_page, editor):
    page, _unit = published_report(results_page)
    client.force_login(editor)
    paragraphs = opened(download(client, page)).paragraphs
    for heading in NARRATIVE.values():
        at = next(i for i, p in enumerate(paragraphs) if p.text == heading)
        assert paragraphs[at].style.name == "Heading 2"
        assert paragraphs[at + 1].text == "", f"no room to write under {heading}"
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "BAB I PENDAHULUAN",
        "BAB II PENGUMPULAN DATA SKM",
        "BAB III HASIL PENGOLAHAN DATA SKM",
        "BAB IV ANALISIS HASIL SKM",
        "BAB V PENUTUP",
        "LAMPIRAN",
    ]


def test_the_docx_keeps_the_frozen_figures(client, results_page, editor):
    service = ServiceFactory(code="KTP-EL")
    fill(service, 10, 4)
    page = report(results_page)
    fill(service, 30, 1)  # after publication: the report does not move
    client.force_login(editor)
    summary = table_after(opened(download(client, page)), SUMMARY)
    assert summary[1][:4] == ["10", "100,00", "A", "Sangat Baik"]


def test_a_report_below_the_minimum_says_so_instead_of_figures(client, results_page, editor):
    fill(ServiceFactory(code="KTP-EL"), 2, 4)
    page = report(results_page)
    client.force_login(editor)
    document = opened(download(client, page))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "nilai per unsur dan IKM tidak diterbitkan" in text
    assert "100,00" not in text
    assert not any(t.rows[0].cells[-1].text == "NRR" for t in document.tables)


def test_no_officer_appears_in_the_docx(client, results_page, editor):
    service = ServiceFactory(code="KTP-EL")
    assignment = AssignmentFactory(
        officer__name="Siti Rahmawati",
        officer__unit=service.unit,
        service_point=ServicePointFactory(unit=service.unit),
    )
    assignment.service_point.services.add(service)
    for _n in range(6):
        answer(service, [4] * 9, officer_nip=assignment.officer.nip)
    page = report(results_page)
    client.force_login(editor)
    document = opened(download(client, page))
    everything = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for row in t.rows for c in row.cells]
    )
    assert "Laporan SKM Triwulan III 2026" in everything
    assert assignment.officer.nip not in everything
    assert "Siti" not in everything


def test_an_unknown_or_forged_id_is_a_404(client, results_page, editor):
    client.force_login(editor)
    assert client.get("/admin/laporan-skm/999999/docx/").status_code == 404
    # A page that is no report: not found either.
    assert client.get(f"/admin/laporan-skm/{results_page.pk}/docx/").status_code == 404
    assert client.get("/admin/laporan-skm/abc/docx/").status_code == 404


def test_an_unpublished_report_sends_staff_back_with_the_reason(client, results_page, editor):
    page = draft_child(
        results_page,
        SurveyReportPage(**DRAFT),
    )
    client.force_login(editor)
    res = download(client, page)
    assert res.status_code == 302
    assert res["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert res["Content-Type"] != CONTENT_TYPE
    messages = " ".join(m.message for m in res.wsgi_request._messages)
    assert "belum diterbitkan" in messages


def test_only_staff_who_may_edit_the_report_get_the_docx(client, results_page, django_user_model):
    fill(ServiceFactory(code="KTP-EL"), 10, 3)
    page = report(results_page)
    # Not signed in: the admin's login, no file.
    res = download(client, page)
    assert res.status_code == 302 and "/admin/login/" in res["Location"]
    # Signed in to the admin but without a right on the report's pages: as if unknown.
    hr = django_user_model.objects.create_user("hr", is_staff=True)
    hr.groups.add(Group.objects.get(name="HR"))
    client.force_login(hr)
    assert download(client, page).status_code in (302, 404)
    assert download(client, page).get("Content-Type") != CONTENT_TYPE


def test_the_report_editor_offers_the_docx_once_published(client, results_page, editor):
    fill(ServiceFactory(code="KTP-EL"), 10, 3)
    page = report(results_page)
    draft = draft_child(
        results_page,
        SurveyReportPage(**DRAFT),
    )
    client.force_login(editor)
    href = f"/admin/laporan-skm/{page.pk}/docx/"
    assert href in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert href in client.get(f"/admin/pages/{results_page.pk}/").content.decode()
    assert "/docx/" not in client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    # A public visitor finds no DOCX link on the published report.
    client.logout()
    assert "docx" not in client.get(page.url).content.decode().lower()


def test_a_withdrawn_report_is_not_offered_as_docx(client, results_page, editor):
    fill(ServiceFactory(code="KTP-EL"), 10, 3)
    page = report(results_page)
    page.unpublish()
    client.force_login(editor)
    res = download(client, page)
    assert res.status_code == 302 and res["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert "sudah ditarik" in " ".join(m.message for m in res.wsgi_request._messages)
