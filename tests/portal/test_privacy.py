"""No public page, public API, sitemap or public export shows an officer's NIP, name
or any officer-level figure: crawl everything a citizen can reach and look."""

import datetime
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlparse

import pytest

from feedback.intake import parsing, receipts, storing
from feedback.models import Officer, Response, Service

pytestmark = pytest.mark.django_db
MAX_PAGES = 400


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag in ("a", "link"):
            self.hrefs.extend(v for k, v in attrs if k == "href" and v)


@pytest.fixture
def rated(demo):
    """Verified responses with comments about officers, approved by a moderator."""
    officers = list(Officer.objects.select_related("unit")[:10])
    for officer in officers:
        assignment = officer.assignments.select_related("service_point").first()
        point = assignment.service_point
        service = point.services.first()
        for _ in range(12):
            receipt = receipts.receipt_issue(service=service, service_point=point, officer=officer)
            sub = parsing.parse_submission(
                {
                    "service": service.code,
                    "answers": {f"U{n}": 3 for n in range(1, 10)},
                    "receipt": receipt.code,
                    "served_on": datetime.date(2026, 8, 5),
                    "comment": f"Petugas {officer.name} sangat membantu.",
                },
                today=datetime.date(2026, 11, 22),
            )
            storing.response_submit(sub, channel="qr")
    Response.objects.update(comment_status="approved")
    return officers


def crawl(client, on_page=None):
    """{url: body} of every page reachable from / and the sitemap; ``on_page(url,
    response)`` sees each answer as it comes (one visit per page)."""
    seen, queue, bodies = set(), ["/", "/sitemap.xml"], {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        res = client.get(url)
        if res.status_code != 200:
            continue
        if on_page:
            on_page(url, res)
        # Static files come streamed (WhiteNoise) once collectstatic has run here.
        raw = b"".join(res.streaming_content) if res.streaming else res.content
        body = raw.decode("utf-8", errors="replace")
        bodies[url] = body
        if "html" not in res.get("Content-Type", "") and "xml" not in res.get("Content-Type", ""):
            continue
        parser = Links()
        parser.feed(body)
        hrefs = parser.hrefs + re.findall(r"<loc>([^<]+)</loc>", body)
        for href in hrefs:
            target = urlparse(urljoin("http://testserver" + url, href))
            if target.netloc not in ("", "testserver") or target.path.startswith("/admin"):
                continue
            queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return bodies


def api_urls():
    urls = [
        "/api/v1/units/",
        "/api/v1/services/",
        "/api/v1/ikm/?period=2026-Q3",
        "/api/v1/ikm/table/?period=2026-Q3&format=csv",
        "/api/v1/ikm/table/?period=2026-Q3&level=unit",
        "/api/schema/",
    ]
    for officer in Officer.objects.all()[:10]:
        urls.append(f"/api/v1/search/?q={officer.name.split(',')[0].split()[0]}")
        urls.append(f"/cari/?q={officer.nip}")
    for code in Service.objects.values_list("code", flat=True):
        urls.append(f"/api/v1/ikm/?service={code}&period=2026-Q3")
        urls.append(f"/api/v1/services/{code}/")
    return urls


def test_no_public_page_or_api_shows_officer_data(client, rated):
    bodies = crawl(client)
    assert len(bodies) > 40  # home, units, services, rating forms, posters, results...
    assert any("/nilai/" in url for url in bodies)
    for url in api_urls():
        res = client.get(url)
        assert res.status_code == 200, url
        body = res.content.decode()
        if "q=" in url:  # a search page echoes what was typed; only its results count
            body = body.replace(unquote(url.split("q=", 1)[1]), "")
        bodies[url] = body

    officers = list(Officer.objects.all())
    for url, body in bodies.items():
        for officer in officers:
            assert officer.nip not in body, f"NIP of {officer.name} on {url}"
            assert officer.name not in body, f"{officer.name} named on {url}"


def test_the_hr_api_is_not_reachable_anonymously(client, rated):
    assert client.get("/api/v1/hr/indicators/?period=2026").status_code == 401
