"""The open-data registry API as CONTRACT.md fixes it."""

from urllib.parse import urlparse

import pytest

from feedback.models import Officer, Service, Unit
from tests.factories import ServiceFactory, draft_service_page, service_page

pytestmark = pytest.mark.django_db

PAGE_KEYS = {"count", "next", "previous", "results"}
OPENAPI_JSON = "application/vnd.oai.openapi+json"


def schema_json(client):
    """The schema as JSON, asked for by content negotiation (the default is YAML)."""
    response = client.get("/api/schema/", HTTP_ACCEPT=OPENAPI_JSON)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(OPENAPI_JSON)
    return response.json()


def get_all(client, url):
    """Every result of a paginated list, following ``next``."""
    results = []
    while url:
        body = client.get(url).json()
        assert set(body) == PAGE_KEYS
        results += body["results"]
        url = body["next"]
    return results


def test_units_list_is_paginated_with_the_contract_shape(client, demo):
    response = client.get("/api/v1/units/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == PAGE_KEYS
    assert body["count"] == Unit.objects.filter(is_active=True).count() == 10
    assert body["previous"] is None
    assert {u["code"] for u in get_all(client, "/api/v1/units/")} >= {"DISDUKCAPIL", "UPT-PKB"}


def test_every_service_names_its_unit_and_links_its_live_page(client, demo):
    results = get_all(client, "/api/v1/services/")

    assert len(results) == 25
    for item in results:
        service = Service.objects.get(code=item["code"])
        assert item["name"] == service.name
        assert item["unit"] == {"code": service.unit.code, "name": service.unit.name}
        path = urlparse(item["url"]).path
        assert path == service.page.url
        page = client.get(path)
        assert page.status_code == 200, item["code"]
        assert service.name in page.content.decode()


def test_services_filter_by_unit_code(client, demo):
    body = client.get("/api/v1/services/", {"unit": "DISDUKCAPIL"}).json()

    assert body["count"] == 6
    assert {s["unit"]["code"] for s in body["results"]} == {"DISDUKCAPIL"}
    assert "KTP-EL" in {s["code"] for s in body["results"]}


def test_an_unknown_unit_filter_gives_an_empty_list_not_an_error(client, demo):
    response = client.get("/api/v1/services/", {"unit": "TIDAK-ADA"})

    assert response.status_code == 200
    assert response.json() == {"count": 0, "next": None, "previous": None, "results": []}


def test_a_service_whose_page_is_a_draft_has_no_url(client):
    live = service_page()
    parent = live.get_parent()
    draft = draft_service_page(ServiceFactory(unit=live.service.unit), parent=parent)

    body = client.get("/api/v1/services/", {"unit": live.service.unit.code}).json()

    urls = {s["code"]: s["url"] for s in body["results"]}
    assert urls[draft.service.code] is None
    assert urlparse(urls[live.service.code]).path == live.url
    assert client.get(f"/api/v1/services/{draft.service.code}/").json()["url"] is None


def test_schema_is_an_openapi_3_document_of_the_registry_endpoints(client):
    default = client.get("/api/schema/")
    assert default.status_code == 200
    assert default.content.decode().startswith("openapi: 3")

    schema = schema_json(client)

    assert schema["openapi"].startswith("3")
    assert {"/api/v1/units/", "/api/v1/services/"} <= set(schema["paths"])


def test_schema_documents_only_the_public_api(client):
    """Open-data users read the schema: Wagtail's internal admin API is not part of it."""
    paths = schema_json(client)["paths"]

    assert [p for p in paths if not p.startswith("/api/")] == []


def test_an_unknown_service_is_a_json_404_with_a_message(client, demo):
    response = client.get("/api/v1/services/NOPE/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert isinstance(body["message"], str) and body["message"]


def test_no_public_api_response_contains_an_officer_nip(client, demo):
    nips = list(Officer.objects.values_list("nip", flat=True))
    assert len(nips) >= 50  # the demo's officers: the check below is not empty
    bodies = [
        client.get("/api/v1/units/").content.decode(),
        client.get("/api/v1/services/").content.decode(),
        client.get("/api/schema/").content.decode(),
    ]
    for model, prefix in ((Unit, "/api/v1/units/"), (Service, "/api/v1/services/")):
        for code in model.objects.values_list("code", flat=True):
            response = client.get(f"{prefix}{code}/")
            assert response.status_code == 200
            bodies.append(response.content.decode())

    leaked = {nip for nip in nips for body in bodies if nip in body}
    assert leaked == set()


def test_schema_documents_the_idempotency_key_and_its_409(client):
    post = schema_json(client)["paths"]["/api/v1/feedback/"]["post"]
    header = next(p for p in post["parameters"] if p["name"] == "Idempotency-Key")
    assert header["in"] == "header" and not header.get("required", False)
    assert "same id" in header["description"] and "409" in header["description"]
    assert "Idempotency-Key" in post["responses"]["409"]["description"]
    ikm = schema_json(client)["components"]["schemas"]["Ikm"]["properties"]
    assert "source" in ikm
