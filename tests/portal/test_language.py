"""Interface language: Indonesian unless the visitor picks English with the switch.

The English catalogue (locale/en/LC_MESSAGES/django.po and its compiled .mo) is
committed, so these tests also guard that it is complete and in step.
"""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import ServiceFactory, service_page

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
    assert res.status_code == 200
    return res.content.decode()


def choose_english(client):
    res = client.post("/bahasa/", {"language": "en", "next": "/"})
    assert res.status_code == 302
    assert res.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


# Default: Indonesian, whatever the browser asks for


def test_the_service_page_is_in_indonesian_even_for_an_english_browser(client, ktp_page):
    html = html_of(client, ktp_page.url, **BROWSER_IN_ENGLISH)
    assert '<html lang="id">' in html
    assert "Nilai layanan ini" in html
    assert "Persyaratan" in html
    assert "Rate this service" not in html


def test_the_rating_form_is_in_indonesian_even_for_an_english_browser(client, ktp_page):
    res = client.get("/nilai/KTP-EL/", **BROWSER_IN_ENGLISH)
    html = res.content.decode()
    assert res.headers["Content-Language"] == "id"
    assert '<html lang="id">' in html
    assert "Survei Kepuasan Masyarakat" in html
    assert "Kirim penilaian" in html
    assert "Send rating" not in html


# After the visitor chooses English


def test_the_service_page_is_in_english_after_choosing_english(client, ktp_page):
    choose_english(client)
    html = html_of(client, ktp_page.url, **BROWSER_IN_ENGLISH)
    assert '<html lang="en">' in html
    assert "Rate this service" in html
    assert "Requirements" in html
    assert "Service standard (service delivery)" in html
    assert "Nilai layanan ini" not in html


def test_the_rating_form_is_in_english_but_keeps_the_official_answers(client, ktp_page):
    choose_english(client)
    res = client.get("/nilai/KTP-EL/")
    html = res.content.decode()
    assert res.headers["Content-Language"] == "en"
    assert '<html lang="en">' in html
    assert "Community Satisfaction Survey" in html
    assert "Send rating" in html
    assert "Kirim penilaian" not in html
    # The survey's official Indonesian answers are shown in both languages.
    assert "Sangat sopan dan ramah" in html
    assert "Very polite and friendly" in html
    assert "Dikelola dengan baik" in html


def test_choosing_indonesian_again_switches_back(client, ktp_page):
    choose_english(client)
    client.post("/bahasa/", {"language": "id", "next": "/"})
    html = html_of(client, ktp_page.url)
    assert '<html lang="id">' in html
    assert "Nilai layanan ini" in html


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
