import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from feedback.models import ApiToken, Channel, Kiosk, Receipt, Response
from tests.factories import OfficerFactory, ServiceFactory, ServicePointFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def counter():
    service = ServiceFactory(code="KTP-EL")
    point = ServicePointFactory(code="DUK-L1", unit=service.unit)
    point.services.add(service)
    officer = OfficerFactory(unit=service.unit)
    return service, point, officer


def post_receipt(client, body, key=None, *, scheme="Token"):
    """``POST /api/v1/receipts/`` as a queue system sends it, with ``key`` when given."""
    auth = {"HTTP_AUTHORIZATION": f"{scheme} {key}"} if key else {}
    return client.post("/api/v1/receipts/", body, content_type="application/json", **auth)


def token_for(username, group="Loket"):
    out = StringIO()
    call_command("create_api_token", username, "--group", group, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def test_a_queue_system_issues_a_receipt_bound_to_service_point_and_officer(client, counter):
    service, point, officer = counter
    key = token_for("antrean-duk")
    res = post_receipt(
        client,
        {"service": "ktp-el", "service_point": "DUK-L1", "officer_nip": officer.nip},
        key,
        scheme="Bearer",
    )
    assert res.status_code == 201, res.json()
    body = res.json()
    receipt = Receipt.objects.get(code=body["code"])
    assert (receipt.service, receipt.service_point, receipt.officer) == (service, point, officer)
    assert body["rating_url"].endswith(f"/nilai/KTP-EL/?r={receipt.code}")
    assert receipt.expires_at > timezone.now() + datetime.timedelta(hours=24)


def test_receipts_need_a_token_and_the_right_group(client, counter):
    body = {"service": "KTP-EL"}
    assert post_receipt(client, body).status_code == 401
    bad = post_receipt(client, body, "pl_not-a-real-token")
    assert bad.status_code == 401
    Group.objects.create(name="Tamu")
    key = token_for("tamu", group="Tamu")
    res = post_receipt(client, body, key)
    assert res.status_code == 403
    assert Receipt.objects.count() == 0


def test_a_revoked_or_expired_token_no_longer_works(client, counter):
    key = token_for("antrean")
    token = ApiToken.objects.get()
    token.revoke()
    res = post_receipt(client, {"service": "KTP-EL"}, key)
    assert res.status_code == 401
    key = token_for("antrean")
    ApiToken.objects.filter(revoked_at__isnull=True).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    res = post_receipt(client, {"service": "KTP-EL"}, key)
    assert res.status_code == 401


def test_tokens_are_stored_hashed(counter):
    key = token_for("antrean")
    stored = ApiToken.objects.get()
    assert key not in (stored.key_hash, stored.hint)
    assert ApiToken.find(key) == stored


def test_a_receipt_for_an_unknown_officer_or_wrong_loket_is_rejected(client, counter):
    service, point, officer = counter
    ServicePointFactory(code="OTHER", unit=service.unit).services.add(
        ServiceFactory(unit=service.unit)
    )
    key = token_for("antrean")
    res = post_receipt(
        client,
        {"service": "KTP-EL", "service_point": "OTHER", "officer_nip": "198503122010012003"},
        key,
    )
    assert res.status_code == 400
    assert {"service_point", "officer_nip"} <= set(res.json())
    assert Receipt.objects.count() == 0


# --- kiosk -----------------------------------------------------------------


@pytest.fixture
def kiosk_client(client, counter, django_user_model):
    _service, point, _officer = counter
    kiosk = Kiosk.objects.create(name="Tablet Loket 1", service_point=point)
    staff = django_user_model.objects.create_user("petugas", password="x")
    staff.groups.add(Group.objects.get(name="Loket"))
    client.force_login(staff)
    res = client.post(f"/admin/kiosk/{kiosk.pk}/aktifkan/")
    assert res.status_code == 302
    return client, kiosk


def test_activating_a_kiosk_sets_the_device_key_and_logs_staff_out(kiosk_client):
    client, kiosk = kiosk_client
    assert client.cookies["kiosk_key"].value
    assert "_auth_user_id" not in client.session
    old_hash = kiosk.key_hash
    kiosk.refresh_from_db()
    assert kiosk.key_hash != old_hash  # the previous device key no longer works


def test_a_device_without_a_kiosk_key_sees_setup_instructions(client, counter):
    res = client.get("/kiosk/")
    assert res.status_code == 403
    assert "belum diaktifkan" in res.content.decode()


def test_a_kiosk_asks_one_question_per_screen_then_thanks_and_resets(kiosk_client):
    client, kiosk = kiosk_client
    res = client.get("/kiosk/", follow=True)  # one service at this loket: straight to it
    assert "Pertanyaan 1 dari 9" in res.content.decode()
    answers = {}
    for step in range(9):
        answers[f"u{step + 1}"] = "3"
        res = client.post("/kiosk/KTP-EL/", {**answers, "step": str(step)})
        assert res.status_code == 200
    assert "Ada saran" in res.content.decode()
    res = client.post("/kiosk/KTP-EL/", {**answers, "finish": "1", "comment": "Cepat."})
    assert res.status_code == 302 and res["Location"] == "/kiosk/terima-kasih/"
    thanks = client.get(res["Location"]).content.decode()
    # Back to the start for the next citizen: by the kiosk's script after a few seconds
    # (no timed meta refresh, WCAG 2.2.1), or by the "Selesai" button.
    assert 'data-return-after="8"' in thanks and 'href="/kiosk/"' in thanks
    stored = Response.objects.get()
    assert stored.channel == Channel.KIOSK and stored.kiosk == kiosk
    assert stored.service_point == kiosk.service_point
    assert stored.answers == {f"U{i}": 3 for i in range(1, 10)}


def test_the_kiosk_back_button_lets_the_citizen_change_the_last_answer(kiosk_client):
    client, _kiosk = kiosk_client
    res = client.post("/kiosk/KTP-EL/", {"u1": "4", "u2": "2", "back": "1", "step": "2"})
    assert "Pertanyaan 2 dari 9" in res.content.decode()


def test_a_kiosk_cannot_rate_a_service_its_loket_does_not_offer(kiosk_client):
    client, _kiosk = kiosk_client
    ServiceFactory(code="LAIN")
    assert client.get("/kiosk/LAIN/").status_code == 404


def test_an_incomplete_kiosk_submission_stores_nothing(kiosk_client):
    client, _kiosk = kiosk_client
    res = client.post("/kiosk/KTP-EL/", {"u1": "4", "finish": "1"})
    assert res.status_code == 200
    assert "Pertanyaan 2 dari 9" in res.content.decode()
    assert Response.objects.count() == 0


def test_hashed_client_addresses_are_forgotten_after_the_retention_period(
    client, counter, settings
):
    settings.FEEDBACK_CLIENT_HASH_RETENTION_DAYS = 30
    answers = {f"U{i}": 3 for i in range(1, 10)}
    client.post(
        "/api/v1/feedback/",
        {"service": "KTP-EL", "answers": answers},
        content_type="application/json",
    )
    recent = Response.objects.get()
    old = Response.objects.create(
        service=recent.service,
        channel=Channel.API,
        served_on=recent.served_on,
        submitted_at=timezone.now() - datetime.timedelta(days=31),
        client_hash="x" * 64,
        fingerprint="y" * 64,
        **{f"u{i}": 3 for i in range(1, 10)},
    )
    out = StringIO()
    call_command("purge_client_hashes", stdout=out)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.client_hash, old.fingerprint) == ("", "")
    assert recent.client_hash
    assert "1 responses" in out.getvalue()


