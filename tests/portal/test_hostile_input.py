"""Hostile input: every case once found answering 500 now answers 4xx with a
message, in the API's JSON shape under /api/ and as the friendly page on forms,
and stores nothing. On the PostgreSQL pass of .ci/run the NUL cases are the ones
that used to fail in the database itself."""

import json

import pytest
from django.urls import get_resolver

from feedback.intake.forms import signed_start
from feedback.intake.receipts import receipt_issue
from feedback.models import Response
from tests.factories import OfficerFactory, ServiceFactory, ServicePointFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/feedback/"
ALL_FOUR = {f"U{i}": 4 for i in range(1, 10)}


@pytest.fixture
def service():
    service = ServiceFactory(code="KTP-EL")
    ServicePointFactory(code="DUK-L1", unit=service.unit).services.add(service)
    return service


def post_raw(client, raw: str | bytes):
    return client.post(URL, raw, content_type="application/json")


def assert_json_refusal(res, status=400):
    assert res.status_code == status, res.content[:300]
    assert res["Content-Type"].startswith("application/json")
    body = res.json()
    assert isinstance(body["message"], str) and body["message"]
    return body


def assert_page_refusal(res):
    assert res.status_code == 400
    assert res["Content-Type"].startswith("text/html")
    html = res.content.decode()
    assert "Permintaan tidak dapat diproses" in html
    assert "NUL" in html  # the reason, in words


# --- types: served_on once reached a date comparison as whatever JSON held ----


@pytest.mark.parametrize("served_on", [["2026-01-05"], 20260105, {"y": 2026}, True, False, 0])
def test_served_on_of_the_wrong_type_is_a_field_error(client, service, served_on):
    res = post_raw(
        client, json.dumps({"service": "KTP-EL", "answers": ALL_FOUR, "served_on": served_on})
    )
    body = assert_json_refusal(res)
    assert body["served_on"] == ["Tanggal harus berformat TTTT-BB-HH."]
    assert Response.objects.count() == 0


@pytest.mark.parametrize(
    "field, value",
    [
        ("service", ["KTP-EL"]),
        ("service_point", {"code": "DUK-L1"}),
        ("service_point", 7),
        ("receipt", ["X"]),
        ("receipt", 12345678),
        ("comment", ["teks"]),
        ("comment", False),
        ("respondent", ["L"]),
        ("respondent", {"sex": ["L"]}),
        ("respondent", {"education": {"a": 1}}),
    ],
)
def test_any_field_of_the_wrong_type_is_a_400_not_a_500(client, service, field, value):
    body = {"service": "KTP-EL", "answers": ALL_FOUR, field: value}
    res = post_raw(client, json.dumps(body))
    assert_json_refusal(res)
    assert Response.objects.count() == 0


# --- NUL bytes ------------------------------------------------------------------


@pytest.mark.parametrize("field", ["service", "service_point", "receipt", "officer_nip", "comment"])
def test_a_nul_byte_in_any_field_of_the_feedback_api_is_refused(client, service, field):
    body = {"service": "KTP-EL", "answers": ALL_FOUR, field: "A\u0000B"}
    res = post_raw(client, json.dumps(body))
    body = assert_json_refusal(res)
    assert "NUL" in body["message"]
    assert Response.objects.count() == 0


def test_a_nul_byte_in_an_answer_key_or_respondent_value_is_refused(client, service):
    res = post_raw(client, json.dumps({"service": "KTP-EL", "answers": {"U\u00001": 4}}))
    assert_json_refusal(res)
    res = post_raw(
        client,
        json.dumps(
            {"service": "KTP-EL", "answers": ALL_FOUR, "respondent": {"occupation": "\x00"}}
        ),
    )
    assert_json_refusal(res)
    assert Response.objects.count() == 0


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/units/A%00/",
        "/api/v1/services/A%00/",
        "/api/v1/ikm/?service=A%00",
        "/api/v1/ikm/?unit=A%00",
        "/api/v1/ikm/?period=2026%00",
        "/api/v1/ikm/table/?level=%00",
        "/api/v1/units/?parent=%00",
        "/api/v1/search/?q=%00",
    ],
)
def test_a_nul_byte_in_an_api_url_is_a_json_400(client, service, url):
    body = assert_json_refusal(client.get(url))
    assert "NUL" in body["message"]


