from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from feedback.models import Channel, ImportBatch, Response
from tests.factories import OfficerFactory, ServiceFactory, ServicePointFactory

pytestmark = pytest.mark.django_db

HEADER = "service,date,U1,U2,U3,U4,U5,U6,U7,U8,U9,age,sex,education,occupation\n"


@pytest.fixture
def services():
    ktp = ServiceFactory(code="KTP-EL")
    return ktp, ServiceFactory(code="KK", unit=ktp.unit)


def run(tmp_path, text, *args, name="skm.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out, err = StringIO(), StringIO()
    call_command("import_skm", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_good_file_is_imported_as_paper_responses(tmp_path, services):
    out, _ = run(
        tmp_path,
        HEADER
        + "KTP-EL,2026-03-02,4,3,3,4,4,4,4,3,2,34,P,SMA/SMK,Wiraswasta/usahawan\n"
        + "kk,2026-03-03,3,3,2,4,3,3,4,2,3,,,s1,\n",
    )
    assert "Imported 2 responses" in out
    first = Response.objects.get(service__code="KTP-EL")
    assert first.channel == Channel.PAPER
    assert str(first.served_on) == "2026-03-02"
    assert (first.u9, first.age, first.education, first.occupation) == (2, 34, "sma", "wiraswasta")
    assert ImportBatch.objects.get().rows == 2


def test_semicolon_separated_excel_exports_with_a_bom_are_read(tmp_path, services):
    text = "\ufeff" + HEADER.replace(",", ";") + "KTP-EL;2026-03-02;4;4;4;4;4;4;4;4;4;;;;\n"
    run(tmp_path, text)
    assert Response.objects.count() == 1


def test_one_bad_row_rejects_the_whole_file_naming_row_column_and_reason(tmp_path, services):
    text = (
        HEADER
        + "KTP-EL,2026-03-02,4,3,3,4,4,4,4,3,2,,,,\n"
        + "KTP-EL,2026-03-02,4,3,3,4,4,4,4,3,2,,,,\n"
        + "KTP-EL,2026-03-02,4,5,3,4,4,4,4,3,2,,,,\n"
        + "NOPE,2026-02-30,4,3,3,4,4,4,4,3,2,,X,,\n"
    )
    with pytest.raises(CommandError, match="nothing was stored"):
        run(tmp_path, text)
    assert Response.objects.count() == 0
    assert ImportBatch.objects.count() == 0


def test_the_errors_name_the_row_and_column(tmp_path, services):
    text = (
        HEADER + "KTP-EL,2026-03-02,4,5,3,4,4,4,4,3,2,,,,\nNOPE,2026-13-01,4,3,3,4,4,4,4,3,,,X,,\n"
    )
    path = tmp_path / "bad.csv"
    path.write_text(text)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_skm", str(path), stderr=err)
    lines = err.getvalue()
    assert "baris 2, kolom U2" in lines
    assert "baris 3, kolom service" in lines
    assert "baris 3, kolom date" in lines
    assert "baris 3, kolom U9" in lines
    assert "baris 3, kolom sex" in lines


def test_missing_or_unknown_columns_are_named(tmp_path, services):
    with pytest.raises(CommandError):
        run(tmp_path, "service,date,U1,U2,U3,U4,U5,U6,U7,U8,U10\n")
    path = tmp_path / "x.csv"
    path.write_text("service,date,U1,U2,U3,U4,U5,U6,U7,U8,U10\n")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_skm", str(path), stderr=err)
    assert "U9" in err.getvalue() and "U10" in err.getvalue()


def test_the_same_file_is_not_imported_twice(tmp_path, services):
    text = HEADER + "KTP-EL,2026-03-02,4,4,4,4,4,4,4,4,4,,,,\n"
    run(tmp_path, text)
    with pytest.raises(CommandError):
        run(tmp_path, text)
    assert Response.objects.count() == 1
    run(tmp_path, text, "--allow-duplicate")
    assert Response.objects.count() == 2


def test_dry_run_validates_without_storing(tmp_path, services):
    out, _ = run(tmp_path, HEADER + "KTP-EL,2026-03-02,4,4,4,4,4,4,4,4,4,,,,\n", "--dry-run")
    assert "1 rows valid" in out
    assert Response.objects.count() == 0


def test_officer_and_service_point_columns_are_resolved(tmp_path, services):
    ktp, _ = services
    point = ServicePointFactory(code="DUK-L1", unit=ktp.unit)
    point.services.add(ktp)
    officer = OfficerFactory()
    text = (
        "service,date,U1,U2,U3,U4,U5,U6,U7,U8,U9,service_point,officer_nip\n"
        f"KTP-EL,2026-03-02,4,4,4,4,4,4,4,4,4,duk-l1,{officer.nip}\n"
    )
    run(tmp_path, text)
    stored = Response.objects.get()
    assert stored.service_point == point and stored.officer == officer
    assert stored.verified is False  # only a receipt verifies


def test_an_empty_file_is_rejected(tmp_path, services):
    with pytest.raises(CommandError):
        run(tmp_path, HEADER)


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="not found"):
        call_command("import_skm", str(tmp_path / "nope.csv"))
