"""PEKPPP mandiri: a unit's self-evaluation for one year against the Kebijakan
Pelayanan and Konsultasi dan Pengaduan indicators of PermenPANRB 29/2022 as amended by
4/2023 (instrument: Pedoman MenPANRB 5/2023), with what the portal already proves for
each, read from its own data and linked to the evidence.

The indicator list (names, weights, sub-aspects) lives here and only here
(docs/evaluation.md cites its source). The figures are plain selector functions of
a unit page and a year, so a test can hold them against the published ones.
No officer data is read: signers and the RTL's responsible are positions.
"""

import datetime
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from feedback.results import selectors
from feedback.rules.periods import Period

from . import maklumat, review_cycle
from .models import (
    FollowUpAction,
    MediaPublication,
    PekpppAssessment,
    PemdaSettings,
    ServicePage,
    StandardReview,
    SurveyReportPage,
    UnitPage,
)

# Aspects and their weight in the Indeks Pelayanan Publik (percent).
KEBIJAKAN = "kebijakan"
PENGADUAN = "pengaduan"
ASPECTS = {
    KEBIJAKAN: (_("Kebijakan Pelayanan"), 24),
    PENGADUAN: (_("Konsultasi dan Pengaduan"), 10),
}


@dataclass(frozen=True)
class Indicator:
    code: str
    aspect: str
    sub_aspect: str
    name: str
    # Weight within its aspect, percent; None where the instrument's briefing gives none.
    weight: int | None


INDICATORS = (
    Indicator(
        "KP1", KEBIJAKAN, _("Standar Pelayanan"), _("Standar pelayanan sesuai ketentuan"), 17
    ),
    Indicator(
        "KP2",
        KEBIJAKAN,
        _("Standar Pelayanan"),
        _("Partisipasi masyarakat dalam penyusunan dan perubahan standar pelayanan"),
        14,
    ),
    Indicator(
        "KP3",
        KEBIJAKAN,
        _("Standar Pelayanan"),
        _("Jumlah media publikasi standar pelayanan"),
        7,
    ),
    Indicator(
        "KP4",
        KEBIJAKAN,
        _("Standar Pelayanan"),
        _("Peninjauan standar pelayanan secara berkala dan tindak lanjutnya"),
        14,
    ),
    Indicator(
        "KP5",
        KEBIJAKAN,
        _("Maklumat Pelayanan"),
        _("Maklumat pelayanan tersedia, ditandatangani dan dipublikasikan"),
        10,
    ),
    Indicator(
        "KP6",
        KEBIJAKAN,
        _("Survei Kepuasan Masyarakat"),
        _("SKM dilaksanakan sesuai PermenPANRB 14/2017"),
        17,
    ),
    Indicator(
        "KP7",
        KEBIJAKAN,
        _("Survei Kepuasan Masyarakat"),
        _("Jumlah media publikasi hasil SKM"),
        7,
    ),
    Indicator(
        "KP8",
        KEBIJAKAN,
        _("Survei Kepuasan Masyarakat"),
        _("Persentase tindak lanjut hasil SKM (RTL) yang selesai"),
        14,
    ),
    Indicator(
        "KD1",
        PENGADUAN,
        _("Konsultasi dan Pengaduan"),
        _("Sarana konsultasi dan pengaduan serta pengelolaannya"),
        None,
    ),
)
BY_CODE = {i.code: i for i in INDICATORS}
CODES = tuple(BY_CODE)


@dataclass
class Evidence:
    """One thing an evaluator can open: a public page, a document or an admin screen
    (``admin`` True: behind the login). ``url`` is a path on this portal."""

    label: str
    url: str
    admin: bool = False


@dataclass
class Row:
    indicator: Indicator
    summary: str
    figures: dict
    evidence: list[Evidence] = field(default_factory=list)
    assessment: PekpppAssessment | None = None


