"""Published survey results for page templates: one context builder for service,
unit and Pemda pages, so every page shows the same figures the same way."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from feedback.models import Education, Occupation, ProfileMonth, Sex
from feedback.results import loop_figures, selectors
from feedback.results.api import CSV_COLUMNS
from feedback.results.rollups import AGE_BANDS
from feedback.rules import ikm
from feedback.rules.periods import Period
from feedback.rules.skm import BY_CODE, CODES

from . import charts

PERIOD_PARAM = "periode"
# The band labels come from feedback.rules.ikm (no Django there); listed here so the
# catalogue carries them and templates can `{% translate result.kinerja %}`.
KINERJA_LABELS = [
    gettext_noop("Sangat Baik"),
    gettext_noop("Baik"),
    gettext_noop("Kurang Baik"),
    gettext_noop("Tidak Baik"),
]
# Where a result's respondents come from (ikm.Result.source), as the page says it.
SOURCE_LABELS = {
    ikm.SOURCE_RESPONDENTS: gettext_lazy("Respons warga di portal"),
    ikm.SOURCE_REPORT: gettext_lazy("Tabel laporan SKM terdahulu (diimpor)"),
    ikm.SOURCE_MIXED: gettext_lazy("Gabungan respons di portal dan tabel laporan terdahulu"),
}
# Printed labels of the stored profile codes (translated with the interface).
PROFILE_LABELS = {
    "sex": dict(Sex.choices),
    "education": dict(Education.choices),
    "occupation": dict(Occupation.choices),
}


def period_choices(latest: Period) -> list[Period]:
    """Quarters, semesters and years a citizen can pick, newest first."""
    quarters = [*latest.previous(7), latest]
    semester = Period.parse(f"{latest.year}-S{1 if latest.last_month <= 6 else 2}")
    semesters = [*semester.previous(3), semester]
    years = [*Period.parse(str(latest.year)).previous(2), Period.parse(str(latest.year))]
    return list(reversed(quarters)) + list(reversed(semesters)) + list(reversed(years))


def chosen_period(request) -> tuple[Period, Period, str | None]:
    """(period shown, default period, error message) from ?periode=."""
    raw = request.GET.get(PERIOD_PARAM) if request is not None else None
    period, error = selectors.period_or_latest(raw)
    return period, selectors.latest_period_with_data(), error


def _natural_order(dimension: str) -> dict:
    """Rank of each stored value in its natural order (age bands youngest first, the
    choices as the form lists them), "not given" last: a table reads like the form."""
    if dimension == "age":
        codes = [label for _low, _high, label in AGE_BANDS]
    else:
        codes = list(PROFILE_LABELS.get(dimension, {}))
    return {code: rank for rank, code in enumerate(codes)}


def profile_table(profile: dict) -> list[dict]:
    rows = []
    for dimension, label in ProfileMonth.Dimension.choices:
        rank = _natural_order(dimension)
        entries = sorted(
            profile.get(dimension, []), key=lambda e, rank=rank: rank.get(e[0], len(rank))
        )
        total = sum(n for _v, n in entries) or 1
        values = PROFILE_LABELS.get(dimension, {})
        rows.append(
            {
                "label": label,
                "entries": [
                    {
                        "value": values.get(v, v) or _("Tidak diisi"),
                        "count": n,
                        "share": round(100 * n / total, 1),
                    }
                    for v, n in entries
                ],
            }
        )
    return rows


def results_context(target, request) -> dict:
    """Everything a results section shows for a service, a unit (with sub-units) or
    the Pemda (target None), for the period chosen in the request."""
    period, default, error = chosen_period(request)
    scope = selectors.Scope.of(target)
    result = selectors.ikm_for(scope=scope, period=period)
    trend = selectors.ikm_trend(scope=scope, period=period, count=6)
    context = {
        "scope": scope,
        "period": period,
        "period_error": error,
        "period_param": PERIOD_PARAM,
        "period_choices": period_choices(default),
        "result": result,
        "minimum": selectors.public_minimum(),
        "coverage": selectors.coverage_for(
            scope=scope, period=period, respondents=result.respondents
        ),
        "source_label": SOURCE_LABELS[result.source],
        "trend": [
            {"period": p, "result": r, "source_label": SOURCE_LABELS[r.source]} for p, r in trend
        ],
        "trend_chart": charts.trend_points([(p.code, r.ikm) for p, r in trend]),
    }
    loop = loop_figures.loop_for(scope=scope, period=period)
    context["loop"] = {**loop, "share_within_sla": loop_figures.share_within_sla(loop)}
    if not result.suppressed:
        context["elements"] = [
            {"code": c, "name": BY_CODE[c].name, "nrr": result.nrr[c], "weak": c in result.weakest}
            for c in CODES
        ]
        context["element_chart"] = charts.element_bars(result.nrr, result.weakest)
        if result.source == ikm.SOURCE_RESPONDENTS:
            context["profile"] = profile_table(selectors.profile_for(scope=scope, period=period))
        else:
            # A report's tables kept no profile; a partial one would mislead.
            context["profile_unavailable"] = True
    return context


# What each column of the open-data IKM files holds (the open-data page lists them
# all; a column added to feedback.results.api.CSV_COLUMNS without its line here fails
# open_data_columns, so the page never leaves one out).
OPEN_DATA_COLUMNS = {
    "type": gettext_lazy("Jenis baris: service (layanan) atau unit."),
    "code": gettext_lazy("Kode layanan atau unit dalam registri portal."),
    "name": gettext_lazy("Nama layanan atau unit."),
    "unit": gettext_lazy("Kode unit penyelenggara layanan (kosong pada tabel per unit)."),
    "period": gettext_lazy("Periode survei: TTTT, TTTT-S1/S2, TTTT-Q1..Q4 atau TTTT-BB."),
    "respondents": gettext_lazy(
        "Jumlah responden pada periode itu, termasuk tabel laporan SKM terdahulu yang diimpor."
    ),
    "suppressed": gettext_lazy(
        '"ya" (JSON: true) bila responden kurang dari batas minimal: kolom nilai dikosongkan.'
    ),
    "ikm": gettext_lazy("Indeks Kepuasan Masyarakat, nilai konversi 25-100 (bobot tepat 1/9)."),
    "mutu": gettext_lazy("Mutu pelayanan: A, B, C atau D."),
    "kinerja": gettext_lazy("Kinerja unit pelayanan: Sangat Baik, Baik, Kurang Baik, Tidak Baik."),
    "ci95_low": gettext_lazy(
        "Batas bawah selang kepercayaan 95% IKM; kosong bila ada responden dari tabel laporan."
    ),
    "ci95_high": gettext_lazy(
        "Batas atas selang kepercayaan 95% IKM; kosong bila ada responden dari tabel laporan."
    ),
    "source": gettext_lazy(
        "Asal responden: responden (respons di portal), laporan (tabel laporan SKM "
        "terdahulu) atau campuran."
    ),
    "service_users": gettext_lazy(
        "Jumlah pengguna layanan pada periode itu, dicatat per layanan (untuk semester atau "
        "tahun tanpa angkanya sendiri: jumlah triwulan atau bulannya); kosong bila belum "
        "diisi untuk setiap layanan."
    ),
    "required_sample": gettext_lazy(
        "Sampel minimal menurut tabel Krejcie & Morgan untuk jumlah pengguna layanan itu."
    ),
    "adequate": gettext_lazy(
        '"ya" (JSON: true) bila responden mencapai sampel minimal, "tidak" (false) bila '
        "belum; kosong (null) bila jumlah pengguna layanan belum diisi."
    ),
}


def open_data_columns() -> list[tuple[str, str]]:
    """(column, what it holds) for every column of the open-data IKM files, in order."""
    columns = []
    for column in CSV_COLUMNS:
        if column in BY_CODE:
            text = _("Nilai rata-rata (NRR, skala 1-4) unsur %(code)s %(name)s.") % {
                "code": column,
                "name": BY_CODE[column].name,
            }
        else:
            text = str(OPEN_DATA_COLUMNS[column])
        columns.append((column, text))
    return columns
