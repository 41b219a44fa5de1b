"""360 on the BerAKHLAK values: HR opens a round, colleagues rate each other, the
result appears only with enough raters and never names them; the HR API rows carry
the aggregate as `peer`."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db.models import F

from feedback.access.permissions import OFFICER_GROUP
from feedback.appraisal import peer_rounds
from feedback.models import AccessLog, FeedbackNote, PeerReview, PeerRound, PerformanceDialog
from feedback.rules import berakhlak
from tests.factories import OfficerFactory, UnitFactory
from tests.feedback.test_hr import counter, get, hr_token, indicator, rate  # noqa: F401
from tests.feedback.test_hr_admin import hr_user

pytestmark = pytest.mark.django_db
ALL_AS_EXPECTED = {code: "2" for code in berakhlak.CODES}


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def officer_login(officer, django_user_model):
    user = django_user_model.objects.create_user(f"o{officer.pk}", password="x")
    user.groups.add(Group.objects.get(name=OFFICER_GROUP))
    officer.user = user
    officer.save()
    return user


@pytest.fixture
def unit_of_five():
    unit = UnitFactory(code="DISDUKCAPIL", name="Disdukcapil")
    return unit, [OfficerFactory(unit=unit, name=f"Petugas {n}") for n in range(5)]


def open_round(client, **form):
    return client.post("/admin/hr/360/", {"period": "2026-Q3", "per_officer": "3", **form})


def test_hr_opens_a_round_and_each_officer_rates_three_colleagues_never_themselves(
    client, django_user_model, unit_of_five
):
    unit, officers = unit_of_five
    client.force_login(hr_user(django_user_model))

    assert open_round(client, unit=unit.code).status_code == 302

    reviews = PeerReview.objects.all()
    assert reviews.count() == 15
    assert not reviews.filter(rater=F("ratee")).exists()
    for officer in officers:
        assert reviews.filter(rater=officer).count() == 3
        assert reviews.filter(ratee=officer).count() == 3
    assert "0 / 15" in text_of(client.get("/admin/hr/360/"))


def test_a_round_asking_more_colleagues_than_the_unit_has_is_refused(
    client, django_user_model, unit_of_five
):
    unit, _officers = unit_of_five
    client.force_login(hr_user(django_user_model))

    response = open_round(client, unit=unit.code, per_officer="5")

    assert response.status_code == 400
    assert "hanya punya 5 petugas aktif" in text_of(response)
    assert not PeerRound.objects.exists() and not PeerReview.objects.exists()
    assert open_round(client, unit=unit.code).status_code == 302
    again = open_round(client, unit=unit.code)
    assert again.status_code == 400 and "sudah dibuka" in text_of(again)
    assert PeerRound.objects.count() == 1


def test_an_officer_rates_a_colleague_and_cannot_open_anothers_review(
    client, django_user_model, unit_of_five
):
    unit, officers = unit_of_five
    client.force_login(hr_user(django_user_model))
    open_round(client, unit=unit.code)
    rater = officers[0]
    client.force_login(officer_login(rater, django_user_model))
    mine = PeerReview.objects.filter(rater=rater).first()
    theirs = PeerReview.objects.exclude(rater=rater).first()

    listing = client.get("/admin/kinerja-saya/360/")
    assert listing.status_code == 200 and mine.ratee.name in text_of(listing)
    assert client.get(f"/admin/kinerja-saya/360/{theirs.pk}/").status_code == 404
    assert client.post(f"/admin/kinerja-saya/360/{theirs.pk}/", ALL_AS_EXPECTED).status_code == 404

    partial = client.post(f"/admin/kinerja-saya/360/{mine.pk}/", {"akuntabel": "3"})
    assert partial.status_code == 400
    assert "Pilih penilaian untuk Berorientasi Pelayanan." in text_of(partial)
    mine.refresh_from_db()
    assert mine.submitted_at is None and mine.values == {}

    sent = client.post(
        f"/admin/kinerja-saya/360/{mine.pk}/", {**ALL_AS_EXPECTED, "remark": "Sabar"}
    )
    assert sent.status_code == 302
    mine.refresh_from_db()
    assert mine.submitted_at and mine.values["kolaboratif"] == 2
    twice = client.post(f"/admin/kinerja-saya/360/{mine.pk}/", ALL_AS_EXPECTED)
    assert twice.status_code in (200, 400)
    assert PeerReview.objects.filter(submitted_at__isnull=False).count() == 1


def submit_all_for(ratee, count, value="3"):
    for review in PeerReview.objects.filter(ratee=ratee)[:count]:
        review.values = {code: int(value) for code in berakhlak.CODES}
        review.remark = "Rekan yang andal"
        review.submitted_at = "2026-10-01T00:00:00Z"
        review.save()


def test_the_ratee_sees_the_result_only_with_three_raters_and_never_their_names(
    client, django_user_model, unit_of_five
):
    unit, officers = unit_of_five
    client.force_login(hr_user(django_user_model))
    open_round(client, unit=unit.code)
    ratee = officers[2]
    client.force_login(officer_login(ratee, django_user_model))

    submit_all_for(ratee, 2)
    page = text_of(client.get("/admin/kinerja-saya/?periode=2026-Q3"))
    assert "2 rekan sudah menilai" in page and "Rekan yang andal" not in page

    submit_all_for(ratee, 3)
    page = text_of(client.get("/admin/kinerja-saya/?periode=2026-Q3"))
    assert "Rata-rata dari 3 rekan" in page and "Berorientasi Pelayanan 3,00" in page
    assert "Rekan yang andal" in page
    raters = PeerReview.objects.filter(ratee=ratee).values_list("rater__name", flat=True)
    assert not [name for name in raters if name in page]


def test_the_hr_api_rows_carry_the_peer_aggregate(client, counter, settings):  # noqa: F811
    unit, service, point, siti, budi = counter
    others = [OfficerFactory(unit=unit, name=f"Rekan {n}") for n in range(3)]
    indicator(measure="nrr_u7", target="3.00")
    rate(service, u6=4, u7=4, officer=siti, point=point)
    peer_rounds.open_round(period_code="2026-Q3", unit=unit, per_officer=3)
    submit_all_for(siti, 3, value="1")
    submit_all_for(budi, 2)

    rows = {r["nip"]: r for r in get(client, hr_token(), period="2026-Q3").json()["results"]}

    assert rows[siti.nip]["peer"] == {
        "values": dict.fromkeys(berakhlak.CODES, 1.0),
        "raters": 3,
        "suppressed": False,
    }
    assert rows[budi.nip]["peer"] == {"values": {}, "raters": 2, "suppressed": True}
    assert rows[others[0].nip]["peer"]["raters"] == 0
    settings.PEER_MIN_RATERS = 4
    rows = {r["nip"]: r for r in get(client, hr_token(), period="2026-Q3").json()["results"]}
    assert rows[siti.nip]["peer"]["suppressed"] is True


def test_the_hr_rows_and_files_count_notes_and_dialogues_and_flatten_the_360(
    client,
    counter,  # noqa: F811
):
    unit, service, point, siti, budi = counter
    boss = OfficerFactory(unit=unit, name="Atasan")
    [OfficerFactory(unit=unit, name=f"Rekan {n}") for n in range(2)]
    indicator(measure="nrr_u7", target="3.00")
    rate(service, u6=4, u7=4, officer=siti, point=point)
    peer_rounds.open_round(period_code="2026-Q3", unit=unit, per_officer=3)
    submit_all_for(siti, 3, value="1")
    in_q3 = [FeedbackNote.objects.create(author=boss, officer=siti, text=t) for t in "ab"]
    FeedbackNote.objects.filter(pk__in=[n.pk for n in in_q3]).update(
        created_at=datetime.datetime(2026, 8, 1, 9, tzinfo=datetime.UTC)
    )
    # Written now (after the quarter): not the quarter's evidence.
    FeedbackNote.objects.create(author=boss, officer=siti, text="later")
    dialog = {"supervisor": boss, "held_on": datetime.date(2026, 9, 1), "summary": "s"}
    PerformanceDialog.objects.create(officer=siti, period="2026-Q3", agreed_actions="a", **dialog)
    PerformanceDialog.objects.create(officer=siti, period="2026-Q4", agreed_actions="a", **dialog)

    key = hr_token()
    rows = {r["nip"]: r for r in get(client, key, period="2026-Q3").json()["results"]}
    assert (rows[siti.nip]["notes"], rows[siti.nip]["dialogues"]) == (2, 1)
    assert (rows[budi.nip]["notes"], rows[budi.nip]["dialogues"]) == (0, 0)
    year = {r["nip"]: r for r in get(client, key, period="2026").json()["results"]}
    assert year[siti.nip]["dialogues"] == 2

    text = get(client, key, period="2026-Q3", format="csv").content.decode()
    lines = {r["nip"]: r for r in csv.DictReader(io.StringIO(text))}
    assert lines[siti.nip]["peer_berorientasi_pelayanan"] == "1.0"
    assert lines[siti.nip]["peer_raters"] == "3"
    assert (lines[siti.nip]["notes"], lines[siti.nip]["dialogues"]) == ("2", "1")
    assert lines[budi.nip]["peer_kolaboratif"] == ""
    assert lines[budi.nip]["peer_suppressed"] == "True"
    assert lines[siti.nip]["peer_suppressed"] == "False"


def test_hrs_officer_page_shows_the_360_aggregate_and_the_periods_feedback_notes(
    client,
    counter,  # noqa: F811
    django_user_model,
):
    unit, service, point, siti, budi = counter
    # The note's author sits elsewhere, so no rater's name is on the page by right.
    boss = OfficerFactory(unit=UnitFactory(code="SETDA", name="Setda"), name="Ratna Atasan")
    [OfficerFactory(unit=unit, name=f"Rekan {n}") for n in range(3)]
    indicator(measure="nrr_u7", target="3.00")
    peer_rounds.open_round(period_code="2026-Q3", unit=unit, per_officer=3)
    submit_all_for(siti, 3, value="1")
    note = FeedbackNote.objects.create(author=boss, officer=siti, text="Sapa warga lebih dulu")
    FeedbackNote.objects.filter(pk=note.pk).update(
        created_at=datetime.datetime(2026, 8, 1, 9, tzinfo=datetime.UTC)
    )
    FeedbackNote.objects.create(author=boss, officer=siti, text="Catatan kuartal berikutnya")
    client.force_login(hr_user(django_user_model))

    page = text_of(client.get(f"/admin/hr/petugas/{siti.nip}/?periode=2026-Q3"))

    assert "Rata-rata dari 3 rekan" in page and "Berorientasi Pelayanan 1,00" in page
    raters = PeerReview.objects.filter(ratee=siti).values_list("rater__name", flat=True)
    assert not [name for name in raters if name in page]
    assert "Rekan yang andal" not in page  # the aggregate only, not the remarks
    assert "1 catatan umpan balik dalam periode ini" in page
    assert "Sapa warga lebih dulu" in page and "Catatan kuartal berikutnya" not in page
    assert AccessLog.objects.filter(channel="admin-detail", officer_nips=[siti.nip]).exists()

    page = text_of(client.get(f"/admin/hr/petugas/{budi.nip}/?periode=2026-Q3"))
    assert "0 rekan sudah menilai" in page and "Belum ada catatan umpan balik" in page


def test_hrs_officer_page_is_404_outside_the_hr_scope(client, counter, django_user_model):  # noqa: F811
    _unit, _service, _point, siti, _budi = counter
    UnitFactory(code="DINKES", name="Dinas Kesehatan")
    client.force_login(hr_user(django_user_model, username="hr-dinkes", unit="DINKES"))

    assert client.get(f"/admin/hr/petugas/{siti.nip}/?periode=2026-Q3").status_code == 404