@dataclass
class Evaluation:
    unit_page: UnitPage
    year: int
    rows: list[Row]
    documents: list  # (folder, Wagtail document): minutes and the Maklumat
    photos: list  # media-log entries with a photo
    tables: dict  # name -> (columns, rows) for the CSV files

    @property
    def period(self) -> Period:
        return Period.parse(str(self.year))

    def aspect_score(self, aspect: str) -> float | None:
        """The aspect's score from the evaluator's entries (0-100): the weighted mean
        of its indicators' scores; None until every weighted indicator has one."""
        rows = [r for r in self.rows if r.indicator.aspect == aspect]
        weighted = [r for r in rows if r.indicator.weight]
        if not weighted:
            scored = [r.assessment.score for r in rows if r.assessment and r.assessment.score]
            if len(scored) != len(rows) or not rows:
                return None
            return round(sum(scored) / len(scored), 2)
        if any(r.assessment is None or r.assessment.score is None for r in weighted):
            return None
        total = sum(r.indicator.weight for r in weighted)
        return round(sum(r.indicator.weight * r.assessment.score for r in weighted) / total, 2)


def page_path(page, query: str = "") -> str:
    """A page's path on its site (a unit page shows its results and its RTL)."""
    _site_id, _root, path = page.get_url_parts()
    return path + query


