"""Coverage: service users per service and period, from the admin form, a queue
system's CSV (import_service_users) and its API token (POST /api/v1/service-users/);
the Krejcie & Morgan sample, the response rate and the verdict on pages, in reports
and in the IKM API."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from feedback.intake import parsing, storing
from feedback.models import Population
from feedback.results import service_users
from feedback.rules.coverage import Coverage
from tests.factories import ServiceFactory, UnitFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 22)


def fill(service, count, day=datetime.date(2026, 8, 10)):
    for _ in range(count):
        sub = parsing.parse_submission(
            {
                "service": service.code,
                "answers": {f"U{n}": 3 for n in range(1, 10)},
                "served_on": day,
            },
            today=TODAY,
        )
        storing.response_submit(sub, channel="paper")


@pytest.fixture
def ktp():
    unit = UnitFactory(code="DISDUKCAPIL", name="Disdukcapil")
    service = ServiceFactory(code="KTP-EL", unit=unit)
    fill(service, 12)
    return service


def token_for(username, group="Loket"):
    out = io.StringIO()
    call_command("create_api_token", username, "--group", group, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


# --- the arithmetic ------------------------------------------------------------


@pytest.mark.parametrize("users, required", [(100, 80), (1000, 278), (10000, 370), (1000000, 384)])
def test_the_required_sample_meets_domain_check_points(users, required):
    assert Coverage(service_users=users, respondents=0).required_sample == required


def test_adequate_from_exactly_the_required_sample_with_the_response_rate():
    assert Coverage(service_users=10000, respondents=370).adequate is True
    short = Coverage(service_users=10000, respondents=369)
    assert short.adequate is False
    assert short.response_rate_percent == 3.7
    assert short.as_dict() == {"service_users": 10000, "required_sample": 370, "adequate": False}


def test_unknown_or_zero_service_users_judge_nothing():
    assert Coverage(service_users=None, respondents=5).as_dict() == {
        "service_users": None,
        "required_sample": None,
        "adequate": None,
    }
    assert Coverage(service_users=0, respondents=0).as_dict() == {
        "service_users": 0,
        "required_sample": None,
        "adequate": None,
    }


# --- counts of shorter periods add up to a longer one ---------------------------


def test_a_year_without_its_own_count_is_the_sum_of_its_parts():
    from feedback.rules.coverage import served_in
    from feedback.rules.periods import Period

    quarters = {"2026-Q1": 100, "2026-Q2": 200, "2026-Q3": 300, "2026-Q4": 400}
    assert served_in(Period.parse("2026-S1"), quarters) == 300
    assert served_in(Period.parse("2026"), quarters) == 1000
    # A part may itself be made of months; each counted once.
    months = {f"2026-{m:02d}": 10 for m in range(1, 7)}
    assert served_in(Period.parse("2026-S1"), {**months, "2026-Q1": 999}) == 999 + 30
    # A count entered for the longer period wins over its parts: never both.
    assert served_in(Period.parse("2026"), {**quarters, "2026": 1500}) == 1500
    assert served_in(Period.parse("2026"), {**quarters, "2026-S1": 250}) == 250 + 700
    # One part missing: no sum (it would understate the people served).
    assert served_in(Period.parse("2026"), {"2026-Q1": 100, "2026-Q2": 200}) is None
    assert served_in(Period.parse("2026-07"), quarters) is None


def test_semester_and_year_coverage_add_up_the_quarters_entered(client, ktp):
    """12 respondents in 2026-Q3; counts entered per quarter only."""
    Population.objects.create(service=ktp, period="2026-Q3", served=40)
    semester = "/api/v1/ikm/?service=KTP-EL&period=2026-S2"
    assert client.get(semester).json()["coverage"]["service_users"] is None  # Q4 missing
    Population.objects.create(service=ktp, period="2026-Q4", served=60)
    assert client.get(semester).json()["coverage"] == {
        "service_users": 100,
        "required_sample": 80,
        "adequate": False,
    }
    year = "/api/v1/ikm/?service=KTP-EL&period=2026"
    for quarter in ("2026-Q1", "2026-Q2"):
        Population.objects.create(service=ktp, period=quarter, served=0)
    assert client.get(year).json()["coverage"]["service_users"] == 100
    # The unit's open-data row says the same as the service's figure.
    table = client.get("/api/v1/ikm/table/?level=unit&period=2026").json()["results"]
    assert [(r["code"], r["service_users"]) for r in table] == [("DISDUKCAPIL", 100)]
    # A count entered for the year itself replaces the sum, it is not added to it.
    Population.objects.create(service=ktp, period="2026", served=150)
    assert client.get(year).json()["coverage"]["service_users"] == 150


# --- one check for every channel ----------------------------------------------


def refused(**kwargs) -> dict:
    with pytest.raises(service_users.CountRefused) as exc:
        service_users.check_count(today=TODAY, **kwargs)
    return exc.value.errors


def test_a_count_below_the_respondents_already_stored_is_refused(ktp):
    errors = refused(service="KTP-EL", period="2026-Q3", service_users=11)
    assert "lebih kecil dari responden yang sudah tercatat" in errors["service_users"][0]
    assert "(12)" in errors["service_users"][0]
    # Equal is fine: everyone served answered.
    assert (
        service_users.check_count(
            service="KTP-EL", period="2026-Q3", service_users=12, today=TODAY
        ).service_users
        == 12
    )


@pytest.mark.parametrize(
    "value, reason",
    [
        ("-5", "tidak boleh negatif"),
        (-5, "tidak boleh negatif"),
        ("dua ribu", "bukan bilangan bulat"),
        ("12,5", "bukan bilangan bulat"),
        (12.0, "bukan bilangan bulat"),
        (True, "bukan bilangan bulat"),
        ("", "wajib diisi"),
        (2**31, "terlalu besar"),
    ],
)
def test_negative_non_numeric_or_huge_counts_are_refused(ktp, value, reason):
    errors = refused(service="KTP-EL", period="2026-Q3", service_users=value)
    assert reason in errors["service_users"][0]


def test_every_reason_is_named_at_once(ktp):
    errors = refused(service="TIDAK-ADA", period="2026-Q5", service_users="-1")
    assert "tidak dikenal" in errors["service"][0]
    assert "2026-Q5" in errors["period"][0]
    assert "negatif" in errors["service_users"][0]


def test_a_period_not_yet_begun_is_refused(ktp):
    assert "belum dimulai" in refused(service="KTP-EL", period="2027", service_users=9)["period"][0]


def test_thousands_marks_and_lower_case_are_read_as_typed(ktp):
    count = service_users.check_count(
        service="ktp-el", period=" 2026-q3 ", service_users="2.400", today=TODAY
    )
    assert (count.service.code, count.period.code, count.service_users) == (
        "KTP-EL",
        "2026-Q3",
        2400,
    )


# --- the admin form -----------------------------------------------------------


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", password="x"))
    return client


def test_the_admin_form_refuses_a_count_below_the_respondents(admin_client, ktp):
    url = "/admin/snippets/feedback/population/add/"
    res = admin_client.post(url, {"service": ktp.pk, "period": "2026-Q3", "served": "5"})
    assert res.status_code == 200
    assert "lebih kecil dari responden yang sudah tercatat" in res.content.decode()
    assert not Population.objects.exists()

    res = admin_client.post(url, {"service": ktp.pk, "period": "2026-q3", "served": "400"})
    assert res.status_code == 302
    assert Population.objects.get().period == "2026-Q3"


def test_the_admin_form_refuses_a_malformed_period(admin_client, ktp):
    url = "/admin/snippets/feedback/population/add/"
    res = admin_client.post(url, {"service": ktp.pk, "period": "2026-Q9", "served": "400"})
    assert "2026-Q9" in res.content.decode()
    assert not Population.objects.exists()


# --- the import ---------------------------------------------------------------


def run(tmp_path, text: str, *args, name="antrean.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_service_users", str(path), *args, stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue() + str(exc)
    return out.getvalue(), err.getvalue()


def test_a_queue_export_is_imported_and_a_corrected_one_replaces_it(tmp_path, ktp):
    kk = ServiceFactory(code="KK", unit=ktp.unit)
    out, err = run(tmp_path, "service;period;service_users\nKTP-EL;2026-Q3;2.400\nKK;2026-Q3;0\n")
    assert err == ""
    assert "2 new, 0 replaced, 0 unchanged" in out
    assert Population.objects.get(service=ktp).served == 2400
    assert Population.objects.get(service=kk).served == 0

    out, _err = run(tmp_path, "service,period,service_users\nKTP-EL,2026-Q3,2500\nKK,2026-Q3,0\n")
    assert "0 new, 1 replaced, 1 unchanged" in out
    assert Population.objects.get(service=ktp).served == 2500


def test_a_dry_run_stores_nothing(tmp_path, ktp):
    out, err = run(tmp_path, "service,period,service_users\nKTP-EL,2026-Q3,2400\n", "--dry-run")
    assert "1 rows valid; nothing stored" in out and err == ""
    assert not Population.objects.exists()


def test_every_bad_row_is_named_and_nothing_is_stored(tmp_path, ktp):
    text = (
        "service,period,service_users\n"
        "KTP-EL,2026-Q2,100\n"  # good, yet not stored: the file has bad rows
        "KTP-EL,2026-Q3,5\n"
        "TIDAK-ADA,2026-Q3,10\n"
        "KTP-EL,2026-13,10\n"
        "KTP-EL,2026-Q1,-3\n"
        "KTP-EL,2026-Q1,banyak\n"
        "KTP-EL,2026-Q2,100\n"
    )
    _out, err = run(tmp_path, text)
    assert "baris 3, kolom service_users" in err and "lebih kecil dari responden" in err
    assert "baris 4, kolom service" in err and "tidak dikenal" in err
    assert "baris 5, kolom period" in err
    assert "baris 6, kolom service_users" in err and "negatif" in err
    assert "baris 7, kolom service_users" in err and "bukan bilangan bulat" in err
    assert "baris 8, kolom service, period" in err and "baris 2" in err
    assert "6 problem(s) found; nothing was stored" in err
    assert not Population.objects.exists()


def test_a_file_with_the_wrong_columns_is_refused(tmp_path, ktp):
    _out, err = run(tmp_path, "layanan,periode,jumlah\nKTP-EL,2026-Q3,10\n")
    assert "kolom wajib tidak ada" in err and "kolom tidak dikenal" in err
    assert not Population.objects.exists()


def test_the_import_reports_progress(tmp_path, ktp, monkeypatch):
    from feedback.imports import service_users as importer

    monkeypatch.setattr(importer, "PROGRESS_EVERY", 2)
    periods = ["2026-01", "2026-02", "2026-03", "2026-04"]
    text = "service,period,service_users\n" + "".join(f"KTP-EL,{p},50\n" for p in periods)
    out, err = run(tmp_path, text)
    assert err == ""
    assert "2 rows checked" in out and "4 rows checked" in out
    assert Population.objects.count() == 4


# --- the API ------------------------------------------------------------------


def post(client, body, key=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"} if key else {}
    return client.post(
        "/api/v1/service-users/", json.dumps(body), content_type="application/json", **headers
    )


BODY = {"service": "KTP-EL", "period": "2026-Q3", "service_users": 400}


def test_a_queue_system_posts_a_count_idempotently(client, ktp):
    key = token_for("antrean")
    res = post(client, BODY, key)
    assert res.status_code == 201, res.content
    assert res.json() == {
        "service": "KTP-EL",
        "period": "2026-Q3",
        "service_users": 400,
        "respondents": 12,
        "created": True,
        "coverage": {"service_users": 400, "required_sample": 197, "adequate": False},
    }
    again = post(client, BODY, key)
    assert again.status_code == 200 and again.json()["created"] is False
    changed = post(client, {**BODY, "service_users": 12}, key)
    assert changed.status_code == 200
    assert changed.json()["coverage"] == {
        "service_users": 12,
        "required_sample": 12,
        "adequate": True,
    }
    assert Population.objects.get().served == 12


def test_the_api_needs_a_token_of_a_group_that_may_record_counts(client, ktp):
    assert post(client, BODY).status_code == 401
    assert post(client, BODY, token_for("tamu", group="HR")).status_code == 403
    assert not Population.objects.exists()


@pytest.mark.parametrize(
    "body, field",
    [
        ({**BODY, "service_users": 3}, "service_users"),
        ({**BODY, "service_users": -1}, "service_users"),
        ({**BODY, "service_users": "banyak"}, "service_users"),
        ({**BODY, "service": "TIDAK-ADA"}, "service"),
        ({**BODY, "period": "2026-Q7"}, "period"),
        ({"service": "KTP-EL", "service_users": 400}, "period"),
        ({**BODY, "jumlah": 1}, "jumlah"),
    ],
)
def test_the_api_refuses_a_bad_count_naming_the_field(client, ktp, body, field):
    res = post(client, body, token_for("antrean"))
    assert res.status_code == 400
    assert res.json()["message"] and res.json()[field]
    assert not Population.objects.exists()


def test_the_route_is_in_the_openapi_schema(client):
    schema = json.loads(client.get("/api/schema/", HTTP_ACCEPT="application/json").content)
    operation = schema["paths"]["/api/v1/service-users/"]["post"]
    assert {"200", "201", "400", "401", "403"} <= set(operation["responses"])
    request = schema["components"]["schemas"]["ServiceUsersRequest"]
    assert request["properties"]["service_users"]["minimum"] == 0
    ikm = schema["components"]["schemas"]["Ikm"]
    assert "coverage" in ikm["properties"]


# --- the IKM API --------------------------------------------------------------


def test_the_ikm_api_gains_coverage_for_the_same_scope_and_period(client, ktp):
    kk = ServiceFactory(code="KK", unit=ktp.unit)
    url = "/api/v1/ikm/?service=KTP-EL&period=2026-Q3"
    assert client.get(url).json()["coverage"] == {
        "service_users": None,
        "required_sample": None,
        "adequate": None,
    }
    Population.objects.create(service=ktp, period="2026-Q3", served=12)
    assert client.get(url).json()["coverage"] == {
        "service_users": 12,
        "required_sample": 12,
        "adequate": True,
    }
    assert (
        client.get("/api/v1/ikm/?service=KTP-EL&period=2026-Q2").json()["coverage"]["service_users"]
        is None
    )
    # A unit only when every service in it has its count.
    unit_url = "/api/v1/ikm/?unit=DISDUKCAPIL&period=2026-Q3"
    assert client.get(unit_url).json()["coverage"]["service_users"] is None
    Population.objects.create(service=kk, period="2026-Q3", served=1000)
    assert client.get(unit_url).json()["coverage"] == {
        "service_users": 1012,
        "required_sample": 279,
        "adequate": False,
    }
    table = client.get("/api/v1/ikm/table/?level=unit&period=2026-Q3").json()["results"]
    assert [(r["code"], r["service_users"], r["adequate"]) for r in table] == [
        ("DISDUKCAPIL", 1012, False)
    ]


def test_cached_ikm_figures_change_when_a_count_is_posted(
    client, ktp, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_CACHE_ENABLED = True
    urls = [
        "/api/v1/ikm/?service=KTP-EL&period=2026-Q3",
        "/api/v1/ikm/?unit=DISDUKCAPIL&period=2026-Q3",
    ]
    anonymous = Client()
    for url in urls:
        assert anonymous.get(url).json()["coverage"]["service_users"] is None
        assert anonymous.get(url)["X-Portal-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, BODY, token_for("antrean")).status_code == 201
    for url in urls:
        assert anonymous.get(url).json()["coverage"]["service_users"] == 400


# --- pages and reports ----------------------------------------------------------


def test_the_report_phrase_says_what_the_page_says():
    from content.reports import coverage_phrase

    frozen = Coverage(service_users=10000, respondents=412).as_report()
    assert coverage_phrase(frozen) == (
        "Sampel memadai: 412 responden dari 370 yang diperlukan (Krejcie &amp; Morgan, "
        "untuk 10.000 pengguna layanan; tingkat respons 4,1%)."
    )
    assert coverage_phrase(Coverage(service_users=None, respondents=3).as_report()) is None
    assert coverage_phrase(None) is None  # a report frozen before coverage existed


def test_the_demo_has_services_with_and_without_an_adequate_sample(demo):
    from feedback.models import Service
    from feedback.results import selectors
    from feedback.rules.periods import Period

    services = {s.code: s for s in Service.objects.all()}
    for code in ("PKM2-GIGI", "KTP-EL"):
        fill(services[code], 150)
    demo._populations(services)
    verdicts = {
        code: selectors.coverage_for(
            scope=selectors.Scope.of(services[code]),
            period=Period.parse("2026-Q3"),
            respondents=150,
        ).adequate
        for code in ("PKM2-GIGI", "KTP-EL")
    }
    assert verdicts == {"PKM2-GIGI": True, "KTP-EL": False}


def test_the_demo_counts_one_service_month_by_month_and_its_semester_adds_them_up(demo):
    from feedback.models import Service
    from feedback.results import selectors
    from feedback.rules.periods import Period

    services = {s.code: s for s in Service.objects.all()}
    demo._populations(services)
    doctor = selectors.Scope.of(services[demo.MONTHLY_COUNTS])
    monthly = dict(
        Population.objects.filter(service=services[demo.MONTHLY_COUNTS]).values_list(
            "period", "served"
        )
    )
    assert set(monthly) == {f"2026-{m:02d}" for m in range(1, 10)}
    semester = selectors.service_users_for(scope=doctor, period=Period.parse("2026-S1"))
    assert semester == sum(monthly[f"2026-{m:02d}"] for m in range(1, 7))
    # October to December not counted yet: the year is unknown, not understated.
    assert selectors.service_users_for(scope=doctor, period=Period.parse("2026")) is None
