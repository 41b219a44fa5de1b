"""Fixtures for the search suite: the engines, an Elasticsearch-compatible server, and the
fixture corpus every engine is tested on.

The Elasticsearch pass runs against the osmem-server wheel (an in-memory
OpenSearch-compatible server, started once per session on a free local port),
or against the real cluster at ELASTICSEARCH_URL when that is set.
"""

import datetime
import os
import socket
import uuid
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from django.test import TestCase, override_settings
from wagtail.models import PageViewRestriction

from content.models import ResultsPage, StandardPage, SurveyReportPage
from feedback.models import Response
from feedback.models.survey import Channel, CommentStatus
from search.engines import get_engine
from tests.conftest import rolled_back
from tests.factories import (
    AssignmentFactory,
    OfficerFactory,
    ServiceFactory,
    UnitFactory,
    draft_service_page,
    home_page,
    nip_for,
    publish_child,
    service_page,
    unit_page,
)

ENGINES = ["database", "elasticsearch"]

OFFICER_NAME = "Sutrisno Wibowokarto"
OFFICER_NIP = nip_for(777)
PENDING_COMMENT = "Petugas minta uang pelicin zebrakuda"
REJECTED_COMMENT = "Komentar kasar gorilamerah"


@pytest.fixture(scope="session")
def elasticsearch_server():
    """(url, analyzer, compat_headers) of the server the Elasticsearch pass uses."""
    url = os.environ.get("ELASTICSEARCH_URL", "")
    if url:
        yield SimpleNamespace(
            url=url,
            analyzer=os.environ.get("ELASTICSEARCH_ANALYZER", "indonesian"),
            compat_headers=os.environ.get("ELASTICSEARCH_COMPAT_HEADERS", "true").lower()
            not in ("0", "false", "no", "off"),
        )
        return
    try:
        from osmem_server import OsmemServer
    except ImportError:  # pragma: no cover - `make test` installs it
        pytest.skip(
            "osmem-server is not installed (pip install -e '.[test]') and no ELASTICSEARCH_URL"
        )
    server = OsmemServer.start(freeze=False, japanese=False, addr="127.0.0.1:0")
    try:
        # osmem has no Indonesian analysis: the standard analyzer, and plain JSON headers.
        yield SimpleNamespace(url=server.url, analyzer="standard", compat_headers=False)
    finally:
        server.close()


def elasticsearch_settings(server, index=None) -> dict:
    return {
        "SEARCH_ENGINE": "elasticsearch",
        "ELASTICSEARCH_URL": server.url,
        "ELASTICSEARCH_ANALYZER": server.analyzer,
        "ELASTICSEARCH_COMPAT_HEADERS": server.compat_headers,
        "ELASTICSEARCH_INDEX": index or f"portal-test-{uuid.uuid4().hex[:12]}",
    }


@contextmanager
def active_engine(request, name):
    """Make ``name`` the active engine (an empty index) for the duration."""
    if name == "database":
        values = {"SEARCH_ENGINE": "database"}
    else:
        values = elasticsearch_settings(request.getfixturevalue("elasticsearch_server"))
    with override_settings(**values):
        active = get_engine()
        try:
            yield active
        finally:
            if name == "elasticsearch":
                active.delete_index()


@pytest.fixture(params=ENGINES)
def engine(request, db):
    """Each engine in turn, configured as the active one, with an empty index."""
    with active_engine(request, request.param) as active:
        yield active


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (external index updates) at the end of the block,
    as a real request's commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


STANDARD = {
    "persyaratan": "<ul><li>Fotokopi Kartu Keluarga</li></ul>",
    "prosedur": "<ol><li>Ambil nomor antrean</li><li>Serahkan berkas di loket</li></ol>",
    "jangka_waktu": "1 (satu) hari kerja",
    "biaya": 0,
    "biaya_keterangan": "Tidak dipungut biaya.",
    "produk": "Dokumen",
    "pengaduan": "<ul><li>Kotak saran</li></ul>",
    "dasar_hukum": "<ul><li>Undang-Undang Nomor 25 Tahun 2009</li></ul>",
    "sarana_prasarana": "<ul><li>Ruang tunggu</li></ul>",
    "kompetensi_pelaksana": "<ul><li>Terlatih</li></ul>",
    "pengawasan_internal": "<ul><li>Supervisi kepala bidang</li></ul>",
    "jumlah_pelaksana": "4 (empat) orang",
    "jaminan_pelayanan": "Pelayanan diberikan sesuai standar.",
    "jaminan_keamanan": "Data pemohon dijaga kerahasiaannya.",
    "evaluasi_kinerja": "Evaluasi dilakukan setiap triwulan.",
}


def comment(service, text, status):
    return Response.objects.create(
        service=service,
        channel=Channel.WEB,
        served_on=datetime.date(2026, 7, 1),
        comment=text,
        comment_status=status,
        **{f"u{i}": 3 for i in range(1, 10)},
    )


