"""Open data in formats people open (feedback/results/open_data.py, the open-data page): a
CSV that Indonesian Excel splits into columns on a double-click, XLSX beside it,
booleans as words, and the licence on the page and in every file."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from feedback.intake import parsing, storing
from feedback.models import Service

pytestmark = pytest.mark.django_db

PAGE = "/data-terbuka/"
PERIOD = "2026-Q3"
LICENSE = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'


@pytest.fixture
def figures(demo, settings):
    """KTP-EL with twenty responses (IKM 95,83), AKTA-LAHIR with four (suppressed)."""
    settings.SKM_PUBLIC_MIN_RESPONDENTS = 10
    for code, count, value in (("KTP-EL", 20, 4), ("AKTA-LAHIR", 4, 2)):
        for i in range(count):
            answers = {f"U{n}": value for n in range(1, 10)}
            answers["U9"] = 1 + i % 4
            sub = parsing.parse_submission(
                {"service": code, "answers": answers, "served_on": datetime.date(2026, 8, 10)},
                today=datetime.date(2026, 11, 22),
            )
            storing.response_submit(sub, channel="paper")
    return Service.objects.get(code="KTP-EL")


def test_the_default_csv_opens_in_indonesian_excel(client, figures):
    res = client.get(f"{PAGE}ikm-layanan/csv/?periode={PERIOD}")
    assert res.status_code == 200
    assert res["Content-Type"] == "text/csv; charset=utf-8"
    assert res["Content-Disposition"] == f'attachment; filename="ikm-layanan-{PERIOD}.csv"'
    assert res["Link"] == LICENSE
    raw = res.content
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel reads UTF-8
    text = raw.decode("utf-8-sig")
    header = text.splitlines()[0]
    assert header.startswith("type;code;name;unit;period;respondents;suppressed;U1")
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(text), delimiter=";")}
    assert rows["KTP-EL"]["ikm"] == "95,83"  # decimal comma
    assert rows["KTP-EL"]["suppressed"] == "tidak"  # words, not False
    assert rows["AKTA-LAHIR"]["suppressed"] == "ya" and rows["AKTA-LAHIR"]["ikm"] == ""
    assert not text.startswith("#")  # no comment line: the licence is in the header


def test_a_comma_csv_is_still_there_for_programs(client, figures):
    res = client.get(f"{PAGE}ikm-layanan/csv/?periode={PERIOD}&sep=comma")
    text = res.content.decode("utf-8-sig")
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows["KTP-EL"]["ikm"] == "95.83"
    assert res["Link"] == LICENSE


def test_the_xlsx_has_numbers_words_and_the_licence_in_its_properties(client, figures):
    res = client.get(f"{PAGE}ikm-unit/xlsx/?periode={PERIOD}")
    assert res.status_code == 200 and res["Link"] == LICENSE
    assert res["Content-Disposition"] == f'attachment; filename="ikm-unit-{PERIOD}.xlsx"'
    res = client.get(f"{PAGE}ikm-layanan/xlsx/?periode={PERIOD}")
    book = load_workbook(io.BytesIO(res.content))
    sheet = book.active
    header = [c.value for c in sheet[1]]
    rows = {r[1]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(2, values_only=True)}
    assert rows["KTP-EL"]["ikm"] == 95.83 and rows["KTP-EL"]["respondents"] == 20
    assert rows["KTP-EL"]["suppressed"] == "tidak" and rows["AKTA-LAHIR"]["suppressed"] == "ya"
    assert "CC BY 4.0" in book.properties.description
    assert "creativecommons.org/licenses/by/4.0" in book.properties.description
    custom = {p.name: p.value for p in book.custom_doc_props.props}
    assert custom["License"] == "CC BY 4.0"


def test_the_page_states_the_licence_and_offers_every_format(client, figures):
    res = client.get(f"{PAGE}?periode={PERIOD}")
    html = res.content.decode()
    assert res["Link"] == LICENSE
    assert 'rel="license"' in html and "CC BY 4.0" in html
    for href in (
        f"{PAGE}ikm-layanan/xlsx/?periode={PERIOD}",
        f"{PAGE}ikm-layanan/csv/?periode={PERIOD}",
        f"{PAGE}ikm-layanan/csv/?periode={PERIOD}&amp;sep=comma",
        f"{PAGE}ikm-unit/xlsx/?periode={PERIOD}",
    ):
        assert f'href="{href}"' in html, href
    english = client.get(f"/en{PAGE}?periode={PERIOD}")
    assert english.status_code == 200 and "CC BY 4.0" in english.content.decode()


def test_the_api_csv_keeps_its_contract(client, figures):
    """Programs that read /api/v1/ikm/table/?format=csv see what they always saw."""
    res = client.get(f"/api/v1/ikm/table/?period={PERIOD}&format=csv")
    text = res.content.decode()
    assert not text.startswith("\ufeff")
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows["KTP-EL"]["ikm"] == "95.83" and rows["KTP-EL"]["suppressed"] == "False"


@pytest.mark.parametrize(
    "url", [f"{PAGE}ikm-layanan/csv/?periode=2026-Q9", f"{PAGE}ikm-layanan/csv/?sep=tab"]
)
def test_a_bad_period_or_separator_is_not_found(client, demo, url):
    assert client.get(url).status_code == 404


def test_the_page_describes_every_column_of_the_files(client, figures):
    """A reader of the files learns from the page what each column holds, the coverage
    columns included, in the files' order, in Indonesian and in English."""
    from bs4 import BeautifulSoup

    def described(prefix):
        html = BeautifulSoup(client.get(f"{prefix}{PAGE}?periode={PERIOD}").content, "html.parser")
        table = html.find("table", class_="columns")
        return {
            row.th.get_text(strip=True): row.td.get_text(" ", strip=True)
            for row in table.find("tbody").find_all("tr")
        }

    res = client.get(f"{PAGE}ikm-layanan/csv/?periode={PERIOD}&sep=comma")
    header = next(csv.reader(io.StringIO(res.content.decode("utf-8-sig"))))
    columns = described("")
    assert list(columns) == header
    assert all(columns.values())
    assert "Krejcie & Morgan" in columns["required_sample"]
    assert "belum diisi" in columns["service_users"]
    assert "sampel minimal" in columns["adequate"]
    assert "U3 Waktu penyelesaian" in columns["U3"]
    english = described("/en")
    assert list(english) == header
    assert "Krejcie & Morgan" in english["required_sample"]
    assert "Number of service users" in english["service_users"]
    assert "minimum sample" in english["adequate"]
    assert "element U3" in english["U3"]
