""" "Apa yang kurang?": a reason for each element rated 1 or 2, on every channel."""

import pytest
from bs4 import BeautifulSoup

from feedback.intake.forms import signed_start
from feedback.models import Response
from tests.factories import OfficerFactory

# ``service`` and ``no_fill_delay``: tests/feedback/conftest.py
pytestmark = pytest.mark.django_db

URL = "/api/v1/feedback/"
ALL_FOUR = {f"U{i}": 4 for i in range(1, 10)}


def post(client, body):
    return client.post(URL, body, content_type="application/json")


def test_a_reason_for_a_low_score_is_stored_masked(client, service):
    OfficerFactory(name="Budi Santoso", unit=service.unit)
    res = post(
        client,
        {
            "service": "KTP-EL",
            "answers": {**ALL_FOUR, "U3": 1, "U7": 2},
            "reasons": {
                "U3": "Antre tiga jam, hubungi 081234567890",
                "U7": "Petugas Budi Santoso membentak",
            },
        },
    )
    assert res.status_code == 201, res.content
    stored = Response.objects.get()
    assert set(stored.reasons) == {"U3", "U7"}
    assert "081234567890" not in stored.reasons["U3"] and "Antre tiga jam" in stored.reasons["U3"]
    assert "Budi" not in stored.reasons["U7"]


@pytest.mark.parametrize(
    "reasons, message_part",
    [
        ({"U1": "Kurang jelas"}, "1 atau 2"),  # U1 answered 4
        ({"U10": "?"}, "tidak dikenal"),
        ({"U3": "x" * 301}, "300"),
        ({"U3": 5}, "teks"),
        (["U3"], "objek"),
    ],
)
def test_a_reason_that_does_not_belong_is_a_400_and_nothing_is_stored(
    client, service, reasons, message_part
):
    res = post(client, {"service": "KTP-EL", "answers": {**ALL_FOUR, "U3": 2}, "reasons": reasons})
    assert res.status_code == 400
    assert message_part in str(res.json()["reasons"])
    assert not Response.objects.exists()


def test_a_blank_reason_is_no_reason(client, service):
    res = post(
        client, {"service": "KTP-EL", "answers": {**ALL_FOUR, "U3": 2}, "reasons": {"U3": "  "}}
    )
    assert res.status_code == 201
    assert Response.objects.get().reasons == {}


def test_the_schema_documents_reasons(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    body = schema["components"]["schemas"]["FeedbackRequest"]["properties"]["reasons"]
    assert body["properties"]["U1"]["maxLength"] == 300
    assert body["additionalProperties"] is False


def form_data(**overrides):
    data = {f"u{i}": "4" for i in range(1, 10)}
    data.update({"served_on": "2026-01-05", "started": signed_start()})
    data.update(overrides)
    return data


@pytest.mark.usefixtures("no_fill_delay")
def test_the_web_form_asks_what_was_lacking_beside_each_element(client, service):
    soup = BeautifulSoup(client.get("/nilai/KTP-EL/").content, "html.parser")
    u3 = soup.find("fieldset", id="id_u3")
    reason = u3.find("textarea", attrs={"name": "reason_u3"})
    assert reason is not None
    assert "Apa yang kurang?" in u3.find("label", attrs={"for": reason["id"]}).get_text()


@pytest.mark.usefixtures("no_fill_delay")
def test_the_web_form_stores_reasons_beside_1_or_2_and_ignores_the_others(client, service):
    res = client.post(
        "/nilai/KTP-EL/",
        form_data(u3="1", reason_u3="Terlalu lama", reason_u5="Diketik lalu dinilai 4"),
    )
    assert res.status_code == 302
    assert Response.objects.get().reasons == {"U3": "Terlalu lama"}


@pytest.mark.usefixtures("no_fill_delay")
def test_an_over_long_reason_in_the_form_is_shown_at_its_field(client, service):
    res = client.post("/nilai/KTP-EL/", form_data(u3="2", reason_u3="x" * 301))
    assert res.status_code == 400
    soup = BeautifulSoup(res.content, "html.parser")
    assert soup.select_one("fieldset#id_u3 .reason .field-error")
    assert "U3" in soup.select_one(".error-summary").get_text()
    assert not Response.objects.exists()
