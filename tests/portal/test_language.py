"""Interface language: the URL says it. Indonesian unprefixed, English under /en/;
the browser's Accept-Language and any cookie change nothing.

The English catalogue (locale/en/LC_MESSAGES/django.po and its compiled .mo) is
committed, so these tests also guard that it is complete and in step.
"""

import gettext
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from feedback.intake.forms import signed_start
from tests.factories import ServiceFactory, home_page, service_page

pytestmark = pytest.mark.django_db

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
BROWSER_IN_ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}
# %(name)s / %(n)d as gettext stores them, a literal %% and any {{ var }} left over.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfir]|%%|\{\{\s*[\w.]+\s*\}\}")


@pytest.fixture
def ktp_page():
    return service_page(ServiceFactory(code="KTP-EL", name="Penerbitan KTP Elektronik"))


def html_of(client, url, **headers):
    res = client.get(url, **headers)
    assert res.status_code == 200, url
    return res.content.decode()


def html_in(language, client, url, **headers):
    """The page's HTML; the page must say it is in ``language`` (header and <html lang>)."""
    res = client.get(url, **headers)
    html = res.content.decode()
    assert res.headers["Content-Language"] == language
    assert f'<html lang="{language}">' in html
    return html


def soup_of(client, url, **headers):
    return BeautifulSoup(html_of(client, url, **headers), "html.parser")


# Unprefixed: Indonesian, whatever the browser asks for or a cookie says


def test_the_service_page_is_in_indonesian_even_for_an_english_browser(client, ktp_page):
    html = html_of(client, ktp_page.url, **BROWSER_IN_ENGLISH)
    assert '<html lang="id">' in html
    assert "Nilai layanan ini" in html
    assert "Persyaratan" in html
    assert "Rate this service" not in html


def test_the_rating_form_is_in_indonesian_even_for_an_english_browser(client, ktp_page):
    html = html_in("id", client, "/nilai/KTP-EL/", **BROWSER_IN_ENGLISH)
    assert "Survei Kepuasan Masyarakat" in html
    assert "Kirim penilaian" in html
    assert "Send rating" not in html


def test_an_old_language_cookie_changes_nothing(client, ktp_page):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = html_of(client, ktp_page.url, **BROWSER_IN_ENGLISH)
    assert '<html lang="id">' in html
    assert "Nilai layanan ini" in html


# Under /en/: English


def test_the_service_page_is_in_english_under_en(client, ktp_page):
    assert ktp_page.url.startswith("/") and not ktp_page.url.startswith("/en/")
    html = html_in("en", client, f"/en{ktp_page.url}")
    assert "Rate this service" in html
    assert "Requirements" in html
    assert "Service standard (service delivery)" in html
    assert "Nilai layanan ini" not in html


def test_the_rating_form_is_in_english_but_keeps_the_official_answers(client, ktp_page):
    html = html_in("en", client, "/en/nilai/KTP-EL/")
    assert "Community Satisfaction Survey" in html
    assert "Send rating" in html
    assert "Kirim penilaian" not in html
    # The survey's official Indonesian answers are shown in both languages.
    assert "Sangat sopan dan ramah" in html
    assert "Very polite and friendly" in html
    assert "Dikelola dengan baik" in html


def test_the_home_page_and_search_have_english_versions(client, ktp_page):
    assert '<html lang="en">' in html_of(client, "/en/")
    assert '<html lang="en">' in html_of(client, "/en/cari/?q=ktp")
    assert '<html lang="id">' in html_of(client, "/cari/?q=ktp")


# Links keep the language


def test_links_on_an_english_page_stay_in_english(client, ktp_page):
    soup = soup_of(client, f"/en{ktp_page.url}")
    assert soup.find("a", href="/en/nilai/KTP-EL/")  # the rating form
    assert soup.select_one("form.site-search")["action"] == "/en/cari/"
    assert soup.find("a", href="/nilai/KTP-EL/") is None


def test_the_survey_form_thanks_in_the_language_it_was_sent_in(client, ktp_page, settings):
    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    data = {f"u{i}": "4" for i in range(1, 10)}
    data.update({"served_on": "2026-01-05", "started": signed_start()})
    res = client.post("/en/nilai/KTP-EL/", data)
    assert res.status_code == 302
    assert res["Location"].startswith("/en/nilai/terima-kasih/")
    thanks = client.get(res["Location"])
    assert "Thank you for your rating" in thanks.content.decode()
    assert client.post("/nilai/KTP-EL/", data | {"u1": "3"})["Location"].startswith(
        "/nilai/terima-kasih/"
    )


def test_search_results_link_to_the_page_in_the_language_searched_in(client, ktp_page):
    from django.utils import translation

    # Published while the editor's admin is in English: indexed with its Indonesian URL.
    with translation.override("en"):
        ktp_page.save_revision().publish()
    indonesian = soup_of(client, "/cari/?q=KTP")
    assert indonesian.select_one(".search-results a, main h3 a")["href"] == ktp_page.url
    english = soup_of(client, "/en/cari/?q=KTP")
    assert english.select_one(".search-results a, main h3 a")["href"] == f"/en{ktp_page.url}"


