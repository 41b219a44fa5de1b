"""Open data files for people: the IKM per service or per unit of a period, as a CSV
that opens with a double-click in a spreadsheet set to Indonesian, and as XLSX.

The rows are the open-data API's (``results.api.ranking_rows``: the same figures,
suppressed below the public minimum, never an officer). What differs is the
format, for a reader rather than a program:

- CSV, by default: ``;`` between cells, decimal commas, a UTF-8 byte-order mark
  (Excel otherwise reads UTF-8 as Windows-1252) and booleans as words (ya/tidak).
  ``sep=comma`` gives ``,`` and decimal points, for programs and for spreadsheets
  set to English. The API's own CSV (``/api/v1/ikm/table/?format=csv``) is
  unchanged.
- XLSX: numbers as numbers, the same words, the licence in the document
  properties.

Both carry the licence (CC BY 4.0) in a ``Link: <...>; rel="license"`` header; a
comment line in the CSV would break every program that reads it.
"""

from django.conf import settings
from django.http import HttpResponse

from core import export

from .api import CSV_COLUMNS, ranking_rows

LICENSE_NAME = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
# URL slug of the two tables (Indonesian, as the page's other addresses).
LEVELS = {"layanan": "service", "unit": "unit"}
WORDS = ("ya", "tidak")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def license_url() -> str:
    return getattr(settings, "OPEN_DATA_LICENSE_URL", LICENSE_URL)


def license_name() -> str:
    return getattr(settings, "OPEN_DATA_LICENSE_NAME", LICENSE_NAME)


def license_link() -> str:
    """The ``Link`` header value naming the licence (RFC 8288, rel="license")."""
    return f'<{license_url()}>; rel="license"'


def filename(slug: str, period, ext: str) -> str:
    return f"ikm-{slug}-{period}.{ext}"


def download(slug: str, period, ext: str, *, sep: str | None = None, publisher: str = ""):
    """The HttpResponse of one table (``slug``: layanan | unit) as ``ext`` (csv | xlsx)."""
    rows = list(ranking_rows(period, LEVELS[slug]))
    if ext == "xlsx":
        body = export.xlsx_bytes(
            CSV_COLUMNS,
            rows,
            sheet_title=f"IKM {slug} {period}",
            words=WORDS,
            properties={
                "title": f"Indeks Kepuasan Masyarakat per {slug}, {period.label}",
                "creator": publisher,
                "subject": "Survei Kepuasan Masyarakat (PermenPANRB 14/2017)",
                "description": f"Lisensi: {license_name()} ({license_url()})",
                "keywords": f"IKM; SKM; data terbuka; {license_name()}",
            },
            custom={"License": license_name(), "License URL": license_url()},
        )
        response = HttpResponse(body, content_type=XLSX)
    else:
        dialect = export.COMMA_POINT if sep == "comma" else export.EXCEL_ID
        body = export.csv_text(CSV_COLUMNS, rows, dialect)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(slug, period, ext)}"'
    response["Link"] = license_link()
    return response
