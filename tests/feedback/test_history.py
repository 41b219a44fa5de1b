"""The survey history a Pemda already has: past surveys by respondent
(import_skm back to SKM_HISTORY_EARLIEST) and past reports' tables
(import_skm_tables), flowing into the published results."""

import datetime
from csv import DictReader
from fractions import Fraction
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from content.models import ResultsPage
from feedback.models import ImportBatch, OfficerMonth, ReportedPeriod, Response, ServiceMonth
from feedback.results import selectors
from feedback.rules.periods import Period
from tests.factories import ServiceFactory, home_page, publish_child, service_page

pytestmark = pytest.mark.django_db

COUNTS = ",".join(f"U{u}_{v}" for u in range(1, 10) for v in range(1, 5))
COUNT_HEADER = f"service,period,respondents,{COUNTS}\n"
NRR_HEADER = "service,period,respondents," + ",".join(f"U{u}" for u in range(1, 10)) + "\n"
SKM_HEADER = "service,date,U1,U2,U3,U4,U5,U6,U7,U8,U9\n"


def counts_row(service, period, respondents, per_element):
    """per_element: {code: [n1, n2, n3, n4]}, the rest [0, 2, 8, 10]."""
    cells = []
    for u in range(1, 10):
        cells += per_element.get(f"U{u}", [0, 2, 8, 10])
    return f"{service},{period},{respondents}," + ",".join(map(str, cells)) + "\n"


# Hand-worked example. 2024-Q1 table with counts, 20 respondents: U1 answered
# 1x1, 1x2, 8x3, 10x4 (sum 67), every other element 2x2, 8x3, 10x4 (sum 68).
# 2024-Q2 table with NRR only, 10 respondents: U1 2.50 (sum 25), others 3.00 (30).
# 2024-Q3: ten paper forms, every answer 4 (sums 40).
Q1 = counts_row("KTP-EL", "2024-Q1", 20, {"U1": [1, 1, 8, 10]})
Q2 = "KTP-EL;2024-Q2;10;2,50;3;3;3;3;3;3;3;3\n"
PAPER_Q3 = SKM_HEADER + "".join(f"KTP-EL,2024-08-{d:02d},4,4,4,4,4,4,4,4,4\n" for d in range(1, 11))


def write(tmp_path, text, name):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return str(path)