def build_corpus(engine):
    """The fixture corpus: a handful of public pages, plus what must never be found
    (a draft, a private page, an unpublished page, an officer, unmoderated comments).

    Built through the normal publish path, so the index is filled by the signals.
    """
    with TestCase.captureOnCommitCallbacks(execute=True):
        dukcapil = UnitFactory(code="DISDUKCAPIL", name="Dinas Kependudukan dan Pencatatan Sipil")
        dinkes = UnitFactory(code="DINKES", name="Dinas Kesehatan")
        dukcapil_page = unit_page(
            dukcapil,
            description="<p>Pendaftaran penduduk dan pencatatan sipil Kabupaten Uji.</p>",
            opening_hours="Senin-Jumat 08.00-15.00",
        )
        dinkes_page = unit_page(dinkes, description="<p>Urusan kesehatan masyarakat.</p>")

        ktp = service_page(
            ServiceFactory(code="KTP-EL", name="Penerbitan KTP Elektronik", unit=dukcapil),
            parent=dukcapil_page,
            summary="Perekaman dan pencetakan KTP-el, termasuk pengganti yang rusak.",
            **{
                **STANDARD,
                "persyaratan": "<ul><li>Kartu Keluarga</li><li>Surat keterangan dari "
                "kepolisian bila KTP-el hilang</li></ul>",
            },
        )
        akta = service_page(
            ServiceFactory(code="AKTA-LAHIR", name="Penerbitan Akta Kelahiran", unit=dukcapil),
            parent=dukcapil_page,
            summary="Pencatatan kelahiran dan penerbitan kutipan akta kelahiran.",
            **{
                **STANDARD,
                "persyaratan": "<ul><li>Surat keterangan lahir dari bidan atau rumah sakit"
                "</li></ul>",
            },
        )
        imunisasi = service_page(
            ServiceFactory(code="IMUN", name="Imunisasi Anak", unit=dinkes, category="kesehatan"),
            parent=dinkes_page,
            summary="Vaksin dasar lengkap <script>alert('x')</script> & gratis.",
            **STANDARD,
        )
        bidan = service_page(
            ServiceFactory(
                code="SIPB",
                name="Penerbitan Surat Izin Praktik Bidan",
                unit=dinkes,
                category="perizinan",
            ),
            parent=dinkes_page,
            summary="Izin praktik mandiri bagi bidan.",
            **STANDARD,
        )
        about = publish_child(
            home_page(),
            StandardPage(
                title="Tentang Survei Kepuasan Masyarakat",
                slug="tentang-survei",
                intro="Survei kepuasan atas layanan administrasi kependudukan dan kesehatan.",
                body=[("paragraph", "<p>Warga menilai sembilan unsur pelayanan.</p>")],
            ),
        )
        results = publish_child(home_page(), ResultsPage(title="Hasil Survei", slug="hasil-survei"))
        report = publish_child(
            results,
            SurveyReportPage(
                title="Laporan SKM Semester I 2026",
                slug="laporan-2026-s1",
                unit=dinkes,
                period="2026-S1",
                method="<p>Survei daring dan kertas di puskesmas.</p>",
                analysis="<p>Waktu tunggu poliklinik menjadi unsur terendah.</p>",
            ),
        )

        # Never to be found.
        draft = draft_service_page(
            ServiceFactory(code="DRAF", name="Legalisir Dokumen Rahasiadraf", unit=dukcapil),
            parent=dukcapil_page,
            summary="Rahasiadraf belum terbit.",
        )
        private = publish_child(
            home_page(),
            StandardPage(
                title="Panduan Internal Petugas",
                slug="panduan-internal",
                intro="Prosedur internal tertutupsekali untuk petugas loket.",
            ),
        )
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
        )
        withdrawn = publish_child(
            home_page(),
            StandardPage(title="Pengumuman Dicabut", slug="dicabut", intro="Kadaluwarsaku lama."),
        )
        withdrawn.unpublish()

        officer = OfficerFactory(nip=OFFICER_NIP, name=OFFICER_NAME, unit=dukcapil)
        AssignmentFactory(officer=officer, service=ktp.service)
        comment(ktp.service, PENDING_COMMENT, CommentStatus.PENDING)
        comment(ktp.service, REJECTED_COMMENT, CommentStatus.REJECTED)

    return SimpleNamespace(
        engine=engine,
        dukcapil=dukcapil,
        dinkes=dinkes,
        dukcapil_page=dukcapil_page,
        dinkes_page=dinkes_page,
        ktp=ktp,
        akta=akta,
        imunisasi=imunisasi,
        bidan=bidan,
        about=about,
        results=results,
        report=report,
        draft=draft,
        private=private,
        withdrawn=withdrawn,
        officer=officer,
    )


@pytest.fixture(scope="module", params=ENGINES)
def _module_corpus(request, django_db_setup, django_db_blocker):
    """The corpus on one engine, built once per test module inside a transaction that
    is rolled back when the module ends (each test runs in a savepoint within it).
    For tests that only read; tests that change pages use ``fresh_corpus``."""
    with (
        django_db_blocker.unblock(),
        active_engine(request, request.param) as active,
        rolled_back(),
    ):
        yield build_corpus(active)


@pytest.fixture
def corpus(_module_corpus, db):
    """The shared corpus (read only), on each engine in turn."""
    return _module_corpus


@pytest.fixture
def fresh_corpus(engine):
    """A corpus of the test's own, for tests that publish, move or delete pages."""
    return build_corpus(engine)
