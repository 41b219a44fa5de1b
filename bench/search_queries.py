"""Everyday searches on the demo Pemda and the service each should find: the measure of
search quality (bench/search_bench.py prints it per engine; tests/search/test_quality.py
holds it to a threshold).

Written from the demo catalogue (portal/demo/catalog.py) as citizens type: old
spellings (akte, ijin, praktek), abbreviations (KK, SKTM, PIRT), colloquial words
(bikin, angkot, keur), hyphen and space variants (e-KTP, ektp, e ktp) and typos.
A query succeeds when its service is among the first three results.
"""

from __future__ import annotations

TOP = 3

INDONESIAN = [
    ("e-KTP", "KTP-EL"),
    ("ektp", "KTP-EL"),
    ("e ktp hilang", "KTP-EL"),
    ("bikin ktp baru", "KTP-EL"),
    ("ktp rusak", "KTP-EL"),
    ("rekam ktp", "KTP-EL"),
    ("ktp elektronik", "KTP-EL"),
    ("kartu tanda penduduk", "KTP-EL"),
    ("KK", "KK"),
    ("kk hilang", "KK"),
    ("pecah kk", "KK"),
    ("tambah anggota keluarga di kk", "KK"),
    ("kartu kluarga", "KK"),
    ("akte kelahiran", "AKTA-LAHIR"),
    ("akte lahir anak", "AKTA-LAHIR"),
    ("akta lahir", "AKTA-LAHIR"),
    ("surat kelahiran bayi", "AKTA-LAHIR"),
    ("akta kelahran", "AKTA-LAHIR"),
    ("akte kematian", "AKTA-MATI"),
    ("lapor orang meninggal", "AKTA-MATI"),
    ("ktp anak", "KIA"),
    ("kartu identitas anak", "KIA"),
    ("surat pindah", "SKPWNI"),
    ("pindah domisili", "SKPWNI"),
    ("skpwni", "SKPWNI"),
    ("nib", "NIB-OSS"),
    ("daftar izin usaha umkm", "NIB-OSS"),
    ("ijin usaha", "NIB-OSS"),
    ("sip dokter", "SIP-DOKTER"),
    ("izin praktek dokter", "SIP-DOKTER"),
    ("izin bidan", "SIP-BIDAN"),
    ("sipb", "SIP-BIDAN"),
    ("pirt", "SPP-IRT"),
    ("izin pirt keripik", "SPP-IRT"),
    ("sertifikat produksi pangan rumahan", "SPP-IRT"),
    ("izin jualan kue", "SPP-IRT"),
    ("izin pasang baliho", "IZIN-REKLAME"),
    ("reklame", "IZIN-REKLAME"),
    ("laik higiene", "SLHS"),
    ("sertifikat higienis katering", "SLHS"),
    ("berobat ke puskesmas", "PKM1-UMUM"),
    ("periksa dokter umum", "PKM1-UMUM"),
    ("imunisasi bayi", "PKM1-IMUN"),
    ("vaksin anak", "PKM1-IMUN"),
    ("imunsasi", "PKM1-IMUN"),
    ("surat sehat", "PKM1-SKS"),
    ("surat keterangan sehat untuk melamar kerja", "PKM1-SKS"),
    ("periksa kehamilan", "PKM2-ANC"),
    ("cek kandungan ibu hamil", "PKM2-ANC"),
    ("cabut gigi", "PKM2-GIGI"),
    ("sakit gigi", "PKM2-GIGI"),
    ("bpjs gratis", "REK-PBI-JK"),
    ("kis pbi", "REK-PBI-JK"),
    ("bansos", "DTKS"),
    ("daftar dtks", "DTKS"),
    ("sktm", "DTKS"),
    ("surat tidak mampu", "DTKS"),
    ("izin trayek angkot", "IZIN-TRAYEK"),
    ("keur", "UJI-KIR"),
    ("uji kir truk", "UJI-KIR"),
    ("buku kir", "UJI-KIR"),
    ("sppt pbb hilang", "PBB-SALINAN"),
    ("salinan sppt", "PBB-SALINAN"),
    ("balik nama pbb", "PBB-MUTASI"),
    ("pecah sppt waris", "PBB-MUTASI"),
    ("bphtb", "BPHTB-VALIDASI"),
    ("pajak jual beli tanah", "BPHTB-VALIDASI"),
    ("pajak restoran", "PBJT-MAMIN"),
    ("daftar npwpd rumah makan", "PBJT-MAMIN"),
    ("pajak retoran", "PBJT-MAMIN"),
]

ENGLISH = [
    ("birth certificate", "AKTA-LAHIR"),
    ("ID card", "KTP-EL"),
    ("family card", "KK"),
    ("death certificate", "AKTA-MATI"),
    ("lost ID card", "KTP-EL"),
    ("business license", "NIB-OSS"),
    ("vaccination for my baby", "PKM1-IMUN"),
    ("dentist", "PKM2-GIGI"),
    ("health certificate", "PKM1-SKS"),
    ("pregnancy check-up", "PKM2-ANC"),
    ("vehicle inspection", "UJI-KIR"),
    ("restaurant tax", "PBJT-MAMIN"),
    ("property tax bill", "PBB-SALINAN"),
    ("midwife licence", "SIP-BIDAN"),
    ("child ID card", "KIA"),
]


def service_codes(engine, query: str, top: int = TOP) -> list[str]:
    """The service codes among the first ``top`` results (other page types count as
    places taken, as a citizen sees them)."""
    from content.models import ServicePage

    results = engine.search(query, per_page=top)
    ids = [hit.id for hit in results.hits[:top]]
    codes = dict(ServicePage.objects.filter(pk__in=ids).values_list("pk", "service__code"))
    return [codes.get(i, "") for i in ids]


def misses(engine, queries) -> list[tuple[str, str, list[str]]]:
    """(query, expected code, codes found) of every query whose service is not in the
    first three results."""
    out = []
    for query, code in queries:
        found = service_codes(engine, query)
        if code not in found:
            out.append((query, code, found))
    return out


def picker_misses(queries) -> list[tuple[str, str, list[str]]]:
    """The same measure for the /nilai/ picker: the service among the first three
    listed."""
    from search.service_match import services_to_rate

    out = []
    for query, code in queries:
        found = [s.code for g in services_to_rate(query) for s in g["services"]]
        if code not in found[:TOP]:
            out.append((query, code, found[:TOP]))
    return out
