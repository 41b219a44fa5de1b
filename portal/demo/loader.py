"""Builds the fictional demo Pemda (portal.demo.catalog) into the database.

Deterministic and idempotent: registry rows are matched by code or NIP, pages by
the registry entry they belong to, users by username. Pages that already exist
are left as editors may have changed them.
"""

import datetime
import math

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Page, Site

from content.models import (
    FollowUpAction,
    HomePage,
    MediaPublication,
    MenuItem,
    NavigationSettings,
    OpenDataPage,
    PekpppAssessment,
    PemdaSettings,
    ResultsPage,
    ServicePage,
    StandardPage,
    StandardReview,
    SurveyReportPage,
    UnitIndexPage,
    UnitPage,
)
from feedback.access.permissions import (
    EDITORS_GROUP,
    HR_ADMIN_GROUP,
    HR_GROUP,
    MODERATORS_GROUP,
    OFFICER_GROUP,
)
from feedback.models import (
    Appeal,
    Assignment,
    HRScope,
    Indicator,
    Officer,
    Population,
    Service,
    ServicePoint,
    Unit,
)
from feedback.personnel import appeals
from feedback.results import selectors
from feedback.rules.periods import Period
from search.models import ServiceSearchTerms

from . import appraisal, catalog, documents, history, responses
from . import loop as citizen_loop

ASSIGNMENT_START = datetime.date(2024, 1, 1)

# Documented in the README (demo logins); refused under production settings.
DEMO_USERS = [
    # username, password, group (None: superuser), first name
    ("admin", "admin-demo", None, "Administrator"),
    ("editor", "editor-demo", EDITORS_GROUP, "Staf Komunikasi"),
    ("approver", "approver-demo", MODERATORS_GROUP, "Penyetuju Konten"),
    ("hr", "hr-demo", HR_GROUP, "Staf Kepegawaian"),
    ("hr-admin", "hr-admin-demo", HR_ADMIN_GROUP, "Kepala Subbagian Kepegawaian"),
    ("petugas", "petugas-demo", OFFICER_GROUP, "Rina"),
    ("atasan", "atasan-demo", OFFICER_GROUP, "Ratna"),
]

# Indicators HR set for the 2026 appraisal year ("penerima layanan" perspective).
INDICATORS = [
    (
        "IKM unsur petugas (U6, U7)",
        Indicator.Measure.IKM_OFFICER,
        Indicator.Basis.VERIFIED,
        "82.00",
        "indeks",
    ),
    (
        "NRR perilaku pelaksana (U7)",
        Indicator.Measure.NRR_U7,
        Indicator.Basis.VERIFIED,
        "3.30",
        "nilai 1-4",
    ),
    (
        "NRR kompetensi pelaksana (U6), termasuk penilaian di loket",
        Indicator.Measure.NRR_U6,
        Indicator.Basis.LOKET,
        "3.25",
        "nilai 1-4",
    ),
]


def _ul(items, tag="ul"):
    return f"<{tag}>" + "".join(f"<li>{escape(i)}</li>" for i in items) + f"</{tag}>"


def demo_nip(index: int, sex: str) -> str:
    """A structurally valid, clearly fictional NIP for the index-th demo officer."""
    birth = datetime.date(1970 + index % 25, 1 + index % 12, 1 + (index * 7) % 28)
    appointed_year = birth.year + 23 + index % 6
    appointed_month = 1 + (index * 5) % 12
    sex_digit = "1" if sex == "L" else "2"
    return f"{birth:%Y%m%d}{appointed_year:04d}{appointed_month:02d}{sex_digit}{index + 1:03d}"


