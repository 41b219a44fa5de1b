import csv
import datetime
import io
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from feedback.intake import parsing, receipts, storing
from feedback.models import AccessLog, ApiToken, Assignment, Indicator, OfficerMonth
from feedback.results import rollups
from tests.factories import OfficerFactory, UnitFactory, ktp_loket

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)
DAY = datetime.date(2026, 8, 12)


def rate(service, *, u6, u7, officer=None, point=None, others=1, day=DAY):
    """One response; with an officer it is verified through a real receipt."""
    receipt = None
    if officer is not None:
        receipt = receipts.receipt_issue(service=service, service_point=point, officer=officer)
    answers = {f"U{n}": others for n in range(1, 10)} | {"U6": u6, "U7": u7}
    data = {
        "service": service.code,
        "answers": answers,
        "served_on": day,
        "receipt": receipt.code if receipt else None,
        "service_point": point.code if point else None,
    }
    sub = parsing.parse_submission(data, today=TODAY)
    return storing.response_submit(sub, channel="qr")[0]


@pytest.fixture
def counter():
    unit, service, point, siti = ktp_loket()
    budi = OfficerFactory(unit=unit, name="Budi")
    for officer in (siti, budi):
        Assignment.objects.create(
            officer=officer, service_point=point, start_date=datetime.date(2026, 1, 1)
        )
    return unit, service, point, siti, budi


def indicator(**kwargs):
    fields = {
        "period": "2026",
        "name": "NRR perilaku (U7)",
        "measure": "nrr_u7",
        "basis": "verified",
        "target": "3.00",
        "minimum_respondents": 5,
    }
    return Indicator.objects.create(**{**fields, **kwargs})


