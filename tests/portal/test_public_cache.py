"""Pages a proxy can cache, and the server-side cache of pages and open data.

An anonymous visitor gets no cookie and no ``Vary: Cookie`` on any public page, so a
reverse proxy or CDN may keep them; only pages with a POST form set the CSRF cookie.
The server keeps published pages and open data in its cache and refreshes exactly
what a submission or a publish changes (core.public_cache).

Refreshing happens when a transaction commits: these tests run in one that never
does, so they commit through ``django_capture_on_commit_callbacks(execute=True)``.
"""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from content.models import (
    HomePage,
    ResultsPage,
    ServicePage,
    StandardPage,
    SurveyReportPage,
    UnitPage,
)
from core.public_cache import CACHE_HEADER
from feedback.intake.forms import signed_start
from feedback.models import Service, Unit
from feedback.rules.periods import Period
from tests.portal.test_privacy import crawl

pytestmark = pytest.mark.django_db

# Pages that carry a POST form, and so a CSRF cookie.
FORM_PREFIXES = ("/nilai/", "/en/nilai/", "/kiosk/", "/en/kiosk/")


@pytest.fixture(autouse=True)
def _fast_form(settings):
    settings.FEEDBACK_MIN_FILL_SECONDS = 0


@pytest.fixture
def public_cache(settings):
    settings.PUBLIC_CACHE_ENABLED = True


@pytest.fixture
def demo(demo):
    """The demo Pemda with its results page and a survey report (the demo adds them
    with its responses, which these tests leave out)."""
    from portal.demo import loader

    loader._results_pages()
    return demo


def public_urls():
    """One of every public page type, both languages, and the open data."""
    pages = [
        cls.objects.live().first()
        for cls in (HomePage, UnitPage, ServicePage, ResultsPage, SurveyReportPage, StandardPage)
    ]
    urls = [page.url for page in pages] + [f"/en{page.url}" for page in pages]
    unit, service = Unit.objects.filter(parent__isnull=False).first(), Service.objects.first()
    return urls + [
        "/cari/?q=akta",
        "/en/cari/?q=akta",
        "/api/v1/ikm/",
        f"/api/v1/ikm/?unit={unit.code}",
        f"/api/v1/ikm/?service={service.code}",
        "/api/v1/ikm/table/",
        "/api/v1/ikm/table/?level=unit&format=csv",
        "/api/v1/units/",
        "/api/v1/services/",
        f"/api/v1/services/{service.code}/",
        "/api/v1/search/?q=akta",
        "/sitemap.xml",
    ]


def assert_no_cookie(res, url):
    assert res.status_code == 200, url
    assert not res.cookies, (url, list(res.cookies))
    assert "cookie" not in res.get("Vary", "").lower(), (url, res.get("Vary"))


# No cookie for an anonymous visitor


@pytest.mark.parametrize("cached", [False, True], ids=["cache-off", "cache-on"])
def test_public_pages_and_open_data_set_no_cookie(client, demo, settings, cached):
    settings.PUBLIC_CACHE_ENABLED = cached
    for url in public_urls():
        assert_no_cookie(client.get(url), url)
        assert_no_cookie(client.get(url), url)  # and on a hit


def test_no_page_reachable_from_home_sets_a_cookie_unless_it_has_a_form(demo):
    def no_cookie_unless_a_form(url, res):
        if not url.startswith(FORM_PREFIXES):
            assert_no_cookie(res, url)

    # Follows every link from / and the sitemap, each page looked at as it is fetched.
    bodies = crawl(Client(), on_page=no_cookie_unless_a_form)
    assert len(bodies) > 40


def test_the_survey_form_sets_the_csrf_cookie_and_still_works(demo):
    client = Client(enforce_csrf_checks=True)
    service = Service.objects.filter(page__live=True).first()
    form = client.get(f"/nilai/{service.code}/")
    assert "csrftoken" in form.cookies
    assert "cookie" in form["Vary"].lower()
    assert "public" not in form.get("Cache-Control", "")
    data = {f"u{i}": "4" for i in range(1, 10)} | {
        "served_on": timezone.localdate().isoformat(),
        "started": signed_start(),
        "csrfmiddlewaretoken": form.cookies["csrftoken"].value,
    }
    assert client.post(f"/nilai/{service.code}/", data).status_code == 302
    # Without the token the form is refused, as before.
    assert Client(enforce_csrf_checks=True).post(f"/nilai/{service.code}/", data).status_code == 403


def test_an_editor_still_sees_the_userbar(client, demo, demo_user):
    url = ServicePage.objects.live().first().url
    assert "wagtail-userbar" not in client.get(url).content.decode()
    client.force_login(demo_user("editor"))
    assert "wagtail-userbar" in client.get(url).content.decode()


