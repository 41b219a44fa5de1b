"""import_skm reads .xlsx as well as CSV, and rejects any unreadable file with a
clear message, storing nothing (feedback/imports/tabular.py, feedback/imports/responses.py)."""

import datetime
import io
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from feedback.imports.responses import ImportRejected, import_file
from feedback.imports.tabular import TableUnreadable, read_table
from feedback.models import ImportBatch, Response
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db

COLUMNS = ["service", "date", *[f"U{i}" for i in range(1, 10)], "age", "sex"]
GOOD = ["KTP-EL", "2026-03-02", 4, 3, 3, 4, 4, 4, 4, 3, 2, 34, "P"]


@pytest.fixture
def service(settings):
    settings.FEEDBACK_DUPLICATE_MINUTES = 0
    return ServiceFactory(code="KTP-EL")


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run(tmp_path, raw: bytes, name="skm.csv"):
    path = tmp_path / name
    path.write_bytes(raw)
    out, err = StringIO(), StringIO()
    try:
        call_command("import_skm", str(path), stdout=out, stderr=err)
    except CommandError as exc:
        return None, f"{err.getvalue()}\n{exc}"
    return out.getvalue(), err.getvalue()


# --- .xlsx --------------------------------------------------------------------


def test_an_xlsx_file_is_imported_with_excel_numbers_and_dates(tmp_path, service):
    row = list(GOOD)
    row[1] = datetime.datetime(2026, 3, 2)  # a date cell, as Excel stores it
    row[2] = 4.0  # a number typed as 4 but stored as a float
    raw = xlsx([COLUMNS, row, ["KTP-EL", "2026-03-03", *[3] * 9, None, None]])
    out, _err = run(tmp_path, raw, name="survei.xlsx")
    assert "Imported 2 responses" in out
    first = Response.objects.order_by("served_on").first()
    assert str(first.served_on) == "2026-03-02"
    assert (first.u1, first.u9, first.age, first.sex) == (4, 2, 34, "P")


def test_an_xlsx_file_with_a_bad_row_is_rejected_whole_naming_row_and_column(tmp_path, service):
    bad = list(GOOD)
    bad[4] = 7  # U3
    out, err = run(tmp_path, xlsx([COLUMNS, GOOD, bad]), name="survei.xlsx")
    assert out is None
    assert "baris 3, kolom U3" in err
    assert "nothing was stored" in err
    assert Response.objects.count() == 0 and ImportBatch.objects.count() == 0


def test_a_damaged_xlsx_file_is_rejected_with_a_message(tmp_path, service):
    raw = xlsx([COLUMNS, GOOD])
    out, err = run(tmp_path, raw[: len(raw) // 2], name="survei.xlsx")
    assert out is None
    assert ".xlsx tidak dapat dibaca" in err
    assert "Traceback" not in err
    assert Response.objects.count() == 0


# --- unreadable files -------------------------------------------------------------


def test_a_nul_byte_in_a_cell_is_rejected_naming_its_row_and_column(tmp_path, service):
    text = ",".join(COLUMNS) + "\n" + "KTP-EL,2026-03-02,4,3,3,4,4,4,4,3,2,34,P\n"
    text += "KTP-EL,2026-03-02,4,3,3,4,4,4,4,3,2,3\x004,P\n"
    out, err = run(tmp_path, text.encode())
    assert out is None
    assert "baris 3, kolom age" in err and "NUL" in err
    assert Response.objects.count() == 0 and ImportBatch.objects.count() == 0


@pytest.mark.parametrize(
    "raw, says",
    [
        (bytes(range(256)) * 8, "bukan teks CSV"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "bukan tabel"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "bukan tabel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, ".xls"),
        (b"service,date\n\x81\x8d\x8f\x90\x9d\n", "encoding"),
        (b'service,"date\n' + b"x" * 200_000, "CSV"),
    ],
    ids=["random-bytes", "png", "pdf", "old-xls", "no-encoding", "runaway-quote"],
)
def test_an_unreadable_file_is_rejected_with_a_clear_message(tmp_path, service, raw, says):
    out, err = run(tmp_path, raw)
    assert out is None
    assert says in err
    assert "Traceback" not in err and "_csv.Error" not in err
    assert Response.objects.count() == 0 and ImportBatch.objects.count() == 0


def test_excel_unicode_text_utf16_with_tabs_is_read(tmp_path, service):
    text = "\t".join(COLUMNS) + "\r\n" + "\t".join(str(v) for v in GOOD) + "\r\n"
    out, _err = run(tmp_path, text.encode("utf-16"), name="survei.txt")
    assert "Imported 1 responses" in out


def test_read_table_gives_stripped_strings_keyed_by_the_header():
    raw = b"\xef\xbb\xbfa ; b ;c\n 1 ;x y ; \n"
    assert read_table(raw, "t.csv") == [{"a": "1", "b": "x y", "c": ""}]
    with pytest.raises(TableUnreadable) as caught:
        read_table(b"a,b\n1,2,3\n", "t.csv")
    assert (caught.value.row, caught.value.column) == (2, "-")


# --- properties: success or a clean rejection, never half -------------------------

PROPERTY = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def outcome(raw: bytes, filename: str):
    """Import and report (stored rows before, after, rejected?). Any other exception
    propagates and fails the property."""
    before = Response.objects.count()
    try:
        batch = import_file(raw, filename=filename, allow_duplicate=True)
    except ImportRejected as exc:
        assert exc.errors and all(str(e) for e in exc.errors)
        return before, Response.objects.count(), None
    return before, Response.objects.count(), batch


@PROPERTY
@given(raw=st.binary(max_size=2048))
def test_any_bytes_are_imported_or_rejected_cleanly(service, raw):
    before, after, batch = outcome(raw, "berkas.csv")
    assert after == before if batch is None else after == before + batch.rows


@PROPERTY
@given(raw=st.binary(max_size=1024))
def test_any_bytes_named_xlsx_are_rejected_cleanly(service, raw):
    before, after, batch = outcome(raw, "berkas.xlsx")
    assert batch is None and after == before


# Cells as people fill them, and as attackers do: codes, numbers, dates, any text.
cell = st.one_of(
    st.sampled_from(["KTP-EL", "ktp-el", "2026-03-02", "1", "2", "3", "4", "5", "", " 4 ", "L"]),
    st.integers(min_value=-5, max_value=200),
    st.text(max_size=12),
)


def rows_of(width):
    return st.lists(st.lists(cell, min_size=width, max_size=width + 1), min_size=1, max_size=4)


@PROPERTY
@given(rows=rows_of(len(COLUMNS)), delimiter=st.sampled_from([",", ";", "\t"]))
@example(rows=[GOOD, GOOD], delimiter=";")  # the success path, always tried
def test_any_csv_cells_are_imported_or_rejected_cleanly(service, rows, delimiter):
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    before, after, batch = outcome(buffer.getvalue().encode("utf-8", "surrogatepass"), "f.csv")
    assert after == before if batch is None else after == before + batch.rows


@PROPERTY
@given(
    rows=rows_of(len(COLUMNS)).map(
        # .xlsx cannot hold control characters (openpyxl refuses to write them).
        lambda rows: [
            [
                "".join(ch for ch in c if ch >= " " and not "\ud800" <= ch <= "\udfff")
                if isinstance(c, str)
                else c
                for c in row
            ]
            for row in rows
        ]
    )
)
@example(rows=[GOOD])
def test_any_xlsx_cells_are_imported_or_rejected_cleanly(service, rows):
    before, after, batch = outcome(xlsx([COLUMNS, *rows]), "f.xlsx")
    assert after == before if batch is None else after == before + batch.rows