@pytest.mark.parametrize(
    "url",
    ["/nilai/A%00/", "/loket/A%00/poster/", "/nilai/KTP-EL/?loket=%00", "/cari/?q=%00"],
)
def test_a_nul_byte_in_a_page_url_is_the_friendly_400_page(client, service, url):
    assert_page_refusal(client.get(url))


def test_a_nul_byte_in_the_web_forms_service_point_is_the_friendly_page(client, service):
    data = {f"u{i}": "4" for i in range(1, 10)}
    data.update({"served_on": "2026-01-05", "started": signed_start(), "service_point": "\x00"})
    assert_page_refusal(client.post("/nilai/KTP-EL/", data))
    assert Response.objects.count() == 0


def test_a_nul_byte_in_any_web_form_field_is_the_friendly_page(client, service):
    data = {f"u{i}": "4" for i in range(1, 10)}
    data.update({"served_on": "2026-01-05", "started": signed_start(), "comment": "a\x00b"})
    assert_page_refusal(client.post("/nilai/KTP-EL/", data))
    assert Response.objects.count() == 0


# --- lone surrogates and depth --------------------------------------------------


def body_with(name: str, raw_json_value: str) -> str:
    """A valid feedback body plus one member written as raw JSON text, so it can
    hold escapes and nesting that json.dumps would never produce."""
    return (
        '{"service": "KTP-EL", "answers": '
        + json.dumps(ALL_FOUR)
        + f', "{name}": {raw_json_value}}}'
    )


def test_a_lone_surrogate_in_the_comment_is_refused(client, service):
    body = assert_json_refusal(post_raw(client, body_with("comment", '"ok \\ud800 ok"')))
    assert "surrogate" in body["message"]
    assert Response.objects.count() == 0


def test_a_surrogate_pair_is_an_ordinary_character_and_is_stored(client, service):
    res = post_raw(client, body_with("comment", '"mantap \\ud83d\\udc4d"'))
    assert res.status_code == 201
    assert Response.objects.get().comment == "mantap \U0001f44d"


def test_a_hundred_thousand_nested_brackets_are_refused(client, service):
    body = assert_json_refusal(post_raw(client, "[" * 100_000))
    assert "terlalu" in body["message"]


def test_nesting_deeper_than_the_limit_is_refused_even_in_a_small_body(client, service, settings):
    raw = body_with("respondent", "[" * 2_000 + "]" * 2_000)
    body = assert_json_refusal(post_raw(client, raw))
    assert "bersarang terlalu dalam" in body["message"]
    assert str(settings.EDGE_JSON_MAX_DEPTH) in body["message"]


def test_brackets_inside_strings_do_not_count_as_nesting(client, service):
    comment = "[[[[" * 20 + '\\"{{{{' * 20
    assert post_raw(client, body_with("comment", f'"{comment}"')).status_code == 201


def test_a_body_that_is_not_json_is_a_json_400(client, service):
    assert_json_refusal(post_raw(client, b"\xff\xfe{not json"))
    assert_json_refusal(post_raw(client, "{"))


# --- unhandled errors under /api/ -----------------------------------------------


