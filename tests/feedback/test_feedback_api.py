import datetime

import pytest
from django.utils import timezone

from feedback.intake.receipts import receipt_issue
from feedback.models import Channel, Kiosk, Receipt, Response
from tests.factories import OfficerFactory, ServiceFactory, ServicePointFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/feedback/"
ALL_FOUR = {f"U{i}": 4 for i in range(1, 10)}


def post(client, body, **headers):
    return client.post(URL, body, content_type="application/json", **headers)


@pytest.fixture
def service():
    return ServiceFactory(code="KTP-EL")


def test_a_valid_response_is_stored_and_answered_201_with_an_opaque_id(client, service):
    res = post(
        client,
        {
            "service": "KTP-EL",
            "answers": {**ALL_FOUR, "U9": 2},
            "comment": "Ruang tunggu panas.",
            "respondent": {"age": 34, "sex": "P", "education": "sma", "occupation": "swasta"},
        },
    )
    assert res.status_code == 201
    body = res.json()
    assert body["verified"] is False
    stored = Response.objects.get(public_id=body["id"])
    assert stored.answers == {**ALL_FOUR, "U9": 2}
    assert (stored.age, stored.sex, stored.education) == (34, "P", "sma")
    assert stored.channel == Channel.API
    assert stored.comment_status == "pending"
    assert str(stored.pk) != body["id"]


@pytest.mark.parametrize(
    "body, field",
    [
        ({"service": "KTP-EL", "answers": {**ALL_FOUR, "U3": 5}}, "answers"),
        ({"service": "KTP-EL", "answers": {**ALL_FOUR, "U3": 0}}, "answers"),
        ({"service": "KTP-EL", "answers": {**ALL_FOUR, "U3": "4"}}, "answers"),
        ({"service": "KTP-EL", "answers": {**ALL_FOUR, "U3": 3.5}}, "answers"),
        ({"service": "KTP-EL", "answers": {**ALL_FOUR, "U3": True}}, "answers"),
        ({"service": "KTP-EL", "answers": {**ALL_FOUR, "U10": 4}}, "answers"),
        (
            {"service": "KTP-EL", "answers": {k: v for k, v in ALL_FOUR.items() if k != "U8"}},
            "answers",
        ),
        ({"service": "KTP-EL", "answers": [4] * 9}, "answers"),
        ({"service": "NOPE", "answers": ALL_FOUR}, "service"),
        ({"answers": ALL_FOUR}, "service"),
        ({"service": "KTP-EL", "answers": ALL_FOUR, "comment": "x" * 2001}, "comment"),
        ({"service": "KTP-EL", "answers": ALL_FOUR, "respondent": {"age": 7}}, "respondent"),
        ({"service": "KTP-EL", "answers": ALL_FOUR, "respondent": {"sex": "X"}}, "respondent"),
        ({"service": "KTP-EL", "answers": ALL_FOUR, "service_point": "NOPE"}, "service_point"),
        ({"service": "KTP-EL", "answers": ALL_FOUR, "receipt": "NOPE1234"}, "receipt"),
    ],
)
def test_bad_input_is_rejected_400_naming_the_field_and_nothing_is_stored(
    client, service, body, field
):
    res = post(client, body)
    assert res.status_code == 400
    data = res.json()
    assert data["message"]
    assert field in data
    assert Response.objects.count() == 0


def test_the_error_names_the_element_that_is_wrong(client, service):
    res = post(client, {"service": "KTP-EL", "answers": {**ALL_FOUR, "U7": 9}})
    assert list(res.json()["answers"]) == ["U7"]


@pytest.mark.parametrize("raw", ['{"service": "KTP-EL",', "[1, 2]", "null", '"text"'])
def test_a_malformed_body_is_400_json(client, service, raw):
    res = client.post(URL, raw, content_type="application/json")
    assert res.status_code == 400
    assert "message" in res.json()
    assert Response.objects.count() == 0


def test_the_same_answers_from_the_same_client_within_minutes_are_stored_once(client, service):
    first = post(client, {"service": "KTP-EL", "answers": ALL_FOUR})
    second = post(client, {"service": "KTP-EL", "answers": ALL_FOUR})
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert Response.objects.count() == 1
    other_client = post(client, {"service": "KTP-EL", "answers": ALL_FOUR}, REMOTE_ADDR="10.9.9.9")
    assert other_client.json()["id"] != first.json()["id"]


