"""A survey report as an editable DOCX, for staff to add their narrative and sign.

Laid out like the report format in the annex of PermenPANRB 14/2017 (Bab I
Pendahuluan .. Bab V Penutup, then the signature and the annexes), filled from the
same frozen snapshot as the page and the PDF (content/reports.py), so the three
never disagree. Headings the unit writes itself (background, aims, conclusions)
are followed by an empty paragraph to type into.

No officer appears: the snapshot holds figures of services and units only, and
the RTL names positions, not people. The signature block is left blank for the
signer.

Nothing here imports the page models: the caller passes the page and its snapshot.
"""

import datetime
import html
import io

from django.utils import translation

from feedback.rules.ikm import SOURCE_RESPONDENTS
from feedback.rules.skm import BY_CODE

from . import reports
from .results import profile_table

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# The headings the unit writes under (the annex's structure); each gets an empty
# paragraph after it.
NARRATIVE = {
    "latar_belakang": "1.1 Latar Belakang",
    "tujuan": "1.2 Maksud dan Tujuan",
    "pelaksanaan": "2.1 Pelaksanaan SKM",
    "pembahasan": "4.2 Pembahasan",
    "kesimpulan": "5.1 Kesimpulan",
    "saran": "5.2 Saran",
}


def filename(page) -> str:
    return f"{page.slug}.docx"


def _text(html_text: str) -> list[str]:
    """Rich text as plain paragraphs (reports.paragraphs keeps entities: unescape them)."""
    return [html.unescape(p) for p in reports.paragraphs(html_text)]


def _scope_line(scope: dict) -> str:
    if scope.get("type") == "pemda":
        return f"Seluruh Pemda ({scope.get('name') or '-'})"
    if scope.get("type") == "service":
        return f"Layanan {scope.get('name')} ({scope.get('unit', {}).get('name', '-')})"
    return f"Unit {scope.get('name')}"