def load(*, log=print, with_responses=True):
    """Load everything; returns a dict of counts for the command to report.

    ``with_responses=False`` skips the ~21,000 survey responses (tests that only
    need the registry and pages use it to stay fast).
    """
    with transaction.atomic():
        _settings()
        units = _units()
        services = _services(units)
        _search_terms(services)
        points = _service_points(units, services)
        officers = _officers(units, points)
        _users()
        supervisor, demo_officer = _officer_logins(units)
        appraisal.load(supervisor=supervisor, officer=demo_officer)
        pages = _pages(units, services)
        _follow_ups()
        _maklumat_documents()
        _standard_reviews()
        _indicators()
    new_responses = responses.load(log=log) if with_responses else 0
    new_tables = history.load(log=log) if with_responses else 0
    if with_responses:
        _appeals()
    _populations(services)
    if with_responses:
        pages += _results_pages()
        citizen_loop.load(log=log)
    _media_publications(units)
    _pekppp_assessments()
    _navigation()
    counts = {
        "units": len(units),
        "services": len(services),
        "service_points": len(points),
        "officers": len(officers),
        "new pages": pages,
        "new responses": new_responses,
        "new report tables": new_tables,
    }
    log(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return counts


def _settings():
    s = PemdaSettings.load()
    p = catalog.PEMDA
    s.name, s.short_name = p["name"], p["short_name"]
    s.address, s.phone, s.email, s.website = p["address"], p["phone"], p["email"], p["website"]
    s.complaint_channels = catalog.COMPLAINT_CHANNELS
    s.save()


def _units():
    units = {}
    for row in catalog.UNITS:
        unit, _ = Unit.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "level": row["level"],
                "parent": units.get(row["parent"]),
            },
        )
        units[unit.code] = unit
    return units


def _services(units):
    services = {}
    for row in catalog.SERVICES:
        service, _ = Service.objects.update_or_create(
            code=row["code"],
            defaults={"name": row["name"], "unit": units[row["unit"]], "category": row["category"]},
        )
        services[service.code] = service
    return services


def _search_terms(services):
    """Other names of each service (Indonesian keywords, English name and keywords), set
    before the pages are published so their search documents carry them."""

    for row in catalog.SERVICES:
        name_en, keywords_en = catalog.SERVICES_EN.get(row["code"], ("", []))
        ServiceSearchTerms.objects.get_or_create(
            service=services[row["code"]],
            defaults={
                "keywords": ", ".join(row.get("keywords", [])),
                "name_en": name_en,
                "keywords_en": ", ".join(keywords_en),
            },
        )


def _service_points(units, services):
    points = {}
    for row in catalog.SERVICE_POINTS:
        point, _ = ServicePoint.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "unit": units[row["unit"]],
                "location": row.get("location", ""),
            },
        )
        point.services.set([services[c] for c in row["services"]])
        points[point.code] = point
    return points


def _officers(units, points):
    """Officers go round-robin over the service points, so every loket is staffed."""
    point_list = sorted(points.values(), key=lambda p: p.code)
    officers = []
    for index, (name, sex, position) in enumerate(catalog.OFFICER_NAMES):
        point = point_list[index % len(point_list)]
        officer, _ = Officer.objects.update_or_create(
            nip=demo_nip(index, sex),
            defaults={"name": name, "position": position, "unit": point.unit},
        )
        Assignment.objects.get_or_create(
            officer=officer,
            service_point=point,
            start_date=ASSIGNMENT_START,
            defaults={"service": None},
        )
        officers.append(officer)
    return officers


def _users():
    User = get_user_model()
    for username, password, group_name, first_name in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first_name, "email": f"{username}@demo.invalid"},
        )
        if created:
            user.set_password(password)
        user.is_staff = group_name is None
        user.is_superuser = group_name is None
        user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        if group_name in (HR_GROUP, HR_ADMIN_GROUP):
            HRScope.objects.get_or_create(user=user, defaults={"unit": None})


def _officer_logins(units):
    """The demo officer and her supervisor, each linked to their login."""
    User = get_user_model()
    name, sex, position, unit_code = catalog.DEMO_SUPERVISOR
    supervisor, _ = Officer.objects.update_or_create(
        nip=demo_nip(len(catalog.OFFICER_NAMES), sex),
        defaults={"name": name, "position": position, "unit": units[unit_code]},
    )
    officer = Officer.objects.get(name=catalog.DEMO_OFFICER)
    for username, linked in (("petugas", officer), ("atasan", supervisor)):
        user = User.objects.get(username=username)
        Officer.objects.filter(user=user).exclude(pk=linked.pk).update(user=None)
        if linked.user_id != user.pk:
            linked.user = user
            linked.save(update_fields=["user"])
    return supervisor, officer