# The switch and hreflang


def test_the_switch_links_to_the_same_page_in_the_other_language(client, ktp_page):
    soup = soup_of(client, "/nilai/KTP-EL/?loket=X1")
    switch = soup.select_one("nav.lang")
    assert switch.find("a", hreflang="en")["href"] == "/en/nilai/KTP-EL/?loket=X1"
    assert switch.find(attrs={"aria-current": "page"}).get_text(strip=True) == "Bahasa Indonesia"
    assert soup.find("form", action=re.compile("bahasa")) is None

    soup = soup_of(client, f"/en{ktp_page.url}")
    switch = soup.select_one("nav.lang")
    assert switch.find("a", hreflang="id")["href"] == ktp_page.url
    assert switch.find(attrs={"aria-current": "page"}).get_text(strip=True) == "English"


def test_every_page_names_its_alternates_with_hreflang(client, ktp_page):
    home_page()
    for path in (ktp_page.url, f"/en{ktp_page.url}", "/", "/en/", "/cari/", "/nilai/KTP-EL/"):
        soup = soup_of(client, path)
        links = {
            link["hreflang"]: link["href"]
            for link in soup.find_all("link", rel="alternate", hreflang=True)
        }
        bare = path[3:] if path.startswith("/en/") else path
        assert links == {
            "id": f"http://testserver{bare}",
            "en": f"http://testserver/en{bare}",
            "x-default": f"http://testserver{bare}",
        }, path


# What has one URL whatever the language


def test_the_api_speaks_indonesian_and_has_no_english_prefix(client):
    res = client.get("/api/v1/ikm/?period=2026-Q9", **BROWSER_IN_ENGLISH)
    assert res.status_code == 400
    assert res.headers["Content-Language"] == "id"
    assert "tidak dikenal" in res.json()["message"]
    assert client.get("/en/api/v1/ikm/").status_code == 404
    assert client.get("/en/sitemap.xml").status_code == 404


def test_the_old_language_form_is_gone(client):
    assert client.post("/bahasa/", {"language": "en", "next": "/"}).status_code == 404


# The catalogue itself


def _unquote(line: str) -> str:
    text = line[line.index('"') + 1 : line.rindex('"')]
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), text)


def read_po(path: Path) -> list[dict]:
    """Entries of a .po file: {"msgid", "msgid_plural", "msgstr": [...], "flags"}."""
    entries, entry, key = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if entry and "msgid" in entry:
                entries.append(entry)
            entry, key = None, None
            continue
        if line.startswith("#~"):  # obsolete
            continue
        entry = entry if entry is not None else {"flags": set(), "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if key.startswith("msgstr"):
                entry["msgstr"][key] += _unquote(line)
            else:
                entry[key] += _unquote(line)
        else:
            key = line.split(" ", 1)[0]
            if key.startswith("msgstr"):
                entry["msgstr"][key] = _unquote(line)
            else:
                entry[key] = _unquote(line)
    for e in entries:
        e["msgstr"] = [e["msgstr"][k] for k in sorted(e["msgstr"])]
    return [e for e in entries if e["msgid"]]  # without the header


@pytest.fixture(scope="module")
def entries():
    return read_po(CATALOGUE / "django.po")


def test_the_catalogue_has_entries_and_no_fuzzy_ones(entries):
    assert len(entries) > 400
    assert [e["msgid"] for e in entries if "fuzzy" in e["flags"]] == []


def test_every_message_has_an_english_translation(entries):
    missing = [e["msgid"] for e in entries if not all(s.strip() for s in e["msgstr"])]
    assert missing == []
    plurals = [e for e in entries if "msgid_plural" in e]
    assert plurals and all(len(e["msgstr"]) == 2 for e in plurals)


def test_every_placeholder_is_kept_in_the_translation(entries):
    lost = []
    for e in entries:
        wanted = set(PLACEHOLDER.findall(e["msgid"] + e.get("msgid_plural", "")))
        for translation in e["msgstr"]:
            if not wanted <= set(PLACEHOLDER.findall(translation)):
                lost.append((e["msgid"], translation))
    assert lost == []


def test_the_compiled_catalogue_matches_the_po_file(entries):
    """A fresh clone needs no gettext: the committed .mo must hold every translation."""
    with open(CATALOGUE / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = []
    for e in entries:
        if "msgid_plural" in e:
            for count, msgstr in zip((1, 2), e["msgstr"], strict=True):
                if compiled.ngettext(e["msgid"], e["msgid_plural"], count) != msgstr:
                    stale.append((e["msgid"], count))
        elif "msgctxt" in e:
            if compiled.pgettext(e["msgctxt"], e["msgid"]) != e["msgstr"][0]:
                stale.append(e["msgid"])
        elif compiled.gettext(e["msgid"]) != e["msgstr"][0]:
            stale.append(e["msgid"])
    assert stale == []