def test_an_unexpected_error_in_an_api_view_answers_the_json_error_shape(
    client, service, monkeypatch
):
    def broken(**kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr("feedback.results.selectors.ikm_for", broken)
    client.raise_request_exception = False
    res = client.get("/api/v1/ikm/?service=KTP-EL")
    body = assert_json_refusal(res, status=500)
    assert "kesalahan pada server" in body["message"]
    assert "fire" not in res.content.decode()


def test_the_500_handler_answers_json_under_api_and_a_page_elsewhere(rf):
    handler = get_resolver().resolve_error_handler(500)
    res = handler(rf.get("/api/v1/units/"))
    assert res.status_code == 500
    assert json.loads(res.content)["message"]
    res = handler(rf.get("/nilai/KTP-EL/"))
    assert res.status_code == 500
    assert res["Content-Type"].startswith("text/html")
    assert "Terjadi kesalahan" in res.content.decode()


def test_a_malformed_multipart_body_under_api_is_a_json_400(client, service):
    res = client.post(URL, b"--x\r\nbroken", content_type="multipart/form-data; boundary=x")
    assert_json_refusal(res, status=res.status_code)
    assert 400 <= res.status_code < 500


# --- no officer oracle ------------------------------------------------------------


@pytest.fixture
def officer(service):
    return OfficerFactory(unit=service.unit)


def test_the_public_api_refuses_officer_nip_alike_for_valid_and_unknown_nips(
    client, service, officer
):
    answers = []
    for nip in (officer.nip, "199001012015011001", "not-a-nip", "", None):
        res = post_raw(
            client, json.dumps({"service": "KTP-EL", "answers": ALL_FOUR, "officer_nip": nip})
        )
        assert res.status_code == 400
        answers.append(res.content)
    assert len(set(answers)) == 1  # nothing tells a valid NIP from an invalid one
    assert officer.nip not in answers[0].decode()
    assert "tanda terima" in json.loads(answers[0])["officer_nip"][0]
    assert Response.objects.count() == 0


def test_an_officer_is_still_attributed_through_a_receipt(client, service, officer):
    receipt = receipt_issue(service=service, officer=officer)
    res = post_raw(
        client, json.dumps({"service": "KTP-EL", "answers": ALL_FOUR, "receipt": receipt.code})
    )
    assert res.status_code == 201
    stored = Response.objects.get()
    assert stored.officer == officer and stored.verified
    assert officer.nip not in res.content.decode()


# --- one decoding step for every body, whatever its declared charset -------------

# The finding's payloads: a JSON escape for a NUL or a lone surrogate, plus one byte
# that is not UTF-8 (0xE9, "é" in latin-1/cp1252), so the edge's UTF-8 reading failed
# and left the body to a parser that decoded it with the declared charset.
ANSWERS_JSON = json.dumps(ALL_FOUR).encode()
CHARSET_PAYLOADS = {
    "nul": b'{"service": "KTP-EL", "answers": ' + ANSWERS_JSON + b', "comment": "a\\u0000b \xe9"}',
    "surrogate": b'{"service": "KTP-EL", "answers": '
    + ANSWERS_JSON
    + b', "comment": "a\\ud800b \xe9"}',
    "nul-in-key": b'{"service": "KTP-EL", "answers": '
    + ANSWERS_JSON
    + b', "respondent": {"occupation": "\\u0000\xe9"}}',
}


def post_bytes(client, path, raw: bytes, content_type: str, **extra):
    """POST these exact bytes (the test client's post would re-encode them with the
    declared charset)."""
    return client.generic("POST", path, raw, content_type=content_type, **extra)


@pytest.mark.parametrize("charset", ["latin-1", "cp1252", "iso-8859-1", "utf-16", "x-unknown"])
@pytest.mark.parametrize("payload", sorted(CHARSET_PAYLOADS))
def test_a_json_body_in_another_charset_is_refused_and_stores_nothing(
    client, service, charset, payload
):
    """JSON is UTF-8 (RFC 8259): a body declared in another charset is a 415 with a
    message, whatever it holds; it once reached PostgreSQL as a NUL (DataError) or a
    lone surrogate (UnicodeEncodeError), a 500."""
    res = post_bytes(client, URL, CHARSET_PAYLOADS[payload], f"application/json; charset={charset}")
    body = assert_json_refusal(res, status=415)
    assert "UTF-8" in body["message"]
    assert Response.objects.count() == 0


@pytest.mark.parametrize("payload", sorted(CHARSET_PAYLOADS))
@pytest.mark.parametrize("content_type", ["application/json", "application/json; charset=utf-8"])
def test_a_json_body_that_is_not_utf8_is_a_400(client, service, payload, content_type):
    res = post_bytes(client, URL, CHARSET_PAYLOADS[payload], content_type)
    body = assert_json_refusal(res)
    assert "UTF-8" in body["message"]
    assert Response.objects.count() == 0


def test_utf8_and_ascii_bodies_are_read_as_before(client, service):
    comment = "Pelayanan ramah \u00e9 \U0001f44d"

    def body(n):
        return json.dumps({"service": "KTP-EL", "answers": ALL_FOUR, "comment": f"{comment} {n}"})

    for n, content_type in enumerate(
        ("application/json; charset=UTF-8", "application/json; charset=utf8")
    ):
        res = post_bytes(client, URL, body(n).encode(), content_type)
        assert res.status_code == 201, res.content
    # ASCII is a subset of UTF-8: the bytes are read as UTF-8.
    res = post_bytes(client, URL, body(2).encode(), "application/json; charset=us-ascii")
    assert res.status_code == 201, res.content
    # A byte-order mark is ignored (RFC 8259 allows it).
    res = post_bytes(client, URL, b"\xef\xbb\xbf" + body(3).encode(), "application/json")
    assert res.status_code == 201, res.content
    assert Response.objects.filter(comment__startswith=comment).count() == 4


@pytest.fixture
def kiosk(service):
    from feedback.models import Kiosk, ServicePoint

    point = ServicePoint.objects.get(code="DUK-L1")
    kiosk = Kiosk(name="Tablet 1", service_point=point)
    clear = kiosk.set_new_key()
    kiosk.save()
    kiosk.clear_key = clear
    return kiosk


KIOSK_PAYLOADS = {
    "nul": b'{"service": "KTP-EL", "answers": ' + ANSWERS_JSON + b', "comment": "a\\u0000b"}',
    "surrogate": b'{"service": "KTP-EL", "answers": ' + ANSWERS_JSON + b', "comment": "\\ud800"}',
    "nul-latin1": CHARSET_PAYLOADS["nul"],
    "surrogate-latin1": CHARSET_PAYLOADS["surrogate"],
}


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "text/plain; charset=latin-1",
        "application/octet-stream",
        "application/json",
        "application/json; charset=cp1252",
    ],
)
@pytest.mark.parametrize("payload", sorted(KIOSK_PAYLOADS))
def test_the_kiosk_queue_reads_its_body_through_the_same_step(
    client, service, kiosk, content_type, payload
):
    """/kiosk/kirim/ read any body with json.loads, so text/plain or octet-stream
    carried a NUL or a lone surrogate past the edge."""
    client.cookies["kiosk_key"] = kiosk.clear_key
    res = post_bytes(
        client,
        "/kiosk/kirim/",
        KIOSK_PAYLOADS[payload],
        content_type,
        HTTP_IDEMPOTENCY_KEY="kiosk-queue-0001",
    )
    assert 400 <= res.status_code < 500 and res.status_code != 404, res.content[:300]
    assert res.json()["message"]
    assert Response.objects.count() == 0