def test_no_network_address_is_stored_in_clear(client, service):
    post(client, {"service": "KTP-EL", "answers": ALL_FOUR}, REMOTE_ADDR="203.0.113.77")
    stored = Response.objects.get()
    values = [str(getattr(stored, f.attname)) for f in Response._meta.concrete_fields]
    assert not any("203.0.113.77" in v for v in values)
    assert stored.client_hash


def test_personal_data_in_comments_is_masked_before_storage(client, service):
    post(
        client,
        {
            "service": "KTP-EL",
            "answers": ALL_FOUR,
            "comment": "NIK saya 3301012345678901, WA 0812-3456-7890, a@b.id",
        },
    )
    comment = Response.objects.get().comment
    assert "3301012345678901" not in comment
    assert "7890" not in comment
    assert "a@b.id" not in comment
    assert "NIK disamarkan" in comment


# --- receipts ------------------------------------------------------------


@pytest.fixture
def receipt(service):
    point = ServicePointFactory(unit=service.unit)
    point.services.add(service)
    return receipt_issue(service=service, service_point=point, officer=OfficerFactory())


def test_a_receipt_makes_the_response_verified_and_attributed_to_the_officer(client, receipt):
    res = post(client, {"service": "KTP-EL", "answers": ALL_FOUR, "receipt": receipt.code})
    assert res.status_code == 201
    assert res.json()["verified"] is True
    stored = Response.objects.get()
    assert stored.officer == receipt.officer
    assert stored.service_point == receipt.service_point
    receipt.refresh_from_db()
    assert receipt.used_at is not None


def test_a_used_receipt_answers_409_and_stores_nothing_more(client, receipt):
    post(client, {"service": "KTP-EL", "answers": ALL_FOUR, "receipt": receipt.code})
    res = post(
        client,
        {"service": "KTP-EL", "answers": {**ALL_FOUR, "U1": 1}, "receipt": receipt.code.lower()},
    )
    assert res.status_code == 409
    assert "sudah dipakai" in res.json()["message"]
    assert Response.objects.count() == 1


