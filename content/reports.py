"""Survey reports: the frozen figures of a report and its PDF.

The PDF follows the usual structure of an SKM report under PermenPANRB 14/2017:
data collection, results per element, analysis, follow-up plan, trend.
"""

import io
import re

from django.utils import timezone
from django.utils.html import strip_tags

from feedback.models import Service, Unit
from feedback.results import selectors
from feedback.rules.periods import Period
from feedback.rules.skm import BY_CODE, CODES


def freeze(*, unit: Unit | None, period: str) -> dict:
    """Everything a report shows, computed now, as plain JSON."""
    from .models import UnitPage

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
        follow_up_pages = UnitPage.objects.live()
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
        follow_up_pages = UnitPage.objects.live().filter(unit_id__in=unit.descendant_ids())
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
        "elements": [{"code": c, "name": BY_CODE[c].name} for c in CODES],
        "parts": parts,
        "follow_ups": follow_ups,
        "trend": [{"period": str(p), "label": p.label, **r.as_dict()} for p, r in trend],
        "profile": selectors.profile_for(scope=scope, period=period_obj),
    }


def _within(code: str, period: Period) -> bool:
    """A follow-up of 2026-Q2 belongs in the report of 2026-S1 and of 2026."""
    try:
        inner = Period.parse(code)
    except ValueError:
        return False
    return period.start <= inner.start and inner.end <= period.end


def _paragraphs(html: str) -> list[str]:
    blocks = re.split(r"</p>|<br\s*/?>|</li>", html or "")
    return [strip_tags(b).strip() for b in blocks if strip_tags(b).strip()]


def pdf(page, snapshot) -> bytes:
    """Render a report snapshot as an A4 PDF."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    f = snapshot.figures
    styles = getSampleStyleSheet()
    body, h1, h2 = styles["BodyText"], styles["Title"], styles["Heading2"]
    grid = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8f1fa")),
            ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )

    def table(rows, widths=None):
        wrapped = [[Paragraph(str(c), body) for c in row] for row in rows]
        t = Table(wrapped, colWidths=widths, repeatRows=1)
        t.setStyle(grid)
        return t

    def fmt(value, digits=2):
        return "-" if value is None else f"{value:.{digits}f}".replace(".", ",")

    result = f["result"]
    story = [
        Paragraph(page.title, h1),
        Paragraph(f"{f['scope'].get('name') or ''} &middot; {f['period_label']}", body),
        Paragraph(f"Angka dibekukan pada {snapshot.created_at:%d-%m-%Y %H:%M} UTC.", body),
        Spacer(1, 0.4 * cm),
        Paragraph("1. Pengumpulan data", h2),
        *[Paragraph(p, body) for p in _paragraphs(page.method)],
        Paragraph(f"Jumlah responden: {result['respondents']}.", body),
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
        *[Paragraph(p, body) for p in _paragraphs(page.analysis)],
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