def test_the_kiosk_queue_still_stores_a_clean_utf8_body(client, service, kiosk):
    client.cookies["kiosk_key"] = kiosk.clear_key
    raw = json.dumps({"service": "KTP-EL", "answers": ALL_FOUR, "comment": "Bagus \u00e9"})
    for content_type, key in (("application/json", "kiosk-a-0001"), ("text/plain", "kiosk-b-0001")):
        res = post_bytes(
            client, "/kiosk/kirim/", raw.encode(), content_type, HTTP_IDEMPOTENCY_KEY=key
        )
        assert res.status_code == 201, res.content
    assert Response.objects.filter(comment="Bagus \u00e9").count() == 2


# --- every answer under /api/ is JSON; methods a URL does not take are 405 ------


@pytest.mark.parametrize(
    "path", ["/api/", "/api/v1/", "/api/v1/tidak-ada/", "/api/v2/units/", "/api/v1/units/NOPE/"]
)
def test_an_unknown_api_address_is_a_json_404(client, path):
    """/api/ and /api/v1/tidak-ada/ once answered the site's HTML 404 page."""
    body = assert_json_refusal(client.get(path), status=404)
    assert body["message"]


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "TRACE"])
@pytest.mark.parametrize("path", ["/api/v1/ikm/", "/api/v1/services/", "/api/v1/feedback/"])
def test_a_method_an_api_operation_does_not_take_is_a_json_405_with_allow(client, method, path):
    res = client.generic(method, path)
    assert_json_refusal(res, status=405)
    assert method not in res["Allow"] and res["Allow"]