DEMO_APPEALS = (
    # (verified rating?, accept?, the officer's reason, HR's reason)
    (
        False,
        True,
        "Saya cuti setengah hari; loket dilayani petugas pengganti.",
        "Sesuai daftar hadir: petugas cuti pada jam itu. Penilaian dikeluarkan.",
    ),
    (
        True,
        False,
        "Loket keliru: saya bertugas di loket sebelah.",
        "Tanda terima dicetak atas nama petugas; penilaian sah.",
    ),
)


def _appeals():
    """The demo officer's two appeals, one accepted and one rejected by HR, through
    the same service as the screens (an accepted one leaves her rollups). Once."""
    officer = Officer.objects.get(name=catalog.DEMO_OFFICER)
    if Appeal.objects.filter(officer=officer).exists():
        return
    decider = get_user_model().objects.get(username="hr-admin")
    ratings = appeals.attributed_ratings(officer).order_by("-served_on", "-id")
    for verified, accept, reason, decision in DEMO_APPEALS:
        rating = ratings.filter(verified=verified).first()
        if rating is None:
            continue
        appeal = appeals.file_appeal(officer=officer, response_id=rating.pk, reason=reason)
        appeals.decide(
            appeal_id=appeal.pk,
            user=decider,
            accept=accept,
            reason=decision,
            visible_officers=Officer.objects.all(),
            query="demo",
        )


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _pages(units, services):
    """Home -> unit index -> unit pages (nested as the registry) -> service pages."""
    created = 0
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = _publish(root, HomePage(title="Beranda", slug="beranda"))
        created += 1
    if not home.intro:
        home.title = catalog.PEMDA["short_name"]
        home.intro = f"<p>{escape(catalog.HOME_INTRO)}</p>"
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()

    index = UnitIndexPage.objects.first()
    if index is None:
        index = _publish(
            home,
            UnitIndexPage(
                title="Perangkat Daerah dan Unit Layanan",
                slug="unit",
                intro="<p>Daftar perangkat daerah dan unit layanan beserta standar "
                "pelayanannya.</p>",
            ),
        )
        created += 1

    unit_pages = {p.unit_id: p for p in UnitPage.objects.all()}
    for row in catalog.UNITS:
        unit = units[row["code"]]
        if row["level"] == Unit.Level.PEMDA or unit.pk in unit_pages:
            continue
        parent_unit = units[row["parent"]]
        parent_page = unit_pages.get(parent_unit.pk, index)
        head = catalog.UNIT_HEADS.get(row["code"], {})
        # A unit layanan without its own maklumat shows its perangkat daerah's.
        maklumat = catalog.MAKLUMAT.get(row["code"]) or catalog.MAKLUMAT.get(
            row["parent"], catalog.MAKLUMAT["DEFAULT"]
        )
        page = UnitPage(
            title=row["name"],
            slug=slugify(row["code"]),
            unit=unit,
            description=f"<p>{escape(row['description'])}</p>",
            address=row.get("address", ""),
            phone=row.get("phone", ""),
            email=row.get("email", ""),
            opening_hours=row.get("opening_hours", ""),
            maklumat=maklumat if head else "",
            maklumat_signatory=head.get("name", ""),
            maklumat_signatory_position=head.get("position", ""),
            maklumat_signed_on=datetime.date(2025, 1, 2) if head else None,
        )
        unit_pages[unit.pk] = _publish(parent_page, page)
        created += 1

    existing = set(ServicePage.objects.values_list("service_id", flat=True))
    for row in catalog.SERVICES:
        service = services[row["code"]]
        if service.pk in existing:
            continue
        page = ServicePage(
            title=row["name"],
            slug=slugify(row["code"]),
            service=service,
            summary=row["summary"],
            persyaratan=_ul(row["persyaratan"]),
            prosedur=_ul(row["prosedur"], "ol"),
            jangka_waktu=row["jangka_waktu"],
            biaya=row["biaya"],
            biaya_keterangan=row["biaya_keterangan"],
            produk=row["produk"],
            pengaduan=_ul(row["pengaduan"]),
            dasar_hukum=_ul(row["dasar_hukum"]),
            sarana_prasarana=_ul(row["sarana_prasarana"]),
            kompetensi_pelaksana=_ul(row["kompetensi_pelaksana"]),
            pengawasan_internal=_ul(row["pengawasan_internal"]),
            jumlah_pelaksana=row["jumlah_pelaksana"],
            jaminan_pelayanan=row["jaminan_pelayanan"],
            jaminan_keamanan=row["jaminan_keamanan"],
            evaluasi_kinerja=row["evaluasi_kinerja"],
            search_description=row["summary"],
        )
        _publish(unit_pages[service.unit_id], page)
        created += 1

    for slug, title, paragraphs, in_menu in (
        ("tentang-survei", "Tentang Survei Kepuasan Masyarakat", catalog.ABOUT_SURVEY, True),
        ("metodologi", "Metodologi Perhitungan IKM", catalog.METHODOLOGY, True),
        ("aksesibilitas", "Pernyataan Aksesibilitas", catalog.ACCESSIBILITY, False),
    ):
        if StandardPage.objects.filter(slug=slug).exists():
            continue
        body = [("paragraph", f"<p>{escape(text)}</p>") for text in paragraphs]
        _publish(home, StandardPage(title=title, slug=slug, body=body, show_in_menus=in_menu))
        created += 1
    if not OpenDataPage.objects.exists():
        _publish(
            home,
            OpenDataPage(
                title="Data Terbuka",
                slug="data-terbuka",
                intro=f"<p>{escape(catalog.OPEN_DATA_INTRO)}</p>",
                show_in_menus=True,
            ),
        )
        created += 1
    return created


