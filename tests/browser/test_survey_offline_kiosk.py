"""The kiosk keeps working when the network drops (real headless Chromium: Debian's
/usr/bin/chromium driven by Playwright; no browser is downloaded).

Named to run after test_survey_form.py: live-server tests flush the database when
they end, and that module's first test needs the home page the migrations create."""

import datetime

import pytest
from django.core.signals import request_started
from django.utils import timezone

from feedback.models import Channel, Kiosk, Response, ServiceMonth
from tests.factories import ServiceFactory, ServicePointFactory

TABLET = {"width": 800, "height": 1280}


@pytest.fixture
def browser_context(chromium):
    return chromium.new_context(viewport=TABLET, has_touch=True, service_workers="allow")


def rate(page, answers, comment=""):
    """A citizen answers the nine questions on the kiosk, one screen each."""
    for n, value in enumerate(answers, start=1):
        page.get_by_text(f"Pertanyaan {n} dari 9").wait_for()
        page.locator(f".kiosk-choice-{value}").click()
    page.get_by_label("Saran atau komentar").fill(comment)
    page.get_by_role("button", name="Kirim penilaian").click()
    page.get_by_role("heading", name="Terima kasih!").wait_for()


def kiosk_page(live_server, browser_context, service, point_code):
    """An activated kiosk at a new loket offering ``service``, and a page of the
    tablet carrying its device key."""
    point = ServicePointFactory(code=point_code, unit=service.unit)
    point.services.add(service)
    kiosk = Kiosk(name=f"Tablet {point_code}", service_point=point)
    device_key = kiosk.set_new_key()
    kiosk.save()
    browser_context.add_cookies(
        [{"name": "kiosk_key", "value": device_key, "url": live_server.url}]
    )
    return kiosk, browser_context.new_page()


@pytest.mark.django_db(transaction=True)
def test_the_kiosk_keeps_answers_offline_and_sends_each_once_when_back_online(
    live_server, browser_context
):
    service = ServiceFactory(code="KTP-EL", name="Penerbitan KTP Elektronik")
    kiosk, page = kiosk_page(live_server, browser_context, service, "DUK-L1")

    page.goto(live_server.url + "/kiosk/")
    assert page.url.endswith("/kiosk/KTP-EL/")
    page.wait_for_selector("html[data-offline-ready='1']", state="attached")

    reached_server = []

    def count(sender, environ, **kwargs):
        reached_server.append(environ.get("PATH_INFO"))

    browser_context.set_offline(True)
    request_started.connect(count)
    rate(page, [4, 4, 3, 4, 4, 4, 4, 3, 4], "Cepat sekali.")
    # The thank-you screen returns to the start by itself, from the cache.
    page.goto(live_server.url + "/kiosk/")
    rate(page, [2] * 9)
    page.reload()  # still offline: the screens come from the device
    page.goto(live_server.url + "/kiosk/KTP-EL/")
    rate(page, [3] * 9)
    page.goto(live_server.url + "/kiosk/")
    page.wait_for_selector("body[data-queued='3']", state="attached")
    badge = page.locator("#kiosk-queue")
    assert badge.inner_text() == "Menunggu dikirim: 3"
    request_started.disconnect(count)
    # Every screen came from the device. Chromium's offline emulation does not
    # always hold back a POST that a page under a service worker sends straight to
    # the network; one that slips through may be stored, and its idempotency key
    # keeps the sync below from counting it again (the totals after it are exact).
    slipped = reached_server.count("/kiosk/kirim/")
    assert [path for path in reached_server if path != "/kiosk/kirim/"] == []
    assert Response.objects.count() <= slipped
    queued = page.evaluate("window.kioskQueue.all()")
    today = timezone.localdate()
    assert [item["body"]["served_on"] for item in queued] == [today.isoformat()] * 3

    browser_context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.wait_for_selector("body[data-queued='0']", state="attached", timeout=20_000)
    assert badge.is_hidden()
    stored = list(Response.objects.order_by("submitted_at"))
    assert len(stored) == 3
    assert [r.u1 for r in stored] == [4, 2, 3]
    assert {r.served_on for r in stored} == {today}
    assert {(r.channel, r.kiosk_id) for r in stored} == {(Channel.KIOSK, kiosk.pk)}
    assert stored[0].comment == "Cepat sekali."
    assert ServiceMonth.objects.get(service=service).respondents == 3

    # The same queue sent again (a sync interrupted before it heard back) stores nothing.
    page.evaluate("items => Promise.all(items.map(i => window.kioskQueue.put(i)))", queued)
    page.evaluate("window.kioskQueue.sync()")
    page.wait_for_selector("body[data-queued='0']", state="attached", timeout=20_000)
    assert Response.objects.count() == 3
    assert ServiceMonth.objects.get(service=service).respondents == 3


@pytest.mark.django_db(transaction=True)
def test_a_queued_response_keeps_the_day_it_was_given(live_server, browser_context):
    service = ServiceFactory(code="AKTA")
    _kiosk, page = kiosk_page(live_server, browser_context, service, "DUK-L2")
    page.goto(live_server.url + "/kiosk/")
    page.wait_for_selector("html[data-offline-ready='1']", state="attached")
    # A response queued two days ago, sent only now.
    served = timezone.localdate() - datetime.timedelta(days=2)
    item = {
        "key": "3f1f8a0e-0000-4000-8000-00000000abcd",
        "servedAt": f"{served.isoformat()}T09:15:00.000Z",
        "body": {
            "service": "AKTA",
            "answers": {f"U{i}": 3 for i in range(1, 10)},
            "comment": "",
            "served_on": served.isoformat(),
        },
    }
    page.evaluate("item => window.kioskQueue.put(item)", item)
    page.evaluate("window.kioskQueue.sync()")
    page.wait_for_selector("body[data-queued='0']", state="attached", timeout=20_000)
    assert Response.objects.get().served_on == served
