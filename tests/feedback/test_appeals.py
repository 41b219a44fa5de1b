"""Appeals (sanggahan): an officer disputes a rating attributed to them, HR decides;
an accepted appeal takes the rating out of that officer's figures at once, and the
recompute agrees."""

import pytest
from django.contrib.auth.models import Group

from feedback.access.permissions import OFFICER_GROUP
from feedback.models import AccessLog, Appeal, OfficerMonth, ServiceMonth
from feedback.results import rollups
from tests.factories import UnitFactory
from tests.feedback.test_hr import counter, get, hr_token, indicator, rate  # noqa: F401

pytestmark = pytest.mark.django_db
MINE = "/admin/sanggahan/?periode=2026-Q3"
HR = "/admin/hr/sanggahan/"


def officer_months(officer):
    return sorted(
        OfficerMonth.objects.filter(officer=officer).values_list(
            "basis", "year", "month", "respondents", "u6", "u7", "sq_u67", "u7_1", "u7_4"
        )
    )


@pytest.fixture
def rated(counter, django_user_model):  # noqa: F811
    """Siti with a login: four verified ratings of her own, one unverified at her
    loket (credited to her and Budi too), one on Budi's receipt."""
    unit, service, point, siti, budi = counter
    login = django_user_model.objects.create_user("siti")
    login.groups.add(Group.objects.get(name=OFFICER_GROUP))
    siti.user = login
    siti.save()
    indicator(minimum_respondents=2)
    own = [rate(service, u6=4, u7=4, officer=siti, point=point) for _ in range(4)]
    at_loket = rate(service, u6=1, u7=1, point=point)
    budis = rate(service, u6=2, u7=2, officer=budi, point=point)
    return siti, budi, own, at_loket, budis, service


def hr_login(client, django_user_model, unit=None, name="hr-staff"):
    hr_token(name, unit=unit)
    client.force_login(django_user_model.objects.get(username=name))


def test_an_accepted_appeal_leaves_the_officers_figures_at_once_and_recompute_agrees(
    rated, client, django_user_model
):
    siti, budi, _own, at_loket, _budis, service = rated
    budi_before = officer_months(budi)
    service_before = list(ServiceMonth.objects.values_list("respondents", "u7"))
    client.force_login(siti.user)
    page = client.get(MINE).content.decode()
    assert "Tanda terima Anda" in page and "Loket tempat Anda bertugas" in page
    res = client.post(MINE, {"penilaian": at_loket.pk, "alasan": "Saya cuti hari itu."})
    assert res.status_code == 302
    appeal = Appeal.objects.get()
    assert (appeal.officer, appeal.status) == (siti, "pending")

    hr_login(client, django_user_model)
    assert "Saya cuti hari itu." in client.get(HR).content.decode()
    client.post(f"{HR}{appeal.pk}/", {"keputusan": "terima", "alasan": "Jadwal cuti terlampir."})

    loket = OfficerMonth.objects.get(officer=siti, basis="loket")
    assert (loket.respondents, loket.u7, loket.u7_1) == (4, 16, 0)  # the 1 is gone
    assert OfficerMonth.objects.get(officer=siti, basis="verified").respondents == 4
    assert officer_months(budi) == budi_before  # Budi was on duty: still his
    assert list(ServiceMonth.objects.values_list("respondents", "u7")) == service_before
    after = officer_months(siti)
    rollups.rebuild_officers()
    assert officer_months(siti) == after and officer_months(budi) == budi_before
    entry = AccessLog.objects.get(channel="appeal-accepted")
    assert entry.officer_nips == [siti.nip] and entry.username == "hr-staff"
    row = {
        (r["nip"], r["indicator"]): r
        for r in get(client, hr_token(), period="2026-Q3").json()["results"]
    }
    assert row[(siti.nip, "NRR perilaku (U7)")]["appeals"] == {"accepted": 1, "rejected": 0}
    assert row[(budi.nip, "NRR perilaku (U7)")]["appeals"] == {"accepted": 0, "rejected": 0}


def test_a_verified_rating_appealed_and_accepted_leaves_both_bases(rated, django_user_model):
    siti, _budi, own, _at_loket, _budis, _service = rated
    from feedback.personnel import appeals, indicators

    appeal = appeals.file_appeal(officer=siti, response_id=own[0].pk, reason="Bukan saya.")
    hr = django_user_model.objects.create_superuser("boss", password="x")
    appeals.decide(
        appeal_id=appeal.pk,
        user=hr,
        accept=True,
        reason="Tanda terima dipinjam rekan.",
        visible_officers=indicators.visible_officers(hr),
    )
    assert OfficerMonth.objects.get(officer=siti, basis="verified").respondents == 3
    assert OfficerMonth.objects.get(officer=siti, basis="loket").respondents == 4
    after = officer_months(siti)
    rollups.rebuild_officers()
    assert officer_months(siti) == after