@pytest.mark.parametrize("path", ["/api/v1/services/", "/api/v1/ikm/", "/nilai/"])
def test_a_url_longer_than_the_limit_is_a_414_in_the_portals_shape(client, settings, path):
    res = client.get(path + "?q=" + "a" * settings.EDGE_URL_MAX_BYTES)
    if path.startswith("/api/"):
        assert_json_refusal(res, status=414)
    else:
        assert res.status_code == 414 and res["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    "url, name",
    [
        ("/api/v1/ikm/?service=", "service"),
        ("/api/v1/ikm/?unit=&period=2026", "unit"),
        ("/api/v1/ikm/?period=", "period"),
        ("/api/v1/ikm/table/?level=", "level"),
        ("/api/v1/services/?unit=", "unit"),
        ("/api/v1/services/?category=", "category"),
        ("/api/v1/units/?parent=", "parent"),
    ],
)
def test_an_empty_filter_value_is_a_400_naming_it(client, url, name):
    """?service= once answered the whole Pemda's IKM as if it were that service's."""
    body = assert_json_refusal(client.get(url))
    assert f"'{name}'" in body["message"] and "kosong" in body["message"]


def test_an_empty_search_query_is_the_searchs_empty_state_not_a_400(client):
    res = client.get("/api/v1/search/?q=")
    assert res.status_code == 200 and res.json()["count"] == 0


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize(
    "path, allowed",
    [
        ("/", "GET, HEAD"),
        ("/en/", "GET, HEAD"),
        ("/cari/", "GET, HEAD"),
        ("/nilai/", "GET, HEAD"),
        ("/nilai/KTP-EL/", "GET, HEAD, POST"),
        ("/kiosk/kirim/", "POST"),
        ("/robots.txt", "GET, HEAD"),
    ],
)
def test_writes_on_public_pages_are_405_with_allow_not_a_csrf_403(method, path, allowed):
    from django.test import Client

    res = Client(enforce_csrf_checks=True).generic(method, path)
    assert res.status_code == 405, (method, path, res.status_code)
    assert res["Allow"] == allowed


@pytest.mark.parametrize("path", ["/", "/cari/", "/cari/?q=ktp", "/nilai/KTP-EL/", "/admin/"])
def test_trace_is_405_anywhere(client, path):
    """TRACE on /cari/ once answered 200 (Wagtail serves a page to any method)."""
    res = client.generic("TRACE", path)
    assert res.status_code == 405
    assert "TRACE" not in res["Allow"]


# The tests below load the demo Pemda (once for the rest of the module), so they
# come last: the tests above make their own KTP-EL.

# --- an unknown Host header: Django's own 400, never a 500 ----------------------