def admin_page(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def filled(value) -> bool:
    if isinstance(value, int):
        return True  # a fee of 0 is a stated component: the service is free
    return bool(strip_tags(value or "").strip())


def missing_components(page: ServicePage) -> list[str]:
    """The names of the 14 components (PermenPANRB 15/2014) a standard leaves empty."""
    names = []
    for name in ServicePage.DELIVERY_FIELDS + ServicePage.MANAGEMENT_FIELDS:
        if not filled(getattr(page, name)):
            names.append(str(ServicePage._meta.get_field(name).verbose_name))
    return names


def standard_pages(unit_page: UnitPage):
    return (
        ServicePage.objects.live()
        .public()
        .descendant_of(unit_page)
        .select_related("service", "decree_document")
        .order_by("title")
    )


def unit_pages(unit_page: UnitPage):
    return UnitPage.objects.live().descendant_of(unit_page, inclusive=True).order_by("path")


def media_entries(unit_page: UnitPage, year: int, subject: str):
    return (
        MediaPublication.objects.filter(
            unit_id__in=unit_page.unit.descendant_ids(),
            subject=subject,
            published_on__year=year,
        )
        .select_related("unit")
        .order_by("published_on", "pk")
    )


def media_admin(entry) -> str:
    return reverse("wagtailsnippets_content_mediapublication:edit", args=[entry.pk])


def within(code: str, period: Period) -> bool:
    try:
        inner = Period.parse(code)
    except ValueError:
        return False
    return period.start <= inner.start and inner.end <= period.end


def portal_publications(unit_page: UnitPage, year: int) -> list[dict]:
    """Where the portal itself publishes the unit's standards and SKM results: the
    public pages, never typed by hand. Each {"subject", "title", "url"}."""
    standard, skm = MediaPublication.Subject.STANDARD, MediaPublication.Subject.SKM
    rows = [
        {"subject": standard, "label": standard.label, "title": page.title, "url": page_path(page)}
        for page in standard_pages(unit_page)
    ]
    rows.append(
        {
            "subject": skm,
            "label": skm.label,
            "title": unit_page.title,
            "url": page_path(unit_page, f"?periode={year}"),
        }
    )
    for report in reports_of(unit_page, year):
        rows.append(
            {"subject": skm, "label": skm.label, "title": report.title, "url": page_path(report)}
        )
    return rows


def reports_of(unit_page: UnitPage, year: int) -> list:
    period = Period.parse(str(year))
    reports = SurveyReportPage.objects.live().public().filter(unit=unit_page.unit)
    return [r for r in reports.order_by("period", "title") if within(r.period, period)]


def evaluate(unit_page: UnitPage, year: int, *, today: datetime.date | None = None) -> Evaluation:
    """Every indicator for ``unit_page`` (with its sub-units) and ``year``."""
    period = Period.parse(str(year))
    pages = list(standard_pages(unit_page))
    assessments = {
        a.indicator: a
        for a in PekpppAssessment.objects.filter(unit=unit_page.unit, year=year).select_related(
            "updated_by"
        )
    }
    reviews = list(
        StandardReview.objects.filter(page__in=[p.pk for p in pages], reviewed_on__year=year)
        .select_related("page", "minutes")
        .order_by("reviewed_on", "pk")
    )
    pages_by_id = {p.pk: p for p in pages}
    documents, tables = [], {}
    rows = []

    # KP1: the standard, its 14 components and its decree.
    standard_rows = []
    for page in pages:
        missing = missing_components(page)
        standard_rows.append(
            {
                "kode_layanan": page.service.code,
                "layanan": page.title,
                "komponen_terisi": 14 - len(missing),
                "komponen_kosong": ", ".join(missing),
                "lengkap": not missing,
                "sk_penetapan": bool(page.decree_document_id),
                "tanggal_penetapan": page.established_on.isoformat() if page.established_on else "",
                "tautan": page_path(page),
            }
        )
    complete = sum(1 for r in standard_rows if r["lengkap"])
    decreed = sum(1 for r in standard_rows if r["sk_penetapan"])
    tables["standar"] = (STANDARD_COLUMNS, standard_rows)
    rows.append(
        Row(
            BY_CODE["KP1"],
            _(
                "%(complete)d dari %(total)d standar pelayanan memuat 14 komponen lengkap; "
                "%(decreed)d dengan SK penetapan."
            )
            % {"complete": complete, "total": len(pages), "decreed": decreed},
            {"standards": len(pages), "complete": complete, "with_decree": decreed},
            [Evidence(p.title, page_path(p)) for p in pages],
        )
    )

    # KP2: citizens in the reviews of the year.
    with_citizens = [r for r in reviews if r.citizens_took_part]
    participants = sum(r.participants or 0 for r in with_citizens)
    review_rows = []
    for review in reviews:
        page = pages_by_id[review.page_id]
        review_rows.append(
            {
                "layanan": page.title,
                "tanggal": review.reviewed_on.isoformat(),
                "warga_ikut_serta": review.citizens_took_part,
                "cara": review.get_participation_display() if review.participation else "",
                "jumlah_peserta": review.participants,
                "perubahan_diputuskan": review.changes_decided,
                "halaman_diubah": review.page_changed,
                "notulen": review.minutes.url if review.minutes_id else "",
            }
        )
        if review.minutes_id:
            documents.append(("notulen", review.minutes))
    tables["peninjauan"] = (REVIEW_COLUMNS, review_rows)
    evidence = [
        Evidence(pages_by_id[r.page_id].title, page_path(pages_by_id[r.page_id]))
        for r in with_citizens
    ]
    evidence += [Evidence(r.minutes.title, r.minutes.url) for r in with_citizens if r.minutes_id]
    rows.append(
        Row(
            BY_CODE["KP2"],
            _(
                "%(with)d dari %(total)d peninjauan standar pada %(year)d melibatkan warga "
                "(%(participants)d peserta)."
            )
            % {
                "with": len(with_citizens),
                "total": len(reviews),
                "year": year,
                "participants": participants,
            },
            {
                "reviews": len(reviews),
                "with_citizens": len(with_citizens),
                "participants": participants,
            },
            unique(evidence),
        )
    )

    # KP3 and KP7: the media that published the standard and the SKM results.
    portal = portal_publications(unit_page, year)
    media_rows, photos = [], []
    for subject, code in (
        (MediaPublication.Subject.STANDARD, "KP3"),
        (MediaPublication.Subject.SKM, "KP7"),
    ):
        entries = list(media_entries(unit_page, year, subject))
        own = [p for p in portal if p["subject"] == subject]
        kinds = sorted({e.kind for e in entries})
        media = len(kinds) + (1 if own else 0)
        for item in own:
            media_rows.append(
                {
                    "publikasi": MediaPublication.Subject(subject).label,
                    "media": _("Portal ini"),
                    "tanggal": "",
                    "unit": unit_page.title,
                    "judul": item["title"],
                    "tautan": item["url"],
                    "foto": "",
                    "catatan": _("otomatis dari halaman yang terbit"),
                }
            )
        for entry in entries:
            media_rows.append(
                {
                    "publikasi": entry.get_subject_display(),
                    "media": entry.get_kind_display(),
                    "tanggal": entry.published_on.isoformat(),
                    "unit": entry.unit.name,
                    "judul": entry.title,
                    "tautan": entry.link,
                    "foto": f"dokumen/{photo_name(entry)}" if entry.photo else "",
                    "catatan": entry.note,
                }
            )
            if entry.photo:
                photos.append(entry)
        by_kind = {
            str(MediaPublication.Kind(k).label): sum(e.kind == k for e in entries) for k in kinds
        }
        rows.append(
            Row(
                BY_CODE[code],
                _("%(media)d media: %(list)s.")
                % {
                    "media": media,
                    "list": ", ".join(
                        ([str(_("portal ini"))] if own else [])
                        + [f"{name} ({count})" for name, count in by_kind.items()]
                    )
                    or _("belum ada"),
                },
                {"media": media, "portal": bool(own), "entries": len(entries), "by_kind": by_kind},
                [Evidence(p["title"], p["url"]) for p in own]
                + [Evidence(e.title, media_admin(e), admin=True) for e in entries],
            )
        )
    tables["media"] = (MEDIA_COLUMNS, media_rows)

    # KP4: periodic review, acted on.
    decided = [r for r in reviews if r.changes_decided.strip()]
    acted = [r for r in decided if r.page_changed]
    overdue = review_cycle.overdue_standards(
        ServicePage.objects.live().descendant_of(unit_page), today=today
    )
    evidence = unique(
        [Evidence(pages_by_id[r.page_id].title, page_path(pages_by_id[r.page_id])) for r in reviews]
        + [
            Evidence(
                _("Revisi %(title)s") % {"title": pages_by_id[r.page_id].title},
                reverse("wagtailadmin_pages:revisions_view", args=[r.page_id, r.revision_id]),
                admin=True,
            )
            for r in acted
            if r.revision_id
        ]
    )
    rows.append(
        Row(
            BY_CODE["KP4"],
            _(
                "%(reviewed)d dari %(total)d standar ditinjau pada %(year)d; %(acted)d dari "
                "%(decided)d keputusan perubahan sudah dimuat di halaman; %(overdue)d standar "
                "lewat jadwal peninjauan."
            )
            % {
                "reviewed": len({r.page_id for r in reviews}),
                "total": len(pages),
                "year": year,
                "acted": len(acted),
                "decided": len(decided),
                "overdue": len(overdue),
            },
            {
                "reviews": len(reviews),
                "standards_reviewed": len({r.page_id for r in reviews}),
                "changes_decided": len(decided),
                "changes_made": len(acted),
                "overdue": len(overdue),
            },
            evidence,
        )
    )

    # KP5: the Maklumat cycle.
    has_text = bool(unit_page.maklumat.strip())
    signed = bool(unit_page.maklumat_document_id and unit_page.maklumat_signed_on)
    places = unit_page.maklumat_places
    flag = next(
        (
            f["reason"]
            for f in maklumat.flags([unit_page], ServicePage.objects.live().child_of(unit_page))
        ),
        None,
    )
    evidence = [Evidence(unit_page.title, page_path(unit_page))]
    if unit_page.maklumat_document_id:
        document = unit_page.maklumat_document
        documents.append(("maklumat", document))
        evidence.append(Evidence(document.title, document.url))
    state = {
        None: _("terkini"),
        "missing": _("belum ditandatangani atau belum diunggah"),
        "older": _("lebih tua dari standar terbaru yang dicakupnya"),
    }[flag]
    rows.append(
        Row(
            BY_CODE["KP5"],
            _(
                "Maklumat %(available)s; %(signed)s; dipublikasikan di portal dan %(places)d "
                "tempat lain; %(state)s."
            )
            % {
                "available": _("tersedia") if has_text or signed else _("belum tersedia"),
                "signed": _("ditandatangani %(day)s oleh %(position)s")
                % {
                    "day": unit_page.maklumat_signed_on.strftime("%d-%m-%Y"),
                    "position": unit_page.maklumat_signatory_position or "-",
                }
                if signed
                else _("belum ada dokumen bertanda tangan"),
                "places": len(places),
                "state": state,
            },
            {
                "available": has_text or signed,
                "signed": signed,
                "signed_on": unit_page.maklumat_signed_on.isoformat() if signed else None,
                "signatory_position": unit_page.maklumat_signatory_position,
                "places": len(places),
                "flag": flag,
            },
            evidence,
        )
    )

    # KP6: the SKM of the year, its sample and its published results.
    scope = selectors.Scope.of(unit_page.unit)
    result = selectors.ikm_for(scope=scope, period=period)
    coverage = selectors.coverage_for(scope=scope, period=period, respondents=result.respondents)
    reports = reports_of(unit_page, year)
    skm_rows = [skm_row(unit_page.unit.code, unit_page.title, result, coverage, year)]
    for page in pages:
        service_scope = selectors.Scope.of(page.service)
        service_result = selectors.ikm_for(scope=service_scope, period=period)
        skm_rows.append(
            skm_row(
                page.service.code,
                page.title,
                service_result,
                selectors.coverage_for(
                    scope=service_scope, period=period, respondents=service_result.respondents
                ),
                year,
            )
        )
    tables["skm"] = (SKM_COLUMNS, skm_rows)
    if result.suppressed:
        summary = _(
            "%(n)d responden pada %(year)d, kurang dari batas terbit: IKM belum diterbitkan."
        ) % {"n": result.respondents, "year": year}
    else:
        summary = _("IKM %(ikm)s (mutu %(mutu)s) dari %(n)d responden pada %(year)d.") % {
            "ikm": f"{result.ikm:.2f}".replace(".", ","),
            "mutu": result.mutu,
            "n": result.respondents,
            "year": year,
        }
    if coverage.adequate is not None:
        summary += " " + (
            _("Sampel memadai: %(n)d dari %(req)d yang diperlukan.")
            if coverage.adequate
            else _("Sampel belum memadai: %(n)d dari %(req)d yang diperlukan.")
        ) % {"n": result.respondents, "req": coverage.required_sample}
    else:
        summary += " " + _("Jumlah pengguna layanan belum lengkap: kecukupan sampel belum dinilai.")
    summary += " " + _("%(reports)d laporan SKM terbit.") % {"reports": len(reports)}
    rows.append(
        Row(
            BY_CODE["KP6"],
            summary,
            {
                "respondents": result.respondents,
                "suppressed": result.suppressed,
                "ikm": result.ikm,
                "mutu": result.mutu,
                **coverage.as_dict(),
                "reports": len(reports),
            },
            [
                Evidence(unit_page.title, page_path(unit_page, f"?periode={year}")),
                Evidence(
                    _("API IKM %(year)d") % {"year": year},
                    reverse("api-ikm") + f"?unit={unit_page.unit.code}&period={year}",
                ),
            ]
            + [Evidence(r.title, page_path(r)) for r in reports],
        )
    )

    # KP8: the follow-ups (RTL) of the year's results.
    follow_ups = [
        f
        for f in FollowUpAction.objects.filter(page__in=unit_pages(unit_page))
        .select_related("page")
        .order_by("period", "element", "pk")
        if within(f.period, period)
    ]
    done = sum(1 for f in follow_ups if f.status == FollowUpAction.Status.DONE)
    share = round(done * 100 / len(follow_ups), 1) if follow_ups else None
    tables["rtl"] = (
        RTL_COLUMNS,
        [
            {
                "unit": f.page.title,
                "periode": f.period,
                "unsur": f.get_element_display(),
                "tindak_lanjut": f.action,
                "waktu": f.timing,
                "penanggung_jawab": f.responsible,
                "status": f.get_status_display(),
                "hasil": f.outcome,
            }
            for f in follow_ups
        ],
    )
    rows.append(
        Row(
            BY_CODE["KP8"],
            _("%(done)d dari %(total)d rencana tindak lanjut selesai (%(share)s).")
            % {
                "done": done,
                "total": len(follow_ups),
                "share": f"{share:.1f}%".replace(".", ",") if share is not None else "-",
            },
            {"follow_ups": len(follow_ups), "done": done, "done_percent": share},
            unique([Evidence(f.page.title, page_path(f.page)) for f in follow_ups]),
        )
    )

    # KD1: consultation and complaints, as the standards and the citizens see them.
    with_channel = [p for p in pages if filled(p.pengaduan)]
    u8 = result.nrr.get("U8") if result.nrr else None
    pemda = PemdaSettings.load()
    # SP4N-LAPOR! (or the Pemda's own complaints address) and the other channels the
    # site's footer lists on every page.
    channels = (1 if pemda.complaints_url else 0) + len(pemda.complaint_channel_list)
    rows.append(
        Row(
            BY_CODE["KD1"],
            _(
                "%(with)d dari %(total)d standar memuat penanganan pengaduan; %(channels)d "
                "saluran pengaduan tercantum di setiap halaman portal; nilai unsur U8 "
                "(penanganan pengaduan) %(u8)s."
            )
            % {
                "with": len(with_channel),
                "total": len(pages),
                "channels": channels,
                "u8": f"{u8:.3f}".replace(".", ",") if u8 is not None else "-",
            },
            {
                "standards_with_complaints": len(with_channel),
                "complaint_channels": channels,
                "nrr_u8": u8,
            },
            [Evidence(p.title, page_path(p)) for p in with_channel],
        )
    )

    rows.sort(key=lambda row: CODES.index(row.indicator.code))
    for row in rows:
        row.assessment = assessments.get(row.indicator.code)
    tables["indikator"] = (INDICATOR_COLUMNS, [indicator_row(r) for r in rows])
    return Evaluation(unit_page, year, rows, unique_documents(documents), photos, tables)


STANDARD_COLUMNS = [
    "kode_layanan",
    "layanan",
    "komponen_terisi",
    "komponen_kosong",
    "lengkap",
    "sk_penetapan",
    "tanggal_penetapan",
    "tautan",
]
REVIEW_COLUMNS = [
    "layanan",
    "tanggal",
    "warga_ikut_serta",
    "cara",
    "jumlah_peserta",
    "perubahan_diputuskan",
    "halaman_diubah",
    "notulen",
]
MEDIA_COLUMNS = ["publikasi", "media", "tanggal", "unit", "judul", "tautan", "foto", "catatan"]
SKM_COLUMNS = [
    "kode",
    "nama",
    "periode",
    "responden",
    "ikm",
    "mutu",
    "pengguna_layanan",
    "sampel_diperlukan",
    "sampel_memadai",
]
RTL_COLUMNS = [
    "unit",
    "periode",
    "unsur",
    "tindak_lanjut",
    "waktu",
    "penanggung_jawab",
    "status",
    "hasil",
]
INDICATOR_COLUMNS = [
    "kode",
    "aspek",
    "sub_aspek",
    "indikator",
    "bobot_persen",
    "bukti_portal",
    "nilai_evaluator",
    "catatan_evaluator",
    "diisi_pada",
    "tautan_bukti",
]


def skm_row(code, name, result, coverage, year) -> dict:
    return {
        "kode": code,
        "nama": name,
        "periode": str(year),
        "responden": result.respondents,
        "ikm": None if result.suppressed else round(result.ikm, 2),
        "mutu": result.mutu or "",
        "pengguna_layanan": coverage.service_users,
        "sampel_diperlukan": coverage.required_sample,
        "sampel_memadai": coverage.adequate,
    }


def indicator_row(row: Row) -> dict:
    a = row.assessment
    return {
        "kode": row.indicator.code,
        "aspek": str(ASPECTS[row.indicator.aspect][0]),
        "sub_aspek": str(row.indicator.sub_aspect),
        "indikator": str(row.indicator.name),
        "bobot_persen": row.indicator.weight,
        "bukti_portal": str(row.summary),
        "nilai_evaluator": a.score if a else None,
        "catatan_evaluator": a.note if a else "",
        # When, never who: the pack carries no staff names.
        "diisi_pada": a.updated_at.date().isoformat() if a else "",
        "tautan_bukti": " ".join(e.url for e in row.evidence),
    }


def unique(evidence: list[Evidence]) -> list[Evidence]:
    seen, out = set(), []
    for item in evidence:
        if item.url not in seen:
            seen.add(item.url)
            out.append(item)
    return out


def unique_documents(documents: list) -> list:
    seen, out = set(), []
    for folder, document in documents:
        if document.pk not in seen:
            seen.add(document.pk)
            out.append((folder, document))
    return out


def photo_name(entry) -> str:
    return f"foto-media/{entry.pk}-{entry.photo.name.rsplit('/', 1)[-1]}"


def years(today: datetime.date | None = None) -> list[int]:
    """The years offered on the screen: this year and the four before it."""
    today = today or datetime.date.today()
    return list(range(today.year, today.year - 5, -1))
