"""Submissions are safe to repeat: an Idempotency-Key stores a response once on
every channel (API, web form, kiosk screens, the kiosk's offline queue)."""

import datetime
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from feedback.intake import parsing, storing
from feedback.models import Channel, IdempotencyKey, Kiosk, Response, ServiceMonth
from tests.factories import ServiceFactory, ServicePointFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/feedback/"
KEY = "8d0f6a52-5c1e-4c55-9c1b-6f3f0a9d2e11"
ALL_THREE = {f"U{i}": 3 for i in range(1, 10)}


def post(client, body, key=KEY, **headers):
    if key is not None:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    return client.post(URL, body, content_type="application/json", **headers)


@pytest.fixture
def service():
    return ServiceFactory(code="KTP-EL")


@pytest.fixture
def kiosk(service):
    point = ServicePointFactory(code="DUK-L1", unit=service.unit)
    point.services.add(service)
    kiosk = Kiosk(name="Tablet 1", service_point=point)
    clear = kiosk.set_new_key()
    kiosk.save()
    kiosk.clear_key = clear
    return kiosk


def respondents(service):
    return sum(ServiceMonth.objects.filter(service=service).values_list("respondents", flat=True))


def test_a_repeat_with_the_same_key_and_body_answers_the_same_201_and_stores_nothing(
    client, service
):
    body = {"service": "KTP-EL", "answers": ALL_THREE, "comment": "Antre lama."}
    first = post(client, body)
    again = post(client, body)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert Response.objects.count() == 1
    assert respondents(service) == 1


def test_the_body_is_compared_as_parsed_not_as_bytes(client, service):
    first = post(client, {"service": "KTP-EL", "answers": ALL_THREE})
    reordered = dict(reversed(list(ALL_THREE.items())))
    again = post(client, {"answers": reordered, "service": "ktp-el", "comment": "  "})
    assert again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert Response.objects.count() == 1


def test_the_same_key_with_another_body_is_a_409_and_stores_nothing(client, service):
    post(client, {"service": "KTP-EL", "answers": ALL_THREE})
    res = post(client, {"service": "KTP-EL", "answers": {**ALL_THREE, "U4": 1}})
    assert res.status_code == 409
    assert "sudah dipakai" in res.json()["message"]
    assert Response.objects.count() == 1
    assert Response.objects.get().u4 == 3


@pytest.mark.parametrize(
    "key", ["short", "x" * 65, "kunci dengan spasi", "ključ-ključ-1", "a/b/c/d/e"]
)
def test_a_malformed_key_is_a_clear_400_and_stores_nothing(client, service, key):
    res = post(client, {"service": "KTP-EL", "answers": ALL_THREE}, key=key)
    assert res.status_code == 400
    assert "8 sampai 64 karakter" in res.json()["idempotency_key"][0]
    assert Response.objects.count() == 0
    assert IdempotencyKey.objects.count() == 0


def test_a_repeat_does_not_use_up_the_accepted_responses_limit(client, service, settings):
    settings.FEEDBACK_RATE_ACCEPTED = "2/10m"
    body = {"service": "KTP-EL", "answers": ALL_THREE}
    assert post(client, body).status_code == 201
    for _ in range(4):
        assert post(client, body).status_code == 201  # repeats: answered, not counted
    other = {"service": "KTP-EL", "answers": {**ALL_THREE, "U1": 4}}
    assert post(client, other, key="second-key-0001").status_code == 201
    third = {"service": "KTP-EL", "answers": {**ALL_THREE, "U1": 2}}
    assert post(client, third, key="third-key-00001").status_code == 429
    # The limit is reached, and a repeat of a stored one is still answered.
    assert post(client, body).status_code == 201
    assert Response.objects.count() == 2


def test_a_failed_first_attempt_leaves_the_key_free(client, service):
    bad = post(client, {"service": "KTP-EL", "answers": {**ALL_THREE, "U2": 9}})
    assert bad.status_code == 400
    good = post(client, {"service": "KTP-EL", "answers": ALL_THREE})
    assert good.status_code == 201
    assert "Idempotent-Replayed" not in good
    assert Response.objects.count() == 1