def test_an_expired_receipt_answers_410(client, receipt):
    Receipt.objects.filter(pk=receipt.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    res = post(client, {"service": "KTP-EL", "answers": ALL_FOUR, "receipt": receipt.code})
    assert res.status_code == 410
    assert Response.objects.count() == 0
    receipt.refresh_from_db()
    assert receipt.used_at is None


def test_a_receipt_for_another_service_is_rejected(client, receipt):
    ServiceFactory(code="KK")
    res = post(client, {"service": "KK", "answers": ALL_FOUR, "receipt": receipt.code})
    assert res.status_code == 400
    assert "receipt" in res.json()


# --- rate limits ------------------------------------------------------------


def distinct(i):
    """Answers that differ per request, so duplicate detection does not hide them."""
    answers = {f"U{n}": 1 + (i >> (n - 1)) % 2 * 3 for n in range(1, 10)}
    return {"service": "KTP-EL", "answers": answers, "comment": f"ke-{i}"}


def test_accepted_responses_are_limited_per_address_with_retry_after(client, service, settings):
    settings.FEEDBACK_RATE_ACCEPTED = "3/10m"
    for i in range(3):
        assert post(client, distinct(i)).status_code == 201
    res = post(client, distinct(99))
    assert res.status_code == 429
    assert int(res["Retry-After"]) > 0
    assert "message" in res.json()
    assert Response.objects.count() == 3
    # another address is not affected
    assert post(client, distinct(100), REMOTE_ADDR="198.51.100.2").status_code == 201


def test_attempts_of_any_kind_are_limited_per_address(client, service, settings):
    settings.FEEDBACK_RATE_ATTEMPTS = "5/m"
    for _ in range(5):
        assert post(client, {"service": "NOPE"}).status_code == 400
    res = post(client, distinct(1))
    assert res.status_code == 429
    assert res.has_header("Retry-After")
    assert Response.objects.count() == 0


def test_malformed_bodies_count_as_attempts_too(client, service, settings):
    settings.FEEDBACK_RATE_ATTEMPTS = "3/m"
    for _ in range(3):
        res = client.post(URL, '{"service": "KTP-EL",', content_type="application/json")
        assert res.status_code == 400 and "message" in res.json()
    assert post(client, distinct(1)).status_code == 429
    assert Response.objects.count() == 0


def test_a_forged_x_forwarded_for_does_not_escape_the_limit(client, service, settings):
    settings.FEEDBACK_RATE_ACCEPTED = "2/10m"
    for i in range(2):
        assert post(client, distinct(i), HTTP_X_FORWARDED_FOR=f"10.0.0.{i}").status_code == 201
    res = post(client, distinct(5), HTTP_X_FORWARDED_FOR="10.0.0.99")
    assert res.status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_address_is_the_client(client, service, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.FEEDBACK_RATE_ACCEPTED = "1/10m"
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    assert (
        post(client, distinct(1), HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.5", **proxy).status_code
        == 201
    )
    # the same real client, whatever it writes on the left, is limited
    assert (
        post(client, distinct(2), HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.5", **proxy).status_code
        == 429
    )
    # a different client behind the same proxy is not
    assert post(client, distinct(3), HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy).status_code == 201


def test_a_kiosk_is_limited_per_kiosk_not_per_address(client, service, settings):
    settings.FEEDBACK_RATE_ACCEPTED = "1/10m"
    settings.FEEDBACK_RATE_KIOSK = "3/10m"
    point = ServicePointFactory(unit=service.unit)
    kiosk = Kiosk(name="Tablet 1", service_point=point)
    key = kiosk.set_new_key()
    kiosk.save()
    for i in range(3):
        res = post(client, distinct(i), HTTP_X_KIOSK_KEY=key)
        assert res.status_code == 201, res.json()
    assert post(client, distinct(9), HTTP_X_KIOSK_KEY=key).status_code == 429
    assert Response.objects.filter(kiosk=kiosk, channel=Channel.KIOSK).count() == 3
    # the address itself still has its own allowance
    assert post(client, distinct(10)).status_code == 201


def test_an_unknown_kiosk_key_is_refused(client, service):
    res = post(client, distinct(1), HTTP_X_KIOSK_KEY="not-a-key")
    assert res.status_code == 403
    assert Response.objects.count() == 0


def test_feedback_and_receipts_are_in_the_openapi_schema(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "/api/v1/feedback/" in schema
    assert "/api/v1/receipts/" in schema


@pytest.mark.parametrize("code", ["used", "unknown"])
def test_attempts_on_one_receipt_code_are_limited_from_any_address(
    client, service, receipt, settings, code
):
    """FEEDBACK_RATE_RECEIPT limits attempts per receipt code (docs/citizens.md): 13 tries of
    one code from 13 addresses once all answered 409/400, none 429."""
    settings.FEEDBACK_RATE_RECEIPT = "10/10m"
    value = receipt.code if code == "used" else "TIDAK-ADA-99"
    if code == "used":
        body = {**distinct(0), "receipt": value}
        assert post(client, body, REMOTE_ADDR="198.51.100.200").status_code == 201
    statuses = [
        post(
            client, {**distinct(i), "receipt": value.lower()}, REMOTE_ADDR=f"198.51.100.{i}"
        ).status_code
        for i in range(1, 14)
    ]
    limit_from = 10 if code == "used" else 11  # the first, stored attempt counted too
    assert set(statuses[: limit_from - 1]) <= {400, 409}, statuses
    assert statuses[limit_from - 1 :] == [429] * (14 - limit_from), statuses
    res = post(client, {**distinct(20), "receipt": value}, REMOTE_ADDR="198.51.100.99")
    assert res.status_code == 429 and int(res["Retry-After"]) > 0
    # Another code, and the same addresses without a receipt, are not affected.
    assert post(client, distinct(21), REMOTE_ADDR="198.51.100.1").status_code == 201


def test_the_web_form_counts_attempts_per_receipt_code_too(client, service, settings):
    from feedback.intake.forms import signed_start

    settings.FEEDBACK_RATE_RECEIPT = "3/10m"
    form = {f"u{i}": "4" for i in range(1, 10)}
    form.update({"served_on": "2026-01-05", "started": signed_start(), "receipt": "ZZZZ-1234"})
    statuses = [
        client.post("/nilai/KTP-EL/", form, REMOTE_ADDR=f"198.51.100.{i}").status_code
        for i in range(5)
    ]
    assert statuses[:3] == [400] * 3 and statuses[3:] == [429, 429], statuses