def _navigation():
    """The main menu (Settings > Navigasi) and the footer's accessibility statement.
    Adds the items that are missing, so a later run picks up the results page."""
    nav = NavigationSettings.load()
    wanted = [
        ("Layanan", "Services", UnitIndexPage.objects.first(), ""),
        ("Nilai Layanan", "Rate a service", None, "/nilai/"),
        ("Hasil Survei", "Survey results", ResultsPage.objects.first(), ""),
        ("Data Terbuka", "Open data", OpenDataPage.objects.first(), ""),
        (
            "Tentang Survei",
            "About the survey",
            StandardPage.objects.filter(slug="tentang-survei").first(),
            "",
        ),
        ("Metodologi", "Methodology", StandardPage.objects.filter(slug="metodologi").first(), ""),
    ]
    existing = {item.label: item for item in nav.menu_items.all()}
    items = []
    for order, (label, label_en, page, url) in enumerate(wanted):
        item = existing.get(label)
        if item is None and (page is not None or url):
            item = MenuItem(label=label, label_en=label_en, link_page=page, link_url=url)
        if item is not None:
            item.sort_order = order
            items.append(item)
    labels = {label for label, *_rest in wanted}
    # Items an editor added stay, after the demo's own.
    items += [item for label, item in existing.items() if label not in labels]
    nav.menu_items = items
    nav.accessibility_page = StandardPage.objects.filter(slug="aksesibilitas").first()
    nav.save()


# Follow-up plans (RTL) the demo units published after 2026-Q2: the weakest elements.
FOLLOW_UPS = [
    (
        "DISDUKCAPIL",
        "2026-Q2",
        "U3",
        "Menambah satu loket perekaman KTP-el pada jam sibuk "
        "(08.00-11.00) dan membuka layanan Sabtu pertama tiap bulan.",
        "Juli-September 2026",
        "Kepala Bidang Pelayanan Pendaftaran Penduduk",
        FollowUpAction.Status.DONE,
        "Rata-rata waktu tunggu turun dari 95 menjadi 40 menit.",
    ),
    (
        "DISDUKCAPIL",
        "2026-Q2",
        "U9",
        "Mengganti kursi ruang tunggu dan memasang pendingin ruangan tambahan.",
        "Oktober 2026",
        "Sekretaris Dinas",
        FollowUpAction.Status.ONGOING,
        "",
    ),
    (
        "PKM-SKJ-02",
        "2026-Q2",
        "U3",
        "Menerapkan pendaftaran daring poli gigi dengan kuota per "
        "jam agar pasien tidak menunggu sejak subuh.",
        "Agustus 2026",
        "Kepala UPTD Puskesmas Cibening",
        FollowUpAction.Status.DONE,
        "",
    ),
    (
        "UPT-PKB",
        "2026-Q2",
        "U8",
        "Menyediakan nomor WhatsApp pengaduan yang dijawab pada hari "
        "kerja yang sama dan memasang papan alur pengaduan.",
        "Juli 2026",
        "Kepala UPT",
        FollowUpAction.Status.DONE,
        "",
    ),
]