HOSTILE_HOST_PATHS = [
    "/",
    "/en/",
    "/cari/?q=ktp",
    "/nilai/",
    "/hasil-survei/",
    "/tidak-ada/",
    "/admin/",
    "/sitemap.xml",
    "/robots.txt",
    "/api/v1/services/",
    "/api/v1/ikm/",
    "/api/tidak-ada/",
]


@pytest.mark.parametrize("cache_on", [True, False], ids=["public-cache", "no-cache"])
@pytest.mark.parametrize("path", HOSTILE_HOST_PATHS)
def test_an_unknown_host_is_a_400_on_every_path(demo, client, settings, path, cache_on):
    """Once a 500: the public cache's key asked for the host (DisallowedHost), then
    the 400 page asked for it again while rendering."""
    settings.PUBLIC_CACHE_ENABLED = cache_on
    client.raise_request_exception = False
    res = client.get(path, HTTP_HOST="evil.com")
    assert res.status_code == 400, (path, res.status_code)
    if path.startswith("/api/"):
        assert res.json()["message"]
    else:
        assert res["Content-Type"].startswith("text/html")
        assert "Host" in res.content.decode()


def test_an_unknown_host_posting_a_form_or_json_is_a_400(demo, client):
    client.raise_request_exception = False
    res = client.post("/nilai/KTP-EL/", {"u1": "4"}, HTTP_HOST="evil.com")
    assert res.status_code == 400
    res = client.post(URL, "{}", content_type="application/json", HTTP_HOST="evil.com")
    assert_json_refusal(res)
    assert Response.objects.count() == 0


# --- periods at and beyond the edges of the supported range ---------------------

EDGE_PERIODS = ["2000", "2000-S1", "2000-Q1", "2001-Q1", "2000-01", "2000-05", "2100-Q4", "2100"]
REFUSED_PERIODS = ["0000", "0001", "1999", "1999-Q4", "2101", "9999", "9999-12", "2026-13"]
PERIOD_PAGES = ["/hasil-survei/", "/unit/disdukcapil/", "/unit/disdukcapil/kia/", "/"]


@pytest.fixture
def results_page(demo):
    from content.models import ResultsPage
    from tests.factories import home_page, publish_child

    return publish_child(home_page(), ResultsPage(title="Hasil", slug="hasil-survei"))


@pytest.mark.parametrize("raw", EDGE_PERIODS + REFUSED_PERIODS)
def test_results_unit_and_service_pages_show_any_period_or_say_why(results_page, client, raw):
    """Once a 500: the trend of 2000-Q1 asked for 1999-Q4, which parse refuses."""
    client.raise_request_exception = False
    for path in PERIOD_PAGES:
        for prefix in ("", "/en"):
            res = client.get(f"{prefix}{path}?periode={raw}")
            assert res.status_code == 200, (prefix + path, raw, res.status_code)
            html = res.content.decode()
            if raw in REFUSED_PERIODS and path != "/":
                # The page says what was wrong and shows the default period instead.
                assert "tidak" in html.lower() or "not" in html.lower()


@pytest.mark.parametrize("raw", EDGE_PERIODS)
def test_the_api_answers_periods_at_the_edge_with_empty_figures(demo, client, raw):
    for path in ("/api/v1/ikm/", "/api/v1/ikm/?service=KTP-EL", "/api/v1/ikm/table/"):
        sep = "&" if "?" in path else "?"
        res = client.get(f"{path}{sep}period={raw}")
        assert res.status_code == 200, (path, raw, res.content[:200])
    assert client.get(f"/api/v1/ikm/?period={raw}").json()["respondents"] == 0


@pytest.mark.parametrize("raw", REFUSED_PERIODS)
def test_the_api_refuses_periods_outside_the_range_with_a_400(demo, client, raw):
    for path in ("/api/v1/ikm/", "/api/v1/ikm/table/"):
        sep = "&" if "?" in path else "?"
        res = client.get(f"{path}{sep}period={raw}")
        assert_json_refusal(res)
