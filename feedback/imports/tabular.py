"""Reading a table a person made: CSV in whatever shape Excel saved it, or .xlsx.

``open_table`` reads a file as a stream: its header's column names, then one row
at a time keyed by them, every value a stripped string, so memory stays the same
whatever the number of rows. ``read_table`` is the same as a list, for small
files. Either raises ``TableUnreadable`` with a message a person can act on. It
knows nothing about what the columns mean, so every import of spreadsheets
(survey forms, past report tables) shares it.

What it accepts, and why:

- ``.xlsx`` (the first sheet), because that is what offices keep. Numbers come
  back as Excel shows them (``4``, not ``4.0``) and dates as ``YYYY-MM-DD``. Read
  with openpyxl's read-only (streaming) mode, after checking the archive: its
  members may unpack to IMPORT_XLSX_MAX_UNPACKED_MB at most, so a small file that
  unpacks to gigabytes (a "zip bomb") is refused before it is parsed.
- CSV separated by ``;`` (Indonesian Excel, where ``,`` is the decimal mark),
  ``,`` or tab, in UTF-8 (with or without BOM) or UTF-16 with BOM (Excel's
  "Unicode text"). Windows-1252 only when asked (``encoding="cp1252"``, the
  commands' ``--encoding cp1252``): a byte sequence is never guessed, since a
  wrong guess stores garbled text that looks valid.

What it refuses, before anything is stored:

- binary files (an image, a PDF, an old ``.xls``);
- text that is not valid in its encoding, naming the row and the byte offset of
  the first bad byte; a Windows-1252 file that holds UTF-8 text too (a file
  pasted together from two sources: one of the two would come out garbled);
- text no database can store (NUL and other control characters, named by row
  and column);
- an unbalanced quote: a quoted cell that is never closed, is closed and then
  followed by more text, or holds a line break followed by what looks like the
  next rows (all but one of a row's separators on one line): the quote swallowed
  rows, which would otherwise be read silently as one cell;
- a header naming a column twice; a row with more values than the header has
  columns;
- more data rows than IMPORT_MAX_ROWS (default 1,000,000).
"""

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook

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
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
ENCODINGS = ("utf-8", "cp1252")
# A multi-byte UTF-8 sequence: in a Windows-1252 file, the sign of UTF-8 text
# pasted in (it would read as "Ã©" and the like).
UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
SNIFF = 4096


class TableUnreadable(Exception):
    """The file cannot be read as a table. ``row`` (the header being row 1) and
    ``column`` say where, when the problem is in one cell; otherwise 0 and "-"."""

    def __init__(self, message: str, *, row: int = 0, column: str = "-"):
        super().__init__(message)
        self.message = message
        self.row = row
        self.column = column


def max_rows() -> int:
    return int(getattr(settings, "IMPORT_MAX_ROWS", 1_000_000))


def max_unpacked_bytes() -> int:
    return int(getattr(settings, "IMPORT_XLSX_MAX_UNPACKED_MB", 256)) * 1024 * 1024


class Table:
    """An open file read as a table: ``header`` (the column names, stripped, empty
    trailing cells dropped) and, iterated once, ``(row number, {name: value})`` for
    every row after the header, blank rows included, the header being row 1."""

    def __init__(self, header: list[str], rows: Iterator[dict[str, str]]):
        self.header = header
        self._rows = rows

    def __iter__(self):
        return self._rows


@contextmanager
def open_table(source, filename: str, *, encoding: str = "utf-8"):
    """``with open_table(file, name) as table:`` (``file`` a binary file open for
    reading, or the file's bytes). Raises TableUnreadable on opening (the header)
    or while iterating (a row)."""
    if isinstance(source, bytes | bytearray):
        source = io.BytesIO(source)
    if encoding not in ENCODINGS:
        raise TableUnreadable(
            _("encoding '%(e)s' tidak didukung; pilih salah satu: %(c)s.")
            % {"e": encoding, "c": ", ".join(ENCODINGS)}
        )
    start = source.read(SNIFF)
    source.seek(0)
    if filename.lower().endswith(".xlsx") or start.startswith(ZIP_MAGIC):
        with _xlsx_records(source) as records:
            yield _table(records)
    else:
        yield _table(_csv_records(source, start, encoding))


def read_header_and_table(raw: bytes, filename: str) -> tuple[list[str], list[dict[str, str]]]:
    """The header's column names and every row as a list (small files: tests, the
    demo data); a file with a header and no rows still tells which columns it has."""
    with open_table(raw, filename) as table:
        return table.header, [row for _number, row in table]


def read_table(raw: bytes, filename: str) -> list[dict[str, str]]:
    """Rows of the file as dicts keyed by the header's names (stripped), values as
    stripped strings ("" for an empty cell). Blank rows are kept, so the row at
    index ``i`` is row ``i + 2`` of the file as a person counts it."""
    return read_header_and_table(raw, filename)[1]


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


