"""Test data factories. Codes and NIPs are deterministic per sequence number."""

import datetime

import factory
from wagtail.models import Page

from content.models import HomePage, ServicePage, UnitIndexPage, UnitPage
from feedback.intake import parsing, storing
from feedback.models import Assignment, Officer, Service, ServicePoint, Unit


class PemdaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("code",)

    code = "PEMDA"
    name = "Pemerintah Kabupaten Uji"
    level = Unit.Level.PEMDA
    parent = None


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"OPD-{n}")
    name = factory.Sequence(lambda n: f"Dinas Uji {n}")
    level = Unit.Level.PERANGKAT_DAERAH
    parent = factory.SubFactory(PemdaFactory)


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    code = factory.Sequence(lambda n: f"LAY-{n}")
    name = factory.Sequence(lambda n: f"Layanan Uji {n}")
    unit = factory.SubFactory(UnitFactory)
    category = Service.Category.KEPENDUDUKAN


class ServicePointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServicePoint

    code = factory.Sequence(lambda n: f"LOKET-{n}")
    name = factory.Sequence(lambda n: f"Loket {n}")
    unit = factory.SubFactory(UnitFactory)


def nip_for(n: int, sex_digit: str = "1") -> str:
    birth = datetime.date(1980 + n % 15, 1 + n % 12, 1 + n % 28)
    return f"{birth:%Y%m%d}{birth.year + 25:04d}03{sex_digit}{n % 999 + 1:03d}"


class OfficerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Officer

    nip = factory.Sequence(nip_for)
    name = factory.Sequence(lambda n: f"Petugas Uji {n}")
    position = "Pengelola Layanan"
    unit = factory.SubFactory(UnitFactory)


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    officer = factory.SubFactory(OfficerFactory)
    service_point = factory.SubFactory(ServicePointFactory)
    start_date = datetime.date(2025, 1, 1)


def ktp_loket():
    """(unit, service, loket, officer): Disdukcapil's KTP-EL service offered at loket
    DUK-L1, and Siti, an officer of the unit (not yet assigned to the loket)."""
    unit = UnitFactory(code="DISDUKCAPIL")
    service = ServiceFactory(code="KTP-EL", unit=unit)
    point = ServicePointFactory(code="DUK-L1", unit=unit)
    point.services.add(service)
    return unit, service, point, OfficerFactory(unit=unit, name="Siti")


SURVEY_TODAY = datetime.date(2026, 11, 22)


def fill(service, count, value, day=datetime.date(2026, 8, 10), comment=""):
    """``count`` paper responses for ``service`` with every element answered ``value``."""

    for _ in range(count):
        sub = parsing.parse_submission(
            {
                "service": service.code,
                "answers": {f"U{n}": value for n in range(1, 10)},
                "served_on": day,
                "comment": comment,
            },
            today=SURVEY_TODAY,
        )
        storing.response_submit(sub, channel="paper")


def home_page() -> HomePage:
    """The HomePage the content migration installs as the site root."""
    return HomePage.objects.get()


def publish_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def unit_index_page() -> UnitIndexPage:
    existing = UnitIndexPage.objects.first()
    return existing or publish_child(home_page(), UnitIndexPage(title="Unit", slug="unit"))


def unit_page(unit=None, parent=None, **kwargs) -> UnitPage:
    unit = unit or UnitFactory()
    fields = {"title": unit.name, "slug": unit.code.lower(), "unit": unit, **kwargs}
    return publish_child(parent or unit_index_page(), UnitPage(**fields))


STANDARD_TEXT = {
    "persyaratan": "<ul><li>Fotokopi Kartu Keluarga</li><li>Surat pengantar RT/RW</li></ul>",
    "prosedur": "<ol><li>Ambil nomor antrean</li><li>Serahkan berkas di loket</li></ol>",
    "jangka_waktu": "1 (satu) hari kerja",
    "biaya": 0,
    "biaya_keterangan": "Tidak dipungut biaya.",
    "produk": "Dokumen kependudukan",
    "pengaduan": "<ul><li>Kotak saran</li><li>SP4N-LAPOR!</li></ul>",
    "dasar_hukum": "<ul><li>Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik</li></ul>",
    "sarana_prasarana": "<ul><li>Ruang tunggu ber-AC</li></ul>",
    "kompetensi_pelaksana": "<ul><li>Memahami SIAK</li></ul>",
    "pengawasan_internal": "<ul><li>Supervisi kepala bidang</li></ul>",
    "jumlah_pelaksana": "4 (empat) orang",
    "jaminan_pelayanan": "Pelayanan diberikan sesuai standar.",
    "jaminan_keamanan": "Data pemohon dijaga kerahasiaannya.",
    "evaluasi_kinerja": "Evaluasi dilakukan setiap triwulan.",
}


def service_page_under(service=None, parent=None, **kwargs) -> tuple[Page, ServicePage]:
    """The parent (the service's unit page unless given) and an unsaved ServicePage
    of the service with the standard text, ``kwargs`` overriding any field."""
    service = service or ServiceFactory()
    parent = parent or unit_page(service.unit)
    fields = {
        "title": service.name,
        "slug": service.code.lower(),
        "service": service,
        **STANDARD_TEXT,
        **kwargs,
    }
    return parent, ServicePage(**fields)


def service_page(service=None, parent=None, **kwargs) -> ServicePage:
    return publish_child(*service_page_under(service, parent, **kwargs))


def draft_child(parent: Page, page: Page) -> Page:
    """Add ``page`` under ``parent`` as a draft an editor saved but nobody published."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    page.refresh_from_db()
    return page


def draft_service_page(service=None, parent=None, **kwargs) -> ServicePage:
    return draft_child(*service_page_under(service, parent, **kwargs))