def test_keys_are_forgotten_after_the_retention_period(client, service, settings):
    settings.FEEDBACK_IDEMPOTENCY_DAYS = 7
    settings.FEEDBACK_DUPLICATE_MINUTES = 0  # only keys decide here
    body = {"service": "KTP-EL", "answers": ALL_THREE}
    first = post(client, body).json()["id"]
    recent = post(client, body, key="recent-key-0001").json()["id"]
    IdempotencyKey.objects.filter(key=KEY).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    out = StringIO()
    call_command("purge_client_hashes", stdout=out)
    assert "Forgot 1 idempotency keys older than 7 days." in out.getvalue()
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["recent-key-0001"]
    # The forgotten key now names a new submission; the recent one still replays.
    later = post(client, body)
    assert later.status_code == 201 and later.json()["id"] != first
    assert post(client, body, key="recent-key-0001").json()["id"] == recent
    assert Response.objects.count() == 3


def test_keys_are_scoped_per_kiosk(client, service, kiosk):
    other = Kiosk(name="Tablet 2", service_point=kiosk.service_point)
    other_key = other.set_new_key()
    other.save()
    body = {"service": "KTP-EL", "answers": ALL_THREE}
    a = post(client, body, HTTP_X_KIOSK_KEY=kiosk.clear_key)
    b = post(client, body, HTTP_X_KIOSK_KEY=other_key)
    assert a.status_code == b.status_code == 201
    assert a.json()["id"] != b.json()["id"]
    assert set(IdempotencyKey.objects.values_list("scope", flat=True)) == {
        f"kiosk:{kiosk.pk}",
        f"kiosk:{other.pk}",
    }


def test_identical_answers_from_one_kiosk_with_their_own_keys_are_all_counted(
    client, service, kiosk
):
    # A queue of honest citizens at one kiosk who all answer 3: without keys the
    # duplicate rule would keep one of them.
    body = {"service": "KTP-EL", "answers": ALL_THREE}
    ids = {
        post(client, body, key=f"citizen-{n:04d}", HTTP_X_KIOSK_KEY=kiosk.clear_key).json()["id"]
        for n in range(3)
    }
    assert len(ids) == 3
    assert respondents(service) == 3


# --- the web form and the kiosk screens ----------------------------------------


def test_the_web_form_carries_a_fresh_key_and_a_resent_form_is_stored_once(
    client, service, settings
):
    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    page = client.get("/nilai/KTP-EL/").content.decode()
    again = client.get("/nilai/KTP-EL/").content.decode()

    def key_of(html):
        return html.split('name="idempotency_key" value="')[1].split('"')[0]

    assert key_of(page) != key_of(again)
    started = page.split('name="started" value="')[1].split('"')[0]
    form = {f"u{i}": "3" for i in range(1, 10)}
    form |= {"served_on": timezone.localdate().isoformat(), "started": started}
    form["idempotency_key"] = key_of(page)
    settings.FEEDBACK_DUPLICATE_MINUTES = 0  # only the key can catch the repeat
    first = client.post("/nilai/KTP-EL/", form)
    second = client.post("/nilai/KTP-EL/", form)
    assert first.status_code == second.status_code == 302
    assert Response.objects.count() == 1
    changed = client.post("/nilai/KTP-EL/", {**form, "u4": "1"})
    assert changed.status_code == 400
    assert "sudah dikirim sebelumnya" in changed.content.decode()
    assert Response.objects.count() == 1


def test_a_double_tap_on_the_kiosk_screen_stores_one_response(client, service, kiosk):
    client.cookies["kiosk_key"] = kiosk.clear_key
    page = client.get("/kiosk/KTP-EL/").content.decode()
    key = page.split('name="idempotency_key" value="')[1].split('"')[0]
    final = {f"u{i}": "3" for i in range(1, 10)} | {"finish": "1", "idempotency_key": key}
    assert client.post("/kiosk/KTP-EL/", final).status_code == 302
    assert client.post("/kiosk/KTP-EL/", final).status_code == 302
    assert Response.objects.count() == 1


# --- the kiosk's queue ------------------------------------------------------------


def kiosk_post(client, body, key):
    return client.post(
        "/kiosk/kirim/", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key
    )