def _looks_binary(text: str) -> bool:
    """Many control characters near the start: an executable, an archive, random data.
    One stray NUL in a cell is not binary; it is reported by its row and column."""
    sample = text[:SNIFF]
    return bool(sample) and len(CONTROL.findall(sample)) > max(2, len(sample) // 100)


def _not_csv() -> TableUnreadable:
    return TableUnreadable(
        _("berkas ini bukan teks CSV (berisi data biner); kirim berkas CSV atau .xlsx.")
    )


class _BadText(Exception):
    """A line that is not valid text in the file's encoding (raised inside the csv
    reader's source, caught by _csv_records, which knows the row)."""

    def __init__(self, message: str):
        self.message = message


def _lines(source, encoding: str) -> Iterator[str]:
    """The file's lines, decoded strictly one at a time (CR, LF and tab are bytes
    of their own in UTF-8 and Windows-1252, so splitting before decoding is
    safe); a bad byte is named by its offset in the file."""
    offset = 0
    first = True
    for line in source:
        if first and encoding == "utf-8" and line.startswith(b"\xef\xbb\xbf"):
            line, offset = line[3:], 3
        first = False
        try:
            text = line.decode(encoding)
        except UnicodeDecodeError as exc:
            at = offset + exc.start
            if encoding == "utf-8":
                message = _(
                    "bukan teks UTF-8 yang sah (byte ke-%(at)d: 0x%(byte)02X); simpan berkas "
                    "sebagai CSV UTF-8, atau bila seluruh berkas Windows-1252 impor dengan "
                    "--encoding cp1252 (encoding tidak ditebak)."
                ) % {"at": at, "byte": line[exc.start]}
            else:
                message = _(
                    "bukan teks Windows-1252 yang sah (byte ke-%(at)d: 0x%(byte)02X); "
                    "simpan berkas sebagai CSV UTF-8 lalu impor lagi (encoding tidak ditebak)."
                ) % {"at": at, "byte": line[exc.start]}
            raise _BadText(message) from None
        if encoding == "cp1252":
            mixed = UTF8_SEQUENCE.search(line)
            if mixed:
                raise _BadText(
                    _(
                        "berkas Windows-1252 ini juga berisi teks UTF-8 (byte ke-%(at)d); "
                        "campuran dua encoding akan tersimpan sebagai teks rusak. Simpan "
                        "seluruh berkas sebagai CSV UTF-8 lalu impor lagi."
                    )
                    % {"at": offset + mixed.start()}
                )
        offset += len(line)
        if "\r" in text.rstrip("\r\n"):
            # Bare CR line ends (Excel for Mac's "CSV (Macintosh)"): split as
            # universal newlines do, so the csv module sees one line at a time.
            yield from io.StringIO(text, newline="")
        else:
            yield text


def _utf16_lines(source) -> Iterator[str]:
    try:
        yield from io.TextIOWrapper(source, encoding="utf-16", errors="strict", newline="")
    except UnicodeDecodeError:
        raise _BadText(
            _("bukan teks UTF-16 yang sah; simpan berkas sebagai CSV UTF-8 lalu impor lagi.")
        ) from None


def _csv_records(source, start: bytes, encoding: str) -> Iterator[list[str]]:
    """The CSV's records (lists of cells), the header first."""
    _refuse_binary(start)
    # Looked at before decoding too: random bytes are seldom valid in any encoding,
    # and "not a text file" says more than "bad encoding". (UTF-16 is full of NUL
    # bytes, so it is judged once decoded.)
    utf16 = start.startswith(UTF16_BOMS)
    if not utf16 and _looks_binary(start.decode("latin-1")):
        raise _not_csv()
    lines = _utf16_lines(source) if utf16 else _lines(source, encoding)
    try:
        first_line = next(lines, "")
    except _BadText as exc:
        raise TableUnreadable(exc.message, row=1) from None
    if _looks_binary(first_line):
        raise _not_csv()
    delimiter = max(DELIMITERS, key=first_line.split("\n", 1)[0].count)

    def chained():
        yield first_line
        yield from lines

    # strict: a quote closed and followed by more text, or never closed, is an
    # error rather than a cell that runs on into the next rows.
    reader = csv.reader(chained(), delimiter=delimiter, strict=True)
    return _records(reader, delimiter)


def _records(reader, delimiter: str) -> Iterator[list[str]]:
    number, width = 0, 0
    while True:
        number += 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except _BadText as exc:
            raise TableUnreadable(exc.message, row=number) from None
        except csv.Error as exc:
            raise TableUnreadable(
                _(
                    "tanda petik tidak seimbang: sel yang diawali tanda petik di baris ini "
                    "tidak ditutup, atau ditutup lalu diikuti teks lain (%(reason)s); "
                    "berkas tidak dapat dibaca sebagai CSV."
                )
                % {"reason": exc},
                row=number,
            ) from None
        if number == 1:
            width = len(record)
        elif any(_swallowed_rows(cell, delimiter, width) for cell in record):
            raise TableUnreadable(
                _(
                    "tanda petik tidak seimbang: sel yang diawali tanda petik di baris ini "
                    "memuat baris-baris berikutnya; tutup tanda petiknya di sel yang sama."
                ),
                row=number,
            )
        yield record


def _swallowed_rows(value: str, delimiter: str, width: int) -> bool:
    """A cell holding a line break followed by a line with nearly a whole row's
    separators (all but one): an unbalanced quote that took in the next rows. A
    comment over several lines with a few commas in it is not that."""
    if "\n" not in value and "\r" not in value:
        return False  # the common case, decided without splitting
    lines = value.splitlines()[1:]
    return any(line.count(delimiter) >= max(2, width - 2) for line in lines)


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


def _check_unpacked_size(source) -> None:
    """Refuse an archive whose members unpack to more than the cap, before any XML
    is parsed: the sizes are in the zip's directory."""
    try:
        with zipfile.ZipFile(source) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except Exception as exc:
        raise _unreadable_xlsx(exc) from None
    finally:
        source.seek(0)
    cap = max_unpacked_bytes()
    if unpacked > cap:
        raise TableUnreadable(
            _(
                "berkas .xlsx ini terurai menjadi %(size)d MB, melebihi batas %(cap)d MB "
                "(IMPORT_XLSX_MAX_UNPACKED_MB); simpan sebagai CSV atau pecah menjadi "
                "beberapa berkas."
            )
            % {"size": unpacked // (1024 * 1024), "cap": cap // (1024 * 1024)}
        )


@contextmanager
def _xlsx_records(source):

    _check_unpacked_size(source)
    # A damaged or disguised archive fails in many ways (BadZipFile, KeyError for a
    # missing part, XML errors, ...): whichever it is, the file is unreadable.
    try:
        book = load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:
        raise _unreadable_xlsx(exc) from None
    try:

        def records():
            if not book.worksheets:
                return
            rows = book.worksheets[0].iter_rows(values_only=True)
            while True:
                try:
                    row = next(rows)
                except StopIteration:
                    return
                except Exception as exc:
                    raise _unreadable_xlsx(exc) from None
                yield [_cell_text(v) for v in row]

        yield records()
    finally:
        book.close()


# --- both -------------------------------------------------------------------


def _column_name(index: int) -> str:
    """A, B, ... Z, AA: how a spreadsheet names the column of a cell without a header."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _control_character(row: int, column: str) -> TableUnreadable:
    return TableUnreadable(
        _("berisi karakter kendali (misalnya NUL) yang tidak dapat disimpan; hapus isi sel ini."),
        row=row,
        column=column,
    )


def _table(records: Iterator[list[str]]) -> Table:
    header = next(records, None)
    if header is None:
        return Table([], iter(()))
    names = [h.strip() for h in header]
    # Trailing empty header cells (an .xlsx formatted wider than its data) name nothing.
    while names and not names[-1]:
        names.pop()
    seen = set()
    for index, name in enumerate(names):
        if CONTROL.search(name):
            raise _control_character(1, name or _column_name(index))
        if name and name in seen:
            raise TableUnreadable(
                _("kolom %(c)s muncul lebih dari sekali di baris judul; hapus salah satunya.")
                % {"c": name},
                row=1,
                column=name,
            )
        seen.add(name)
    return Table([n for n in names if n], _rows(records, names))


def _rows(records: Iterator[list[str]], names: list[str]) -> Iterator[tuple[int, dict]]:
    width = len(names)
    cap = max_rows()
    indexed = list(enumerate(names))
    for number, cells in enumerate(records, start=2):
        if number - 1 > cap:
            raise TableUnreadable(
                _(
                    "berkas berisi lebih dari %(cap)d baris data (batas IMPORT_MAX_ROWS); "
                    "pecah menjadi beberapa berkas."
                )
                % {"cap": cap},
                row=number,
            )
        values = [c.strip() for c in cells]
        if len(values) > width and any(values[width:]):
            raise TableUnreadable(_("jumlah kolom melebihi baris judul."), row=number, column="-")
        if len(values) < width:
            values += [""] * (width - len(values))
        if CONTROL.search("".join(values)):
            for index, name in indexed:
                if CONTROL.search(values[index]):
                    raise _control_character(number, name or _column_name(index))
        yield number, {name: values[index] for index, name in indexed if name}
