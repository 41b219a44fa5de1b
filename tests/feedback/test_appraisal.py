"""Officers and supervisors in the admin: Kinerja saya, the current team, feedback
notes, the dialog kinerja and the supervision rules. Each boundary is tried through
the screens: an officer reads only their own data, a supervisor only their current
team, and a forged id is a 404."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from feedback.access.permissions import OFFICER_GROUP
from feedback.models import (
    AccessLog,
    FeedbackNote,
    PerformanceDialog,
    Response,
    Supervision,
    Training,
)
from feedback.rules import development
from tests.factories import OfficerFactory, UnitFactory
from tests.feedback.test_hr import counter, indicator, rate  # noqa: F401

pytestmark = pytest.mark.django_db
START = datetime.date(2025, 1, 1)


def login_for(officer, django_user_model, username):
    user = django_user_model.objects.create_user(username, password="x")
    user.groups.add(Group.objects.get(name=OFFICER_GROUP))
    officer.user = user
    officer.save()
    return user


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


@pytest.fixture
def team(counter, django_user_model):  # noqa: F811
    """Siti and Budi at DUK-L1 under Ratna; Siti rated five times, Budi five times."""
    unit, service, point, siti, budi = counter
    ratna = OfficerFactory(unit=unit, name="Ratna Kepala Bidang")
    for member in (siti, budi):
        Supervision.objects.create(supervisor=ratna, officer=member, start_date=START)
    indicator(measure="nrr_u7", target="3.00")
    for _ in range(5):
        rate(service, u6=4, u7=4, officer=siti, point=point)
        rate(service, u6=2, u7=2, officer=budi, point=point)
    return {
        "siti": siti,
        "budi": budi,
        "ratna": ratna,
        "siti_user": login_for(siti, django_user_model, "siti"),
        "budi_user": login_for(budi, django_user_model, "budi"),
        "ratna_user": login_for(ratna, django_user_model, "ratna"),
    }


# --- Kinerja saya -----------------------------------------------------------------


def test_kinerja_saya_is_403_for_a_user_who_is_no_officer(client, django_user_model):
    user = django_user_model.objects.create_user("staff", password="x")
    user.groups.add(Group.objects.get(name=OFFICER_GROUP))
    client.force_login(user)

    assert client.get("/admin/kinerja-saya/").status_code == 403
    assert not AccessLog.objects.exists()


def test_kinerja_saya_shows_the_officers_own_figures_and_the_unit_average_only(client, team):
    client.force_login(team["siti_user"])

    response = client.get("/admin/kinerja-saya/?periode=2026-Q3")

    assert response.status_code == 200
    page = text_of(response)
    assert "Siti" in page and "NRR perilaku (U7)" in page
    assert "4,00" in page  # her own U7
    assert "3,00" in page  # the unit's average: (5 x 4 + 5 x 2) / 10
    assert "Budi" not in page  # never another officer's identity
    assert "Di atas ekspektasi" in page
    entry = AccessLog.objects.get()
    assert (entry.username, entry.channel, entry.officer_nips) == (
        "siti",
        "officer-own",
        [team["siti"].nip],
    )


def test_kinerja_saya_names_the_weakest_element_by_the_rule_hr_uses(client, team, monkeypatch):
    # Siti's U6 and U7 are both 4 (a tie, U6 by the rule); when the one rule of the
    # HR development list says otherwise, her hint follows it.
    client.force_login(team["siti_user"])
    page = text_of(client.get("/admin/kinerja-saya/?periode=2026-Q3"))
    assert "Unsur terlemah Anda menurut warga: Kompetensi pelaksana (U6)" in page

    monkeypatch.setattr(development, "weakest_element", lambda distribution: ("U7", 4.0))
    page = text_of(client.get("/admin/kinerja-saya/?periode=2026-Q3"))
    assert "Unsur terlemah Anda menurut warga: Perilaku pelaksana (U7)" in page


def test_kinerja_saya_lists_only_approved_comments_about_the_officer(client, team):
    Response.objects.filter(officer=team["siti"]).update(
        comment="Petugas ramah sekali", comment_status="approved"
    )
    Response.objects.filter(officer=team["budi"]).update(
        comment="Komentar tentang orang lain", comment_status="approved"
    )
    client.force_login(team["siti_user"])

    page = text_of(client.get("/admin/kinerja-saya/?periode=2026-Q3"))

    assert "Petugas ramah sekali" in page
    assert "Komentar tentang orang lain" not in page


def test_an_officer_acknowledges_their_own_note_but_not_anothers(client, team):
    own = FeedbackNote.objects.create(author=team["ratna"], officer=team["siti"], text="Bagus")
    other = FeedbackNote.objects.create(author=team["ratna"], officer=team["budi"], text="Lain")
    client.force_login(team["siti_user"])

    page = text_of(client.get("/admin/kinerja-saya/"))
    assert "Bagus" in page and "Lain" not in page

    assert client.post(f"/admin/kinerja-saya/catatan/{own.pk}/dibaca/").status_code == 302
    assert client.post(f"/admin/kinerja-saya/catatan/{other.pk}/dibaca/").status_code == 404
    own.refresh_from_db(), other.refresh_from_db()
    assert own.acknowledged_at is not None and other.acknowledged_at is None
    assert "Sudah dibaca" in text_of(client.get("/admin/kinerja-saya/"))


# --- The supervisor ----------------------------------------------------------------


def test_the_supervisor_sees_the_current_team_and_follows_a_member_link(client, team):
    client.force_login(team["ratna_user"])

    response = client.get("/admin/tim-saya/?periode=2026-Q3")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    names = [a.get_text(strip=True) for a in soup.select("tbody th a")]
    assert names == ["Budi", "Siti"]
    member = client.get(soup.find("a", string="Siti")["href"])
    assert member.status_code == 200 and "4,00" in text_of(member)
    channels = list(AccessLog.objects.order_by("at").values_list("channel", flat=True))
    assert channels == ["supervisor-team", "supervisor-member"]


def test_a_member_who_left_the_team_and_a_forged_id_are_404(client, team):
    Supervision.objects.filter(officer=team["budi"]).update(end_date=datetime.date(2025, 12, 31))
    outsider = OfficerFactory(unit=UnitFactory(code="DINKES"), name="Tono")
    client.force_login(team["ratna_user"])

    assert "Budi" not in text_of(client.get("/admin/tim-saya/"))
    for pk in (team["budi"].pk, outsider.pk, team["ratna"].pk, 999999):
        assert client.get(f"/admin/tim-saya/{pk}/").status_code == 404
        assert client.post(f"/admin/tim-saya/{pk}/catatan/", {"text": "x"}).status_code == 404
    assert not FeedbackNote.objects.exists()


def test_an_officer_without_a_team_may_not_open_the_team_screen(client, team):
    client.force_login(team["siti_user"])

    assert client.get("/admin/tim-saya/").status_code == 403
    assert client.get(f"/admin/tim-saya/{team['budi'].pk}/").status_code == 404


def test_a_feedback_note_reaches_the_officer(client, team):
    client.force_login(team["ratna_user"])

    empty = client.post(f"/admin/tim-saya/{team['siti'].pk}/catatan/", {"text": "  "})
    assert empty.status_code == 400
    assert "Tulis catatan umpan balik terlebih dahulu." in text_of(empty)
    assert not FeedbackNote.objects.exists()

    sent = client.post(
        f"/admin/tim-saya/{team['siti'].pk}/catatan/", {"text": "Sapa warga lebih dulu."}
    )
    assert sent.status_code == 302
    client.force_login(team["siti_user"])
    page = text_of(client.get("/admin/kinerja-saya/"))
    assert "Sapa warga lebih dulu." in page and "Ratna Kepala Bidang" in page


def test_a_dialog_kinerja_with_a_training_from_the_catalogue_once_per_period(client, team):
    training = Training.objects.create(name="Pelayanan Prima", element="U7")
    client.force_login(team["ratna_user"])
    url = f"/admin/tim-saya/{team['siti'].pk}/dialog/?periode=2026-Q3"
    form = {
        "period": "2026-Q3",
        "held_on": "2026-10-05",
        "summary": "Perilaku sudah baik.",
        "agreed_actions": "Ikut pelatihan.",
        "trainings": [training.pk],
    }

    missing = client.post(url, {**form, "summary": ""})
    assert missing.status_code == 400 and "Tulis ringkasan dialog." in text_of(missing)
    assert not PerformanceDialog.objects.exists()

    assert client.post(url, form).status_code == 302
    dialog = PerformanceDialog.objects.get()
    assert list(dialog.trainings.all()) == [training]
    again = client.post(url, form)
    assert again.status_code == 400
    assert "satu dialog per petugas per periode" in text_of(again)
    assert PerformanceDialog.objects.count() == 1

    client.force_login(team["siti_user"])
    page = text_of(client.get("/admin/kinerja-saya/?periode=2026-Q3"))
    assert "Perilaku sudah baik." in page and "Pelayanan Prima" in page


# --- Supervision rules -------------------------------------------------------------


def test_a_second_supervisor_over_overlapping_dates_is_refused(team):
    other = OfficerFactory(unit=team["siti"].unit, name="Joko")
    row = Supervision(supervisor=other, officer=team["siti"], start_date=datetime.date(2026, 3, 1))

    with pytest.raises(ValidationError) as exc:
        row.full_clean()

    assert "sudah memiliki atasan langsung Ratna Kepala Bidang" in str(exc.value)
    later = Supervision(
        supervisor=other, officer=team["budi"], start_date=datetime.date(2027, 1, 1)
    )
    Supervision.objects.filter(officer=team["budi"]).update(end_date=datetime.date(2026, 12, 31))
    later.full_clean()  # after the first range ends, a new supervisor is fine


def test_a_supervision_cycle_is_refused_directly_and_through_a_chain(team):
    direct = Supervision(supervisor=team["siti"], officer=team["ratna"], start_date=START)
    with pytest.raises(ValidationError) as exc:
        direct.full_clean()
    assert "tidak boleh melingkar" in str(exc.value)

    head = OfficerFactory(unit=team["siti"].unit, name="Kepala Dinas")
    Supervision.objects.create(supervisor=head, officer=team["ratna"], start_date=START)
    chain = Supervision(supervisor=team["siti"], officer=head, start_date=START)
    with pytest.raises(ValidationError):
        chain.full_clean()
    oneself = Supervision(supervisor=head, officer=head, start_date=START)
    with pytest.raises(ValidationError):
        oneself.full_clean()
    assert Supervision.objects.count() == 3


def test_hr_sees_a_refused_supervision_on_the_form_and_nothing_is_stored(
    client, team, django_user_model
):
    admin = django_user_model.objects.create_superuser("boss", password="x")
    client.force_login(admin)

    response = client.post(
        "/admin/snippets/feedback/supervision/add/",
        {
            "supervisor": team["siti"].pk,
            "officer": team["ratna"].pk,
            "start_date": "2025-06-01",
            "end_date": "",
        },
    )

    assert response.status_code == 200
    assert "tidak boleh melingkar" in text_of(response)
    assert Supervision.objects.count() == 2