def _follow_ups():
    for code, period, element, action, timing, responsible, status, outcome in FOLLOW_UPS:
        page = UnitPage.objects.filter(unit__code=code).first()
        if page is None or page.follow_ups.filter(period=period, element=element).exists():
            continue
        page.follow_ups.add(
            FollowUpAction(
                period=period,
                element=element,
                action=action,
                timing=timing,
                responsible=responsible,
                status=status,
                outcome=outcome,
            )
        )
        page.save_revision().publish()


# Where each unit's signed Maklumat hangs besides the portal.
MAKLUMAT_PLACES = "Papan informasi di ruang tunggu pelayanan\nMeja loket pelayanan"


def _maklumat_documents():
    """The signed Maklumat of every unit page, as a scanned PDF, and where it is posted."""
    for page in UnitPage.objects.filter(maklumat_document__isnull=True).exclude(maklumat=""):
        signed_on = page.maklumat_signed_on or datetime.date(2025, 1, 2)
        page.maklumat_document = documents.pdf_document(
            f"Maklumat Pelayanan {page.title}",
            f"maklumat-{page.slug}.pdf",
            [
                "MAKLUMAT PELAYANAN",
                page.maklumat,
                f"Sukamaju, {signed_on:%d-%m-%Y}",
                page.maklumat_signatory_position,
                page.maklumat_signatory,
            ],
        )
        page.maklumat_signed_on = signed_on
        page.maklumat_published_in = page.maklumat_published_in or MAKLUMAT_PLACES
        page.save_revision().publish()


# Reviews of the standards, months before the day the demo is loaded: (service, months
# ago, how citizens took part, participants, changes decided). Every other standard
# gets one recent review. IZIN-REKLAME's last review is overdue (15 months); KTP-EL's
# latest changes are decided but not yet made; UJI-KIR was changed after its review,
# a new standard, so the UPT's Maklumat signed before it is flagged for renewal.
REVIEWS = [
    ("KTP-EL", 14, "konsultasi", 46, "Perekaman KTP-el dibuka Sabtu pertama tiap bulan."),
    ("KTP-EL", 2, "survei", 312, "Jangka waktu pencetakan dipersingkat menjadi 1 hari kerja."),
    ("KK", 5, "forum", 18, ""),
    ("AKTA-LAHIR", 7, "", None, ""),
    ("PKM2-GIGI", 4, "konsultasi", 27, "Pendaftaran daring poli gigi dengan kuota per jam."),
    ("UJI-KIR", 6, "forum", 35, "Persyaratan fotokopi STNK dihapus; cukup menunjukkan aslinya."),
    ("IZIN-REKLAME", 15, "", None, ""),
]
# Standards adopted in December 2024, before the Maklumat were signed in January 2025.
STANDARDS_ADOPTED = datetime.date(2024, 12, 16)
CHANGED_AFTER_REVIEW = "UJI-KIR"


def _other_review(index: int) -> tuple:
    """The one recent review of a standard REVIEWS does not name: every other one
    with a survey of its users."""
    if index % 2:
        return (2 + index % 8, "survei", 40 + index * 7, "")
    return (2 + index % 8, "", None, "")


def _review(page, today, months, how, participants, changes):
    minutes = None
    reviewed_on = months_before(today, months)
    if how:
        # Titled by date, not by service: document titles share the admin's search
        # index, and the service's words in them would shift the public search ranking.
        minutes = documents.pdf_document(
            f"Berita acara peninjauan standar pelayanan {reviewed_on:%d-%m-%Y}",
            f"berita-acara-{page.slug}-{months}.pdf",
            [
                "BERITA ACARA PENINJAUAN STANDAR PELAYANAN",
                page.title,
                f"Keikutsertaan masyarakat: {how}, {participants} peserta.",
                f"Perubahan yang diputuskan: {changes or 'tidak ada'}.",
            ],
        )
    return StandardReview(
        reviewed_on=reviewed_on,
        citizens_took_part=bool(how),
        participation=how,
        participants=participants,
        minutes=minutes,
        changes_decided=changes,
    )


