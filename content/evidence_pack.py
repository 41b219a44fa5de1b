"""The PEKPPP evidence pack of a unit and year: one ZIP an evaluator can keep and check.

- ``ringkasan.pdf``: the indicators, what the portal proves for each, the
  evaluator's scores and the links to the evidence (the survey reports' style);
- ``tabel/*.csv``: the tables behind it (core.export, for Indonesian spreadsheets);
- ``dokumen/...``: the review minutes and the signed Maklumat as uploaded, and the
  photos of the media log;
- ``manifest.json``: each file's path, size and SHA-256, so anyone can verify
  that nothing changed since the pack was made.

The ZIP is written to a temporary file and documents are copied in chunks, so a
large scan never sits in memory whole. Staff names never go in: the evaluator's
entries carry their date only, the Maklumat its signer's position.
"""

import hashlib
import io
import json
import tempfile
import zipfile

from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from core.export import EXCEL_ID, csv_text

from . import reports
from .pekppp import ASPECTS, Evaluation, photo_name

CHUNK = 1024 * 1024
MANIFEST = "manifest.json"


class _Writer:
    """Adds files to the ZIP and remembers each one's size and SHA-256."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        self.files = []

    def add_bytes(self, name: str, data: bytes):
        self.archive.writestr(name, data)
        self.files.append(
            {"path": name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        )

    def add_stream(self, name: str, handle):
        digest, size = hashlib.sha256(), 0
        with self.archive.open(name, "w", force_zip64=True) as out:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        self.files.append({"path": name, "bytes": size, "sha256": digest.hexdigest()})


def file_name(evaluation: Evaluation) -> str:
    return f"pekppp-{evaluation.unit_page.unit.code.lower()}-{evaluation.year}.zip"


def build(evaluation: Evaluation, *, base_url: str):
    """The pack as an open temporary file (positioned at its start); the caller
    streams it and closing it deletes it. ``base_url`` makes the evidence links
    absolute (the site's root URL)."""
    handle = tempfile.TemporaryFile(suffix=".zip")
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        writer = _Writer(archive)
        writer.add_bytes("ringkasan.pdf", summary_pdf(evaluation, base_url=base_url))
        for name, (columns, rows) in evaluation.tables.items():
            rows = [absolute_links(row, base_url) for row in rows]
            writer.add_bytes(f"tabel/{name}.csv", csv_text(columns, rows, EXCEL_ID).encode())
        missing = []
        files = [
            (f"dokumen/{folder}/{d.pk}-{d.file.name.rsplit('/', 1)[-1]}", d.file)
            for folder, d in evaluation.documents
        ] + [(f"dokumen/{photo_name(e)}", e.photo) for e in evaluation.photos]
        for name, stored in files:
            try:
                source = stored.open("rb")
            except OSError:
                # A document deleted from storage: the pack says so rather than failing.
                missing.append(name)
                continue
            with source:
                writer.add_stream(name, source)
        manifest = {
            "unit": {"code": evaluation.unit_page.unit.code, "name": evaluation.unit_page.title},
            "year": evaluation.year,
            "made_at": timezone.now().isoformat(timespec="seconds"),
            "source": base_url,
            "hash": "sha256",
            "files": writer.files,
            "missing": missing,
        }
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
    handle.seek(0)
    return handle


def absolute_links(row: dict, base_url: str) -> dict:
    """Portal paths in a table's link columns as full addresses."""
    out = dict(row)
    for key in ("tautan", "notulen", "tautan_bukti"):
        value = out.get(key)
        if value:
            out[key] = " ".join(
                base_url + part if part.startswith("/") else part for part in value.split()
            )
    return out


def summary_pdf(evaluation: Evaluation, *, base_url: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    styles = getSampleStyleSheet()
    body, h1, h2 = styles["BodyText"], styles["Title"], styles["Heading2"]
    grid = reports.table_style()
    title = _("Evaluasi mandiri PEKPPP %(unit)s %(year)d") % {
        "unit": evaluation.unit_page.title,
        "year": evaluation.year,
    }

    def table(rows, widths):
        wrapped = [[Paragraph(str(c), body) for c in row] for row in rows]
        t = Table(wrapped, colWidths=widths, repeatRows=1)
        t.setStyle(grid)
        return t

    story = [
        Paragraph(escape(title), h1),
        Paragraph(
            escape(
                _(
                    "Dibuat %(when)s dari data portal %(site)s. Berkas dan tabel di paket ini "
                    "tercantum di manifest.json beserta SHA-256-nya."
                )
                % {"when": timezone.localtime().strftime("%d-%m-%Y %H.%M"), "site": base_url}
            ),
            body,
        ),
        Spacer(1, 0.3 * cm),
    ]
    for aspect, (aspect_name, weight) in ASPECTS.items():
        score = evaluation.aspect_score(aspect)
        heading = _("%(aspect)s (%(weight)d%% dari indeks)") % {
            "aspect": aspect_name,
            "weight": weight,
        }
        story.append(Paragraph(escape(heading), h2))
        story.append(
            Paragraph(
                escape(
                    _("Nilai aspek dari isian evaluator: %(score)s")
                    % {"score": f"{score:.2f}".replace(".", ",") if score is not None else "-"}
                ),
                body,
            )
        )
        rows = [[_("Indikator"), _("Bobot"), _("Bukti dari portal"), _("Nilai"), _("Catatan")]]
        for row in evaluation.rows:
            if row.indicator.aspect != aspect:
                continue
            links = "<br/>".join(
                f'<link href="{escape(base_url + e.url)}">{escape(e.label)}</link>'
                for e in row.evidence[:8]
            )
            rows.append(
                [
                    escape(f"{row.indicator.code} {row.indicator.name}"),
                    f"{row.indicator.weight}%" if row.indicator.weight else "-",
                    escape(str(row.summary)) + ("<br/>" + links if links else ""),
                    row.assessment.score
                    if row.assessment and row.assessment.score is not None
                    else "-",
                    escape(row.assessment.note) if row.assessment else "",
                ]
            )
        story.append(table(rows, [4 * cm, 1.4 * cm, 7 * cm, 1.4 * cm, 3.2 * cm]))
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        # Uncompressed: anyone can search the summary's text (no staff names in it).
        pageCompression=0,
    ).build(story)
    return buffer.getvalue()
