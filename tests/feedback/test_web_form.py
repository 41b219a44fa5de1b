import re

import pytest
from bs4 import BeautifulSoup

from feedback.intake.forms import signed_start
from feedback.intake.receipts import receipt_issue
from feedback.models import Channel, Response
from tests.factories import OfficerFactory, ServiceFactory, ServicePointFactory, service_page

# ``service``: tests/feedback/conftest.py
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_fill_delay")]


def form_data(**overrides):
    data = {f"u{i}": "4" for i in range(1, 10)}
    data.update({"served_on": "2026-01-05", "started": signed_start()})
    data.update(overrides)
    return data


def test_the_form_shows_nine_elements_with_official_labels_and_english(client, service):
    res = client.get("/nilai/KTP-EL/")
    assert res.status_code == 200
    soup = BeautifulSoup(res.content, "html.parser")
    fieldsets = soup.select("fieldset.element")
    assert len(fieldsets) == 9
    assert all(fs.find("legend") for fs in fieldsets)
    u7 = soup.find("fieldset", id="id_u7")
    labels = [label.get_text(" ", strip=True) for label in u7.select("label.choice")]
    assert "Sangat sopan dan ramah" in labels[3]
    assert "Very polite and friendly" in labels[3]
    # every radio has a label tied to it
    for radio in soup.select("input[type=radio]"):
        assert soup.find("label", attrs={"for": radio["id"]})


def test_a_citizen_rates_a_service_and_sees_the_thank_you_page(client, service):
    res = client.post("/nilai/KTP-EL/", form_data(u9="2", age="40", sex="L"), follow=True)
    assert res.status_code == 200
    assert "Terima kasih" in res.content.decode()
    stored = Response.objects.get()
    assert stored.channel == Channel.WEB
    assert stored.u9 == 2 and stored.age == 40


def test_the_service_page_links_to_its_rating_form(client):
    page = service_page(ServiceFactory(code="AKTA-LAHIR"))
    html = client.get(page.url).content.decode()
    assert 'href="/nilai/AKTA-LAHIR/"' in html


def test_a_missing_answer_shows_the_form_again_with_the_error_at_the_field(client, service):
    data = form_data()
    del data["u3"]
    res = client.post("/nilai/KTP-EL/", data)
    assert res.status_code == 400
    soup = BeautifulSoup(res.content, "html.parser")
    assert soup.select_one("fieldset#id_u3 .field-error").get_text(strip=True)
    assert soup.select_one(".error-summary a[href='#id_u3']")
    # the answers already given are kept
    assert soup.select_one("input[name=u1][value='4']").has_attr("checked")
    assert Response.objects.count() == 0


@pytest.mark.parametrize(
    "overrides, min_fill_seconds, told",
    [
        ({"served_on": "2999-01-01"}, 0, "masa depan"),
        ({"website": "http://spam.example"}, 0, ""),  # the honeypot: a bot, told nothing
        ({}, 30, "terlalu cepat"),
        ({"started": "1700000000:forged"}, 0, ""),
    ],
    ids=[
        "a future service date",
        "the honeypot filled",
        "sent faster than a person can read",
        "a forged start time",
    ],
)
def test_a_form_is_rejected_and_nothing_stored(
    client, service, settings, overrides, min_fill_seconds, told
):
    settings.FEEDBACK_MIN_FILL_SECONDS = min_fill_seconds
    res = client.post("/nilai/KTP-EL/", form_data(**overrides))
    assert res.status_code == 400
    assert told in res.content.decode()
    assert Response.objects.count() == 0


def test_the_form_requires_csrf(service):
    from django.test import Client

    res = Client(enforce_csrf_checks=True).post("/nilai/KTP-EL/", form_data())
    assert res.status_code == 403
    assert Response.objects.count() == 0


def test_comments_are_escaped_when_shown_back(client, service):
    res = client.post("/nilai/KTP-EL/", form_data(u1="", comment="<script>alert(1)</script>"))
    assert res.status_code == 400
    html = res.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_a_qr_link_carries_the_service_point_and_marks_the_channel(client, service):
    point = ServicePointFactory(code="DUK-L1", unit=service.unit)
    point.services.add(service)
    res = client.get("/nilai/KTP-EL/?loket=DUK-L1")
    assert 'value="DUK-L1"' in res.content.decode()
    client.post("/nilai/KTP-EL/", form_data(service_point="DUK-L1"))
    stored = Response.objects.get()
    assert stored.service_point == point
    assert stored.channel == Channel.QR


def test_a_receipt_typed_in_the_form_verifies_the_response(client, service):
    receipt = receipt_issue(service=service, officer=OfficerFactory())
    client.post("/nilai/KTP-EL/", form_data(receipt=receipt.code))
    stored = Response.objects.get()
    assert stored.verified and stored.officer == receipt.officer
    again = client.post("/nilai/KTP-EL/", form_data(receipt=receipt.code, u1="1"))
    assert again.status_code == 400
    assert "sudah dipakai" in again.content.decode()
    assert Response.objects.count() == 1


def test_rate_limited_citizens_get_a_friendly_429_page(client, service, settings):
    settings.FEEDBACK_RATE_ACCEPTED = "1/10m"
    client.post("/nilai/KTP-EL/", form_data())
    res = client.post("/nilai/KTP-EL/", form_data(u1="2"))
    assert res.status_code == 429
    assert int(res["Retry-After"]) > 0
    assert "Mohon tunggu" in res.content.decode()
    assert Response.objects.count() == 1


def test_an_unknown_service_is_404(client):
    assert client.get("/nilai/NOPE/").status_code == 404


def test_the_poster_of_a_loket_has_one_qr_code_per_service(client, service):
    other = ServiceFactory(code="KK", unit=service.unit)
    point = ServicePointFactory(code="DUK-L2", unit=service.unit)
    point.services.add(service, other)
    res = client.get("/loket/DUK-L2/poster/")
    assert res.status_code == 200
    html = res.content.decode()
    assert html.count("<svg") == 2
    assert re.search(r"/nilai/KTP-EL/\?loket=DUK-L2", html)
    assert re.search(r"/nilai/KK/\?loket=DUK-L2", html)