def _standard_reviews():
    """The review history of every standard that has none, and its adoption date."""
    today = timezone.localdate()
    planned = {}
    for code, *row in REVIEWS:
        planned.setdefault(code, []).append(row)
    pages = ServicePage.objects.filter(reviews__isnull=True).select_related("service")
    for index, page in enumerate(pages.order_by("path")):
        code = page.service.code
        rows = planned.get(code) or [_other_review(index)]
        page.reviews = [_review(page, today, *row) for row in rows]
        page.established_on = page.established_on or STANDARDS_ADOPTED
        if code == CHANGED_AFTER_REVIEW:
            # The standard as changed after its newest review, adopted two weeks later.
            page.established_on = months_before(today, min(r[0] for r in rows)) + (
                datetime.timedelta(days=14)
            )
        revision = page.save_revision()
        revision.publish()
        if code == CHANGED_AFTER_REVIEW:
            page = ServicePage.objects.get(pk=page.pk)
            reviews = list(page.reviews.all())
            newest = max(reviews, key=lambda r: r.reviewed_on)
            newest.page_changed, newest.revision = True, revision
            page.reviews = reviews
            page.save_revision().publish()


def months_before(today: datetime.date, months_ago: int) -> datetime.date:
    """The 10th of the month ``months_ago`` months before ``today``."""
    index = today.year * 12 + today.month - 1 - months_ago
    return datetime.date(index // 12, index % 12 + 1, 10)


# Service users per quarter as units report them, for the sample-size check: busy
# services whose survey is short of the Krejcie & Morgan sample, and services whose
# every user was asked (a few more users than respondents: the sample suffices).
SHORT_OF_SAMPLE = {"KTP-EL": 2400, "KK": 1900, "UJI-KIR": 5200}
SAMPLE_SUFFICES = ("PKM2-GIGI", "AKTA-LAHIR")
POPULATION_PERIODS = ("2026-Q1", "2026-Q2", "2026-Q3")
# A queue system that reports its users month by month: the quarters, the semester
# and the year add them up (no count of their own).
MONTHLY_COUNTS = "SIP-DOKTER"
MONTHLY_PERIODS = tuple(f"2026-{month:02d}" for month in range(1, 10))


def _populations(services):
    """Counts for some demo services, after the responses (a count is never below the
    respondents of its period)."""
    for period in POPULATION_PERIODS:
        parsed = Period.parse(period)
        for code, served in SHORT_OF_SAMPLE.items():
            Population.objects.get_or_create(
                service=services[code], period=period, defaults={"served": served}
            )
        for code in SAMPLE_SUFFICES:
            respondents = selectors.respondents_for(
                scope=selectors.Scope.of(services[code]), period=parsed
            )
            Population.objects.update_or_create(
                service=services[code],
                period=period,
                defaults={"served": max(20, math.ceil(respondents * 1.15))},
            )
    for period in MONTHLY_PERIODS:
        respondents = selectors.respondents_for(
            scope=selectors.Scope.of(services[MONTHLY_COUNTS]), period=Period.parse(period)
        )
        Population.objects.get_or_create(
            service=services[MONTHLY_COUNTS],
            period=period,
            defaults={"served": max(30, respondents * 2)},
        )


def _results_pages():
    """The Pemda results page and one frozen report (needs the responses)."""
    created = 0
    home = HomePage.objects.first()
    results = ResultsPage.objects.first()
    if results is None:
        results = _publish(
            home,
            ResultsPage(
                title="Hasil Survei Kepuasan Masyarakat",
                slug="hasil-survei",
                intro="<p>Indeks Kepuasan Masyarakat seluruh perangkat daerah dan layanan, "
                "dihitung dari penilaian warga sesuai PermenPANRB Nomor 14 Tahun 2017.</p>",
                show_in_menus=True,
            ),
        )
        created += 1
    if not SurveyReportPage.objects.exists():
        _publish(
            results,
            SurveyReportPage(
                title="Laporan SKM Semester I 2026 Kabupaten Sukamaju",
                slug="laporan-skm-semester-i-2026",
                period="2026-S1",
                method="<p>Survei dilaksanakan 1 Januari sampai 30 Juni 2026 melalui formulir "
                "web, kode QR di loket, kiosk, dan formulir kertas yang diimpor. Responden "
                "adalah pengguna layanan yang menilai layanan yang baru diterimanya.</p>",
                analysis="<p>Unsur waktu penyelesaian (U3) dan penanganan pengaduan (U8) "
                "memperoleh nilai terendah di hampir semua perangkat daerah. Layanan dengan "
                "antrean panjang perlu penambahan loket pada jam sibuk.</p>",
            ),
        )
        created += 1
    return created


# Where units published their standards and SKM results besides the portal, in the
# demo year: (unit, subject, kind, title, day, link, photo caption or None).
MEDIA_PUBLICATIONS = [
    (
        "DISDUKCAPIL",
        "standar",
        "papan",
        "Papan informasi ruang tunggu",
        "2026-02-03",
        "",
        "Standar pelayanan di papan informasi",
    ),
    (
        "DISDUKCAPIL",
        "standar",
        "medsos",
        "Instagram @disdukcapil.sukamaju",
        "2026-02-05",
        "https://instagram.com/p/demo-standar-disdukcapil",
        None,
    ),
    (
        "DISDUKCAPIL",
        "skm",
        "medsos",
        "Instagram @disdukcapil.sukamaju",
        "2026-07-20",
        "https://instagram.com/p/demo-skm-disdukcapil",
        None,
    ),
    (
        "DISDUKCAPIL",
        "skm",
        "koran",
        "Harian Suara Sukamaju",
        "2026-07-24",
        "https://suarasukamaju.example/ikm-disdukcapil-semester-i",
        None,
    ),
    (
        "DPMPTSP",
        "standar",
        "situs",
        "Situs DPMPTSP",
        "2026-03-10",
        "https://dpmptsp.sukamaju.example/standar-pelayanan",
        None,
    ),
    (
        "DPMPTSP",
        "skm",
        "papan",
        "Papan informasi lobi",
        "2026-07-28",
        "",
        "Hasil SKM semester I di papan informasi",
    ),
    (
        "DINKES",
        "standar",
        "papan",
        "Papan informasi Puskesmas",
        "2026-01-20",
        "",
        "Standar pelayanan puskesmas",
    ),
    ("UPT-PKB", "skm", "lain", "Spanduk di area uji", "2026-08-04", "", "Spanduk hasil SKM"),
]

# The evaluator's scores of one unit, as an approver entered them.
PEKPPP_ENTRIES = {
    "KP1": (90, "Seluruh standar memuat 14 komponen; SK penetapan terlampir."),
    "KP2": (80, "Konsultasi publik dan survei dengan warga pada 2026."),
    "KP3": (75, "Portal, papan informasi dan Instagram."),
    "KP4": (70, "Perubahan jangka waktu KTP-el diputuskan, belum dimuat di halaman."),
    "KP5": (100, "Maklumat ditandatangani dan dipasang di ruang tunggu."),
    "KP6": (85, "SKM per triwulan; sampel KTP-el belum memadai."),
    "KP7": (75, "Portal, Instagram dan surat kabar lokal."),
    "KP8": (60, ""),
}


def _media_publications(units):
    """The media log of several units (a photo of each notice board)."""
    for code, subject, kind, title, day, link, caption in MEDIA_PUBLICATIONS:
        if MediaPublication.objects.filter(unit=units[code], subject=subject, title=title).exists():
            continue
        entry = MediaPublication(
            unit=units[code],
            subject=subject,
            kind=kind,
            title=title,
            published_on=datetime.date.fromisoformat(day),
            link=link,
        )
        if caption:
            entry.photo = documents.png_file(caption, f"{slugify(caption)}.png")
        entry.save()


def _pekppp_assessments():
    """Disdukcapil's self-evaluation for 2026, filled in by the demo approver."""
    approver = get_user_model().objects.get(username="approver")
    unit = Unit.objects.get(code="DISDUKCAPIL")
    for indicator, (score, note) in PEKPPP_ENTRIES.items():
        PekpppAssessment.objects.get_or_create(
            unit=unit,
            year=2026,
            indicator=indicator,
            defaults={"score": score, "note": note, "updated_by": approver},
        )


def _indicators():
    for name, measure, basis, target, unit_of_measure in INDICATORS:
        Indicator.objects.get_or_create(
            period="2026",
            name=name,
            defaults={
                "measure": measure,
                "basis": basis,
                "target": target,
                "unit_of_measure": unit_of_measure,
                "minimum_respondents": 15,
            },
        )