def hr_token(username="hr", unit=None):
    out = StringIO()
    args = [username] + (["--unit", unit] if unit else [])
    call_command("create_hr_token", *args, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def get(client, key, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return client.get(f"/api/v1/hr/indicators/?{query}", HTTP_AUTHORIZATION=f"Bearer {key}")


def test_a_verified_response_counts_for_the_officer_on_the_receipt(counter):
    _unit, service, point, siti, budi = counter
    rate(service, u6=4, u7=3, officer=siti, point=point)
    row = OfficerMonth.objects.get(officer=siti, basis="verified")
    assert (row.respondents, row.u6, row.u7, row.u7_3) == (1, 4, 3, 1)
    assert not OfficerMonth.objects.filter(officer=budi).exists()


def test_an_unverified_response_at_a_loket_counts_for_officers_assigned_that_day(counter):
    _unit, service, point, siti, budi = counter
    Assignment.objects.filter(officer=budi).update(end_date=datetime.date(2026, 6, 30))
    rate(service, u6=2, u7=2, point=point)
    assert OfficerMonth.objects.get(officer=siti, basis="loket").respondents == 1
    assert not OfficerMonth.objects.filter(officer=siti, basis="verified").exists()
    assert not OfficerMonth.objects.filter(officer=budi).exists()  # not assigned that day


def test_only_officer_controlled_elements_are_attributed(counter, client):
    _unit, service, point, siti, _budi = counter
    indicator(measure="ikm_officer", target="75")
    for _ in range(5):
        # fees and facilities rated 1, competence and courtesy 4
        rate(service, u6=4, u7=4, officer=siti, point=point, others=1)
    rows = get(client, hr_token(), period="2026-Q3").json()["results"]
    assert {r["nip"]: r["realisation"] for r in rows}[siti.nip] == 100.0


def test_officer_rollups_rebuild_to_the_same_figures(counter, django_capture_on_commit_callbacks):
    _unit, service, point, siti, budi = counter
    for i in range(8):
        rate(service, u6=1 + i % 4, u7=4, officer=siti if i % 2 else None, point=point)
    before = sorted(
        OfficerMonth.objects.values_list(
            "officer_id", "year", "month", "basis", "respondents", "u6", "u7", "sq_u67", "u6_1"
        )
    )
    rollups.rebuild_officers()
    after = sorted(
        OfficerMonth.objects.values_list(
            "officer_id", "year", "month", "basis", "respondents", "u6", "u7", "sq_u67", "u6_1"
        )
    )
    assert before == after


def test_a_retroactive_assignment_change_moves_loket_credit(
    counter, django_capture_on_commit_callbacks
):
    _unit, service, point, siti, budi = counter
    rate(service, u6=3, u7=3, point=point)
    assert OfficerMonth.objects.filter(officer=budi, basis="loket").exists()
    with django_capture_on_commit_callbacks(execute=True):
        Assignment.objects.get(officer=budi).delete()
    assert not OfficerMonth.objects.filter(officer=budi).exists()


@pytest.mark.parametrize(
    "u7_values, expectation",
    [
        ([4, 4, 3, 3, 3], "above"),  # 3.40 / 3.00 = 113% >= 105
        ([3, 3, 3, 3, 3], "meets"),  # 100%
        ([3, 3, 3, 3, 2], "meets"),  # 2.80 / 3.00 = 93.3% >= 93
        ([3, 3, 2, 2, 3], "below"),  # 2.60 = 86.7%
    ],
)
def test_expectation_labels_follow_the_thresholds(counter, client, u7_values, expectation):
    _unit, service, point, siti, _budi = counter
    indicator(meets_from="93.0", above_from="105.0")
    for value in u7_values:
        rate(service, u6=3, u7=value, officer=siti, point=point)
    row = {r["nip"]: r for r in get(client, hr_token(), period="2026-Q3").json()["results"]}
    assert row[siti.nip]["expectation"] == expectation


def test_too_few_respondents_give_insufficient_data_not_a_label(counter, client):
    _unit, service, point, siti, _budi = counter
    indicator(minimum_respondents=5)
    for _ in range(4):
        rate(service, u6=1, u7=1, officer=siti, point=point)
    row = {r["nip"]: r for r in get(client, hr_token(), period="2026-Q3").json()["results"]}
    assert row[siti.nip]["respondents"] == 4
    assert row[siti.nip]["sufficient"] is False
    assert row[siti.nip]["expectation"] is None
    assert row[siti.nip]["realisation"] is None


def test_contract_row_shape_and_csv_and_xlsx(counter, client):
    _unit, service, point, siti, _budi = counter
    indicator()
    for _ in range(5):
        rate(service, u6=3, u7=3, officer=siti, point=point)
    key = hr_token()
    body = get(client, key, period="2026-Q3").json()
    row = body["results"][0]
    assert set(row) >= {
        "nip",
        "name",
        "unit",
        "indicator",
        "target",
        "realisation",
        "respondents",
        "sufficient",
        "expectation",
    }
    csv_rows = list(
        csv.DictReader(
            io.StringIO(get(client, key, period="2026-Q3", format="csv").content.decode())
        )
    )
    assert list(csv_rows[0])[:5] == ["nip", "indicator", "target", "realisation", "unit_of_measure"]
    assert {r["nip"] for r in csv_rows} == {r["nip"] for r in body["results"]}
    xlsx = get(client, key, period="2026-Q3", format="xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[1]][:2] == ["nip", "indicator"]
    assert sheet.max_row == len(body["results"]) + 1


def test_401_without_credentials_and_403_for_non_hr(counter, client, django_user_model):
    assert client.get("/api/v1/hr/indicators/?period=2026").status_code == 401
    editor = django_user_model.objects.create_user("editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    _token, key = ApiToken.issue(editor)
    res = get(client, key, period="2026")
    assert res.status_code == 403
    assert "message" in res.json()
    assert not AccessLog.objects.exists()


def test_expired_and_revoked_hr_tokens_are_401(counter, client):
    key = hr_token()
    ApiToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert get(client, key, period="2026").status_code == 401
    key = hr_token()
    ApiToken.objects.filter(revoked_at__isnull=True).latest("created_at").revoke()
    assert get(client, key, period="2026").status_code == 401


def test_a_bad_period_is_400(counter, client):
    assert get(client, hr_token(), period="2026-Q9").status_code == 400


def test_unit_scoped_hr_sees_only_their_units_officers(counter, client):
    unit, service, point, siti, budi = counter
    other_unit = UnitFactory(code="DINKES")
    OfficerFactory(unit=other_unit, name="Dokter")
    indicator()
    key = hr_token("hr-duk", unit="DISDUKCAPIL")
    names = {r["name"] for r in get(client, key, period="2026").json()["results"]}
    assert names == {"Siti", "Budi"}
    assert get(client, key, period="2026", unit="DINKES").status_code == 403
    wide = hr_token("hr-pemda")
    assert "Dokter" in {r["name"] for r in get(client, wide, period="2026").json()["results"]}


def test_every_read_of_officer_data_is_audited_and_the_log_cannot_be_edited(counter, client):
    _unit, _service, _point, siti, budi = counter
    indicator()
    get(client, hr_token(), period="2026-Q3", nip=siti.nip)
    entry = AccessLog.objects.get()
    assert entry.username == "hr" and entry.period == "2026-Q3"
    assert entry.officer_nips == [siti.nip]
    assert entry.channel == "api-json"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        AccessLog.objects.all().delete()
    with pytest.raises(PermissionError):
        AccessLog.objects.update(username="x")


def test_hr_admin_screens_list_officers_and_drill_down(counter, client, django_user_model):
    _unit, service, point, siti, _budi = counter
    indicator(measure="nrr_u7", target="3.60")
    for _ in range(5):
        rate(service, u6=4, u7=2, officer=siti, point=point)
    user = django_user_model.objects.create_user("hr-staff")
    user.groups.add(Group.objects.get(name="HR"))
    call_command("create_hr_token", "hr-staff", stdout=StringIO())
    client.force_login(user)
    listing = client.get("/admin/hr/indikator/?periode=2026-Q3").content.decode()
    assert siti.nip in listing and "Di bawah ekspektasi" in listing
    detail = client.get(f"/admin/hr/petugas/{siti.nip}/?periode=2026-Q3").content.decode()
    assert "pelayanan prima" in detail  # low courtesy suggests service-behaviour training
    assert AccessLog.objects.filter(channel__startswith="admin").count() == 2


def test_communications_staff_cannot_open_hr_screens(counter, client, django_user_model):
    editor = django_user_model.objects.create_user("editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    res = client.get("/admin/hr/indikator/")
    assert res.status_code in (302, 403)
    assert "Siti" not in res.content.decode()


def test_indicator_validation():
    from django.core.exceptions import ValidationError

    bad = Indicator(
        period="2026-Q7", name="x", measure="nrr_u7", target="5", meets_from="110", above_from="100"
    )
    with pytest.raises(ValidationError) as excinfo:
        bad.full_clean()
    assert {"period", "target", "above_from"} <= set(excinfo.value.message_dict)


def test_create_hr_token_names_a_bad_unit():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="No unit"):
        call_command("create_hr_token", "x", "--unit", "NOPE", stdout=StringIO())


def test_revoke_api_token_by_prefix_or_user(counter, client):
    from django.core.management import CommandError

    key = hr_token()
    call_command("revoke_api_token", key[:12], stdout=StringIO())
    assert get(client, key, period="2026").status_code == 401
    first, second = hr_token("a"), hr_token("a")
    call_command("revoke_api_token", "--user", "a", stdout=StringIO())
    assert get(client, first, period="2026").status_code == 401
    assert get(client, second, period="2026").status_code == 401
    with pytest.raises(CommandError, match="nothing was revoked"):
        call_command("revoke_api_token", "--user", "a", stdout=StringIO())


def test_a_malformed_nip_is_400_naming_the_problem(counter, client):
    res = get(client, hr_token(), period="2026", nip="12345")
    assert res.status_code == 400
    assert "18 angka" in res.json()["nip"][0]
    assert not AccessLog.objects.exists()


def test_two_assignments_at_one_loket_credit_an_officer_once(counter):
    _unit, service, point, siti, _budi = counter
    Assignment.objects.create(
        officer=siti, service_point=point, service=service, start_date=datetime.date(2026, 6, 1)
    )
    rate(service, u6=3, u7=3, point=point)
    assert OfficerMonth.objects.get(officer=siti, basis="loket").respondents == 1


def test_the_hr_dashboard_panel_lists_officers_below_target_and_without_enough_data(
    counter, client, django_user_model
):
    _unit, service, point, siti, budi = counter
    indicator(measure="nrr_u7", target="3.60")
    for _ in range(5):
        rate(service, u6=4, u7=2, officer=siti, point=point)
    rate(service, u6=4, u7=4, officer=budi, point=point)
    user = django_user_model.objects.create_user("hr-staff")
    user.groups.add(Group.objects.get(name="HR"))
    call_command("create_hr_token", "hr-staff", stdout=StringIO())  # Pemda-wide scope
    client.force_login(user)

    html = client.get("/admin/").content.decode()

    assert 'id="hr-officers' in html
    below, insufficient = html.split("Data belum cukup:")
    assert "Di bawah target: 1 petugas" in below and siti.name in below
    assert f"/admin/hr/petugas/{siti.nip}/" in below
    assert "1 petugas" in insufficient and budi.name in insufficient
    assert "/admin/hr/indikator/" in html
    # Showing officers is a read of officer data: it is in the access log.
    entry = AccessLog.objects.get(channel="admin-dashboard")
    assert sorted(entry.officer_nips) == sorted([siti.nip, budi.nip])


def test_no_hr_panel_for_communications_staff(counter, client, django_user_model):
    _unit, service, point, siti, _budi = counter
    indicator()
    rate(service, u6=4, u7=2, officer=siti, point=point)
    editor = django_user_model.objects.create_user("editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    html = client.get("/admin/").content.decode()

    assert 'id="editor-tasks' in html
    assert 'id="hr-officers' not in html
    assert siti.name not in html and siti.nip not in html
    assert not AccessLog.objects.exists()


def test_the_hr_csv_and_xlsx_are_formula_safe(counter, client):
    _unit, service, point, siti, _budi = counter
    siti.name = '=HYPERLINK("http://evil.example/","Siti")'
    siti.save()
    indicator()
    for _ in range(5):
        rate(service, u6=3, u7=3, officer=siti, point=point)
    key = hr_token()
    text = get(client, key, period="2026-Q3", format="csv").content.decode()
    names = {r["nip"]: r["name"] for r in csv.DictReader(io.StringIO(text))}
    assert names[siti.nip] == "'" + siti.name
    sheet = load_workbook(io.BytesIO(get(client, key, period="2026-Q3", format="xlsx").content))
    cells = [c for c in sheet.active["F"] if c.value == siti.name]
    assert cells and all(c.data_type == "s" for c in cells)
