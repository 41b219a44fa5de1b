"""Every CSV and XLSX the portal writes is formula-safe (core/export.py): a cell a
spreadsheet would run as a formula is text, and numbers stay numbers."""

import csv
import io

import pytest
from openpyxl import load_workbook

from core import export

HOSTILE = [
    '=HYPERLINK("http://evil.example/","klik")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_that_a_spreadsheet_would_run_gets_a_leading_apostrophe(text):
    assert export.safe_text(text) == "'" + text
    assert export.cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Akta Kelahiran", "KTP-EL", "'=already", "", "a=b"])
def test_ordinary_text_is_unchanged(text):
    assert export.cell(text) == text


def test_numbers_and_booleans_stay_numbers_and_words():
    assert export.cell(-3.5) == "-3.5"
    assert export.cell(-3) == "-3"
    assert export.cell(95.83, export.EXCEL_ID) == "95,83"
    assert export.cell(-0.5, export.EXCEL_ID) == "-0,5"
    assert export.cell(True) == "True" and export.cell(False, export.EXCEL_ID) == "tidak"
    assert export.cell(None) == ""


def test_a_csv_document_is_safe_in_every_column():
    rows = [{"name": text, "ikm": -1.25, "ok": True} for text in HOSTILE]
    parsed = list(csv.DictReader(io.StringIO(export.csv_text(["name", "ikm", "ok"], rows))))
    assert [r["name"] for r in parsed] == ["'" + t for t in HOSTILE]
    assert {r["ikm"] for r in parsed} == {"-1.25"}


def test_xlsx_keeps_hostile_text_as_text_and_numbers_as_numbers():
    rows = [{"name": text, "ikm": -1.25} for text in HOSTILE]
    body = export.xlsx_bytes(["name", "ikm"], rows, sheet_title="Data")
    sheet = load_workbook(io.BytesIO(body)).active
    for row in sheet.iter_rows(min_row=2):
        assert row[0].data_type == "s", row[0].value
        assert row[1].value == -1.25 and row[1].data_type == "n"

    # A carriage return survives as "&#13;" when openpyxl writes through lxml, and is read
    # back as a line feed when it writes through the standard library: either is the text.
    def lines(text):
        return text.replace("\r", "\n")

    assert [lines(c.value) for c in sheet["A"]][1:] == [lines(t) for t in HOSTILE]


@pytest.mark.django_db
def test_a_staff_entered_formula_in_a_service_name_is_text_in_the_ikm_csv(client):
    from tests.factories import ServiceFactory, UnitFactory

    unit = UnitFactory(code="DUK", name="@Dinas")
    ServiceFactory(code="JAHAT", unit=unit, name='=HYPERLINK("http://evil.example/","klik")')
    res = client.get("/api/v1/ikm/table/?format=csv&level=service")
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(res.content.decode()))}
    assert rows["JAHAT"]["name"] == '\'=HYPERLINK("http://evil.example/","klik")'
    assert rows["JAHAT"]["respondents"] == "0"  # a number is still a number
    res = client.get("/api/v1/ikm/table/?format=csv&level=unit")
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(res.content.decode()))}
    assert rows["DUK"]["name"] == "'@Dinas"
