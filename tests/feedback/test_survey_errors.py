"""A citizen who makes mistakes in the survey, or is rate limited, is told everything
at once, in a way a screen reader announces, and keeps what they entered."""

import datetime

import pytest
from bs4 import BeautifulSoup

from feedback.intake.parsing import SERVED_ON_MAX_AGE_DAYS
from feedback.intake.receipts import receipt_issue
from feedback.models import Response
from tests.factories import OfficerFactory
from tests.feedback.test_web_form import form_data

# ``service``: tests/feedback/conftest.py
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_fill_delay")]


def test_every_mistake_is_reported_in_one_round_with_descriptions_that_exist(client, service):
    too_old = datetime.date.today() - datetime.timedelta(days=SERVED_ON_MAX_AGE_DAYS + 5)
    data = form_data(served_on=too_old.isoformat(), age="7", comment="x" * 2001, receipt="NOPE")
    del data["u4"]
    res = client.post("/nilai/KTP-EL/", data)
    assert res.status_code == 400
    soup = BeautifulSoup(res.content, "html.parser")
    summary = soup.select_one(".error-summary").get_text(" ")
    # The date window is reported with the others, not after they are fixed.
    for field in ("U4", "Tanggal Anda dilayani", "Usia", "Saran atau komentar", "Kode tanda"):
        assert field in summary, field
    # Every aria-describedby names an element of the page.
    described = soup.select("[aria-describedby]")
    assert {el["name"] for el in described} >= {"served_on", "age", "comment", "receipt", "u4"}
    for element in described:
        for ref in element["aria-describedby"].split():
            assert soup.find(id=ref), f"{element['name']} points at missing #{ref}"
    # Focus goes to the summary; the title says there is a mistake.
    assert soup.select_one(".error-summary").has_attr("autofocus")
    assert soup.title.get_text().startswith("Ada kesalahan")
    assert Response.objects.count() == 0


def test_a_rate_limited_citizen_keeps_their_answers(client, service, settings):
    settings.FEEDBACK_RATE_ACCEPTED = "1/10m"
    receipt_issue(service=service, officer=OfficerFactory())  # this service has receipts
    client.post("/nilai/KTP-EL/", form_data())
    res = client.post(
        "/nilai/KTP-EL/", form_data(u1="2", u7="1", age="33", comment="Antrean panjang.")
    )
    assert res.status_code == 429 and int(res["Retry-After"]) > 0
    soup = BeautifulSoup(res.content, "html.parser")
    notice = soup.select_one(".rate-limit")
    assert notice.has_attr("autofocus") and notice["role"] == "alert"
    text = notice.get_text(" ")
    assert "menit" in text and "pukul" in text
    assert "tanda terima" in text  # the way round a shared address
    # What was entered is still there, ready to send again.
    assert soup.select_one("input[name=u1][value='2']").has_attr("checked")
    assert soup.select_one("input[name=u7][value='1']").has_attr("checked")
    assert soup.select_one("input[name=age]")["value"] == "33"
    assert soup.select_one("textarea[name=comment]").get_text().strip() == "Antrean panjang."
    assert soup.title.get_text().startswith("Mohon tunggu")
    assert Response.objects.count() == 1
