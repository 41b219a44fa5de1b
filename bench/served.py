"""What the benches that measure public pages through the production server share
(bench/page_bench.py, bench/ikm_bench.py) beside bench/ingest_bench.py's helpers
(prepare, served_run, server_env, start_server, stop_server): the pages asked
for, one GET timed, and the static file a page is compared with.
"""

import datetime
import time
from pathlib import Path


def current_quarter() -> str:
    """The quarter of today ("2026-Q4"): the period the benches' pages show, and the
    one a submission of today changes."""
    today = datetime.date.today()
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


def public_pages():
    """({name: URL} of a unit page (Dinas Kesehatan, with sub-units), one of its service
    pages and ``/api/v1/ikm/``, all for the current quarter; the code of that page's
    service)."""
    from content.models import ServicePage, UnitPage

    unit_page = UnitPage.objects.get(unit__code="DINKES")
    service_page = ServicePage.objects.live().descendant_of(unit_page).first()
    quarter = current_quarter()
    urls = {
        "unit page": f"{unit_page.url}?periode={quarter}",
        "service page": f"{service_page.url}?periode={quarter}",
        "/api/v1/ikm/": f"/api/v1/ikm/?period={quarter}",
    }
    return urls, service_page.service.code


def fetch(conn, url):
    """(status, X-Portal-Cache, body length, seconds) of one GET."""
    start = time.perf_counter()
    conn.request("GET", url)
    res = conn.getresponse()
    body = res.read()
    return res.status, res.getheader("X-Portal-Cache"), len(body), time.perf_counter() - start


def closest_static_file(static_root: Path, size: int) -> tuple[str, int]:
    """The file under STATIC_ROOT (no precompressed copy) whose size is nearest ``size``."""
    best = None
    for path in static_root.rglob("*"):
        if path.is_file() and path.suffix not in (".gz", ".br"):
            candidate = (abs(path.stat().st_size - size), str(path.relative_to(static_root)))
            best = min(best or candidate, candidate)
    name = best[1]
    return name, (static_root / name).stat().st_size
