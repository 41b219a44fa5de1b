"""HR's files for e-Kinerja entry: officer indicators as CSV or XLSX, the same
rows for the HR API and the HR admin screen."""

from django.http import HttpResponse

from core import export

from ..rules import berakhlak
from .evidence import hr_rows

# e-Kinerja entry needs NIP, indicator, target, realisation and unit of measure:
# they come first, in that order.
COLUMNS = [
    "nip",
    "indicator",
    "target",
    "realisation",
    "unit_of_measure",
    "name",
    "unit",
    "period",
    "respondents",
    "sufficient",
    "expectation",
    "achievement",
    "estimate",
    "band",
    "appeals_accepted",
    "appeals_rejected",
    *(f"peer_{code}" for code in berakhlak.CODES),
    "peer_raters",
    "peer_suppressed",
    "notes",
    "dialogues",
    "minimum_respondents",
    "measure",
    "basis",
]


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_response(rows, filename, columns=COLUMNS):
    response = HttpResponse(export.csv_text(columns, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(rows, filename, columns=COLUMNS, sheet_title="Indikator"):
    body = export.xlsx_bytes(columns, rows, sheet_title=sheet_title)
    response = HttpResponse(body, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def scores_file(fmt: str, scores, period):
    """Officers' scores as the file for e-Kinerja: ``fmt`` is "csv" or "xlsx"."""
    write = xlsx_response if fmt == "xlsx" else csv_response
    rows = [file_row(row) for row in hr_rows(scores, period)]
    return write(rows, f"indikator-petugas-{period}")


def file_row(row: dict) -> dict:
    """An API row for a file: the appeal counts and the 360 aggregate as plain columns
    (a suppressed or missing value is an empty cell)."""
    appeals = row.pop("appeals", None) or {}
    result = row.pop("peer", None) or {"values": {}, "raters": 0, "suppressed": True}
    return {
        **row,
        "appeals_accepted": appeals.get("accepted", 0),
        "appeals_rejected": appeals.get("rejected", 0),
        **{f"peer_{code}": result["values"].get(code) for code in berakhlak.CODES},
        "peer_raters": result["raters"],
        "peer_suppressed": result["suppressed"],
    }
