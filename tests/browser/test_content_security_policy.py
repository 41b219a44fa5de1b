"""The site, the kiosk and the Wagtail admin work under the Content-Security-Policy:
real headless Chromium (Debian's /usr/bin/chromium via Playwright) loads them with
JavaScript on and reports no policy violation."""

import pytest

from feedback.models import Kiosk
from tests.factories import ServiceFactory, ServicePointFactory, service_page

# Recorded by the page itself: every violation fires this event, whatever the console says.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${where}`);
});
"""


class Visit:
    """A page with JavaScript on that remembers policy violations and console errors."""

    def __init__(self, context):
        self.page = context.new_page()
        self.page.add_init_script(RECORD_VIOLATIONS)
        self.console = []
        self.page.on(
            "console",
            lambda m: self.console.append(m.text) if "Content Security Policy" in m.text else None,
        )

    def open(self, url):
        response = self.page.goto(url, wait_until="networkidle")
        assert response.status < 400, (url, response.status)
        assert response.headers.get("content-security-policy"), url
        return response

    def violations(self):
        return self.page.evaluate("window.__csp") + self.console


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_pages_kiosk_and_admin_work_under_the_policy(
    live_server, chromium, django_user_model
):
    service = ServiceFactory(code="KTP-EL", name="Penerbitan KTP Elektronik")
    page = service_page(service)
    point = ServicePointFactory(code="DUK-L1", unit=service.unit)
    point.services.add(service)
    kiosk = Kiosk(name="Tablet", service_point=point)
    key = kiosk.set_new_key()
    kiosk.save()
    django_user_model.objects.create_superuser("admin", "admin@example.go.id", "rahasia-123")

    context = chromium.new_context()
    visit = Visit(context)

    # A public page and the rating form.
    visit.open(live_server.url + page.url)
    visit.open(live_server.url + "/nilai/KTP-EL/")
    assert visit.page.get_by_role("heading", level=1).inner_text() == "Survei Kepuasan Masyarakat"

    # The kiosk, on a device holding its key.
    context.add_cookies([{"name": "kiosk_key", "value": key, "url": live_server.url}])
    visit.open(live_server.url + "/kiosk/")
    assert "KTP" in visit.page.content()

    # The Wagtail admin: log in, the dashboard, and the page editor (its heaviest screen).
    visit.open(live_server.url + "/admin/login/")
    visit.page.locator("input[name=username]").fill("admin")
    visit.page.locator("input[name=password]").fill("rahasia-123")
    visit.page.locator("form button[type=submit]").click()
    visit.page.wait_for_load_state("networkidle")
    assert visit.page.url.rstrip("/").endswith("/admin")
    visit.open(live_server.url + f"/admin/pages/{page.pk}/edit/")
    assert visit.page.locator("form#page-edit-form").count() == 1

    assert visit.violations() == []