def test_a_kiosk_comment_too_long_is_named_on_the_screen_and_stores_nothing(kiosk_client):
    client, _kiosk = kiosk_client
    answers = {f"u{i}": "3" for i in range(1, 10)}
    res = client.post("/kiosk/KTP-EL/", {**answers, "finish": "1", "comment": "x" * 2001})
    assert res.status_code == 400
    assert "Komentar paling banyak 2000 karakter" in res.content.decode()
    assert Response.objects.count() == 0


def test_the_kiosk_asks_what_was_lacking_for_each_element_rated_1_or_2(kiosk_client):
    client, _kiosk = kiosk_client
    answers = {f"u{i}": "4" for i in range(1, 10)} | {"u2": "1", "u6": "2"}
    res = client.post("/kiosk/KTP-EL/", {**answers, "step": "8"})
    html = res.content.decode()
    assert 'name="reason_u2"' in html and 'name="reason_u6"' in html
    assert 'name="reason_u1"' not in html
    res = client.post(
        "/kiosk/KTP-EL/",
        {**answers, "finish": "1", "reason_u2": "Syaratnya berubah-ubah", "reason_u6": ""},
    )
    assert res.status_code == 302
    assert Response.objects.get().reasons == {"U2": "Syaratnya berubah-ubah"}


def test_the_kiosk_queue_sends_reasons_like_the_api(kiosk_client):
    client, _kiosk = kiosk_client
    body = {
        "service": "KTP-EL",
        "answers": {f"U{i}": 4 for i in range(1, 10)},
        "reasons": {"U1": "Tidak ada yang kurang"},
    }
    res = client.post("/kiosk/kirim/", body, content_type="application/json")
    assert res.status_code == 400 and "reasons" in res.json()
    assert not Response.objects.exists()