# The server-side cache


def test_a_second_request_is_answered_from_the_cache_without_a_query(
    client, demo, public_cache, django_assert_num_queries
):
    for url in public_urls():
        if url.startswith(("/cari/", "/en/cari/", "/api/v1/search/", "/sitemap")):
            continue  # search and the sitemap are not kept
        first = client.get(url)
        assert first[CACHE_HEADER] == "miss", url
        assert first["Cache-Control"] == "public, max-age=60", url
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second[CACHE_HEADER] == "hit", url
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]
        assert second["Cache-Control"] == "public, max-age=60"


def test_the_max_age_is_a_setting(client, demo, public_cache, settings):
    settings.PUBLIC_CACHE_MAX_AGE = 17
    assert client.get("/api/v1/ikm/")["Cache-Control"] == "public, max-age=17"


def test_english_and_indonesian_pages_are_kept_apart(client, demo, public_cache):
    url = UnitPage.objects.live().first().url
    for _ in range(2):
        indonesian = client.get(url).content.decode()
        english = client.get(f"/en{url}").content.decode()
        assert '<html lang="id">' in indonesian and '<html lang="en">' in english


def test_logged_in_users_get_their_own_pages_never_the_cache(client, demo, public_cache, demo_user):
    url = ServicePage.objects.live().first().url
    client.force_login(demo_user("editor"))
    for _ in range(2):
        res = client.get(url)
        assert CACHE_HEADER not in res
        assert "private" in res["Cache-Control"] and "public" not in res["Cache-Control"]
        assert "wagtail-userbar" in res.content.decode()
    # ... and nothing they saw was kept for others.
    anonymous = Client().get(url)
    assert anonymous[CACHE_HEADER] == "miss"
    assert "wagtail-userbar" not in anonymous.content.decode()


def test_api_clients_with_a_token_and_forms_are_never_cached(client, demo, public_cache):
    res = client.get("/api/v1/services/", HTTP_AUTHORIZATION="Bearer nothing-valid")
    assert CACHE_HEADER not in res
    service = Service.objects.first()
    assert CACHE_HEADER not in client.get(f"/nilai/{service.code}/")
    assert CACHE_HEADER not in client.get(f"/nilai/{service.code}/")


def test_a_preview_shows_the_draft_not_the_cached_live_page(client, demo, public_cache):
    page = StandardPage.objects.live().first()
    assert client.get(page.url)[CACHE_HEADER] == "miss"
    assert client.get(page.url)[CACHE_HEADER] == "hit"
    page.title = "Judul rancangan yang belum terbit"
    preview = page.make_preview_request()  # the request Wagtail builds, without a session
    assert "Judul rancangan yang belum terbit" in preview.content.decode()
    assert "Judul rancangan" not in client.get(page.url).content.decode()


def test_open_data_is_served_when_the_cache_is_down(client, demo, public_cache, settings):
    import socket

    with socket.socket() as probe:  # a local port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }
    # (Wagtail keeps its site root paths in the cache too: pages need it up.)
    for url in ("/api/v1/ikm/", "/api/v1/ikm/table/"):
        res = client.get(url)
        assert res.status_code == 200
        assert CACHE_HEADER not in res and "public" not in res.get("Cache-Control", "")


def test_the_hr_api_is_never_stored(client, demo):
    res = client.get("/api/v1/hr/indicators/?period=2026-Q3")
    assert res.status_code == 401
    assert res["Cache-Control"] == "private, no-store"


def _rate(client, service, django_capture_on_commit_callbacks, u1="4"):
    data = {f"u{i}": "4" for i in range(1, 10)} | {
        "u1": u1,
        "served_on": timezone.localdate().isoformat(),
        "started": signed_start(),
    }
    with django_capture_on_commit_callbacks(execute=True):
        res = client.post(f"/nilai/{service.code}/", data)
    assert res.status_code == 302