def tables(tmp_path, text, *args, name="laporan.csv"):
    out, err = StringIO(), StringIO()
    call_command("import_skm_tables", write(tmp_path, text, name), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def skm(tmp_path, text, *args, name="skm.csv"):
    out, err = StringIO(), StringIO()
    call_command("import_skm", write(tmp_path, text, name), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def rejected(command, tmp_path, text, name="laporan.csv"):
    """Run an import that must fail; returns its messages and checks nothing was stored."""
    before = (ReportedPeriod.objects.count(), Response.objects.count(), ImportBatch.objects.count())
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was stored"):
        call_command(command, write(tmp_path, text, name), stdout=StringIO(), stderr=err)
    after = (ReportedPeriod.objects.count(), Response.objects.count(), ImportBatch.objects.count())
    assert after == before
    return err.getvalue()


@pytest.fixture
def ktp():
    return ServiceFactory(code="KTP-EL")


def result(obj, period):
    return selectors.ikm_for(scope=selectors.Scope.of(obj), period=Period.parse(period))


def test_results_over_mixed_periods_equal_the_hand_worked_figures(tmp_path, ktp):
    out, _ = tables(tmp_path, COUNT_HEADER + Q1, name="2024-q1.csv")
    assert "Imported 1 report periods" in out
    tables(tmp_path, NRR_HEADER.replace(",", ";") + Q2, name="2024-q2.csv")
    skm(tmp_path, PAPER_Q3)

    q1 = result(ktp, "2024-Q1")
    assert (q1.respondents, q1.source, q1.ci95) == (20, "laporan", None)
    assert q1.nrr["U1"] == 3.35 and q1.nrr["U2"] == 3.4
    # (67/20 + 8 x 68/20) / 9 x 25 = 84.8611...
    assert q1.ikm_exact == (Fraction(67, 20) + 8 * Fraction(68, 20)) / 9 * 25
    assert (q1.ikm, q1.mutu) == (84.86, "B")
    q2 = result(ktp, "2024-Q2")
    assert (q2.respondents, q2.ikm, q2.mutu) == (10, 73.61, "C")  # (2.5 + 8 x 3) / 9 x 25
    q3 = result(ktp, "2024-Q3")
    assert (q3.respondents, q3.ikm, q3.source) == (10, 100.0, "responden")
    assert q3.ci95 is not None

    # The year adds up the sums: U1 (67 + 25 + 40) / 40 = 3.3, others 138 / 40 = 3.45;
    # IKM (3.3 + 8 x 3.45) / 9 x 25 = 85.83.
    year = result(ktp, "2024")
    assert (year.respondents, year.source, year.ci95) == (40, "campuran", None)
    assert year.nrr["U1"] == 3.3 and year.nrr["U9"] == 3.45
    assert (year.ikm, year.mutu, year.kinerja) == (85.83, "B", "Baik")
    # (92 / 30 + 8 x 98 / 30) / 9 x 25 = 81.11
    semester = result(ktp, "2024-S1")
    assert (semester.respondents, semester.source, semester.ikm) == (30, "laporan", 81.11)
    # A table cannot be split: no month of 2024-Q1 has its respondents.
    assert result(ktp, "2024-02").respondents == 0
    # The unit and the Pemda include the tables too.
    assert result(ktp.unit, "2024").ikm == 85.83
    assert selectors.ikm_for(scope=selectors.Scope.of(None), period=Period.parse("2024")).ikm == (
        85.83
    )

    trend = selectors.ikm_trend(scope=selectors.Scope.of(ktp), period=Period.parse("2024-Q4"))
    assert [(p.code, r.respondents, r.source) for p, r in trend] == [
        ("2023-Q3", 0, "responden"),
        ("2023-Q4", 0, "responden"),
        ("2024-Q1", 20, "laporan"),
        ("2024-Q2", 10, "laporan"),
        ("2024-Q3", 10, "responden"),
        ("2024-Q4", 0, "responden"),
    ]
    assert [r.ikm for _p, r in trend][2:5] == [84.86, 73.61, 100.0]


def test_the_api_the_open_data_and_the_page_mark_the_source(tmp_path, ktp, client):
    tables(tmp_path, COUNT_HEADER + Q1, name="2024-q1.csv")
    skm(tmp_path, PAPER_Q3)
    body = client.get("/api/v1/ikm/?service=KTP-EL&period=2024").json()
    assert (body["source"], body["ci95"], body["respondents"]) == ("campuran", None, 30)
    assert client.get("/api/v1/ikm/?service=KTP-EL&period=2024-Q3").json()["source"] == (
        "responden"
    )
    csv = client.get("/api/v1/ikm/table/?period=2024-Q1&format=csv").content.decode()
    rows = list(DictReader(csv.splitlines()))
    assert rows[0]["source"] == "laporan"

    page = service_page(ktp)
    text = client.get(page.url + "?periode=2024-Q1").content.decode()
    assert "84,86" in text
    assert "Tabel laporan SKM terdahulu (diimpor)" in text
    assert "Tidak tersedia: tabel laporan tidak memuat jawaban per responden" in text
    assert "Profil responden tidak tersedia" in text

    results = publish_child(home_page(), ResultsPage(title="Hasil survei", slug="hasil"))
    ranking = client.get(results.url + "?periode=2024-Q1").content.decode()
    assert "dari laporan" in ranking


def test_tables_give_officers_nothing_and_survive_a_rebuild(tmp_path, ktp):
    tables(tmp_path, COUNT_HEADER + Q1, name="2024-q1.csv")
    tables(tmp_path, NRR_HEADER + Q2.replace(";", ",").replace("2,50", "2.50"), name="q2.csv")
    skm(tmp_path, PAPER_Q3)
    periods = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-S1", "2024"]
    incremental = [result(ktp, p) for p in periods]
    rollups = list(ServiceMonth.objects.order_by("year", "month").values())
    call_command("recompute_ikm", stdout=StringIO())
    assert [result(ktp, p) for p in periods] == incremental
    assert list(ServiceMonth.objects.order_by("year", "month").values_list("month", flat=True)) == [
        8
    ]
    assert len(rollups) == 1
    assert OfficerMonth.objects.count() == 0


def test_an_xlsx_report_table_is_read(tmp_path, ktp):
    book = Workbook()
    sheet = book.active
    sheet.append(["service", "period", "respondents", *[f"U{u}" for u in range(1, 10)]])
    sheet.append(["KTP-EL", "2023-S2", 120, 3.25, 3, 3, 3.5, 3, 3, 3, 3, 3])
    raw = BytesIO()
    book.save(raw)
    tables(tmp_path, raw.getvalue(), name="laporan-2023.xlsx")
    stored = ReportedPeriod.objects.get()
    assert (stored.period, stored.respondents, stored.counts) == ("2023-S2", 120, None)
    assert stored.u1 == 390 and stored.u4 == 420  # NRR x respondents


def test_a_dry_run_stores_nothing(tmp_path, ktp):
    out, _ = tables(tmp_path, COUNT_HEADER + Q1, "--dry-run")
    assert "1 rows valid; nothing stored." in out
    assert ReportedPeriod.objects.count() == ImportBatch.objects.count() == 0


@pytest.mark.parametrize(
    "text, expected",
    [
        (COUNT_HEADER + counts_row("KTP-EL", "2024-Q1", 21, {}), "baris 2, kolom U1_1..U1_4"),
        (COUNT_HEADER + Q1 + counts_row("NOPE", "2024-Q2", 20, {}), "baris 3, kolom service"),
        (COUNT_HEADER + counts_row("KTP-EL", "2024-Q5", 20, {}), "baris 2, kolom period"),
        (COUNT_HEADER + counts_row("KTP-EL", "2016-Q4", 20, {}), "sebelum 2017-01-01"),
        (COUNT_HEADER + counts_row("KTP-EL", "2099", 20, {}), "belum selesai"),
        (COUNT_HEADER + counts_row("KTP-EL", "2024-Q1", 0, {}), "baris 2, kolom respondents"),
        (
            COUNT_HEADER + counts_row("KTP-EL", "2024-Q1", 20, {"U3": [0, 2, "x", 10]}),
            "baris 2, kolom U3_3",
        ),
        (NRR_HEADER + "KTP-EL,2024-Q1,20,4.5,3,3,3,3,3,3,3,3\n", "baris 2, kolom U1: NRR 4.5"),
        (NRR_HEADER + "KTP-EL,2024-Q1,20,3.12345,3,3,3,3,3,3,3,3\n", "angka desimal"),
        (NRR_HEADER + "KTP-EL,2024-Q1,20,3,3,3,3,3,3,3,3,\n", "baris 2, kolom U9"),
        (COUNT_HEADER + Q1 + counts_row("KTP-EL", "2024-S1", 20, {}), "tumpang tindih"),
        ("service,period,respondents,U1,U2\nKTP-EL,2024-Q1,20,3,3\n", "U1_1..U9_4 / U1..U9"),
        ("service,periode,respondents," + COUNTS + "\n" + Q1, "baris 1, kolom period"),
        (COUNT_HEADER, "tidak berisi baris data"),
        (b"PK\x03\x04 not really a workbook", ".xlsx tidak dapat dibaca"),
    ],
)
def test_a_bad_table_is_rejected_whole_and_stores_nothing(tmp_path, ktp, text, expected):
    messages = rejected("import_skm_tables", tmp_path, text)
    assert expected in messages, messages


def test_the_same_file_is_refused_a_second_time(tmp_path, ktp):
    tables(tmp_path, COUNT_HEADER + Q1)
    assert "sudah diimpor pada" in rejected("import_skm_tables", tmp_path, COUNT_HEADER + Q1)


def test_a_period_already_counted_is_refused_either_way(tmp_path, ktp):
    # Respondent-level data first: a table for a period containing it is refused ...
    skm(tmp_path, PAPER_Q3)
    year = COUNT_HEADER + counts_row("KTP-EL", "2024", 20, {})
    assert "sudah punya data per responden" in rejected("import_skm_tables", tmp_path, year)
    # ... a table that overlaps another is refused ...
    tables(tmp_path, COUNT_HEADER + Q1, name="q1.csv")
    semester = COUNT_HEADER + counts_row("KTP-EL", "2024-S1", 20, {})
    assert "sudah diimpor dari laporan (periode 2024-Q1)" in rejected(
        "import_skm_tables", tmp_path, semester, name="s1.csv"
    )
    # ... and paper forms for a period a table covers are refused, naming the row.
    paper = SKM_HEADER + "KTP-EL,2024-03-15,4,4,4,4,4,4,4,4,4\n"
    messages = rejected("import_skm", tmp_path, paper, name="skm-q1.csv")
    assert "baris 2, kolom date" in messages and "2024-Q1" in messages


def test_staff_imports_reach_back_to_the_earliest_date_but_public_channels_do_not(
    tmp_path, ktp, client, settings
):
    skm(tmp_path, SKM_HEADER + "KTP-EL,2017-01-02,3,3,3,3,3,3,3,3,3\n")
    assert Response.objects.get().served_on == datetime.date(2017, 1, 2)
    too_early = SKM_HEADER + "KTP-EL,2016-12-31,3,3,3,3,3,3,3,3,3\n"
    assert "sebelum 2017-01-01" in rejected("import_skm", tmp_path, too_early, name="old.csv")
    settings.SKM_HISTORY_EARLIEST = "2019-01-01"
    later = SKM_HEADER + "KTP-EL,2018-06-30,3,3,3,3,3,3,3,3,3\n"
    assert "sebelum 2019-01-01" in rejected("import_skm", tmp_path, later, name="2018.csv")
    res = client.post(
        "/api/v1/feedback/",
        {
            "service": "KTP-EL",
            "answers": {f"U{i}": 3 for i in range(1, 10)},
            "served_on": "2020-05-05",
        },
        content_type="application/json",
    )
    assert res.status_code == 400 and "hari yang lalu" in res.json()["served_on"][0]
