"""Every CSV and XLSX file the portal writes goes through here.

Two things every writer needs and none should decide alone:

- **Formula-safe cells.** A spreadsheet runs a cell that starts with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return as a formula, so a staff-entered service
  name ``=HYPERLINK("http://...")`` would become a live link (or worse) in whoever
  opens the download. Such text gets a leading apostrophe in CSV (the convention
  spreadsheets hide) and is stored as text in XLSX. Numbers are not text: they
  stay numbers, negative ones included.
- **Dialects.** ``MACHINE`` is the API's CSV (``,`` separator, decimal point,
  ``True``/``False``), kept as it was for the programs that read it. ``EXCEL_ID``
  opens with a double-click in a spreadsheet set to Indonesian: ``;`` separator, a
  UTF-8 byte-order mark (without it Excel reads UTF-8 as Windows-1252), decimal
  commas and booleans as words (``ya``/``tidak``).
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """``value`` as text no spreadsheet runs as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


@dataclass(frozen=True)
class Dialect:
    delimiter: str
    decimal: str
    bom: bool
    true: str
    false: str


MACHINE = Dialect(delimiter=",", decimal=".", bom=False, true="True", false="False")
EXCEL_ID = Dialect(delimiter=";", decimal=",", bom=True, true="ya", false="tidak")
# The same words and separator, with a decimal point, for programs (``?sep=comma``).
COMMA_POINT = Dialect(delimiter=",", decimal=".", bom=True, true="ya", false="tidak")


def cell(value, dialect: Dialect = MACHINE) -> str:
    """One CSV cell: empty for None, words for booleans, numbers in the dialect's
    decimal sign, text made formula-safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return dialect.true if value else dialect.false
    if isinstance(value, (int, float, Decimal)):
        text = str(value)
        return text.replace(".", dialect.decimal) if dialect.decimal != "." else text
    return safe_text(str(value))


def csv_text(columns, rows, dialect: Dialect = MACHINE) -> str:
    """The CSV document: a header of ``columns``, then each row (a dict) in order."""
    buffer = io.StringIO()
    if dialect.bom:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=dialect.delimiter, lineterminator="\r\n")
    writer.writerow([safe_text(str(c)) for c in columns])
    for row in rows:
        writer.writerow([cell(row.get(c), dialect) for c in columns])
    return buffer.getvalue()


def xlsx_bytes(
    columns, rows, *, sheet_title: str, properties=None, custom=None, words=None
) -> bytes:
    """An .xlsx workbook of one sheet: a header of ``columns`` (frozen), then each row.

    Text is always stored as text (never as a formula); numbers as numbers;
    booleans as Excel booleans, or as ``words`` (true, false) when given.
    ``properties`` fill the document properties (title, creator, description, ...),
    ``custom`` adds custom text properties (e.g. the licence).
    """

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title[:31]
    sheet.append([str(c) for c in columns])
    for row in rows:
        values = []
        for column in columns:
            value = row.get(column)
            if isinstance(value, bool) and words:
                value = words[0] if value else words[1]
            values.append(value)
        sheet.append(values)
    for line in sheet.iter_rows():
        for item in line:
            if item.data_type == "f":  # openpyxl reads a leading "=" as a formula
                item.data_type = "s"
    sheet.freeze_panes = "A2"
    for name, value in (properties or {}).items():
        setattr(book.properties, name, value)
    for name, value in (custom or {}).items():
        book.custom_doc_props.append(StringProperty(name=name, value=value))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
