"""Survey reports: the frozen figures of a report, its PDF, and the stored PDF.

The PDF follows the usual structure of an SKM report under PermenPANRB 14/2017:
data collection, results per element, analysis, follow-up plan, trend.

Rendering a report (reportlab, every element, the trend) takes long enough that
an approver should not wait for it on publish, nor every citizen on download:
the task worker renders it once per published revision and snapshot
(content/tasks.py) and stores it (default storage, under MEDIA_ROOT); the
download serves the stored file.

Nothing here imports the page models: the caller passes the pages it reads.
"""

import io
import re

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.html import strip_tags

from feedback.models import Service, Unit
from feedback.results import selectors
from feedback.rules.periods import Period
from feedback.rules.skm import BY_CODE, CODES


def freeze(*, unit: Unit | None, period: str, unit_pages) -> dict:
    """Everything a report shows, computed now, as plain JSON. ``unit_pages`` are the
    live unit pages whose follow-up actions (RTL) the report may list."""
    period_obj = Period.parse(period)
    scope = selectors.Scope.of(unit)
    result = selectors.ikm_for(scope=scope, period=period_obj)
    if unit is None or unit.level == Unit.Level.PEMDA:
        parts = [
            {
                "code": u.code,
                "name": u.name,
                **selectors.ikm_for(scope=selectors.Scope.of(u), period=period_obj).as_dict(),
            }
            for u in Unit.objects.filter(level=Unit.Level.PERANGKAT_DAERAH).order_by("name")
        ]
        follow_up_pages = unit_pages
    else:
        services = Service.objects.filter(unit_id__in=unit.descendant_ids()).order_by("name")
        parts = [
            {
                "code": s.code,
                "name": s.name,
                **selectors.ikm_for(scope=selectors.Scope.of(s), period=period_obj).as_dict(),
            }
            for s in services
        ]
        follow_up_pages = unit_pages.filter(unit_id__in=unit.descendant_ids())
    follow_ups = [
        {
            "unit": page.title,
            "element": f.element,
            "element_name": BY_CODE[f.element].name,
            "action": f.action,
            "timing": f.timing,
            "responsible": f.responsible,
            "status": f.get_status_display(),
        }
        for page in follow_up_pages
        for f in page.follow_ups.all()
        if _within(f.period, period_obj)
    ]
    trend = selectors.ikm_trend(scope=scope, period=period_obj, count=4)
    return {
        "scope": scope.as_dict(),
        "period": str(period_obj),
        "period_label": period_obj.label,
        "frozen_at": timezone.now().isoformat(),
        "minimum": selectors.public_minimum(),
        "result": result.as_dict(),
        "coverage": selectors.coverage_for(
            scope=scope, period=period_obj, respondents=result.respondents
        ).as_report(),
        "elements": [{"code": c, "name": BY_CODE[c].name} for c in CODES],
        "parts": parts,
        "follow_ups": follow_ups,
        "trend": [{"period": str(p), "label": p.label, **r.as_dict()} for p, r in trend],
        "profile": selectors.profile_for(scope=scope, period=period_obj),
    }


def number(value, digits: int = 2) -> str:
    """A figure as the PDF and the DOCX print it (Indonesian decimal comma; "-" for none)."""
    return "-" if value is None else f"{value:.{digits}f}".replace(".", ",")


def count(n) -> str:
    """A count with the Indonesian thousands mark ("1.000")."""
    return f"{n:,}".replace(",", ".")


def coverage_phrase(coverage: dict | None, *, ampersand: str = "&amp;") -> str | None:
    """The sample check as the PDF says it (the page says the same,
    templates/includes/coverage.html); None when the service users were not entered.
    ``ampersand`` as the document needs it: reportlab's markup escapes it, a DOCX not."""
    if not coverage or not coverage.get("required_sample"):
        return None

    verdict = "Sampel memadai" if coverage["adequate"] else "Sampel belum memadai"
    rate = f"{coverage['response_rate_percent']:.1f}".replace(".", ",")
    return (
        f"{verdict}: {count(coverage['respondents'])} responden dari "
        f"{count(coverage['required_sample'])} yang diperlukan (Krejcie {ampersand} Morgan, untuk "
        f"{count(coverage['service_users'])} pengguna layanan; tingkat respons {rate}%)."
    )


def _within(code: str, period: Period) -> bool:
    """A follow-up of 2026-Q2 belongs in the report of 2026-S1 and of 2026."""
    try:
        inner = Period.parse(code)
    except ValueError:
        return False
    return period.start <= inner.start and inner.end <= period.end


def paragraphs(html: str) -> list[str]:
    blocks = re.split(r"</p>|<br\s*/?>|</li>", html or "")
    return [strip_tags(b).strip() for b in blocks if strip_tags(b).strip()]


def table_style():
    """The tables of every PDF the portal writes: a grey grid, a light blue header."""
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8f1fa")),
            ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )


def pdf(page, snapshot) -> bytes:
    """Render a report snapshot as an A4 PDF."""
    # Loaded only when a PDF is made: reportlab takes a tenth of a second or more to
    # import, and every web process imports this module with the page models.
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    f = snapshot.figures
    styles = getSampleStyleSheet()
    body, h1, h2 = styles["BodyText"], styles["Title"], styles["Heading2"]
    grid = table_style()

    def table(rows, widths=None):
        wrapped = [[Paragraph(str(c), body) for c in row] for row in rows]
        t = Table(wrapped, colWidths=widths, repeatRows=1)
        t.setStyle(grid)
        return t

    fmt = number
    result = f["result"]
    story = [
        Paragraph(page.title, h1),
        Paragraph(f"{f['scope'].get('name') or ''} &middot; {f['period_label']}", body),
        Paragraph(f"Angka dibekukan pada {snapshot.created_at:%d-%m-%Y %H:%M} UTC.", body),
        Spacer(1, 0.4 * cm),
        Paragraph("1. Pengumpulan data", h2),
        *[Paragraph(p, body) for p in paragraphs(page.method)],
        Paragraph(f"Jumlah responden: {result['respondents']}.", body),
        *[Paragraph(p, body) for p in [coverage_phrase(f.get("coverage"))] if p],
        Paragraph("2. Hasil per unsur", h2),
    ]
    if result["suppressed"]:
        story.append(
            Paragraph(f"Responden kurang dari {f['minimum']}: hasil tidak diterbitkan.", body)
        )
    else:
        rows = [["Unsur", "NRR"]] + [
            [f"{e['code']} {e['name']}", fmt(result["nrr"][e["code"]], 3)] for e in f["elements"]
        ]
        story += [
            table(rows, [11 * cm, 3 * cm]),
            Spacer(1, 0.3 * cm),
            Paragraph(
                f"<b>IKM {fmt(result['ikm'])}</b> &middot; mutu {result['mutu']} "
                f"({result['kinerja']}) &middot; selang kepercayaan 95%: "
                + (
                    f"{fmt(result['ci95'][0])} - {fmt(result['ci95'][1])}"
                    if result.get("ci95")
                    # Periods imported from a past report's tables have no spread.
                    else "tidak tersedia (tabel laporan)"
                ),
                body,
            ),
        ]
    if f["parts"]:
        rows = [["Kode", "Nama", "Responden", "IKM", "Mutu"]] + [
            [
                p["code"],
                p["name"],
                p["respondents"],
                "-" if p["suppressed"] else fmt(p["ikm"]),
                p["mutu"] or "-",
            ]
            for p in f["parts"]
        ]
        story += [
            Spacer(1, 0.3 * cm),
            table(rows, [3 * cm, 7.5 * cm, 2.2 * cm, 1.8 * cm, 1.5 * cm]),
        ]
    story += [
        Paragraph("3. Analisis", h2),
        *[Paragraph(p, body) for p in paragraphs(page.analysis)],
    ]
    story.append(Paragraph("4. Rencana tindak lanjut", h2))
    if f["follow_ups"]:
        rows = [["Unsur", "Tindak lanjut", "Waktu", "Penanggung jawab", "Status"]] + [
            [
                f"{x['element']} {x['element_name']}",
                x["action"],
                x["timing"],
                x["responsible"],
                x["status"],
            ]
            for x in f["follow_ups"]
        ]
        story.append(table(rows, [3.2 * cm, 6 * cm, 2.5 * cm, 3 * cm, 2 * cm]))
    else:
        story.append(Paragraph("Belum ada rencana tindak lanjut yang diterbitkan.", body))
    story.append(Paragraph("5. Tren", h2))
    rows = [["Periode", "Responden", "IKM", "Mutu"]] + [
        [t["label"], t["respondents"], "-" if t["suppressed"] else fmt(t["ikm"]), t["mutu"] or "-"]
        for t in f["trend"]
    ]
    story.append(table(rows, [5 * cm, 3 * cm, 3 * cm, 3 * cm]))

    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=page.title,
        author=str(f["scope"].get("name")),
        leftMargin=2 * cm,
        rightMargin=2 * cm,
    ).build(story)
    return buffer.getvalue()


# --- The stored PDF ------------------------------------------------------------------


def pdf_name(page, snapshot) -> str | None:
    """Where the PDF of this page's live revision with this snapshot is stored.

    Both are in the name: a new publish (changed analysis text) or new figures
    make a new file, so a stored PDF is never out of date."""
    if page.live_revision_id is None or snapshot is None:
        return None
    return f"laporan-skm/{page.pk}-r{page.live_revision_id}-s{snapshot.pk}.pdf"


def stored_pdf(page, snapshot):
    """The stored PDF file of the page as published, or None when not rendered (yet)."""
    name = pdf_name(page, snapshot)
    if name and default_storage.exists(name):
        return default_storage.open(name, "rb")
    return None


def store_pdf(page, snapshot) -> str | None:
    """Render and store the PDF of the page as published, unless it is stored already;
    returns the stored name (None for a page without a published revision or figures)."""
    name = pdf_name(page, snapshot)
    if name is None:
        return None
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(pdf(page, snapshot)))
    return name
