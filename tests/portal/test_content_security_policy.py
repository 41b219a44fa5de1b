"""The Content-Security-Policy header: strict on the site, the kiosk and the API;
widened for the Wagtail admin only. (tests/browser/ checks the pages work under it.)"""

import pytest

from tests.factories import ServiceFactory, service_page

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: sources
        for name, *sources in (part.split() for part in header.split(";") if part.strip())
    }


def test_public_pages_allow_same_origin_scripts_and_workers_and_no_inline_script(client):
    page = service_page(ServiceFactory(code="KTP-EL"))
    for url in (page.url, "/nilai/KTP-EL/", "/kiosk/", "/cari/?q=ktp", "/api/v1/units/"):
        directives = policy(client.get(url))
        assert directives["script-src"] == ["'self'"], url
        assert directives["style-src"] == ["'self'"], url
        assert directives["worker-src"] == ["'self'"]
        assert directives["connect-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'self'"]


def test_the_admin_gets_the_inline_allowances_wagtail_needs(client, django_user_model):
    directives = policy(client.get("/admin/login/"))
    assert "'unsafe-inline'" in directives["style-src"]
    assert "'unsafe-inline'" in directives["script-src"]
    assert "'self'" in directives["script-src"]
    client.force_login(django_user_model.objects.create_superuser("a", "a@example.go.id", "x"))
    assert "'unsafe-inline'" in policy(client.get("/admin/"))["style-src"]


def test_error_pages_carry_the_policy_too(client):
    assert policy(client.get("/tidak-ada/"))["script-src"] == ["'self'"]
    assert policy(client.get("/nilai/A%00/"))["script-src"] == ["'self'"]
