"""Reading a spreadsheet someone typed: CSV (comma, semicolon or tab separated,
UTF-8 with or without BOM, or Windows cp1252) or XLSX, as rows of strings.

``read_table(raw, filename)`` returns the data rows as dicts keyed by the header
names (stripped), values as stripped strings ("" for an empty cell). Blank rows
are kept (all values ""), so row ``i`` of the list is line ``i + 2`` of the file
and callers can name it; they skip blank rows themselves. It raises
``TableUnreadable`` with a message for people when the file cannot be read at
all. Validation of the values is the caller's.
"""

import csv
import io
from datetime import date, datetime


class TableUnreadable(Exception):
    """The file is not a table we can read (message in Indonesian)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def read_table(raw: bytes, filename: str) -> list[dict[str, str]]:
    if filename.lower().endswith((".xlsx", ".xlsm")) or raw[:2] == b"PK":
        rows = _xlsx_rows(raw)
    else:
        rows = _csv_rows(raw)
    if not rows:
        raise TableUnreadable("Berkas kosong: tidak ada baris judul.")
    header = [h.strip() for h in rows[0]]
    out = []
    for line, values in enumerate(rows[1:], start=2):
        if len(values) > len(header) and any(v.strip() for v in values[len(header) :]):
            raise TableUnreadable(f"Baris {line} berisi lebih banyak kolom daripada baris judul.")
        padded = [*values, *[""] * len(header)][: len(header)]
        out.append(
            {name: value.strip() for name, value in zip(header, padded, strict=True) if name}
        )
    return out


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Spreadsheets saved on Windows in Indonesia are often cp1252.
        return raw.decode("cp1252", errors="replace")


def _csv_rows(raw: bytes) -> list[list[str]]:
    text = _decode(raw)
    first_line = text.split("\n", 1)[0]
    # Indonesian Excel writes ';' as the separator, because ',' is the decimal mark.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    try:
        return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise TableUnreadable(f"Berkas CSV tidak dapat dibaca: {exc}.") from None


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(raw: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file
        raise TableUnreadable(
            "Berkas XLSX tidak dapat dibaca; simpan ulang dari spreadsheet sebagai .xlsx atau .csv."
        ) from None
    try:
        sheet = workbook.worksheets[0]
        return [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