def test_a_submission_refreshes_its_service_units_and_pemda_at_once(
    client, demo, public_cache, django_capture_on_commit_callbacks
):
    period = Period.quarter_of(timezone.localdate())
    unit_page = UnitPage.objects.live().filter(unit__children__isnull=False).first()
    parent = unit_page.unit
    sub_unit = parent.children.filter(services__isnull=False).first()
    service = sub_unit.services.first()
    other = Service.objects.exclude(unit__in=[parent, sub_unit]).first()
    page_url = f"{unit_page.url}?periode={period}"
    api = {
        "service": f"/api/v1/ikm/?service={service.code}&period={period}",
        "sub_unit": f"/api/v1/ikm/?unit={sub_unit.code}&period={period}",
        "unit": f"/api/v1/ikm/?unit={parent.code}&period={period}",
        "pemda": f"/api/v1/ikm/?period={period}",
    }
    unrelated = f"/api/v1/ikm/?service={other.code}&period={period}"

    def respondents():
        return {name: client.get(url).json()["respondents"] for name, url in api.items()}

    _rate(client, service, django_capture_on_commit_callbacks)
    assert respondents() == dict.fromkeys(api, 1)
    assert "(1 dari minimal" in client.get(page_url).content.decode()
    assert client.get(unrelated)[CACHE_HEADER] == "miss"
    assert client.get(page_url)[CACHE_HEADER] == "hit"

    _rate(client, service, django_capture_on_commit_callbacks, u1="3")

    assert respondents() == dict.fromkeys(api, 2)
    assert "(2 dari minimal" in client.get(page_url).content.decode()
    # Figures the submission did not touch stay in the cache.
    assert client.get(unrelated)[CACHE_HEADER] == "hit"


def test_a_recompute_refreshes_every_figure(
    client, demo, public_cache, django_capture_on_commit_callbacks
):
    import uuid

    from feedback.models import Response
    from feedback.results import rollups

    period = Period.quarter_of(timezone.localdate())
    service = Service.objects.first()
    url = f"/api/v1/ikm/?service={service.code}&period={period}"
    _rate(client, service, django_capture_on_commit_callbacks)
    assert client.get(url).json()["respondents"] == 1
    # A response restored from a backup, behind the rollups' back: a repair is due.
    restored = Response.objects.get()
    restored.pk, restored.public_id, restored.fingerprint = None, uuid.uuid4(), ""
    restored.save()
    assert client.get(url).json()["respondents"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        rollups.rebuild()
    res = client.get(url)
    assert res[CACHE_HEADER] == "miss" and res.json()["respondents"] == 2


def test_an_import_refreshes_the_figures(
    client, demo, public_cache, django_capture_on_commit_callbacks
):
    from feedback.imports.responses import import_file

    service = Service.objects.first()
    day = timezone.localdate() - datetime.timedelta(days=1)
    url = f"/api/v1/ikm/?service={service.code}&period={Period.quarter_of(day)}"
    assert client.get(url).json()["respondents"] == 0
    rows = "".join(f"{service.code},{day},3,3,3,3,3,3,3,3,3\n" for _ in range(3))
    with django_capture_on_commit_callbacks(execute=True):
        import_file(
            f"service,date,{','.join(f'U{i}' for i in range(1, 10))}\n{rows}".encode(),
            filename="kertas.csv",
        )
    assert client.get(url).json()["respondents"] == 3


def test_a_past_report_table_refreshes_the_figures(
    client, demo, public_cache, django_capture_on_commit_callbacks
):
    from feedback.imports.report_tables import import_file
    from tests.feedback.test_history import COUNT_HEADER, counts_row

    service = Service.objects.first()
    url = f"/api/v1/ikm/?service={service.code}&period=2024-Q1"
    assert client.get(url).json()["respondents"] == 0
    with django_capture_on_commit_callbacks(execute=True):
        import_file(
            (COUNT_HEADER + counts_row(service.code, "2024-Q1", 20, {})).encode(),
            filename="laporan-2024-q1.csv",
        )
    result = client.get(url).json()
    assert (result["respondents"], result["source"]) == (20, "laporan")


def test_publishing_a_page_shows_the_new_content_at_once(
    client, demo, public_cache, django_capture_on_commit_callbacks
):
    page = StandardPage.objects.live().first()
    assert client.get(page.url)[CACHE_HEADER] == "miss"
    assert client.get(page.url)[CACHE_HEADER] == "hit"
    page.title = "Judul yang baru diterbitkan"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    res = client.get(page.url)
    assert res[CACHE_HEADER] == "miss"
    assert "Judul yang baru diterbitkan" in res.content.decode()
    # The home page lists it too.
    assert "Judul yang baru diterbitkan" in client.get("/").content.decode()


def test_unpublishing_a_page_removes_it_at_once(
    client, demo, public_cache, django_capture_on_commit_callbacks
):
    page = ServicePage.objects.live().first()
    assert client.get(page.url).status_code == 200
    assert page.url in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert client.get(page.url).status_code == 404
    assert f'href="{page.url}"' not in client.get("/").content.decode()


def test_a_renamed_service_is_renamed_in_the_open_data_at_once(
    client, demo, public_cache, django_capture_on_commit_callbacks
):
    service = Service.objects.first()
    assert client.get("/api/v1/services/")[CACHE_HEADER] == "miss"
    service.name = "Layanan Berganti Nama"
    with django_capture_on_commit_callbacks(execute=True):
        service.save()
    assert "Layanan Berganti Nama" in client.get("/api/v1/services/").content.decode()
