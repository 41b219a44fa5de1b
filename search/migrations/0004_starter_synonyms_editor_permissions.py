"""A starter list of synonyms and abbreviations of Indonesian public services, and
the editors' permissions on the search lists.

Editors keep the list in the admin (Pencarian > Sinonim pencarian); this only
fills an empty list, so a re-run never brings back an entry an editor deleted.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STARTER = [
    ("e-KTP, KTP elektronik, KTP-el, eKTP, KTP, kartu tanda penduduk", "KTP elektronik"),
    ("akte, akta", "ejaan lama"),
    ("ijin, izin", "ejaan lama"),
    ("praktek, praktik", "ejaan lama"),
    ("kartu keluarga, KK", ""),
    ("KIA, kartu identitas anak, KTP anak", ""),
    ("NIK, nomor induk kependudukan", ""),
    ("SKPWNI, surat pindah, surat keterangan pindah, pindah domisili", ""),
    ("dukcapil, disdukcapil, capil, catatan sipil, pencatatan sipil", ""),
    ("meninggal, kematian, wafat, meninggal dunia", ""),
    ("keur, KIR, uji KIR, uji berkala, uji kendaraan", "pengujian kendaraan bermotor"),
    ("PIRT, P-IRT, SPP-IRT, izin PIRT, sertifikat PIRT", "pangan industri rumah tangga"),
    ("bansos, bantuan sosial, DTKS, DTSEN, data terpadu kesejahteraan sosial", ""),
    ("SKTM, surat keterangan tidak mampu, surat miskin, surat tidak mampu", ""),
    ("BPJS, JKN, KIS, jaminan kesehatan nasional, kartu indonesia sehat", ""),
    ("PBI, penerima bantuan iuran, BPJS gratis", ""),
    ("SIM, surat izin mengemudi", ""),
    ("PBB, pajak bumi dan bangunan, PBB-P2", ""),
    ("SPPT, surat pemberitahuan pajak terutang", ""),
    ("BPHTB, bea perolehan hak atas tanah dan bangunan, pajak jual beli tanah", ""),
    ("NIB, nomor induk berusaha", ""),
    ("OSS, online single submission", ""),
    ("SIUP, izin usaha", ""),
    ("IMB, PBG, persetujuan bangunan gedung, izin mendirikan bangunan", ""),
    ("SIP, surat izin praktik, surat izin praktek, izin praktek", "ejaan praktek"),
    ("SIPB, surat izin praktik bidan, izin bidan", ""),
    ("SLHS, sertifikat laik higiene sanitasi, laik sehat", ""),
    ("ANC, antenatal care, periksa kehamilan, pemeriksaan kehamilan, cek kandungan", ""),
    ("vaksin, imunisasi, vaksinasi, suntik imunisasi", ""),
    ("berobat, pengobatan, periksa dokter", ""),
    ("puskesmas, pusat kesehatan masyarakat", ""),
    ("angkot, angkutan kota, angkutan perkotaan", ""),
    ("angkudes, angkutan desa, angkutan perdesaan", ""),
    ("NPWPD, nomor pokok wajib pajak daerah", ""),
    ("PBJT, pajak barang dan jasa tertentu", ""),
    ("MPP, mal pelayanan publik", ""),
    ("PTSP, DPMPTSP, pelayanan terpadu satu pintu", ""),
    ("lansia, lanjut usia", ""),
    ("disabilitas, difabel, penyandang disabilitas", ""),
    ("reklame, baliho, billboard, spanduk", ""),
    ("gratis, tanpa biaya, tidak dipungut biaya", ""),
]

EDITOR_GROUPS = ("Editors", "Moderators")
EDIT = ("add", "change", "delete", "view")
GRANTS = {
    "search": [f"{a}_synonym" for a in EDIT]
    + [f"{a}_servicesearchterms" for a in EDIT]
    + ["view_noresultquery", "delete_noresultquery"],
    "wagtailsearchpromotions": [
        "add_searchpromotion",
        "change_searchpromotion",
        "delete_searchpromotion",
    ],
}


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    if not Synonym.objects.exists():
        Synonym.objects.bulk_create(Synonym(terms=t, note=n) for t, n in STARTER)

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name in EDITOR_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codenames in GRANTS.items():
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_trigram_words"),
        ("feedback", "0002_groups"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