def test_a_queued_response_keeps_the_day_it_was_given_and_is_stored_once(client, service, kiosk):
    client.cookies["kiosk_key"] = kiosk.clear_key
    served = timezone.localdate() - datetime.timedelta(days=3)
    body = {"service": "KTP-EL", "answers": ALL_THREE, "served_on": served.isoformat()}
    first = kiosk_post(client, body, KEY)
    again = kiosk_post(client, body, KEY)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    stored = Response.objects.get()
    assert stored.served_on == served
    assert (stored.channel, stored.kiosk, stored.service_point) == (
        Channel.KIOSK,
        kiosk,
        kiosk.service_point,
    )


def test_a_queued_response_is_checked_like_a_live_one(client, service, kiosk, settings):
    client.cookies["kiosk_key"] = kiosk.clear_key
    future = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    res = kiosk_post(client, {"service": "KTP-EL", "answers": ALL_THREE, "served_on": future}, KEY)
    assert res.status_code == 400 and "served_on" in res.json()
    old = (timezone.localdate() - datetime.timedelta(days=401)).isoformat()
    res = kiosk_post(client, {"service": "KTP-EL", "answers": ALL_THREE, "served_on": old}, KEY)
    assert res.status_code == 400 and "served_on" in res.json()
    settings.FEEDBACK_RATE_KIOSK = "2/10m"
    body = {"service": "KTP-EL", "answers": ALL_THREE}
    assert kiosk_post(client, body, "queued-0001").status_code == 201
    assert kiosk_post(client, body, "queued-0002").status_code == 201
    limited = kiosk_post(client, body, "queued-0003")
    assert limited.status_code == 429 and limited["Retry-After"]
    assert kiosk_post(client, body, "queued-0001").status_code == 201  # a repeat
    assert Response.objects.count() == 2


def test_the_queue_needs_the_device_key_and_the_csrf_token(service, kiosk):
    body = {"service": "KTP-EL", "answers": ALL_THREE}
    anonymous = Client()
    assert kiosk_post(anonymous, body, KEY).status_code == 403
    strict = Client(enforce_csrf_checks=True)
    strict.cookies["kiosk_key"] = kiosk.clear_key
    assert kiosk_post(strict, body, KEY).status_code == 403
    page = strict.get("/kiosk/KTP-EL/").content.decode()
    token = page.split('name="csrf-token" content="')[1].split('"')[0]
    res = strict.post(
        "/kiosk/kirim/",
        body,
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY=KEY,
        HTTP_X_CSRFTOKEN=token,
    )
    assert res.status_code == 201
    assert Response.objects.count() == 1


def test_the_admin_sees_each_kiosks_last_contact(client, service, kiosk, admin_client):
    assert kiosk.last_seen_at is None
    client.cookies["kiosk_key"] = kiosk.clear_key
    client.get("/kiosk/KTP-EL/")
    kiosk.refresh_from_db()
    assert kiosk.last_seen_at is not None
    listing = admin_client.get("/admin/snippets/feedback/kiosk/").content.decode()
    assert "Kontak terakhir" in listing or "kontak terakhir" in listing.lower()


def test_the_service_worker_is_served_from_the_kiosk_folder(client):
    res = client.get("/kiosk/sw.js")
    assert res.status_code == 200
    assert res["Content-Type"].startswith("text/javascript")
    assert res["Service-Worker-Allowed"] == "/kiosk/"
    assert b'addEventListener("fetch"' in res.content


# --- two identical requests at the same moment -----------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_identical_requests_at_the_same_moment_store_exactly_one_response(service):
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs concurrent writers: SQLite serialises them (IMMEDIATE transactions); "
            "runs in the PostgreSQL pass of .ci/run"
        )
    threads, outcomes, errors = 8, [], []
    barrier = threading.Barrier(threads)
    data = {"service": "KTP-EL", "answers": ALL_THREE}

    def submit():
        try:
            submission = parsing.parse_submission(data)
            barrier.wait(timeout=10)
            outcomes.append(storing.submit_once(submission, key=KEY, channel=Channel.API))
        except Exception as exc:  # reported below, with the thread's error
            errors.append(exc)
        finally:
            connection.close()

    workers = [threading.Thread(target=submit) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=30)
    assert not errors, errors
    assert Response.objects.count() == 1
    assert respondents(service) == 1
    assert {o.response.pk for o in outcomes} == {Response.objects.get().pk}
    assert sorted(o.created for o in outcomes) == [False] * (threads - 1) + [True]
