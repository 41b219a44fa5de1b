"""Reading a table a person made: CSV in whatever shape Excel saved it, or .xlsx.

``read_table`` turns the bytes of a file into rows keyed by the header's column
names, every value a stripped string, or raises ``TableUnreadable`` with a
message a person can act on. It knows nothing about what the columns mean, so
every import of spreadsheets (survey forms, past report tables) shares it.

What it accepts, and why:

- ``.xlsx`` (the first sheet), because that is what offices keep. Numbers come
  back as Excel shows them (``4``, not ``4.0``) and dates as ``YYYY-MM-DD``.
- CSV separated by ``;`` (Indonesian Excel, where ``,`` is the decimal mark),
  ``,`` or tab, in UTF-8 (with or without BOM), UTF-16 with BOM (Excel's
  "Unicode text") or Windows-1252.

What it refuses, before anything is stored: binary files (an image, a PDF, an
old ``.xls``), text in no encoding above, text no database can store (NUL and
other control characters, named by row and column), a row with more values
than the header has columns.
"""

import csv
import datetime
import io
import re

from django.utils.translation import gettext as _

DELIMITERS = (";", ",", "\t")
# Control characters no one types into a cell; tab, CR and LF are layout.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# Signatures of files people upload by mistake, with what to do instead.
SIGNATURES = (
    (b"\xd0\xcf\x11\xe0", "xls"),  # OLE2: Excel 97-2003 .xls
    (b"%PDF", "pdf"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
)
ZIP_MAGIC = b"PK\x03\x04"


class TableUnreadable(Exception):
    """The file cannot be read as a table. ``row`` (the header being row 1) and
    ``column`` say where, when the problem is in one cell; otherwise 0 and "-"."""

    def __init__(self, message: str, *, row: int = 0, column: str = "-"):
        super().__init__(message)
        self.message = message
        self.row = row
        self.column = column


def read_table(raw: bytes, filename: str) -> list[dict[str, str]]:
    """Rows of the file as dicts keyed by the header's names (stripped), values as
    stripped strings ("" for an empty cell). Blank rows are kept, so the row at
    index ``i`` is row ``i + 2`` of the file as a person counts it."""
    return read_header_and_table(raw, filename)[1]


def read_header_and_table(raw: bytes, filename: str) -> tuple[list[str], list[dict[str, str]]]:
    """read_table, plus the header's column names: a file with a header and no
    rows still tells which columns it has."""
    if filename.lower().endswith(".xlsx") or raw.startswith(ZIP_MAGIC):
        header, rows = _xlsx_rows(raw)
    else:
        header, rows = _csv_rows(raw)
    return _as_dicts(header, rows)


# --- CSV --------------------------------------------------------------------


def _refuse_binary(raw: bytes) -> None:
    for magic, kind in SIGNATURES:
        if raw.startswith(magic):
            if kind == "xls":
                raise TableUnreadable(
                    _(
                        "berkas ini format Excel lama (.xls); simpan ulang sebagai .xlsx "
                        "atau CSV lalu impor lagi."
                    )
                )
            raise TableUnreadable(
                _("berkas ini bukan tabel (terbaca sebagai %(kind)s); kirim berkas CSV atau .xlsx.")
                % {"kind": kind.upper()}
            )


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        # Spreadsheets saved on Windows in Indonesia are often Windows-1252.
        encodings = ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableUnreadable(
        _(
            "berkas tidak dapat dibaca sebagai teks (encoding tidak dikenal); "
            "simpan sebagai CSV UTF-8 atau .xlsx lalu impor lagi."
        )
    )


def _looks_binary(text: str) -> bool:
    """Many control characters near the start: an executable, an archive, random data.
    One stray NUL in a cell is not binary; it is reported by its row and column."""
    sample = text[:4096]
    return bool(sample) and len(CONTROL.findall(sample)) > max(2, len(sample) // 100)


def _csv_rows(raw: bytes) -> tuple[list[str], list[list[str]]]:
    _refuse_binary(raw)
    # Looked at before decoding too: random bytes are seldom valid in any encoding,
    # and "not a text file" says more than "unknown encoding". (UTF-16 is full of
    # NUL bytes, so it is judged once decoded.)
    utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and _looks_binary(raw[:4096].decode("latin-1")):
        raise TableUnreadable(
            _("berkas ini bukan teks CSV (berisi data biner); kirim berkas CSV atau .xlsx.")
        )
    text = _decode(raw)
    if _looks_binary(text):
        raise TableUnreadable(
            _("berkas ini bukan teks CSV (berisi data biner); kirim berkas CSV atau .xlsx.")
        )
    first_line = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise TableUnreadable(
            _("berkas tidak dapat dibaca sebagai CSV: %(reason)s.") % {"reason": exc}
        ) from None
    if not records:
        return [], []
    return records[0], records[1:]


# --- XLSX -------------------------------------------------------------------


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _unreadable_xlsx(exc: Exception) -> TableUnreadable:
    return TableUnreadable(
        _("berkas .xlsx tidak dapat dibaca (%(reason)s); simpan ulang dari Excel lalu impor lagi.")
        % {"reason": exc.__class__.__name__}
    )


def _xlsx_rows(raw: bytes) -> tuple[list[str], list[list[str]]]:
    from openpyxl import load_workbook

    # A damaged or disguised archive fails in many ways (BadZipFile, KeyError for a
    # missing part, XML errors, ...): whichever it is, the file is unreadable.
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:
        raise _unreadable_xlsx(exc) from None
    try:
        if not book.worksheets:
            return [], []
        sheet = book.worksheets[0]
        records = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    except Exception as exc:
        raise _unreadable_xlsx(exc) from None
    finally:
        book.close()
    if not records:
        return [], []
    return records[0], records[1:]


# --- both -------------------------------------------------------------------


def _column_name(index: int) -> str:
    """A, B, ... Z, AA: how a spreadsheet names the column of a cell without a header."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _check_cell(value: str, row: int, column: str) -> None:
    if CONTROL.search(value):
        raise TableUnreadable(
            _(
                "berisi karakter kendali (misalnya NUL) yang tidak dapat disimpan; "
                "hapus isi sel ini."
            ),
            row=row,
            column=column,
        )


def _as_dicts(header: list[str], rows: list[list[str]]) -> list[dict[str, str]]:
    names = [h.strip() for h in header]
    # Trailing empty header cells (an .xlsx formatted wider than its data) name nothing.
    while names and not names[-1]:
        names.pop()
    for index, name in enumerate(names):
        _check_cell(name, 1, name or _column_name(index))
    table = []
    for number, cells in enumerate(rows, start=2):
        values = [c.strip() for c in cells]
        extra = values[len(names) :]
        if any(extra):
            raise TableUnreadable(_("jumlah kolom melebihi baris judul."), row=number, column="-")
        row = {}
        for index, name in enumerate(names):
            value = values[index] if index < len(values) else ""
            _check_cell(value, number, name or _column_name(index))
            if name:
                row[name] = value
        table.append(row)
    return [n for n in names if n], table