def test_a_rejected_appeal_changes_no_figure_and_is_logged(rated, client, django_user_model):
    siti, _budi, own, _at_loket, _budis, _service = rated
    before = officer_months(siti)
    client.force_login(siti.user)
    client.post(MINE, {"penilaian": own[1].pk, "alasan": "Loket keliru."})
    hr_login(client, django_user_model)
    appeal = Appeal.objects.get()
    client.post(f"{HR}{appeal.pk}/", {"keputusan": "tolak", "alasan": "Tanda terima sah."})
    appeal.refresh_from_db()
    assert appeal.status == "rejected" and appeal.decision_reason == "Tanda terima sah."
    assert officer_months(siti) == before
    assert AccessLog.objects.filter(channel="appeal-rejected").exists()
    rows = get(client, hr_token(), period="2026-Q3", nip=siti.nip).json()["results"]
    assert rows[0]["appeals"] == {"accepted": 0, "rejected": 1}
    # The officer sees HR's answer.
    client.force_login(siti.user)
    assert "Tanda terima sah." in client.get(MINE).content.decode()


def test_an_appeal_on_another_officers_rating_or_a_second_one_is_refused(rated, client):
    siti, _budi, own, _at_loket, budis, _service = rated
    client.force_login(siti.user)
    res = client.post(MINE, {"penilaian": budis.pk, "alasan": "Coba."})
    assert res.status_code == 400
    assert "tidak diatribusikan kepada Anda" in res.content.decode()
    assert not Appeal.objects.exists()
    client.post(MINE, {"penilaian": own[0].pk, "alasan": "Pertama."})
    res = client.post(MINE, {"penilaian": own[0].pk, "alasan": "Kedua."})
    assert res.status_code == 400 and "sudah Anda sanggah" in res.content.decode()
    assert Appeal.objects.count() == 1
    res = client.post(MINE, {"penilaian": own[2].pk, "alasan": "  "})
    assert res.status_code == 400 and "Tuliskan alasan sanggahan" in res.content.decode()
    assert Appeal.objects.count() == 1
    assert client.post(MINE, {"penilaian": 999999, "alasan": "x"}).status_code == 404
    assert client.post(MINE, {"penilaian": "abc", "alasan": "x"}).status_code == 404


def test_the_officers_page_shows_only_their_own_ratings_and_is_logged(rated, client):
    siti, _budi, _own, _at_loket, budis, _service = rated
    client.force_login(siti.user)
    html = client.get(MINE).content.decode()
    assert f'value="{budis.pk}"' not in html  # Budi's receipt is not hers to dispute
    entry = AccessLog.objects.get(channel="self-appeals")
    assert entry.officer_nips == [siti.nip]


def test_a_user_who_is_no_officer_is_refused(client, django_user_model, rated):
    siti = rated[0]
    user = django_user_model.objects.create_user("someone")
    user.groups.add(Group.objects.get(name=OFFICER_GROUP))
    client.force_login(user)
    res = client.get(MINE)
    # Wagtail answers a refused admin screen with a redirect to the dashboard.
    assert res.status_code in (302, 403) and siti.name not in res.content.decode()
    assert client.post(MINE, {"penilaian": rated[2][0].pk, "alasan": "x"}).status_code in (
        302,
        403,
    )
    assert not Appeal.objects.exists()


def test_hr_decisions_keep_to_scope_and_refuse_bad_input(rated, client, django_user_model):
    siti, _budi, own, _at_loket, _budis, _service = rated
    client.force_login(siti.user)
    client.post(MINE, {"penilaian": own[0].pk, "alasan": "Bukan saya."})
    appeal = Appeal.objects.get()
    UnitFactory(code="DINKES")
    hr_login(client, django_user_model, unit="DINKES", name="hr-dinkes")
    assert siti.name not in client.get(HR).content.decode()
    res = client.post(f"{HR}{appeal.pk}/", {"keputusan": "terima", "alasan": "x"})
    assert res.status_code == 404
    hr_login(client, django_user_model)
    assert client.post(f"{HR}987654/", {"keputusan": "terima", "alasan": "x"}).status_code == 404
    res = client.post(f"{HR}{appeal.pk}/", {"keputusan": "terima", "alasan": ""}, follow=True)
    assert "Tuliskan alasan keputusan" in res.content.decode()
    appeal.refresh_from_db()
    assert appeal.status == "pending"
    client.post(f"{HR}{appeal.pk}/", {"keputusan": "tolak", "alasan": "Sah."})
    res = client.post(f"{HR}{appeal.pk}/", {"keputusan": "terima", "alasan": "Ubah."}, follow=True)
    assert "sudah diputuskan" in res.content.decode()
    appeal.refresh_from_db()
    assert appeal.status == "rejected"
    assert client.get(f"{HR}{appeal.pk}/").status_code == 405
