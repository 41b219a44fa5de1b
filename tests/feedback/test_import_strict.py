"""Strict reading of imported files (feedback/imports/tabular.py): what used to be read
wrongly without a word is now refused, naming the row, and nothing is stored."""

import io
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from feedback.imports.tabular import read_table
from feedback.models import ImportBatch, ReportedPeriod, Response
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db

HEADER = "service,date,U1,U2,U3,U4,U5,U6,U7,U8,U9,comment\n"
ROW = "KTP-EL,2026-03-02,4,3,3,4,4,4,4,3,2,{comment}\n"


@pytest.fixture
def service(settings):
    settings.FEEDBACK_DUPLICATE_MINUTES = 0
    return ServiceFactory(code="KTP-EL")


def run(tmp_path, raw: bytes, *args, name="skm.csv", command="import_skm"):
    """(stdout, None) on success; (None, stderr + the error) when refused."""
    path = tmp_path / name
    path.write_bytes(raw)
    out, err = StringIO(), StringIO()
    try:
        call_command(command, str(path), *args, stdout=out, stderr=err)
    except CommandError as exc:
        return None, f"{err.getvalue()}\n{exc}"
    return out.getvalue(), err.getvalue()


def nothing_stored():
    return Response.objects.count() == 0 and ImportBatch.objects.count() == 0


# --- unbalanced quotes ------------------------------------------------------------


@pytest.mark.parametrize(
    "rows",
    [
        # Closed on the next row: the next row became part of the first one's comment.
        ROW.format(comment='"Bagus sekali') + ROW.format(comment='Oke"'),
        # Never closed.
        ROW.format(comment='"Bagus sekali') + ROW.format(comment="Oke"),
        # Closed by the next row's own quote, then more text.
        ROW.format(comment='"Bagus sekali') + ROW.format(comment='"Oke"'),
    ],
    ids=["closed-a-row-later", "never-closed", "closed-then-text"],
)
def test_an_unbalanced_quote_is_refused_naming_its_row(tmp_path, service, rows):
    out, err = run(tmp_path, (HEADER + ROW.format(comment="") + rows).encode())
    assert out is None
    assert "baris 3" in err and "tanda petik" in err
    assert nothing_stored()


def test_a_quoted_comment_on_several_lines_is_still_one_cell(tmp_path, service):
    comment = '"Antrean panjang,\nmohon ditambah loket; terima kasih."'
    out, _err = run(tmp_path, (HEADER + ROW.format(comment=comment)).encode())
    assert "Imported 1 responses" in out
    assert Response.objects.get().comment.startswith("Antrean panjang,\nmohon")


# --- encodings ------------------------------------------------------------------