def docx(page, snapshot, *, pemda_name: str) -> bytes:
    """The report of ``page`` (as published) with the figures of ``snapshot``."""
    # Loaded only when a DOCX is asked for: python-docx brings lxml, and every admin
    # process imports this module with the admin views.
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    f = snapshot.figures
    result = f["result"]
    scope = f["scope"]
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    doc.core_properties.title = page.title
    doc.core_properties.author = pemda_name
    doc.core_properties.language = "id-ID"
    doc.styles["Normal"].font.size = Pt(11)

    def table(header: list[str], rows: list[list], caption: str):
        doc.add_paragraph(caption, style="Caption")
        t = doc.add_table(rows=1, cols=len(header))
        t.style = "Table Grid"
        for cell, text in zip(t.rows[0].cells, header, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in rows:
            for cell, value in zip(t.add_row().cells, row, strict=True):
                cell.text = str(value)
        doc.add_paragraph()
        return t

    def narrative(key: str):
        doc.add_heading(NARRATIVE[key], level=2)
        doc.add_paragraph()

    # --- Cover and identity ---------------------------------------------------------
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("LAPORAN\nSURVEI KEPUASAN MASYARAKAT")
    run.bold, run.font.size = True, Pt(18)
    for line in (page.title, scope.get("name") or pemda_name, f["period_label"], pemda_name):
        p = doc.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    frozen = snapshot.created_at
    table(
        ["Identitas", "Keterangan"],
        [
            ["Pemerintah daerah", pemda_name],
            ["Lingkup", _scope_line(scope)],
            ["Periode survei", f"{f['period_label']} ({f['period']})"],
            ["Dasar", "Peraturan Menteri PANRB Nomor 14 Tahun 2017"],
            ["Angka dibekukan", f"{frozen:%d-%m-%Y %H:%M} UTC"],
        ],
        "Identitas laporan",
    )
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # --- Bab I ----------------------------------------------------------------------
    doc.add_heading("BAB I PENDAHULUAN", level=1)
    narrative("latar_belakang")
    narrative("tujuan")
    doc.add_heading("1.3 Dasar Hukum", level=2)
    for law in (
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.",
        "Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei "
        "Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik.",
    ):
        doc.add_paragraph(law, style="List Number")

    # --- Bab II ---------------------------------------------------------------------
    doc.add_heading("BAB II PENGUMPULAN DATA SKM", level=1)
    narrative("pelaksanaan")
    doc.add_heading("2.2 Metode Pengumpulan Data", level=2)
    for text in _text(page.method):
        doc.add_paragraph(text)
    doc.add_heading("2.3 Penentuan Jumlah Responden", level=2)
    coverage = f.get("coverage") or {}
    if coverage.get("required_sample"):
        table(
            ["Pengguna layanan", "Sampel diperlukan", "Responden", "Tingkat respons", "Kecukupan"],
            [
                [
                    reports.count(coverage["service_users"]),
                    reports.count(coverage["required_sample"]),
                    reports.count(coverage["respondents"]),
                    f"{reports.number(coverage['response_rate_percent'], 1)}%",
                    "memadai" if coverage["adequate"] else "belum memadai",
                ]
            ],
            "Kecukupan sampel (Krejcie & Morgan)",
        )
        doc.add_paragraph(reports.coverage_phrase(coverage, ampersand="&"))
    else:
        doc.add_paragraph(
            f"Jumlah responden: {reports.count(result['respondents'])}. Jumlah pengguna "
            "layanan pada periode ini belum diisi, sehingga kecukupan sampel "
            "(Krejcie & Morgan) belum dapat dinilai."
        )

    # --- Bab III --------------------------------------------------------------------
    doc.add_heading("BAB III HASIL PENGOLAHAN DATA SKM", level=1)
    doc.add_heading("3.1 Jumlah dan Profil Responden", level=2)
    doc.add_paragraph(f"Jumlah responden: {reports.count(result['respondents'])}.")
    profile = f.get("profile") or {}
    if result.get("source", SOURCE_RESPONDENTS) != SOURCE_RESPONDENTS:
        doc.add_paragraph(
            "Profil responden tidak tersedia: sebagian responden berasal dari tabel laporan "
            "terdahulu yang tidak memuat profil."
        )
    elif any(profile.values()):
        # The labels in Indonesian whatever language the staff member's admin uses.
        with translation.override("id"):
            dimensions = [
                (str(d["label"]), [(str(e["value"]), e["count"], e["share"]) for e in d["entries"]])
                for d in profile_table(profile)
            ]
        for label, entries in dimensions:
            if entries:
                table(
                    [label, "Jumlah", "Persentase"],
                    [[v, reports.count(n), f"{reports.number(s, 1)}%"] for v, n, s in entries],
                    f"Profil responden menurut {label.lower()}",
                )
    doc.add_heading("3.2 Indeks Kepuasan Masyarakat", level=2)
    if result["suppressed"]:
        doc.add_paragraph(
            f"Responden kurang dari {f['minimum']}: nilai per unsur dan IKM tidak diterbitkan."
        )
    else:
        table(
            ["Kode", "Unsur", "NRR"],
            [
                [e["code"], e["name"], reports.number(result["nrr"][e["code"]])]
                for e in f["elements"]
            ],
            "Nilai rata-rata (NRR) per unsur",
        )
        ci95 = result.get("ci95")
        table(
            ["Responden", "IKM", "Mutu", "Kinerja unit", "Selang kepercayaan 95%"],
            [
                [
                    reports.count(result["respondents"]),
                    reports.number(result["ikm"]),
                    result["mutu"],
                    result["kinerja"],
                    f"{reports.number(ci95[0])} - {reports.number(ci95[1])}"
                    if ci95
                    else "tidak tersedia (tabel laporan)",
                ]
            ],
            "Indeks Kepuasan Masyarakat (nilai konversi) dan mutu pelayanan",
        )
    if f["parts"]:
        table(
            ["Kode", "Nama", "Responden", "IKM", "Mutu"],
            [
                [
                    p["code"],
                    p["name"],
                    reports.count(p["respondents"]),
                    "-" if p["suppressed"] else reports.number(p["ikm"]),
                    p["mutu"] or "-",
                ]
                for p in f["parts"]
            ],
            "Rincian per unit" if scope.get("type") == "pemda" else "Rincian per layanan",
        )

    # --- Bab IV ---------------------------------------------------------------------
    doc.add_heading("BAB IV ANALISIS HASIL SKM", level=1)
    doc.add_heading("4.1 Unsur dengan Nilai Terendah", level=2)
    weakest = result.get("weakest") or []
    if weakest:
        table(
            ["Kode", "Unsur", "NRR"],
            [[c, BY_CODE[c].name, reports.number(result["nrr"][c])] for c in weakest],
            "Unsur dengan nilai terendah",
        )
    else:
        doc.add_paragraph("Tidak ada nilai per unsur yang diterbitkan untuk periode ini.")
    for text in _text(page.analysis):
        doc.add_paragraph(text)
    narrative("pembahasan")
    doc.add_heading("4.3 Rencana Tindak Lanjut", level=2)
    if f["follow_ups"]:
        table(
            ["Unsur", "Tindak lanjut", "Waktu", "Penanggung jawab", "Status"],
            [
                [
                    f"{x['element']} {x['element_name']}",
                    x["action"],
                    x["timing"],
                    x["responsible"],
                    x["status"],
                ]
                for x in f["follow_ups"]
            ],
            "Rencana tindak lanjut (RTL)",
        )
    else:
        doc.add_paragraph("Belum ada rencana tindak lanjut yang diterbitkan untuk periode ini.")
    doc.add_heading("4.4 Tren Nilai SKM", level=2)
    table(
        ["Periode", "Responden", "IKM", "Mutu"],
        [
            [
                t["label"],
                reports.count(t["respondents"]),
                "-" if t["suppressed"] else reports.number(t["ikm"]),
                t["mutu"] or "-",
            ]
            for t in f["trend"]
        ],
        "Tren IKM",
    )

    # --- Bab V, signature, annexes ---------------------------------------------------
    doc.add_heading("BAB V PENUTUP", level=1)
    narrative("kesimpulan")
    narrative("saran")
    sign = doc.add_paragraph()
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sign.add_run(
        f"Ditetapkan di ....................\npada tanggal ....................\n"
        f"Kepala {scope.get('name') or pemda_name}\n\n\n\n"
        "(....................................)"
    )
    doc.add_heading("LAMPIRAN", level=1)
    for annex in ("Kuesioner", "Hasil olah data", "Dokumentasi pelaksanaan survei"):
        doc.add_heading(annex, level=2)
        doc.add_paragraph()
    doc.core_properties.created = datetime.datetime.now(datetime.UTC)

    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