def test_utf8_with_and_without_bom_is_read(tmp_path, service):
    text = HEADER + ROW.format(comment='"Pelayanan café, ramah"')
    run(tmp_path, text.encode("utf-8"), name="a.csv")
    run(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"), name="b.csv")
    assert [r.comment for r in Response.objects.all()] == ["Pelayanan café, ramah"] * 2


def test_windows_1252_is_refused_naming_row_and_byte_unless_asked_for(tmp_path, service):
    raw = (HEADER + ROW.format(comment="ok") + ROW.format(comment="Pelayanan café")).encode(
        "cp1252"
    )
    out, err = run(tmp_path, raw)
    assert out is None
    assert "baris 3" in err and "UTF-8" in err and "--encoding cp1252" in err
    offset = raw.index(b"\xe9")
    assert f"byte ke-{offset}" in err
    assert nothing_stored()
    out, _err = run(tmp_path, raw, "--encoding", "cp1252")
    assert "Imported 2 responses" in out
    assert Response.objects.filter(comment="Pelayanan café").exists()


def test_gb18030_is_refused_not_stored_as_garbled_text(tmp_path, service):
    raw = (HEADER + ROW.format(comment="服务很好")).encode("gb18030")
    out, err = run(tmp_path, raw)
    assert out is None and "baris 2" in err and "UTF-8" in err
    assert nothing_stored()


@pytest.mark.parametrize("encoding_option", [(), ("--encoding", "cp1252")])
def test_a_file_mixing_utf8_and_windows_1252_is_refused(tmp_path, service, encoding_option):
    raw = (HEADER + ROW.format(comment="café")).encode("utf-8") + ROW.format(comment="café").encode(
        "cp1252"
    )
    out, err = run(tmp_path, raw, *encoding_option)
    assert out is None
    assert "baris 2" in err or "baris 3" in err
    assert nothing_stored()


# --- header, caps ---------------------------------------------------------------


def test_a_column_named_twice_in_the_header_is_refused(tmp_path, service):
    raw = (HEADER.replace("comment", "U3") + ROW.format(comment="4")).encode()
    out, err = run(tmp_path, raw)
    assert out is None
    assert "baris 1, kolom U3" in err and "lebih dari sekali" in err
    assert nothing_stored()


def test_more_rows_than_the_cap_are_refused(tmp_path, service, settings):
    settings.IMPORT_MAX_ROWS = 3
    text = HEADER + ROW.format(comment="") * 4
    out, err = run(tmp_path, text.encode())
    assert out is None and "baris 5" in err and "IMPORT_MAX_ROWS" in err
    assert nothing_stored()
    out, _err = run(tmp_path, (HEADER + ROW.format(comment="") * 3).encode())
    assert "Imported 3 responses" in out


def xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_xlsx_row_cap_applies_too(tmp_path, service, settings):
    settings.IMPORT_MAX_ROWS = 2
    good = ["KTP-EL", "2026-03-02", *[4] * 9, ""]
    out, err = run(tmp_path, xlsx([HEADER.strip().split(","), *[good] * 3]), name="f.xlsx")
    assert out is None and "IMPORT_MAX_ROWS" in err
    assert nothing_stored()


def test_an_xlsx_that_unpacks_beyond_the_cap_is_refused_before_parsing(tmp_path, service, settings):
    """A zip bomb: a small archive whose sheet holds megabytes of whitespace."""
    settings.IMPORT_XLSX_MAX_UNPACKED_MB = 1
    good = ["KTP-EL", "2026-03-02", *[4] * 9, ""]
    source = zipfile.ZipFile(io.BytesIO(xlsx([HEADER.strip().split(","), good])))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                data += b" " * (4 * 1024 * 1024)  # whitespace after the root element
            archive.writestr(member.filename, data)
    raw = bomb.getvalue()
    assert len(raw) < 64 * 1024
    out, err = run(tmp_path, raw, name="bom.xlsx")
    assert out is None
    assert "IMPORT_XLSX_MAX_UNPACKED_MB" in err and "Traceback" not in err
    assert nothing_stored()


def test_a_superscript_digit_is_a_row_error_not_a_crash(tmp_path, service):
    text = "service,date,U1,U2,U3,U4,U5,U6,U7,U8,U9,age\nKTP-EL,2026-03-02,4,4,4,4,4,4,4,4,4,3²\n"
    out, err = run(tmp_path, text.encode())
    assert out is None and "baris 2, kolom age" in err


def test_read_table_still_gives_every_row_as_a_list():
    assert read_table(b"a;b\n1;2\n\n", "t.csv") == [{"a": "1", "b": "2"}, {"a": "", "b": ""}]


# --- import_skm_tables: counts outside the column's range -----------------------

TABLE_HEADER = "service,period,respondents," + ",".join(f"U{u}" for u in range(1, 10)) + "\n"


@pytest.mark.parametrize("dry_run", [True, False])
@pytest.mark.parametrize("respondents", [2**31, 2**31 - 1 + 10**12, 10**40])
def test_respondents_beyond_the_columns_range_are_refused_with_a_message(
    tmp_path, service, dry_run, respondents
):
    text = TABLE_HEADER + f"KTP-EL,2024-Q1,{respondents}," + ",".join(["3,25"] * 9) + "\n"
    text = text.replace(",3,25", ';"3,25"').replace(";", ",")
    args = ["--dry-run"] if dry_run else []
    out, err = run(tmp_path, text.encode(), *args, command="import_skm_tables")
    assert out is None
    assert "baris 2, kolom respondents" in err and "melebihi batas" in err
    assert "Traceback" not in err
    assert ReportedPeriod.objects.count() == 0 and ImportBatch.objects.count() == 0


def test_a_multi_line_comment_with_commas_is_one_cell_and_mac_line_ends_are_read(tmp_path, service):
    comment = '"Cepat, ramah, murah,\nbersih, nyaman, aman, tertib."'
    raw = (HEADER + ROW.format(comment=comment) + ROW.format(comment="")).replace("\n", "\r")
    # Only the row ends become CR; the comment keeps its own line break as CR too.
    out, _err = run(tmp_path, raw.encode())
    assert "Imported 2 responses" in out
    assert Response.objects.filter(comment__startswith="Cepat, ramah, murah,").count() == 1
