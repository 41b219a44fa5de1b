"""Fictional demo Pemda used by ``load_demo_data``.

Describes "Kabupaten Sukamaju": its organisation units, 25 published service
standards (six delivery and eight management components per PermenPANRB
15/2014), Maklumat Pelayanan, service points, officer names and the public
page texts about the Survei Kepuasan Masyarakat. Pure data: standard library
only, nothing random, nothing computed at import time.
"""

PEMDA = {
    "code": "SKJ",
    "name": "Pemerintah Kabupaten Sukamaju",
    "short_name": "Kabupaten Sukamaju",
    "address": (
        "Jl. Pemuda No. 1, Kelurahan Sukamaju, Kecamatan Sukamaju Kota, "
        "Kabupaten Sukamaju, Jawa Tengah 59412"
    ),
    "phone": "(0285) 441001",
    "email": "pemkab@sukamajukab.go.id",
    "website": "https://sukamajukab.go.id",
}

# ---------------------------------------------------------------------------
# Units: pemda -> perangkat daerah -> unit layanan
# ---------------------------------------------------------------------------

UNITS = [
    {
        "code": "SKJ",
        "name": "Pemerintah Kabupaten Sukamaju",
        "level": "pemda",
        "parent": None,
        "description": (
            "Pemerintah Kabupaten Sukamaju menyelenggarakan urusan pemerintahan daerah "
            "bagi sekitar 1,1 juta penduduk di 18 kecamatan. Pembinaan dan pengawasan "
            "penyelenggaraan pelayanan publik dikoordinasikan oleh Bagian Organisasi "
            "Sekretariat Daerah."
        ),
        "address": (
            "Jl. Pemuda No. 1, Kelurahan Sukamaju, Kecamatan Sukamaju Kota, "
            "Kabupaten Sukamaju, Jawa Tengah 59412"
        ),
        "phone": "(0285) 441001",
        "email": "pemkab@sukamajukab.go.id",
        "opening_hours": "Senin-Kamis 07.30-16.00, Jumat 07.30-11.00",
    },
    {
        "code": "DISDUKCAPIL",
        "name": "Dinas Kependudukan dan Pencatatan Sipil",
        "level": "perangkat_daerah",
        "parent": "SKJ",
        "description": (
            "Dinas Kependudukan dan Pencatatan Sipil melaksanakan pendaftaran penduduk dan "
            "pencatatan sipil, mulai dari KTP-el, Kartu Keluarga, hingga akta kelahiran dan "
            "akta kematian. Seluruh dokumen kependudukan diterbitkan tanpa dipungut biaya."
        ),
        "address": (
            "Gedung Pelayanan Terpadu, Jl. Diponegoro No. 27, Kecamatan Sukamaju Kota, "
            "Kabupaten Sukamaju, Jawa Tengah 59412"
        ),
        "phone": "(0285) 441221",
        "email": "disdukcapil@sukamajukab.go.id",
        "opening_hours": (
            "Senin-Kamis 08.00-15.30, Jumat 08.00-11.00, Sabtu 08.00-12.00 khusus perekaman KTP-el"
        ),
    },
    {
        "code": "DPMPTSP",
        "name": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "level": "perangkat_daerah",
        "parent": "SKJ",
        "description": (
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu menerbitkan perizinan "
            "dan nonperizinan yang menjadi kewenangan daerah serta mendampingi pelaku usaha "
            "dalam sistem OSS. Layanan dibuka di Mal Pelayanan Publik Kabupaten Sukamaju."
        ),
        "address": (
            "Mal Pelayanan Publik, Jl. Jenderal Sudirman No. 45, Kecamatan Sukamaju Kota, "
            "Kabupaten Sukamaju, Jawa Tengah 59413"
        ),
        "phone": "(0285) 441330",
        "email": "dpmptsp@sukamajukab.go.id",
        "opening_hours": "Senin-Kamis 08.00-15.30, Jumat 08.00-11.00",
    },
    {
        "code": "DINKES",
        "name": "Dinas Kesehatan",
        "level": "perangkat_daerah",
        "parent": "SKJ",
        "description": (
            "Dinas Kesehatan membina 26 UPTD Puskesmas dan menyelenggarakan urusan "
            "kesehatan masyarakat, termasuk pengawasan higiene sanitasi tempat pengelolaan "
            "pangan. Dinas juga menjadi rujukan pengaduan atas layanan puskesmas."
        ),
        "address": (
            "Jl. Dr. Wahidin No. 9, Kecamatan Sukamaju Kota, Kabupaten Sukamaju, Jawa Tengah 59412"
        ),
        "phone": "(0285) 441415",
        "email": "dinkes@sukamajukab.go.id",
        "opening_hours": "Senin-Kamis 07.30-16.00, Jumat 07.30-11.00",
    },
    {
        "code": "DINSOS",
        "name": "Dinas Sosial",
        "level": "perangkat_daerah",
        "parent": "SKJ",
        "description": (
            "Dinas Sosial menangani perlindungan dan jaminan sosial bagi warga miskin dan "
            "rentan, termasuk pengelolaan data kesejahteraan sosial dan rekomendasi "
            "kepesertaan jaminan kesehatan yang iurannya dibayar pemerintah."
        ),
        "address": (
            "Jl. Veteran No. 14, Kecamatan Sukamaju Kota, Kabupaten Sukamaju, Jawa Tengah 59412"
        ),
        "phone": "(0285) 441560",
        "email": "dinsos@sukamajukab.go.id",
        "opening_hours": "Senin-Kamis 08.00-15.30, Jumat 08.00-11.00",
    },
    {
        "code": "DISHUB",
        "name": "Dinas Perhubungan",
        "level": "perangkat_daerah",
        "parent": "SKJ",
        "description": (
            "Dinas Perhubungan mengatur lalu lintas dan angkutan jalan di wilayah kabupaten, "
            "termasuk perizinan angkutan perdesaan dan angkutan perkotaan. Pengujian "
            "berkala kendaraan bermotor dilaksanakan oleh UPT di bawahnya."
        ),
        "address": (
            "Jl. Raya Sukamaju-Cibening Km 3, Desa Karangsari, Kecamatan Sukamaju Kota, "
            "Kabupaten Sukamaju, Jawa Tengah 59415"
        ),
        "phone": "(0285) 441670",
        "email": "dishub@sukamajukab.go.id",
        "opening_hours": "Senin-Kamis 08.00-15.30, Jumat 08.00-11.00",
    },
    {
        "code": "BAPENDA",
        "name": "Badan Pendapatan Daerah",
        "level": "perangkat_daerah",
        "parent": "SKJ",
        "description": (
            "Badan Pendapatan Daerah mengelola pendataan, penetapan, dan pelayanan pajak "
            "daerah seperti PBB-P2, BPHTB, dan Pajak Barang dan Jasa Tertentu. Pembayaran "
            "pajak dilakukan melalui bank persepsi, kanal daring, atau QRIS."
        ),
        "address": (
            "Jl. Pahlawan No. 8, Kecamatan Sukamaju Kota, Kabupaten Sukamaju, Jawa Tengah 59412"
        ),
        "phone": "(0285) 441780",
        "email": "bapenda@sukamajukab.go.id",
        "opening_hours": "Senin-Kamis 08.00-15.30, Jumat 08.00-11.00",
    },
    {
        "code": "PKM-SKJ-01",
        "name": "UPTD Puskesmas Sukamaju Kota",
        "level": "unit_layanan",
        "parent": "DINKES",
        "description": (
            "UPTD Puskesmas Sukamaju Kota adalah puskesmas rawat jalan di pusat kota yang "
            "melayani lima kelurahan dan empat desa. Puskesmas telah terakreditasi dan "
            "bekerja sama dengan BPJS Kesehatan sebagai fasilitas kesehatan tingkat pertama."
        ),
        "address": (
            "Jl. Kartini No. 21, Kelurahan Kauman, Kecamatan Sukamaju Kota, "
            "Kabupaten Sukamaju, Jawa Tengah 59412"
        ),
        "phone": "(0285) 442118",
        "email": "pkm.sukamajukota@sukamajukab.go.id",
        "opening_hours": (
            "Senin-Kamis 07.30-14.00, Jumat 07.30-11.00, Sabtu 07.30-12.30; "
            "Unit Gawat Darurat 24 jam"
        ),
    },
    {
        "code": "PKM-SKJ-02",
        "name": "UPTD Puskesmas Cibening",
        "level": "unit_layanan",
        "parent": "DINKES",
        "description": (
            "UPTD Puskesmas Cibening adalah puskesmas dengan ruang persalinan 24 jam yang "
            "melayani 14 desa di Kecamatan Cibening. Puskesmas didukung tiga puskesmas "
            "pembantu dan posyandu di setiap dusun."
        ),
        "address": (
            "Jl. Raya Cibening No. 112, Desa Cibening, Kecamatan Cibening, "
            "Kabupaten Sukamaju, Jawa Tengah 59452"
        ),
        "phone": "(0285) 451027",
        "email": "pkm.cibening@sukamajukab.go.id",
        "opening_hours": (
            "Senin-Kamis 07.30-14.00, Jumat 07.30-11.00, Sabtu 07.30-12.30; "
            "pelayanan persalinan dan gawat darurat 24 jam"
        ),
    },
    {
        "code": "UPT-PKB",
        "name": "UPT Pengujian Kendaraan Bermotor",
        "level": "unit_layanan",
        "parent": "DISHUB",
        "description": (
            "UPT Pengujian Kendaraan Bermotor melaksanakan uji berkala mobil penumpang "
            "umum, mobil bus, mobil barang, dan kendaraan khusus. Unit ini memiliki satu "
            "jalur uji terkomputerisasi dengan penguji bersertifikat kompetensi."
        ),
        "address": (
            "Jl. Lingkar Selatan Km 2, Desa Karangsari, Kecamatan Sukamaju Kota, "
            "Kabupaten Sukamaju, Jawa Tengah 59415"
        ),
        "phone": "(0285) 441695",
        "email": "uptpkb.dishub@sukamajukab.go.id",
        "opening_hours": (
            "Senin-Kamis 07.30-14.00, Jumat 07.30-10.30; "
            "pendaftaran uji ditutup 60 menit sebelum layanan berakhir"
        ),
    },
]

# ---------------------------------------------------------------------------
# Shared building blocks for the service standards
# ---------------------------------------------------------------------------

_HUKUM_PELAYANAN_PUBLIK = [
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
    "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 "
    "Tahun 2009 tentang Pelayanan Publik",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 15 "
    "Tahun 2014 tentang Pedoman Standar Pelayanan",
]

_HUKUM_ADMINDUK = [
    "Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan sebagaimana "
    "telah diubah dengan Undang-Undang Nomor 24 Tahun 2013",
    "Peraturan Pemerintah Nomor 40 Tahun 2019 tentang Pelaksanaan Undang-Undang Nomor 23 "
    "Tahun 2006 tentang Administrasi Kependudukan sebagaimana telah diubah dengan "
    "Undang-Undang Nomor 24 Tahun 2013",
    "Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran "
    "Penduduk dan Pencatatan Sipil",
    "Peraturan Menteri Dalam Negeri Nomor 108 Tahun 2019 tentang Peraturan Pelaksanaan "
    "Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran "
    "Penduduk dan Pencatatan Sipil",
]

_PERBUP_SP_DUKCAPIL = (
    "Peraturan Bupati Sukamaju Nomor 18 Tahun 2023 tentang Standar Pelayanan pada Dinas "
    "Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju"
)

_HUKUM_PERIZINAN = [
    "Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti "
    "Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang",
    "Peraturan Pemerintah Nomor 28 Tahun 2025 tentang Penyelenggaraan Perizinan Berusaha "
    "Berbasis Risiko",
    "Peraturan Pemerintah Nomor 6 Tahun 2021 tentang Penyelenggaraan Perizinan Berusaha di Daerah",
    "Peraturan Presiden Nomor 97 Tahun 2014 tentang Penyelenggaraan Pelayanan Terpadu Satu Pintu",
]

_HUKUM_KESEHATAN = [
    "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
    "Peraturan Pemerintah Nomor 28 Tahun 2024 tentang Peraturan Pelaksanaan Undang-Undang "
    "Nomor 17 Tahun 2023 tentang Kesehatan",
]

_HUKUM_JKN = (
    "Peraturan Presiden Nomor 82 Tahun 2018 tentang Jaminan Kesehatan sebagaimana telah "
    "diubah beberapa kali, terakhir dengan Peraturan Presiden Nomor 59 Tahun 2024"
)

_HUKUM_PAJAK = [
    "Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat "
    "dan Pemerintahan Daerah",
    "Peraturan Pemerintah Nomor 35 Tahun 2023 tentang Ketentuan Umum Pajak Daerah dan "
    "Retribusi Daerah",
    "Peraturan Daerah Kabupaten Sukamaju Nomor 7 Tahun 2023 tentang Pajak Daerah dan "
    "Retribusi Daerah",
]

_HUKUM_SOSIAL = [
    "Undang-Undang Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial",
    "Undang-Undang Nomor 13 Tahun 2011 tentang Penanganan Fakir Miskin",
    "Peraturan Menteri Sosial Nomor 3 Tahun 2021 tentang Pengelolaan Data Terpadu "
    "Kesejahteraan Sosial",
    "Instruksi Presiden Nomor 4 Tahun 2025 tentang Data Tunggal Sosial dan Ekonomi Nasional",
]

_HUKUM_LLAJ = [
    "Undang-Undang Nomor 22 Tahun 2009 tentang Lalu Lintas dan Angkutan Jalan sebagaimana "
    "telah diubah dengan Undang-Undang Nomor 6 Tahun 2023",
    "Peraturan Pemerintah Nomor 55 Tahun 2012 tentang Kendaraan",
    "Peraturan Pemerintah Nomor 74 Tahun 2014 tentang Angkutan Jalan",
]

_ADUAN_DUKCAPIL = [
    "Langsung kepada petugas di Meja Informasi dan Pengaduan, Gedung Pelayanan Terpadu lantai 1",
    "Kotak saran dan pengaduan di ruang tunggu pelayanan",
    "SP4N-LAPOR! melalui www.lapor.go.id atau SMS ke 1708",
    "WhatsApp Pengaduan Disdukcapil 0800-1000-1700 (pesan tertulis, hari kerja)",
    "Email pengaduan.disdukcapil@sukamajukab.go.id",
    "Telepon (0285) 441221 pada jam pelayanan",
]

_ADUAN_DPMPTSP = [
    "Langsung kepada petugas di Meja Pengaduan Mal Pelayanan Publik",
    "Kotak saran dan pengaduan di ruang tunggu Mal Pelayanan Publik",
    "SP4N-LAPOR! melalui www.lapor.go.id atau SMS ke 1708",
    "WhatsApp Layanan DPMPTSP 0800-2000-3300",
    "Email pengaduan.dpmptsp@sukamajukab.go.id",
    "Fitur pengaduan pada sistem OSS (oss.go.id) untuk permohonan yang diajukan melalui OSS",
]

_ADUAN_DINKES = [
    "Langsung kepada petugas pengaduan di ruang Sekretariat Dinas Kesehatan",
    "Kotak saran dan pengaduan di lobi Dinas Kesehatan",
    "SP4N-LAPOR! melalui www.lapor.go.id atau SMS ke 1708",
    "WhatsApp Pengaduan Dinas Kesehatan 0800-1000-1415",
    "Email pengaduan.dinkes@sukamajukab.go.id",
]

_ADUAN_PKM1 = [
    "Langsung kepada petugas pengaduan di Ruang Informasi Puskesmas",
    "Kotak saran di ruang tunggu pendaftaran",
    "SP4N-LAPOR! melalui www.lapor.go.id atau SMS ke 1708",
    "WhatsApp Puskesmas Sukamaju Kota 0800-1000-2118",
    "Email pkm.sukamajukota@sukamajukab.go.id",
    "Dinas Kesehatan Kabupaten Sukamaju apabila pengaduan tidak ditanggapi",
]

_ADUAN_PKM2 = [
    "Langsung kepada petugas pengaduan di Ruang Informasi Puskesmas",
    "Kotak saran di ruang tunggu pendaftaran",
    "SP4N-LAPOR! melalui www.lapor.go.id atau SMS ke 1708",
    "WhatsApp Puskesmas Cibening 0800-1000-5102",
    "Email pkm.cibening@sukamajukab.go.id",
    "Dinas Kesehatan Kabupaten Sukamaju apabila pengaduan tidak ditanggapi",
]

_ADUAN_DINSOS = [
    "Langsung kepada petugas di Ruang Layanan Terpadu Dinas Sosial",
    "Kotak saran dan pengaduan di ruang tunggu",
    "SP4N-LAPOR! melalui www.lapor.go.id atau SMS ke 1708",
    "WhatsApp Layanan Dinas Sosial 0800-2000-1560",
    "Email pengaduan.dinsos@sukamajukab.go.id",
    "Melalui pendamping sosial atau operator SIKS-NG di desa/kelurahan",
]

_ADUAN_DISHUB = [
    "Langsung kepada petugas pengaduan di kantor Dinas Perhubungan",
    "Kotak saran dan pengaduan di ruang tunggu",
    "SP4N-LAPOR! melalui www.lapor.go.id atau SMS ke 1708",
    "WhatsApp Dinas Perhubungan 0800-2000-1670",
    "Email pengaduan.dishub@sukamajukab.go.id",
]

_ADUAN_PKB = [
    "Langsung kepada Koordinator Penguji di ruang administrasi UPT",
    "Kotak saran dan pengaduan di ruang tunggu pemilik kendaraan",
    "SP4N-LAPOR! melalui www.lapor.go.id atau SMS ke 1708",
    "WhatsApp UPT Pengujian Kendaraan Bermotor 0800-2000-1695",
    "Email uptpkb.dishub@sukamajukab.go.id",
]

_ADUAN_BAPENDA = [
    "Langsung kepada petugas di Meja Informasi dan Pengaduan Bapenda",
    "Kotak saran dan pengaduan di ruang tunggu pelayanan",
    "SP4N-LAPOR! melalui www.lapor.go.id atau SMS ke 1708",
    "WhatsApp Layanan Pajak Daerah 0800-2000-1780",
    "Email pengaduan.bapenda@sukamajukab.go.id",
    "Telepon (0285) 441780 pada jam pelayanan",
]

_PENGAWASAN_DUKCAPIL = [
    "Pengawasan melekat oleh Kepala Bidang Pelayanan Pendaftaran Penduduk dan Kepala "
    "Bidang Pelayanan Pencatatan Sipil",
    "Pemantauan harian antrean dan waktu layanan oleh Sekretaris Dinas",
    "Pemeriksaan oleh Inspektorat Daerah Kabupaten Sukamaju",
    "Audit akses data kependudukan oleh Direktorat Jenderal Kependudukan dan Pencatatan "
    "Sipil Kementerian Dalam Negeri",
]

_PENGAWASAN_DPMPTSP = [
    "Pengawasan melekat oleh Kepala Bidang Pelayanan Perizinan dan Nonperizinan",
    "Verifikasi teknis oleh Tim Teknis perangkat daerah terkait",
    "Pemeriksaan oleh Inspektorat Daerah Kabupaten Sukamaju",
    "Pemantauan tingkat kepatuhan waktu layanan melalui dasbor OSS",
]

_PENGAWASAN_PKM = [
    "Pengawasan melekat oleh Kepala Puskesmas dan penanggung jawab klaster",
    "Audit internal mutu oleh Tim Mutu Puskesmas setiap triwulan",
    "Pembinaan dan supervisi oleh Dinas Kesehatan Kabupaten Sukamaju",
    "Pemeriksaan oleh Inspektorat Daerah Kabupaten Sukamaju",
]

_PENGAWASAN_BAPENDA = [
    "Pengawasan melekat oleh Kepala Bidang Pelayanan dan Penetapan",
    "Rekonsiliasi harian penerimaan dengan Bank Jateng sebagai bank persepsi",
    "Pemeriksaan oleh Inspektorat Daerah Kabupaten Sukamaju",
    "Pemeriksaan oleh Badan Pemeriksa Keuangan Perwakilan Provinsi Jawa Tengah",
]

# ---------------------------------------------------------------------------
# Service standards
# ---------------------------------------------------------------------------

SERVICES = [
    # ------------------------------------------------------------------ DISDUKCAPIL
    {
        "code": "KTP-EL",
        "name": "Penerbitan KTP Elektronik",
        "unit": "DISDUKCAPIL",
        "category": "kependudukan",
        "summary": (
            "Perekaman dan pencetakan KTP-el untuk penduduk baru berusia 17 tahun serta "
            "penggantian KTP-el yang rusak, hilang, atau berubah data."
        ),
        "persyaratan": [
            "Telah berusia 17 tahun, sudah kawin, atau pernah kawin",
            "Kartu Keluarga asli atau menyebutkan NIK untuk dicocokkan dengan database",
            "KTP-el lama bagi penggantian karena rusak atau perubahan data",
            "Surat keterangan kehilangan dari kepolisian bagi penggantian karena hilang",
            "Surat Keterangan Pindah bagi penduduk yang pindah datang dari daerah lain",
        ],
        "prosedur": [
            "Pemohon mengambil nomor antrean di mesin antrean atau melalui aplikasi "
            "Sukamaju Melayani",
            "Petugas loket memeriksa kelengkapan berkas dan mencocokkan NIK dengan database "
            "kependudukan",
            "Pemohon baru menjalani perekaman foto, tanda tangan, sidik jari, dan iris mata",
            "Operator memverifikasi data dan mengajukan pencetakan KTP-el",
            "KTP-el dicetak, diperiksa kesesuaian datanya, lalu diserahkan kepada pemohon "
            "dengan tanda terima",
        ],
        "jangka_waktu": (
            "1 (satu) hari kerja sejak berkas dinyatakan lengkap dan data biometrik terekam, "
            "sepanjang blangko tersedia"
        ),
        "biaya": 0,
        "biaya_keterangan": (
            "Tidak dipungut biaya (gratis) sesuai Pasal 79A Undang-Undang Nomor 24 Tahun 2013 "
            "tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi "
            "Kependudukan."
        ),
        "produk": "Kartu Tanda Penduduk Elektronik (KTP-el)",
        "pengaduan": _ADUAN_DUKCAPIL,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_ADMINDUK,
            "Peraturan Menteri Dalam Negeri Nomor 72 Tahun 2022 tentang Standar dan "
            "Spesifikasi Perangkat Keras, Perangkat Lunak, dan Blangko Kartu Tanda Penduduk "
            "Elektronik serta Penyelenggaraan Identitas Kependudukan Digital",
            _PERBUP_SP_DUKCAPIL,
        ],
        "sarana_prasarana": [
            "Ruang tunggu ber-AC dengan 60 kursi dan mesin antrean",
            "3 (tiga) set alat perekaman KTP-el (kamera, pemindai sidik jari, pemindai iris)",
            "2 (dua) printer kartu KTP-el",
            "Ruang laktasi, kursi roda, serta loket prioritas bagi lansia dan penyandang "
            "disabilitas",
            "Jaringan komunikasi data terhubung ke pusat data Ditjen Dukcapil",
        ],
        "kompetensi_pelaksana": [
            "Pendidikan minimal SMA/sederajat",
            "Telah mengikuti bimbingan teknis perekaman dan pencetakan KTP-el",
            "Memiliki hak akses operator SIAK Terpusat yang masih berlaku",
            "Mampu berkomunikasi dengan ramah, termasuk dengan penyandang disabilitas",
        ],
        "pengawasan_internal": _PENGAWASAN_DUKCAPIL,
        "jumlah_pelaksana": "6 (enam) orang",
        "jaminan_pelayanan": (
            "KTP-el diterbitkan sesuai standar pelayanan ini tanpa pungutan apa pun. Apabila "
            "blangko habis, pemohon diberi surat keterangan pengganti yang berlaku sebagai "
            "identitas."
        ),
        "jaminan_keamanan": (
            "Data biometrik disimpan di pusat data Ditjen Dukcapil dan hanya diakses oleh "
            "petugas berhak akses. KTP-el yang rusak ditarik dan dimusnahkan dengan berita "
            "acara."
        ),
        "evaluasi_kinerja": (
            "Evaluasi dilakukan setiap bulan berdasarkan data waktu layanan dan pengaduan, "
            "serta setiap semester melalui Survei Kepuasan Masyarakat."
        ),
        "keywords": [
            "ktp",
            "e-ktp",
            "ktp-el",
            "ktp elektronik",
            "kartu tanda penduduk",
            "rekam ktp",
            "cetak ktp",
            "ktp hilang",
            "ktp rusak",
        ],
    },
    {
        "code": "KK",
        "name": "Penerbitan Kartu Keluarga",
        "unit": "DISDUKCAPIL",
        "category": "kependudukan",
        "summary": (
            "Penerbitan Kartu Keluarga baru, perubahan susunan anggota keluarga, dan "
            "penggantian Kartu Keluarga yang rusak atau hilang."
        ),
        "persyaratan": [
            "Buku nikah atau kutipan akta perkawinan bagi pembentukan keluarga baru",
            "Kartu Keluarga lama bagi penambahan, pengurangan, atau perubahan anggota keluarga",
            "Surat Keterangan Pindah bagi penduduk yang pindah datang",
            "Dokumen pendukung perubahan data, misalnya ijazah atau akta kelahiran",
            "Surat keterangan kehilangan dari kepolisian bagi Kartu Keluarga yang hilang",
        ],
        "prosedur": [
            "Pemohon mengambil nomor antrean atau mengajukan permohonan melalui aplikasi "
            "Sukamaju Melayani",
            "Petugas memeriksa kelengkapan dan keabsahan berkas",
            "Operator memperbarui data keluarga dalam SIAK Terpusat",
            "Kepala Dinas menandatangani Kartu Keluarga secara elektronik",
            "Kartu Keluarga dicetak pada kertas HVS 80 gram atau dikirim dalam bentuk PDF ke "
            "surel pemohon",
        ],
        "jangka_waktu": "1 (satu) hari kerja sejak berkas dinyatakan lengkap",
        "biaya": 0,
        "biaya_keterangan": (
            "Tidak dipungut biaya (gratis) sesuai Undang-Undang Nomor 24 Tahun 2013. "
            "Pemohon dapat mencetak sendiri Kartu Keluarga yang dikirim dalam bentuk PDF."
        ),
        "produk": "Kartu Keluarga dengan tanda tangan elektronik Kepala Dinas",
        "pengaduan": _ADUAN_DUKCAPIL,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_ADMINDUK,
            _PERBUP_SP_DUKCAPIL,
        ],
        "sarana_prasarana": [
            "Loket pelayanan Kartu Keluarga dan ruang tunggu ber-AC",
            "Komputer operator yang terhubung ke SIAK Terpusat",
            "Printer laser dan pemindai dokumen",
            "Sertifikat elektronik Kepala Dinas dari Balai Sertifikasi Elektronik",
        ],
        "kompetensi_pelaksana": [
            "Pendidikan minimal SMA/sederajat",
            "Memahami Peraturan Presiden Nomor 96 Tahun 2018 beserta peraturan pelaksanaannya",
            "Memiliki hak akses operator SIAK Terpusat",
        ],
        "pengawasan_internal": _PENGAWASAN_DUKCAPIL,
        "jumlah_pelaksana": "4 (empat) orang",
        "jaminan_pelayanan": (
            "Kartu Keluarga diterbitkan paling lambat 1 (satu) hari kerja tanpa pungutan. "
            "Kesalahan data akibat kelalaian petugas diperbaiki pada hari yang sama."
        ),
        "jaminan_keamanan": (
            "Berkas permohonan diarsipkan dalam lemari terkunci dan dipindai ke arsip "
            "elektronik. Kartu Keluarga hanya diserahkan kepada pemohon atau penerima kuasa."
        ),
        "evaluasi_kinerja": (
            "Evaluasi bulanan atas jumlah dan waktu penyelesaian permohonan, ditambah "
            "Survei Kepuasan Masyarakat setiap semester."
        ),
        "keywords": [
            "kk",
            "kartu keluarga",
            "kk baru",
            "pisah kk",
            "tambah anggota keluarga",
            "kk hilang",
            "ubah kk",
        ],
    },
    {
        "code": "AKTA-LAHIR",
        "name": "Penerbitan Akta Kelahiran",
        "unit": "DISDUKCAPIL",
        "category": "kependudukan",
        "summary": (
            "Pencatatan kelahiran dan penerbitan kutipan akta kelahiran bagi anak yang lahir "
            "di Kabupaten Sukamaju atau yang orang tuanya berdomisili di sini."
        ),
        "persyaratan": [
            "Surat keterangan kelahiran dari rumah sakit, puskesmas, bidan, atau desa/kelurahan",
            "Buku nikah atau kutipan akta perkawinan orang tua",
            "Kartu Keluarga tempat anak akan didaftarkan",
            "KTP-el kedua orang tua",
            "Surat Pernyataan Tanggung Jawab Mutlak (SPTJM) kebenaran data kelahiran dengan "
            "2 (dua) orang saksi apabila tidak memiliki surat keterangan kelahiran",
            "SPTJM kebenaran sebagai pasangan suami istri apabila tidak memiliki buku nikah",
        ],
        "prosedur": [
            "Pemohon mengisi formulir pelaporan pencatatan sipil (F-2.01) di loket atau "
            "melalui aplikasi Sukamaju Melayani",
            "Petugas memverifikasi berkas dan kesesuaian nama dengan ketentuan pencatatan nama",
            "Pejabat Pencatatan Sipil mencatat kelahiran dalam register akta",
            "Kutipan akta kelahiran ditandatangani secara elektronik",
            "Kutipan akta kelahiran, Kartu Keluarga terbaru, dan Kartu Identitas Anak "
            "diserahkan sekaligus",
        ],
        "jangka_waktu": "1 (satu) hari kerja sejak berkas dinyatakan lengkap",
        "biaya": 0,
        "biaya_keterangan": (
            "Tidak dipungut biaya (gratis) sesuai Undang-Undang Nomor 24 Tahun 2013, "
            "termasuk untuk pelaporan yang melewati batas waktu 60 (enam puluh) hari."
        ),
        "produk": (
            "Kutipan Akta Kelahiran, Kartu Keluarga yang telah memuat data anak, dan Kartu "
            "Identitas Anak"
        ),
        "pengaduan": _ADUAN_DUKCAPIL,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_ADMINDUK,
            "Peraturan Menteri Dalam Negeri Nomor 73 Tahun 2022 tentang Pencatatan Nama pada "
            "Dokumen Kependudukan",
            _PERBUP_SP_DUKCAPIL,
        ],
        "sarana_prasarana": [
            "Loket pencatatan sipil dan ruang tunggu ramah anak",
            "Komputer operator terhubung ke SIAK Terpusat",
            "Printer kertas security untuk kutipan akta",
            "Layanan jemput bola di rumah sakit dan puskesmas setiap Rabu",
        ],
        "kompetensi_pelaksana": [
            "Pejabat Pencatatan Sipil yang telah diangkat sesuai ketentuan",
            "Pendidikan minimal D-3 bagi petugas verifikasi",
            "Memahami ketentuan pencatatan nama pada dokumen kependudukan",
        ],
        "pengawasan_internal": _PENGAWASAN_DUKCAPIL,
        "jumlah_pelaksana": "5 (lima) orang",
        "jaminan_pelayanan": (
            "Akta kelahiran diterbitkan paling lambat 1 (satu) hari kerja tanpa pungutan, "
            "bersama Kartu Keluarga dan Kartu Identitas Anak."
        ),
        "jaminan_keamanan": (
            "Register akta disimpan dalam ruang arsip berpengaman dan salinan elektroniknya "
            "dicadangkan setiap hari. Blangko kertas security dicatat penggunaannya."
        ),
        "evaluasi_kinerja": (
            "Capaian kepemilikan akta kelahiran anak dievaluasi setiap bulan, dan kepuasan "
            "masyarakat diukur setiap semester."
        ),
        "keywords": [
            "akta kelahiran",
            "akte lahir",
            "akta lahir",
            "surat lahir",
            "bayi baru lahir",
            "akta anak",
        ],
    },
    {
        "code": "AKTA-MATI",
        "name": "Penerbitan Akta Kematian",
        "unit": "DISDUKCAPIL",
        "category": "kependudukan",
        "summary": (
            "Pencatatan kematian penduduk dan penerbitan kutipan akta kematian beserta "
            "pembaruan Kartu Keluarga."
        ),
        "persyaratan": [
            "Surat keterangan kematian dari dokter, rumah sakit, atau kepala desa/lurah",
            "Kartu Keluarga almarhum/almarhumah",
            "KTP-el almarhum/almarhumah",
            "KTP-el pelapor",
            "SPTJM kebenaran data kematian apabila tidak memiliki surat keterangan kematian",
        ],
        "prosedur": [
            "Keluarga atau pelapor menyerahkan berkas di loket atau melalui aplikasi "
            "Sukamaju Melayani",
            "Petugas memverifikasi berkas",
            "Pejabat Pencatatan Sipil mencatat kematian dalam register akta",
            "Data penduduk yang meninggal dinonaktifkan dan Kartu Keluarga diperbarui",
            "Kutipan akta kematian dan Kartu Keluarga terbaru diserahkan kepada pelapor",
        ],
        "jangka_waktu": "1 (satu) hari kerja sejak berkas dinyatakan lengkap",
        "biaya": 0,
        "biaya_keterangan": (
            "Tidak dipungut biaya (gratis) sesuai Undang-Undang Nomor 24 Tahun 2013."
        ),
        "produk": "Kutipan Akta Kematian dan Kartu Keluarga yang telah diperbarui",
        "pengaduan": _ADUAN_DUKCAPIL,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_ADMINDUK,
            _PERBUP_SP_DUKCAPIL,
        ],
        "sarana_prasarana": [
            "Loket pencatatan sipil dan ruang tunggu",
            "Komputer operator terhubung ke SIAK Terpusat",
            "Printer kertas security untuk kutipan akta",
        ],
        "kompetensi_pelaksana": [
            "Pejabat Pencatatan Sipil yang telah diangkat sesuai ketentuan",
            "Pendidikan minimal SMA/sederajat bagi petugas loket",
            "Mampu melayani keluarga yang berduka dengan empati",
        ],
        "pengawasan_internal": _PENGAWASAN_DUKCAPIL,
        "jumlah_pelaksana": "3 (tiga) orang",
        "jaminan_pelayanan": (
            "Akta kematian diterbitkan paling lambat 1 (satu) hari kerja tanpa pungutan. "
            "Keluarga dapat melapor melalui desa/kelurahan tanpa harus datang ke kantor."
        ),
        "jaminan_keamanan": (
            "Data kematian hanya dapat diubah oleh Pejabat Pencatatan Sipil dan setiap "
            "perubahan tercatat dalam log SIAK Terpusat."
        ),
        "evaluasi_kinerja": (
            "Kelengkapan pelaporan kematian dari desa/kelurahan dievaluasi setiap triwulan, "
            "dan kepuasan masyarakat diukur setiap semester."
        ),
        "keywords": [
            "akta kematian",
            "akte kematian",
            "surat kematian",
            "meninggal dunia",
            "lapor kematian",
        ],
    },
    {
        "code": "KIA",
        "name": "Penerbitan Kartu Identitas Anak",
        "unit": "DISDUKCAPIL",
        "category": "kependudukan",
        "summary": (
            "Penerbitan Kartu Identitas Anak (KIA) bagi anak berusia di bawah 17 tahun dan "
            "belum kawin."
        ),
        "persyaratan": [
            "Kutipan akta kelahiran anak",
            "Kartu Keluarga orang tua",
            "KTP-el kedua orang tua atau wali",
            "Pas foto berwarna anak ukuran 2x3 sebanyak 2 (dua) lembar bagi anak berusia "
            "5 tahun ke atas",
        ],
        "prosedur": [
            "Orang tua atau wali mengambil nomor antrean di loket KTP-el dan KIA",
            "Petugas memeriksa kelengkapan berkas",
            "Operator memproses data anak dalam SIAK Terpusat",
            "KIA dicetak dan diserahkan kepada orang tua atau wali",
        ],
        "jangka_waktu": "1 (satu) hari kerja sejak berkas dinyatakan lengkap",
        "biaya": 0,
        "biaya_keterangan": (
            "Tidak dipungut biaya (gratis) sesuai Undang-Undang Nomor 24 Tahun 2013."
        ),
        "produk": "Kartu Identitas Anak (KIA)",
        "pengaduan": _ADUAN_DUKCAPIL,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_ADMINDUK,
            "Peraturan Menteri Dalam Negeri Nomor 2 Tahun 2016 tentang Kartu Identitas Anak",
            _PERBUP_SP_DUKCAPIL,
        ],
        "sarana_prasarana": [
            "Loket KTP-el dan KIA dengan area bermain anak",
            "Printer kartu KIA",
            "Layanan jemput bola ke sekolah dan PAUD sesuai jadwal",
        ],
        "kompetensi_pelaksana": [
            "Pendidikan minimal SMA/sederajat",
            "Memiliki hak akses operator SIAK Terpusat",
            "Telah mengikuti bimbingan teknis penerbitan KIA",
        ],
        "pengawasan_internal": _PENGAWASAN_DUKCAPIL,
        "jumlah_pelaksana": "3 (tiga) orang",
        "jaminan_pelayanan": (
            "KIA diterbitkan paling lambat 1 (satu) hari kerja tanpa pungutan. Pelayanan "
            "jemput bola ke sekolah tidak dipungut biaya."
        ),
        "jaminan_keamanan": (
            "Data anak hanya diakses oleh petugas berhak akses, dan pas foto anak tidak "
            "digunakan untuk keperluan lain."
        ),
        "evaluasi_kinerja": (
            "Cakupan kepemilikan KIA dievaluasi setiap triwulan, dan kepuasan masyarakat "
            "diukur setiap semester."
        ),
        "keywords": [
            "kia",
            "kartu identitas anak",
            "ktp anak",
            "kartu anak",
        ],
    },
    {
        "code": "SKPWNI",
        "name": "Penerbitan Surat Keterangan Pindah",
        "unit": "DISDUKCAPIL",
        "category": "kependudukan",
        "summary": (
            "Penerbitan Surat Keterangan Pindah Warga Negara Indonesia (SKPWNI) bagi "
            "penduduk yang pindah domisili ke luar Kabupaten Sukamaju."
        ),
        "persyaratan": [
            "Kartu Keluarga asli",
            "KTP-el pemohon dan anggota keluarga yang ikut pindah",
            "Surat kuasa bermeterai apabila pengurusan dikuasakan",
        ],
        "prosedur": [
            "Pemohon mengisi formulir pendaftaran perpindahan penduduk di loket atau melalui "
            "aplikasi Sukamaju Melayani",
            "Petugas memverifikasi data pemohon dan alamat tujuan",
            "Operator menerbitkan SKPWNI dalam SIAK Terpusat",
            "SKPWNI diserahkan kepada pemohon untuk dilaporkan di daerah tujuan",
        ],
        "jangka_waktu": "1 (satu) hari kerja sejak berkas dinyatakan lengkap",
        "biaya": 0,
        "biaya_keterangan": (
            "Tidak dipungut biaya (gratis) sesuai Undang-Undang Nomor 24 Tahun 2013."
        ),
        "produk": "Surat Keterangan Pindah Warga Negara Indonesia (SKPWNI)",
        "pengaduan": _ADUAN_DUKCAPIL,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_ADMINDUK,
            _PERBUP_SP_DUKCAPIL,
        ],
        "sarana_prasarana": [
            "Loket Kartu Keluarga dan pindah datang",
            "Komputer operator terhubung ke SIAK Terpusat",
            "Printer laser",
        ],
        "kompetensi_pelaksana": [
            "Pendidikan minimal SMA/sederajat",
            "Memahami ketentuan pendaftaran perpindahan penduduk",
            "Memiliki hak akses operator SIAK Terpusat",
        ],
        "pengawasan_internal": _PENGAWASAN_DUKCAPIL,
        "jumlah_pelaksana": "3 (tiga) orang",
        "jaminan_pelayanan": (
            "SKPWNI diterbitkan paling lambat 1 (satu) hari kerja tanpa pungutan, dan data "
            "pemohon dapat langsung diterima oleh Disdukcapil daerah tujuan."
        ),
        "jaminan_keamanan": (
            "Perpindahan data hanya dapat diproses melalui SIAK Terpusat oleh petugas "
            "berhak akses, sehingga data tidak berpindah tanpa sepengetahuan pemohon."
        ),
        "evaluasi_kinerja": (
            "Evaluasi bulanan atas jumlah dan waktu penyelesaian permohonan, ditambah "
            "Survei Kepuasan Masyarakat setiap semester."
        ),
        "keywords": [
            "surat pindah",
            "skpwni",
            "pindah domisili",
            "pindah alamat",
            "mutasi penduduk",
            "pindah keluar",
        ],
    },
    # ---------------------------------------------------------------------- DPMPTSP
    {
        "code": "NIB-OSS",
        "name": "Pendampingan Penerbitan Nomor Induk Berusaha melalui OSS",
        "unit": "DPMPTSP",
        "category": "perizinan",
        "summary": (
            "Pendampingan pelaku usaha, terutama usaha mikro dan kecil, untuk memperoleh "
            "Nomor Induk Berusaha (NIB) melalui sistem OSS."
        ),
        "persyaratan": [
            "KTP-el pemilik usaha",
            "Nomor telepon seluler dan alamat surel yang aktif",
            "Alamat lokasi usaha",
            "Keterangan jenis kegiatan usaha untuk penentuan KBLI",
            "Akta pendirian dan pengesahan badan hukum bagi pemohon berbentuk badan usaha",
        ],
        "prosedur": [
            "Pemohon mengambil nomor antrean di Meja Pendampingan OSS",
            "Petugas membantu pembuatan hak akses OSS menggunakan NIK pemohon",
            "Petugas dan pemohon menentukan KBLI dan tingkat risiko kegiatan usaha",
            "Pemohon mengisi data usaha dan menyetujui pernyataan mandiri di OSS",
            "NIB terbit dan dicetak atau diunduh oleh pemohon",
        ],
        "jangka_waktu": (
            "Selesai pada hari yang sama, kurang lebih 60 (enam puluh) menit untuk usaha "
            "berisiko rendah"
        ),
        "biaya": 0,
        "biaya_keterangan": (
            "Tidak dipungut biaya (gratis). Penerbitan NIB melalui OSS tidak dikenakan "
            "biaya apa pun."
        ),
        "produk": (
            "Nomor Induk Berusaha (NIB) beserta sertifikat standar atau izin sesuai tingkat "
            "risiko usaha"
        ),
        "pengaduan": _ADUAN_DPMPTSP,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_PERIZINAN,
            "Peraturan Presiden Nomor 89 Tahun 2021 tentang Penyelenggaraan Mal Pelayanan Publik",
        ],
        "sarana_prasarana": [
            "Meja pendampingan OSS dengan 4 (empat) komputer",
            "Jaringan internet khusus layanan",
            "Printer dan pemindai dokumen",
            "Buku panduan KBLI 2020",
        ],
        "kompetensi_pelaksana": [
            "Pendidikan minimal D-3",
            "Telah mengikuti pelatihan OSS Berbasis Risiko dari Kementerian Investasi dan "
            "Hilirisasi/BKPM",
            "Memahami klasifikasi KBLI dan penilaian tingkat risiko usaha",
        ],
        "pengawasan_internal": _PENGAWASAN_DPMPTSP,
        "jumlah_pelaksana": "4 (empat) orang",
        "jaminan_pelayanan": (
            "Setiap pelaku usaha yang datang pada jam layanan didampingi sampai NIB terbit, "
            "kecuali terdapat gangguan pada sistem OSS."
        ),
        "jaminan_keamanan": (
            "Petugas tidak menyimpan kata sandi OSS pemohon dan pemohon diminta mengganti "
            "kata sandi setelah pendampingan selesai."
        ),
        "evaluasi_kinerja": (
            "Jumlah NIB yang terbit melalui pendampingan dievaluasi setiap bulan, dan "
            "kepuasan masyarakat diukur setiap semester."
        ),
        "keywords": [
            "nib",
            "nomor induk berusaha",
            "oss",
            "izin usaha",
            "izin umkm",
            "daftar usaha",
            "siup",
        ],
    },
    {
        "code": "SIP-DOKTER",
        "name": "Penerbitan Surat Izin Praktik Dokter",
        "unit": "DPMPTSP",
        "category": "perizinan",
        "summary": (
            "Penerbitan Surat Izin Praktik (SIP) bagi dokter dan dokter spesialis yang "
            "berpraktik di fasilitas pelayanan kesehatan di Kabupaten Sukamaju."
        ),
        "persyaratan": [
            "KTP-el pemohon",
            "Surat Tanda Registrasi (STR) dokter yang masih berlaku",
            "Surat keterangan dari pimpinan fasilitas pelayanan kesehatan tempat praktik, "
            "atau bukti kepemilikan tempat praktik mandiri",
            "Surat pernyataan jumlah tempat praktik, paling banyak 3 (tiga) tempat",
            "Pas foto berwarna terbaru ukuran 4x6",
            "SIP lama bagi perpanjangan atau perubahan tempat praktik",
        ],
        "prosedur": [
            "Pemohon mengajukan permohonan secara daring melalui laman perizinan DPMPTSP "
            "dan mengunggah persyaratan",
            "Petugas front office memverifikasi kelengkapan berkas",
            "Tim Teknis Dinas Kesehatan melakukan verifikasi teknis dan, bila perlu, "
            "peninjauan tempat praktik",
            "Kepala DPMPTSP menandatangani SIP secara elektronik",
            "SIP dikirim ke akun pemohon dan dapat diunduh",
        ],
        "jangka_waktu": "5 (lima) hari kerja sejak berkas dinyatakan lengkap dan benar",
        "biaya": 0,
        "biaya_keterangan": "Tidak dipungut biaya (gratis).",
        "produk": "Surat Izin Praktik Dokter yang berlaku selama STR dan tempat praktik sesuai",
        "pengaduan": _ADUAN_DPMPTSP,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_KESEHATAN,
            "Peraturan Menteri Kesehatan Nomor 2052/MENKES/PER/X/2011 tentang Izin Praktik "
            "dan Pelaksanaan Praktik Kedokteran",
            "Peraturan Presiden Nomor 97 Tahun 2014 tentang Penyelenggaraan Pelayanan "
            "Terpadu Satu Pintu",
        ],
        "sarana_prasarana": [
            "Aplikasi perizinan daring dengan tanda tangan elektronik",
            "Loket perizinan tenaga kesehatan di Mal Pelayanan Publik",
            "Kendaraan operasional untuk peninjauan lapangan Tim Teknis",
        ],
        "kompetensi_pelaksana": [
            "Pendidikan minimal D-3 bagi petugas front office",
            "Tim Teknis berlatar belakang tenaga kesehatan dari Dinas Kesehatan",
            "Memahami ketentuan perizinan tenaga medis",
        ],
        "pengawasan_internal": _PENGAWASAN_DPMPTSP,
        "jumlah_pelaksana": "4 (empat) orang, ditambah 2 (dua) orang Tim Teknis",
        "jaminan_pelayanan": (
            "SIP diterbitkan paling lambat 5 (lima) hari kerja tanpa pungutan. Status "
            "permohonan dapat dipantau melalui laman perizinan."
        ),
        "jaminan_keamanan": (
            "Dokumen yang diunggah hanya dapat diakses oleh petugas dan Tim Teknis, dan "
            "keaslian SIP dapat diperiksa melalui kode QR."
        ),
        "evaluasi_kinerja": (
            "Kepatuhan terhadap jangka waktu penerbitan dievaluasi setiap bulan, dan "
            "kepuasan masyarakat diukur setiap semester."
        ),
        "keywords": [
            "sip dokter",
            "surat izin praktik",
            "izin praktik dokter",
            "izin dokter",
            "praktik mandiri",
        ],
    },
    {
        "code": "SIP-BIDAN",
        "name": "Penerbitan Surat Izin Praktik Bidan",
        "unit": "DPMPTSP",
        "category": "perizinan",
        "summary": (
            "Penerbitan Surat Izin Praktik Bidan (SIPB) bagi bidan yang berpraktik mandiri "
            "atau di fasilitas pelayanan kesehatan."
        ),
        "persyaratan": [
            "KTP-el pemohon",
            "Surat Tanda Registrasi (STR) bidan yang masih berlaku",
            "Surat keterangan dari pimpinan fasilitas pelayanan kesehatan tempat bekerja, "
            "atau denah dan bukti kepemilikan/sewa tempat praktik mandiri",
            "Surat pernyataan memiliki tempat praktik atau bekerja di fasilitas pelayanan "
            "kesehatan",
            "Pas foto berwarna terbaru ukuran 4x6",
        ],
        "prosedur": [
            "Pemohon mengajukan permohonan secara daring melalui laman perizinan DPMPTSP",
            "Petugas front office memverifikasi kelengkapan berkas",
            "Tim Teknis Dinas Kesehatan meninjau kelayakan tempat praktik mandiri",
            "Kepala DPMPTSP menandatangani SIPB secara elektronik",
            "SIPB dikirim ke akun pemohon",
        ],
        "jangka_waktu": "5 (lima) hari kerja sejak berkas dinyatakan lengkap dan benar",
        "biaya": 0,
        "biaya_keterangan": "Tidak dipungut biaya (gratis).",
        "produk": "Surat Izin Praktik Bidan (SIPB)",
        "pengaduan": _ADUAN_DPMPTSP,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_KESEHATAN,
            "Peraturan Menteri Kesehatan Nomor 28 Tahun 2017 tentang Izin dan Penyelenggaraan "
            "Praktik Bidan",
            "Peraturan Presiden Nomor 97 Tahun 2014 tentang Penyelenggaraan Pelayanan "
            "Terpadu Satu Pintu",
        ],
        "sarana_prasarana": [
            "Aplikasi perizinan daring dengan tanda tangan elektronik",
            "Loket perizinan tenaga kesehatan di Mal Pelayanan Publik",
            "Daftar periksa kelayakan tempat praktik mandiri bidan",
        ],
        "kompetensi_pelaksana": [
            "Pendidikan minimal D-3 bagi petugas front office",
            "Tim Teknis dengan latar belakang kebidanan atau kesehatan masyarakat",
            "Memahami standar tempat praktik mandiri bidan",
        ],
        "pengawasan_internal": _PENGAWASAN_DPMPTSP,
        "jumlah_pelaksana": "3 (tiga) orang, ditambah 2 (dua) orang Tim Teknis",
        "jaminan_pelayanan": (
            "SIPB diterbitkan paling lambat 5 (lima) hari kerja tanpa pungutan, termasuk "
            "peninjauan lapangan."
        ),
        "jaminan_keamanan": (
            "Dokumen pemohon disimpan dalam aplikasi perizinan dengan akses terbatas, dan "
            "keaslian SIPB dapat diperiksa melalui kode QR."
        ),
        "evaluasi_kinerja": (
            "Kepatuhan terhadap jangka waktu penerbitan dievaluasi setiap bulan, dan "
            "kepuasan masyarakat diukur setiap semester."
        ),
        "keywords": [
            "sipb",
            "izin bidan",
            "izin praktik bidan",
            "praktik mandiri bidan",
            "bidan desa",
        ],
    },
    {
        "code": "SPP-IRT",
        "name": "Penerbitan Sertifikat Produksi Pangan Industri Rumah Tangga",
        "unit": "DPMPTSP",
        "category": "perizinan",
        "summary": (
            "Penerbitan SPP-IRT bagi usaha pangan olahan rumahan seperti keripik, kue "
            "kering, dan minuman serbuk."
        ),
        "persyaratan": [
            "Nomor Induk Berusaha (NIB) dengan KBLI industri pangan skala mikro atau kecil",
            "Sertifikat Penyuluhan Keamanan Pangan (PKP) pemilik atau penanggung jawab",
            "Rancangan label pangan yang akan digunakan",
            "Denah dan foto ruang produksi",
            "Hasil pemeriksaan sarana produksi oleh petugas Dinas Kesehatan",
        ],
        "prosedur": [
            "Pemohon mengajukan permohonan SPP-IRT melalui sistem OSS",
            "Pemohon mengikuti penyuluhan keamanan pangan apabila belum memiliki sertifikat PKP",
            "Petugas Dinas Kesehatan memeriksa sarana produksi",
            "DPMPTSP menerbitkan SPP-IRT dengan nomor P-IRT",
            "SPP-IRT diunduh pemohon melalui OSS",
        ],
        "jangka_waktu": (
            "14 (empat belas) hari kerja sejak persyaratan dinyatakan lengkap, termasuk "
            "pemeriksaan sarana"
        ),
        "biaya": 0,
        "biaya_keterangan": (
            "Tidak dipungut biaya (gratis), termasuk penyuluhan keamanan pangan yang "
            "diselenggarakan Dinas Kesehatan."
        ),
        "produk": (
            "Sertifikat Produksi Pangan Industri Rumah Tangga (SPP-IRT) dengan nomor P-IRT "
            "yang berlaku 5 (lima) tahun"
        ),
        "pengaduan": _ADUAN_DPMPTSP,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            "Undang-Undang Nomor 18 Tahun 2012 tentang Pangan",
            "Peraturan Pemerintah Nomor 86 Tahun 2019 tentang Keamanan Pangan",
            "Peraturan Pemerintah Nomor 28 Tahun 2025 tentang Penyelenggaraan Perizinan "
            "Berusaha Berbasis Risiko",
            "Peraturan Badan Pengawas Obat dan Makanan Nomor 22 Tahun 2018 tentang Pedoman "
            "Pemberian Sertifikat Produksi Pangan Industri Rumah Tangga",
        ],
        "sarana_prasarana": [
            "Meja pendampingan OSS di Mal Pelayanan Publik",
            "Ruang penyuluhan keamanan pangan berkapasitas 40 orang",
            "Formulir pemeriksaan sarana produksi pangan industri rumah tangga",
        ],
        "kompetensi_pelaksana": [
            "Pendidikan minimal D-3",
            "Tenaga penyuluh keamanan pangan bersertifikat dari Dinas Kesehatan",
            "Pengawas pangan kabupaten yang telah mengikuti pelatihan dari Badan POM",
        ],
        "pengawasan_internal": _PENGAWASAN_DPMPTSP,
        "jumlah_pelaksana": "3 (tiga) orang, ditambah 2 (dua) orang pengawas pangan",
        "jaminan_pelayanan": (
            "SPP-IRT diterbitkan paling lambat 14 (empat belas) hari kerja tanpa pungutan, "
            "dan pemohon dijadwalkan ikut penyuluhan paling lambat bulan berikutnya."
        ),
        "jaminan_keamanan": (
            "Resep dan proses produksi pemohon dijaga kerahasiaannya oleh petugas. Nomor "
            "P-IRT dapat diperiksa keasliannya melalui DPMPTSP."
        ),
        "evaluasi_kinerja": (
            "Jumlah SPP-IRT terbit dan hasil pengawasan pascaizin dievaluasi setiap "
            "triwulan bersama Dinas Kesehatan."
        ),
        "keywords": [
            "pirt",
            "p-irt",
            "spp-irt",
            "izin makanan rumahan",
            "izin produksi pangan",
            "izin jualan kue",
        ],
    },
    {
        "code": "IZIN-REKLAME",
        "name": "Penerbitan Izin Penyelenggaraan Reklame",
        "unit": "DPMPTSP",
        "category": "perizinan",
        "summary": (
            "Penerbitan izin pemasangan reklame papan, billboard, neon box, dan reklame "
            "kain di wilayah Kabupaten Sukamaju."
        ),
        "persyaratan": [
            "Formulir permohonan yang telah diisi",
            "KTP-el pemohon atau NIB bagi badan usaha",
            "Gambar desain reklame beserta ukuran dan naskahnya",
            "Foto dan titik koordinat lokasi pemasangan",
            "Surat persetujuan pemilik lahan atau bangunan tempat reklame dipasang",
            "Gambar konstruksi dan perhitungan struktur bagi reklame berukuran lebih dari "
            "8 meter persegi",
        ],
        "prosedur": [
            "Pemohon mengajukan permohonan di loket atau melalui laman perizinan DPMPTSP",
            "Petugas memeriksa kelengkapan berkas",
            "Tim Teknis meninjau lokasi untuk memastikan kesesuaian dengan titik reklame "
            "yang diizinkan",
            "Bapenda menerbitkan ketetapan Pajak Reklame dan pemohon membayarnya",
            "Izin reklame diterbitkan setelah bukti pembayaran pajak diterima",
        ],
        "jangka_waktu": ("5 (lima) hari kerja sejak berkas lengkap dan Pajak Reklame dibayar"),
        "biaya": 0,
        "biaya_keterangan": (
            "Penerbitan izin tidak dipungut biaya. Pajak Reklame dibayar terpisah ke Kas "
            "Daerah sesuai Peraturan Daerah Kabupaten Sukamaju Nomor 7 Tahun 2023 tentang "
            "Pajak Daerah dan Retribusi Daerah, dihitung dari jenis, ukuran, lokasi, dan "
            "lama pemasangan."
        ),
        "produk": "Izin Penyelenggaraan Reklame beserta stiker tanda pajak reklame",
        "pengaduan": _ADUAN_DPMPTSP,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_PAJAK,
            "Peraturan Bupati Sukamaju Nomor 25 Tahun 2022 tentang Penyelenggaraan Reklame",
        ],
        "sarana_prasarana": [
            "Loket perizinan di Mal Pelayanan Publik",
            "Peta titik reklame yang diizinkan",
            "Alat ukur dan penentu koordinat untuk peninjauan lapangan",
        ],
        "kompetensi_pelaksana": [
            "Pendidikan minimal D-3",
            "Tim Teknis dari Dinas Pekerjaan Umum dan Penataan Ruang untuk aspek konstruksi",
            "Memahami ketentuan tata letak reklame",
        ],
        "pengawasan_internal": _PENGAWASAN_DPMPTSP,
        "jumlah_pelaksana": "3 (tiga) orang, ditambah 3 (tiga) orang Tim Teknis",
        "jaminan_pelayanan": (
            "Izin reklame diterbitkan paling lambat 5 (lima) hari kerja setelah Pajak "
            "Reklame dibayar, tanpa pungutan lain."
        ),
        "jaminan_keamanan": (
            "Pembayaran hanya melalui bank persepsi atau QRIS resmi Kas Daerah, dan petugas "
            "dilarang menerima uang tunai."
        ),
        "evaluasi_kinerja": (
            "Penertiban reklame tanpa izin dan kepatuhan waktu penerbitan dievaluasi "
            "setiap triwulan bersama Bapenda dan Satpol PP."
        ),
        "keywords": [
            "reklame",
            "izin reklame",
            "baliho",
            "billboard",
            "spanduk",
            "papan nama",
            "neon box",
        ],
    },
    # ----------------------------------------------------------------------- DINKES
    {
        "code": "SLHS",
        "name": "Penerbitan Sertifikat Laik Higiene Sanitasi",
        "unit": "DINKES",
        "category": "kesehatan",
        "summary": (
            "Penerbitan Sertifikat Laik Higiene Sanitasi (SLHS) bagi jasa boga, restoran, "
            "rumah makan, dan depot air minum."
        ),
        "persyaratan": [
            "Nomor Induk Berusaha (NIB)",
            "Denah lokasi dan ruang pengolahan pangan",
            "Sertifikat pelatihan keamanan pangan bagi penanggung jawab dan penjamah pangan",
            "Surat keterangan sehat penjamah pangan yang berlaku",
            "Hasil uji laboratorium sampel pangan atau air minum dari laboratorium terakreditasi",
        ],
        "prosedur": [
            "Pemohon mengajukan permohonan melalui sistem OSS atau loket Dinas Kesehatan",
            "Petugas memeriksa kelengkapan dokumen",
            "Tenaga sanitasi lingkungan melakukan inspeksi kesehatan lingkungan ke lokasi usaha",
            "Sampel pangan atau air diambil dan diuji di laboratorium",
            "SLHS diterbitkan apabila hasil inspeksi dan uji laboratorium memenuhi syarat",
        ],
        "jangka_waktu": (
            "14 (empat belas) hari kerja sejak dokumen lengkap, tidak termasuk waktu uji "
            "laboratorium"
        ),
        "biaya": 0,
        "biaya_keterangan": (
            "Penerbitan sertifikat tidak dipungut biaya. Biaya uji laboratorium sampel "
            "dibayar langsung oleh pemohon kepada laboratorium sesuai tarif yang berlaku."
        ),
        "produk": "Sertifikat Laik Higiene Sanitasi yang berlaku 3 (tiga) tahun",
        "pengaduan": _ADUAN_DINKES,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_KESEHATAN,
            "Peraturan Pemerintah Nomor 86 Tahun 2019 tentang Keamanan Pangan",
            "Peraturan Menteri Kesehatan Nomor 2 Tahun 2023 tentang Peraturan Pelaksanaan "
            "Peraturan Pemerintah Nomor 66 Tahun 2014 tentang Kesehatan Lingkungan",
            "Peraturan Pemerintah Nomor 28 Tahun 2025 tentang Penyelenggaraan Perizinan "
            "Berusaha Berbasis Risiko",
        ],
        "sarana_prasarana": [
            "Loket pelayanan kesehatan lingkungan",
            "Sanitarian kit dan alat uji cepat kualitas air",
            "Kotak pendingin pembawa sampel",
            "Kendaraan operasional inspeksi",
        ],
        "kompetensi_pelaksana": [
            "Tenaga sanitasi lingkungan berpendidikan minimal D-3 Sanitasi",
            "Memiliki STR tenaga sanitasi lingkungan",
            "Telah mengikuti pelatihan inspeksi kesehatan lingkungan tempat pengelolaan pangan",
        ],
        "pengawasan_internal": [
            "Pengawasan melekat oleh Kepala Bidang Kesehatan Masyarakat",
            "Verifikasi hasil inspeksi oleh Kepala Seksi Kesehatan Lingkungan",
            "Pemeriksaan oleh Inspektorat Daerah Kabupaten Sukamaju",
        ],
        "jumlah_pelaksana": "5 (lima) orang",
        "jaminan_pelayanan": (
            "Inspeksi dijadwalkan paling lambat 5 (lima) hari kerja setelah dokumen "
            "lengkap, dan pemohon menerima rekomendasi perbaikan tertulis bila belum laik."
        ),
        "jaminan_keamanan": (
            "Sampel diberi segel dan label identitas sejak diambil, serta hasil uji hanya "
            "disampaikan kepada pemohon."
        ),
        "evaluasi_kinerja": (
            "Jumlah tempat pengelolaan pangan yang laik higiene sanitasi dievaluasi setiap "
            "triwulan, dan kepuasan masyarakat diukur setiap semester."
        ),
        "keywords": [
            "slhs",
            "laik higiene",
            "sertifikat higiene",
            "izin katering",
            "depot air minum",
            "izin rumah makan",
        ],
    },
    # ------------------------------------------------------------------- PKM-SKJ-01
    {
        "code": "PKM1-UMUM",
        "name": "Pemeriksaan Umum",
        "unit": "PKM-SKJ-01",
        "category": "kesehatan",
        "summary": (
            "Pemeriksaan dan pengobatan oleh dokter bagi pasien dewasa dan anak di "
            "ruang pemeriksaan umum UPTD Puskesmas Sukamaju Kota."
        ),
        "persyaratan": [
            "KTP-el atau Kartu Keluarga",
            "Kartu JKN-KIS atau identitas kepesertaan pada aplikasi Mobile JKN bagi peserta "
            "BPJS Kesehatan",
            "Kartu berobat bagi pasien lama",
        ],
        "prosedur": [
            "Pasien mengambil nomor antrean di anjungan atau melalui aplikasi Mobile JKN",
            "Petugas pendaftaran mencocokkan identitas dan rekam medis elektronik",
            "Perawat melakukan skrining awal: tekanan darah, suhu, berat badan, dan keluhan",
            "Dokter melakukan pemeriksaan, menegakkan diagnosis, dan memberi resep atau tindakan",
            "Pasien mengambil obat di ruang farmasi dan menerima penjelasan cara minum obat",
            "Pasien yang memerlukan layanan lanjutan diberi surat rujukan",
        ],
        "jangka_waktu": (
            "Pelayanan selesai pada hari yang sama; waktu tunggu dari pendaftaran sampai "
            "diperiksa dokter paling lama 60 (enam puluh) menit"
        ),
        "biaya": 10000,
        "biaya_keterangan": (
            "Gratis bagi peserta JKN aktif yang terdaftar di puskesmas ini. Pasien umum "
            "dikenakan retribusi Rp10.000 sesuai Peraturan Daerah Kabupaten Sukamaju Nomor 7 "
            "Tahun 2023 tentang Pajak Daerah dan Retribusi Daerah, sudah termasuk obat "
            "generik."
        ),
        "produk": (
            "Pelayanan pemeriksaan dan pengobatan, obat sesuai resep, serta surat rujukan "
            "bila diperlukan"
        ),
        "pengaduan": _ADUAN_PKM1,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_KESEHATAN,
            _HUKUM_JKN,
            *_HUKUM_PAJAK,
        ],
        "sarana_prasarana": [
            "Anjungan antrean mandiri dan ruang tunggu dengan 50 kursi",
            "2 (dua) ruang pemeriksaan umum dengan tempat tidur periksa dan tensimeter digital",
            "Ruang farmasi dan ruang tindakan",
            "Rekam medis elektronik yang terhubung dengan SATUSEHAT",
            "Kursi roda, jalur landai, dan toilet ramah disabilitas",
        ],
        "kompetensi_pelaksana": [
            "Dokter dengan STR dan SIP yang berlaku",
            "Perawat dengan STR dan SIP yang berlaku",
            "Apoteker atau tenaga vokasi farmasi dengan STR yang berlaku",
            "Petugas pendaftaran yang memahami sistem rekam medis elektronik",
        ],
        "pengawasan_internal": _PENGAWASAN_PKM,
        "jumlah_pelaksana": "9 (sembilan) orang",
        "jaminan_pelayanan": (
            "Pasien diperiksa oleh dokter pada hari yang sama selama jam pelayanan. Pasien "
            "gawat darurat dilayani tanpa menunggu antrean."
        ),
        "jaminan_keamanan": (
            "Rekam medis dijaga kerahasiaannya dan hanya dibuka untuk kepentingan "
            "pelayanan. Obat disimpan sesuai standar penyimpanan kefarmasian."
        ),
        "evaluasi_kinerja": (
            "Waktu tunggu dan kepatuhan terhadap standar prosedur dievaluasi setiap bulan "
            "dalam rapat tinjauan manajemen mutu puskesmas."
        ),
        "keywords": [
            "berobat",
            "periksa dokter",
            "poli umum",
            "sakit",
            "puskesmas",
            "bpjs",
            "pengobatan",
        ],
    },
    {
        "code": "PKM1-IMUN",
        "name": "Imunisasi Anak",
        "unit": "PKM-SKJ-01",
        "category": "kesehatan",
        "summary": (
            "Pemberian imunisasi rutin lengkap bagi bayi dan anak balita sesuai jadwal "
            "program imunisasi nasional."
        ),
        "persyaratan": [
            "Buku Kesehatan Ibu dan Anak (Buku KIA)",
            "Kartu Keluarga atau KTP-el orang tua",
            "Anak dalam kondisi sehat pada saat imunisasi",
        ],
        "prosedur": [
            "Orang tua mendaftar di loket pendaftaran",
            "Petugas menimbang berat badan dan mengukur suhu tubuh anak",
            "Bidan atau perawat melakukan skrining dan memberikan penjelasan tentang vaksin",
            "Vaksin diberikan sesuai jadwal dan dicatat dalam Buku KIA",
            "Anak diobservasi selama 30 (tiga puluh) menit setelah imunisasi",
        ],
        "jangka_waktu": (
            "Kurang lebih 45 (empat puluh lima) menit, termasuk observasi 30 (tiga puluh) "
            "menit setelah imunisasi"
        ),
        "biaya": 0,
        "biaya_keterangan": (
            "Tidak dipungut biaya (gratis). Vaksin program imunisasi rutin disediakan "
            "oleh Pemerintah."
        ),
        "produk": "Imunisasi sesuai jadwal dan catatan imunisasi pada Buku KIA",
        "pengaduan": _ADUAN_PKM1,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_KESEHATAN,
            "Peraturan Menteri Kesehatan Nomor 12 Tahun 2017 tentang Penyelenggaraan Imunisasi",
            "Peraturan Pemerintah Nomor 2 Tahun 2018 tentang Standar Pelayanan Minimal",
        ],
        "sarana_prasarana": [
            "Ruang KIA dan imunisasi",
            "Lemari es vaksin dengan pemantau suhu",
            "Alat suntik sekali pakai dan kotak pengaman limbah tajam",
            "Kit penanganan reaksi anafilaksis",
        ],
        "kompetensi_pelaksana": [
            "Bidan atau perawat dengan STR dan SIP yang berlaku",
            "Telah mengikuti pelatihan imunisasi",
            "Mampu menangani Kejadian Ikutan Pasca Imunisasi (KIPI)",
        ],
        "pengawasan_internal": _PENGAWASAN_PKM,
        "jumlah_pelaksana": "4 (empat) orang",
        "jaminan_pelayanan": (
            "Setiap anak yang datang pada jadwal imunisasi mendapat vaksin yang menjadi "
            "haknya. Apabila vaksin kosong, puskesmas menghubungi orang tua untuk jadwal "
            "pengganti."
        ),
        "jaminan_keamanan": (
            "Vaksin disimpan pada suhu 2-8 derajat Celsius yang dipantau setiap hari, dan "
            "setiap anak diobservasi setelah imunisasi."
        ),
        "evaluasi_kinerja": (
            "Cakupan imunisasi dasar lengkap dievaluasi setiap bulan melalui Pemantauan "
            "Wilayah Setempat (PWS)."
        ),
        "keywords": [
            "imunisasi",
            "vaksin anak",
            "suntik bayi",
            "imunisasi dasar",
            "posyandu",
            "vaksin campak",
        ],
    },
    {
        "code": "PKM1-SKS",
        "name": "Penerbitan Surat Keterangan Sehat",
        "unit": "PKM-SKJ-01",
        "category": "kesehatan",
        "summary": (
            "Pemeriksaan kesehatan dan penerbitan surat keterangan sehat untuk keperluan "
            "melamar kerja, sekolah, atau persyaratan administrasi lainnya."
        ),
        "persyaratan": [
            "KTP-el atau kartu pelajar",
            "Keterangan keperluan surat, misalnya untuk melamar pekerjaan",
            "Hasil pemeriksaan tambahan apabila diminta instansi tujuan, misalnya tes buta warna",
        ],
        "prosedur": [
            "Pemohon mendaftar di loket pendaftaran",
            "Perawat mengukur tinggi badan, berat badan, tekanan darah, dan ketajaman penglihatan",
            "Dokter melakukan pemeriksaan fisik",
            "Pemohon membayar retribusi di kasir dan menerima bukti pembayaran",
            "Dokter menandatangani surat keterangan sehat",
        ],
        "jangka_waktu": "Kurang lebih 45 (empat puluh lima) menit pada hari yang sama",
        "biaya": 15000,
        "biaya_keterangan": (
            "Retribusi Rp15.000 sesuai Peraturan Daerah Kabupaten Sukamaju Nomor 7 Tahun "
            "2023 tentang Pajak Daerah dan Retribusi Daerah. Layanan ini tidak ditanggung "
            "JKN karena bersifat administratif."
        ),
        "produk": "Surat Keterangan Sehat yang ditandatangani dokter",
        "pengaduan": _ADUAN_PKM1,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_KESEHATAN,
            *_HUKUM_PAJAK,
        ],
        "sarana_prasarana": [
            "Ruang pemeriksaan umum",
            "Timbangan, pengukur tinggi badan, dan tensimeter digital",
            "Kartu Snellen dan buku uji buta warna Ishihara",
            "Kasir dengan pembayaran QRIS",
        ],
        "kompetensi_pelaksana": [
            "Dokter dengan STR dan SIP yang berlaku",
            "Perawat dengan STR dan SIP yang berlaku",
        ],
        "pengawasan_internal": _PENGAWASAN_PKM,
        "jumlah_pelaksana": "3 (tiga) orang",
        "jaminan_pelayanan": (
            "Surat keterangan sehat hanya diterbitkan setelah pemeriksaan langsung oleh "
            "dokter, dan diselesaikan pada hari yang sama."
        ),
        "jaminan_keamanan": (
            "Surat diberi nomor register dan kode QR sehingga keasliannya dapat diperiksa "
            "oleh instansi tujuan."
        ),
        "evaluasi_kinerja": (
            "Jumlah surat yang diterbitkan dan pengaduan dievaluasi setiap bulan, dan "
            "kepuasan masyarakat diukur setiap semester."
        ),
        "keywords": [
            "surat sehat",
            "surat keterangan sehat",
            "keterangan dokter",
            "tes buta warna",
            "syarat melamar kerja",
        ],
    },
    # ------------------------------------------------------------------- PKM-SKJ-02
    {
        "code": "PKM2-ANC",
        "name": "Pemeriksaan Ibu Hamil (Antenatal Care)",
        "unit": "PKM-SKJ-02",
        "category": "kesehatan",
        "summary": (
            "Pemeriksaan kehamilan terpadu minimal 6 (enam) kali selama kehamilan, termasuk "
            "pemeriksaan laboratorium dan konsultasi dokter."
        ),
        "persyaratan": [
            "Buku Kesehatan Ibu dan Anak (Buku KIA); ibu hamil baru akan diberikan buku",
            "KTP-el atau Kartu Keluarga",
            "Kartu JKN-KIS atau identitas pada aplikasi Mobile JKN bagi peserta BPJS Kesehatan",
        ],
        "prosedur": [
            "Ibu hamil mendaftar di loket pendaftaran",
            "Bidan menimbang berat badan, mengukur tekanan darah, lingkar lengan atas, dan "
            "tinggi fundus",
            "Bidan memeriksa denyut jantung janin dan status imunisasi tetanus",
            "Pemeriksaan laboratorium hemoglobin, HIV, sifilis, dan hepatitis B pada "
            "kunjungan pertama",
            "Dokter melakukan pemeriksaan USG pada trimester pertama dan ketiga",
            "Ibu hamil mendapat tablet tambah darah dan konseling, lalu dijadwalkan "
            "kunjungan berikutnya",
        ],
        "jangka_waktu": (
            "Kurang lebih 60 (enam puluh) menit per kunjungan; hasil laboratorium "
            "disampaikan pada hari yang sama"
        ),
        "biaya": 0,
        "biaya_keterangan": (
            "Tidak dipungut biaya (gratis). Pelayanan kesehatan ibu hamil merupakan "
            "Standar Pelayanan Minimal bidang kesehatan yang dibiayai JKN dan APBD."
        ),
        "produk": (
            "Pemeriksaan kehamilan terpadu, hasil laboratorium, tablet tambah darah, dan "
            "catatan pada Buku KIA"
        ),
        "pengaduan": _ADUAN_PKM2,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_KESEHATAN,
            "Peraturan Pemerintah Nomor 2 Tahun 2018 tentang Standar Pelayanan Minimal",
            "Peraturan Menteri Kesehatan Nomor 21 Tahun 2021 tentang Penyelenggaraan "
            "Pelayanan Kesehatan Masa Sebelum Hamil, Masa Hamil, Persalinan, dan Masa "
            "Sesudah Melahirkan, Pelayanan Kontrasepsi, dan Pelayanan Kesehatan Seksual",
        ],
        "sarana_prasarana": [
            "Ruang KIA-KB dengan tempat tidur periksa",
            "Alat ultrasonografi (USG) dan doppler janin",
            "Laboratorium sederhana dengan pemeriksaan cepat HIV, sifilis, dan hepatitis B",
            "Ruang tunggu dengan kursi prioritas ibu hamil",
        ],
        "kompetensi_pelaksana": [
            "Bidan dengan STR dan SIP yang berlaku",
            "Dokter terlatih USG obstetri dasar",
            "Ahli teknologi laboratorium medik dengan STR yang berlaku",
        ],
        "pengawasan_internal": _PENGAWASAN_PKM,
        "jumlah_pelaksana": "6 (enam) orang",
        "jaminan_pelayanan": (
            "Setiap ibu hamil mendapat pemeriksaan terpadu sesuai standar. Ibu hamil "
            "dengan tanda bahaya segera ditangani dan dirujuk tanpa menunggu antrean."
        ),
        "jaminan_keamanan": (
            "Hasil pemeriksaan HIV dan sifilis disampaikan secara tertutup dan hanya "
            "kepada ibu hamil yang bersangkutan."
        ),
        "evaluasi_kinerja": (
            "Cakupan kunjungan K1 sampai K6 dievaluasi setiap bulan melalui Pemantauan "
            "Wilayah Setempat KIA, dan kasus rujukan ditinjau dalam audit maternal."
        ),
        "keywords": [
            "ibu hamil",
            "periksa kehamilan",
            "anc",
            "cek kandungan",
            "usg",
            "bidan",
            "buku kia",
        ],
    },
    {
        "code": "PKM2-GIGI",
        "name": "Pemeriksaan Gigi dan Mulut",
        "unit": "PKM-SKJ-02",
        "category": "kesehatan",
        "summary": (
            "Pemeriksaan, penambalan, pencabutan gigi, dan pembersihan karang gigi oleh "
            "dokter gigi di UPTD Puskesmas Cibening."
        ),
        "persyaratan": [
            "KTP-el atau Kartu Keluarga",
            "Kartu JKN-KIS atau identitas pada aplikasi Mobile JKN bagi peserta BPJS Kesehatan",
            "Kartu berobat bagi pasien lama",
        ],
        "prosedur": [
            "Pasien mengambil nomor antrean dan mendaftar di loket",
            "Perawat gigi mencatat keluhan dan mengukur tekanan darah",
            "Dokter gigi melakukan pemeriksaan dan menjelaskan rencana tindakan",
            "Tindakan dilakukan setelah pasien menyetujui",
            "Pasien menerima resep dan jadwal kontrol bila diperlukan",
        ],
        "jangka_waktu": (
            "Pelayanan selesai pada hari yang sama, kurang lebih 30 (tiga puluh) sampai 60 "
            "(enam puluh) menit tergantung tindakan"
        ),
        "biaya": 15000,
        "biaya_keterangan": (
            "Gratis bagi peserta JKN aktif yang terdaftar di puskesmas ini. Pasien umum "
            "dikenakan retribusi Rp15.000 per kunjungan sesuai Peraturan Daerah Kabupaten "
            "Sukamaju Nomor 7 Tahun 2023 tentang Pajak Daerah dan Retribusi Daerah."
        ),
        "produk": "Pelayanan pemeriksaan dan tindakan gigi dan mulut, serta obat sesuai resep",
        "pengaduan": _ADUAN_PKM2,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_KESEHATAN,
            _HUKUM_JKN,
            "Peraturan Menteri Kesehatan Nomor 89 Tahun 2015 tentang Upaya Kesehatan Gigi "
            "dan Mulut",
            *_HUKUM_PAJAK,
        ],
        "sarana_prasarana": [
            "Ruang pemeriksaan gigi dengan 1 (satu) unit kursi gigi lengkap",
            "Alat sterilisasi autoklaf",
            "Scaler ultrasonik dan instrumen penambalan",
        ],
        "kompetensi_pelaksana": [
            "Dokter gigi dengan STR dan SIP yang berlaku",
            "Terapis gigi dan mulut dengan STR dan SIP yang berlaku",
        ],
        "pengawasan_internal": _PENGAWASAN_PKM,
        "jumlah_pelaksana": "3 (tiga) orang",
        "jaminan_pelayanan": (
            "Pasien diperiksa oleh dokter gigi pada hari yang sama selama kuota harian "
            "belum terpenuhi; pasien dengan nyeri hebat didahulukan."
        ),
        "jaminan_keamanan": (
            "Seluruh instrumen disterilkan dengan autoklaf setelah setiap pemakaian, dan "
            "bahan habis pakai digunakan sekali pakai."
        ),
        "evaluasi_kinerja": (
            "Jumlah kunjungan, jenis tindakan, dan kepatuhan sterilisasi dievaluasi setiap "
            "bulan oleh Tim Mutu Puskesmas."
        ),
        "keywords": [
            "sakit gigi",
            "cabut gigi",
            "tambal gigi",
            "dokter gigi",
            "karang gigi",
            "poli gigi",
        ],
    },
    # ----------------------------------------------------------------------- DINSOS
    {
        "code": "REK-PBI-JK",
        "name": "Rekomendasi Kepesertaan PBI Jaminan Kesehatan",
        "unit": "DINSOS",
        "category": "sosial",
        "summary": (
            "Penerbitan rekomendasi agar warga miskin dan tidak mampu didaftarkan sebagai "
            "peserta JKN yang iurannya dibayar Pemerintah atau Pemerintah Kabupaten."
        ),
        "persyaratan": [
            "KTP-el dan Kartu Keluarga domisili Kabupaten Sukamaju",
            "Surat keterangan tidak mampu dari kepala desa/lurah",
            "Terdaftar dalam data kesejahteraan sosial, atau bersedia diusulkan dan diverifikasi",
            "Surat keterangan rawat inap dari rumah sakit bagi pasien yang sedang dirawat",
            "Tidak sedang terdaftar sebagai peserta JKN aktif dari segmen lain",
        ],
        "prosedur": [
            "Pemohon atau keluarga menyerahkan berkas di Loket Layanan Jaminan Sosial",
            "Petugas memeriksa status kepesertaan JKN dan data kesejahteraan sosial",
            "Pendamping sosial melakukan verifikasi lapangan bila pemohon belum terdata",
            "Kepala Dinas menandatangani rekomendasi",
            "Rekomendasi disampaikan ke BPJS Kesehatan untuk pendaftaran atau pengaktifan "
            "kepesertaan",
        ],
        "jangka_waktu": (
            "1 (satu) hari kerja bagi pemohon yang sudah terdata; 5 (lima) hari kerja bila "
            "memerlukan verifikasi lapangan"
        ),
        "biaya": 0,
        "biaya_keterangan": (
            "Tidak dipungut biaya (gratis). Iuran JKN peserta dibayar oleh Pemerintah "
            "melalui APBN atau oleh Pemerintah Kabupaten Sukamaju melalui APBD."
        ),
        "produk": (
            "Surat rekomendasi kepesertaan PBI Jaminan Kesehatan dan kepesertaan JKN yang "
            "aktif sesuai ketentuan BPJS Kesehatan"
        ),
        "pengaduan": _ADUAN_DINSOS,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            "Undang-Undang Nomor 40 Tahun 2004 tentang Sistem Jaminan Sosial Nasional",
            *_HUKUM_SOSIAL,
            "Peraturan Pemerintah Nomor 101 Tahun 2012 tentang Penerima Bantuan Iuran "
            "Jaminan Kesehatan sebagaimana telah diubah dengan Peraturan Pemerintah Nomor "
            "76 Tahun 2015",
            _HUKUM_JKN,
        ],
        "sarana_prasarana": [
            "Loket Layanan Jaminan Sosial dan ruang tunggu",
            "Aplikasi SIKS-NG dan akses pengecekan kepesertaan JKN",
            "Kendaraan operasional pendamping sosial",
        ],
        "kompetensi_pelaksana": [
            "Pendidikan minimal D-3, diutamakan kesejahteraan sosial",
            "Memahami ketentuan kepesertaan PBI Jaminan Kesehatan",
            "Pendamping sosial yang telah mengikuti bimbingan teknis verifikasi data",
        ],
        "pengawasan_internal": [
            "Pengawasan melekat oleh Kepala Bidang Perlindungan dan Jaminan Sosial",
            "Rekonsiliasi data peserta bersama BPJS Kesehatan Kantor Cabang setiap bulan",
            "Pemeriksaan oleh Inspektorat Daerah Kabupaten Sukamaju",
        ],
        "jumlah_pelaksana": "4 (empat) orang, ditambah pendamping sosial kecamatan",
        "jaminan_pelayanan": (
            "Pasien yang sedang dirawat inap didahulukan dan rekomendasinya diterbitkan "
            "pada hari yang sama."
        ),
        "jaminan_keamanan": (
            "Data keluarga miskin tidak diumumkan dan hanya dipakai untuk jaminan sosial."
        ),
        "evaluasi_kinerja": (
            "Jumlah rekomendasi dan ketepatan sasaran dievaluasi setiap bulan bersama "
            "BPJS Kesehatan, dan kepuasan masyarakat diukur setiap semester."
        ),
        "keywords": [
            "pbi",
            "bpjs gratis",
            "kis",
            "jamkesda",
            "bpjs pemda",
            "jaminan kesehatan",
            "bpjs tidak aktif",
        ],
    },
    {
        "code": "DTKS",
        "name": "Pengusulan dan Surat Keterangan Terdaftar Data Kesejahteraan Sosial",
        "unit": "DINSOS",
        "category": "sosial",
        "summary": (
            "Pengusulan keluarga ke dalam data kesejahteraan sosial dan penerbitan surat "
            "keterangan terdaftar untuk keperluan bantuan, sekolah, atau beasiswa."
        ),
        "persyaratan": [
            "KTP-el dan Kartu Keluarga",
            "Surat pengantar dari RT/RW yang diketahui kepala desa/lurah",
            "Berita acara musyawarah desa/kelurahan bagi usulan keluarga baru",
            "Foto rumah tampak depan dan bagian dalam bagi usulan keluarga baru",
            "Keterangan keperluan bagi permohonan surat keterangan terdaftar",
        ],
        "prosedur": [
            "Pemohon mengajukan usulan melalui operator SIKS-NG desa/kelurahan atau "
            "langsung ke Dinas Sosial",
            "Petugas memeriksa status keluarga dalam data kesejahteraan sosial",
            "Bagi usulan baru, pendamping sosial melakukan verifikasi dan validasi ke rumah",
            "Hasil verifikasi diunggah dan ditetapkan sesuai jadwal pemutakhiran nasional",
            "Bagi keluarga yang sudah terdata, surat keterangan terdaftar diterbitkan",
        ],
        "jangka_waktu": (
            "Surat keterangan terdaftar 1 (satu) hari kerja; usulan keluarga baru mengikuti "
            "jadwal pemutakhiran data yang ditetapkan Kementerian Sosial"
        ),
        "biaya": 0,
        "biaya_keterangan": (
            "Tidak dipungut biaya (gratis). Petugas dan pendamping dilarang meminta imbalan "
            "dalam bentuk apa pun."
        ),
        "produk": (
            "Surat keterangan terdaftar dalam data kesejahteraan sosial, atau tanda terima "
            "usulan bagi keluarga baru"
        ),
        "pengaduan": _ADUAN_DINSOS,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_SOSIAL,
        ],
        "sarana_prasarana": [
            "Loket Data Kesejahteraan Sosial",
            "Aplikasi SIKS-NG dan perangkat komputer",
            "Tablet untuk verifikasi lapangan",
        ],
        "kompetensi_pelaksana": [
            "Operator data yang telah mengikuti bimbingan teknis SIKS-NG",
            "Pendamping sosial yang memahami kriteria fakir miskin dan orang tidak mampu",
        ],
        "pengawasan_internal": [
            "Pengawasan melekat oleh Kepala Bidang Penanganan Fakir Miskin",
            "Uji petik hasil verifikasi lapangan setiap triwulan",
            "Pemeriksaan oleh Inspektorat Daerah Kabupaten Sukamaju",
        ],
        "jumlah_pelaksana": "3 (tiga) orang operator, ditambah 18 (delapan belas) pendamping",
        "jaminan_pelayanan": (
            "Setiap usulan dicatat dan pemohon diberi tanda terima. Hasil penetapan "
            "diumumkan di kantor desa/kelurahan."
        ),
        "jaminan_keamanan": (
            "Data kesejahteraan sosial hanya diakses oleh petugas berwenang, dan masyarakat "
            "dapat memeriksa status keluarga melalui kanal resmi Kementerian Sosial."
        ),
        "evaluasi_kinerja": (
            "Jumlah usulan, hasil verifikasi, dan sanggahan dievaluasi setiap triwulan "
            "bersama desa/kelurahan."
        ),
        "keywords": [
            "dtks",
            "dtsen",
            "sktm",
            "surat tidak mampu",
            "surat miskin",
            "bansos",
            "daftar bantuan",
            "keluarga miskin",
        ],
    },
    # ----------------------------------------------------------------------- DISHUB
    {
        "code": "IZIN-TRAYEK",
        "name": "Izin Penyelenggaraan Angkutan Orang dalam Trayek",
        "unit": "DISHUB",
        "category": "perhubungan",
        "summary": (
            "Penerbitan izin penyelenggaraan angkutan perdesaan dan angkutan perkotaan "
            "dalam wilayah Kabupaten Sukamaju."
        ),
        "persyaratan": [
            "NIB dan akta pendirian badan hukum (perseroan terbatas atau koperasi)",
            "Daftar kendaraan beserta salinan STNK dan bukti lulus uji berkala yang berlaku",
            "Surat pernyataan kesanggupan memenuhi standar pelayanan minimal angkutan orang",
            "Bukti kepemilikan atau sewa tempat penyimpanan kendaraan (pool)",
            "Surat pernyataan kesanggupan menyediakan fasilitas pemeliharaan kendaraan",
        ],
        "prosedur": [
            "Pemohon mengajukan permohonan melalui sistem OSS dan menyerahkan dokumen ke "
            "Loket Pelayanan Angkutan",
            "Petugas memeriksa kelengkapan dokumen dan ketersediaan kuota trayek",
            "Tim teknis memeriksa kendaraan dan tempat penyimpanan kendaraan",
            "Kepala Dinas menandatangani izin dan kartu pengawasan",
            "Izin dan kartu pengawasan diserahkan kepada pemohon",
        ],
        "jangka_waktu": (
            "14 (empat belas) hari kerja sejak persyaratan dinyatakan lengkap dan benar"
        ),
        "biaya": 0,
        "biaya_keterangan": (
            "Tidak dipungut biaya (gratis). Retribusi izin trayek tidak lagi dipungut sejak "
            "berlakunya Undang-Undang Nomor 1 Tahun 2022."
        ),
        "produk": (
            "Izin Penyelenggaraan Angkutan Orang dalam Trayek yang berlaku 5 (lima) tahun "
            "dan kartu pengawasan untuk setiap kendaraan"
        ),
        "pengaduan": _ADUAN_DISHUB,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_LLAJ,
            "Peraturan Menteri Perhubungan Nomor PM 15 Tahun 2019 tentang Penyelenggaraan "
            "Angkutan Orang dengan Kendaraan Bermotor Umum dalam Trayek",
            "Peraturan Pemerintah Nomor 28 Tahun 2025 tentang Penyelenggaraan Perizinan "
            "Berusaha Berbasis Risiko",
        ],
        "sarana_prasarana": [
            "Loket Pelayanan Angkutan dan ruang tunggu",
            "Peta jaringan trayek angkutan perdesaan dan perkotaan",
            "Kendaraan operasional pemeriksaan lapangan",
        ],
        "kompetensi_pelaksana": [
            "Pendidikan minimal D-3, diutamakan bidang transportasi",
            "Memahami ketentuan penyelenggaraan angkutan orang dalam trayek",
            "Memahami penggunaan sistem OSS",
        ],
        "pengawasan_internal": [
            "Pengawasan melekat oleh Kepala Bidang Angkutan",
            "Pengawasan operasional angkutan di terminal dan jalan oleh petugas Dinas Perhubungan",
            "Pemeriksaan oleh Inspektorat Daerah Kabupaten Sukamaju",
        ],
        "jumlah_pelaksana": "4 (empat) orang",
        "jaminan_pelayanan": (
            "Izin diterbitkan paling lambat 14 (empat belas) hari kerja tanpa pungutan. "
            "Penolakan disampaikan secara tertulis beserta alasannya."
        ),
        "jaminan_keamanan": (
            "Kartu pengawasan memuat kode QR yang dapat diperiksa petugas di lapangan "
            "untuk mencegah pemalsuan."
        ),
        "evaluasi_kinerja": (
            "Kinerja trayek dan kepatuhan operator dievaluasi setiap tahun, dan kepuasan "
            "pemohon diukur setiap semester."
        ),
        "keywords": [
            "izin trayek",
            "angkot",
            "angkutan desa",
            "angkudes",
            "kartu pengawasan",
            "izin angkutan",
        ],
    },
    # ---------------------------------------------------------------------- UPT-PKB
    {
        "code": "UJI-KIR",
        "name": "Pengujian Berkala Kendaraan Bermotor (Uji KIR)",
        "unit": "UPT-PKB",
        "category": "perhubungan",
        "summary": (
            "Uji berkala setiap 6 (enam) bulan bagi mobil penumpang umum, mobil bus, mobil "
            "barang, kendaraan khusus, dan kereta gandengan atau tempelan."
        ),
        "persyaratan": [
            "STNK asli dan fotokopinya",
            "Kartu Bukti Lulus Uji elektronik (BLUe) bagi uji berkala berikutnya",
            "Sertifikat Registrasi Uji Tipe (SRUT) bagi uji berkala pertama",
            "KTP-el pemilik atau surat kuasa bagi pengurusan yang dikuasakan",
            "Bukti pembayaran retribusi pengujian kendaraan bermotor",
        ],
        "prosedur": [
            "Pemilik mendaftar secara daring atau di loket pendaftaran dan memilih jadwal uji",
            "Pemilik membayar retribusi melalui transfer bank atau QRIS Kas Daerah",
            "Petugas memeriksa dokumen dan mencocokkan nomor rangka serta nomor mesin",
            "Kendaraan diuji di jalur uji: emisi gas buang, lampu utama, rem, kincup roda, "
            "dan penunjuk kecepatan",
            "Kendaraan yang lulus diberi kartu BLUe yang diperbarui dan tanda lulus uji",
            "Kendaraan yang tidak lulus diberi catatan perbaikan dan dapat diuji ulang",
        ],
        "jangka_waktu": (
            "Selesai pada hari yang sama; pengujian di jalur uji kurang lebih 30 (tiga puluh) "
            "menit per kendaraan"
        ),
        "biaya": 75000,
        "biaya_keterangan": (
            "Retribusi pengujian kendaraan bermotor Rp75.000 per kendaraan untuk mobil "
            "penumpang umum dan mobil barang dengan JBB sampai dengan 3.500 kg, dan "
            "Rp100.000 untuk mobil bus dan mobil barang dengan JBB di atas 3.500 kg, sesuai "
            "Peraturan Daerah Kabupaten Sukamaju Nomor 7 Tahun 2023 tentang Pajak Daerah dan "
            "Retribusi Daerah. Uji ulang dalam 14 (empat belas) hari tidak dipungut biaya "
            "lagi."
        ),
        "produk": (
            "Kartu Bukti Lulus Uji elektronik (BLUe) yang diperbarui dan tanda lulus uji "
            "yang berlaku 6 (enam) bulan"
        ),
        "pengaduan": _ADUAN_PKB,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_LLAJ,
            "Peraturan Menteri Perhubungan Nomor PM 19 Tahun 2021 tentang Pengujian Berkala "
            "Kendaraan Bermotor",
            *_HUKUM_PAJAK,
        ],
        "sarana_prasarana": [
            "1 (satu) jalur uji terkomputerisasi dengan alat uji rem, emisi, lampu, kincup "
            "roda, dan penunjuk kecepatan",
            "Pit pemeriksaan bagian bawah kendaraan",
            "Loket pendaftaran dengan pembayaran QRIS",
            "Ruang tunggu pemilik kendaraan",
        ],
        "kompetensi_pelaksana": [
            "Penguji kendaraan bermotor yang memiliki sertifikat kompetensi dan tanda "
            "kualifikasi teknis dari Kementerian Perhubungan",
            "Kepala UPT dengan kualifikasi penguji sesuai ketentuan",
            "Petugas administrasi yang memahami aplikasi BLUe",
        ],
        "pengawasan_internal": [
            "Pengawasan melekat oleh Kepala UPT dan Kepala Bidang Lalu Lintas",
            "Kalibrasi alat uji secara berkala oleh lembaga terakreditasi",
            "Pemantauan data hasil uji secara daring oleh Kementerian Perhubungan",
            "Pemeriksaan oleh Inspektorat Daerah Kabupaten Sukamaju",
        ],
        "jumlah_pelaksana": "8 (delapan) orang",
        "jaminan_pelayanan": (
            "Kendaraan yang didaftarkan sebelum batas pendaftaran diuji pada hari yang "
            "sama, dan hasil uji ditentukan oleh alat uji terkalibrasi."
        ),
        "jaminan_keamanan": (
            "Tidak ada pembayaran tunai di lokasi, dan seluruh hasil uji tercatat "
            "otomatis dalam sistem BLUe sehingga tidak dapat diubah petugas."
        ),
        "evaluasi_kinerja": (
            "Jumlah kendaraan yang diuji, tingkat kelulusan, dan hasil kalibrasi alat "
            "dievaluasi setiap bulan, serta kepuasan masyarakat setiap semester."
        ),
        "keywords": [
            "kir",
            "uji kir",
            "uji berkala",
            "buku kir",
            "kartu blue",
            "uji kendaraan",
            "truk",
            "pick up",
        ],
    },
    # ---------------------------------------------------------------------- BAPENDA
    {
        "code": "PBB-SALINAN",
        "name": "Penerbitan Salinan SPPT PBB-P2",
        "unit": "BAPENDA",
        "category": "pendapatan",
        "summary": (
            "Penerbitan salinan Surat Pemberitahuan Pajak Terutang (SPPT) Pajak Bumi dan "
            "Bangunan Perdesaan dan Perkotaan yang hilang atau rusak."
        ),
        "persyaratan": [
            "Formulir permohonan salinan SPPT",
            "KTP-el wajib pajak",
            "Nomor Objek Pajak (NOP) atau fotokopi SPPT tahun sebelumnya",
            "Surat kuasa bermeterai apabila dikuasakan",
        ],
        "prosedur": [
            "Pemohon mengambil nomor antrean di Loket PBB-P2",
            "Petugas mencari data objek pajak berdasarkan NOP atau nama dan alamat",
            "Petugas mencocokkan identitas pemohon dengan data subjek pajak",
            "Salinan SPPT dicetak dan diserahkan kepada pemohon",
        ],
        "jangka_waktu": "Selesai pada hari yang sama, kurang lebih 15 (lima belas) menit",
        "biaya": 0,
        "biaya_keterangan": (
            "Tidak dipungut biaya (gratis). Pajak terutang yang tercantum pada SPPT dibayar "
            "terpisah melalui bank persepsi, kantor pos, atau kanal pembayaran daring."
        ),
        "produk": "Salinan SPPT PBB-P2",
        "pengaduan": _ADUAN_BAPENDA,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_PAJAK,
            "Peraturan Bupati Sukamaju Nomor 11 Tahun 2024 tentang Tata Cara Pemungutan "
            "Pajak Bumi dan Bangunan Perdesaan dan Perkotaan",
        ],
        "sarana_prasarana": [
            "Loket PBB-P2 dan ruang tunggu",
            "Aplikasi Sistem Informasi Manajemen Pajak Daerah",
            "Printer SPPT",
        ],
        "kompetensi_pelaksana": [
            "Pendidikan minimal SMA/sederajat",
            "Memahami basis data objek dan subjek PBB-P2",
        ],
        "pengawasan_internal": _PENGAWASAN_BAPENDA,
        "jumlah_pelaksana": "2 (dua) orang",
        "jaminan_pelayanan": (
            "Salinan SPPT diterbitkan pada hari yang sama tanpa pungutan apa pun."
        ),
        "jaminan_keamanan": (
            "Salinan hanya diberikan kepada wajib pajak atau penerima kuasanya setelah "
            "identitas dicocokkan."
        ),
        "evaluasi_kinerja": (
            "Jumlah permohonan dan waktu layanan dievaluasi setiap bulan, dan kepuasan "
            "masyarakat diukur setiap semester."
        ),
        "keywords": [
            "pbb",
            "sppt",
            "sppt hilang",
            "pajak bumi dan bangunan",
            "pajak tanah",
            "salinan sppt",
        ],
    },
    {
        "code": "PBB-MUTASI",
        "name": "Mutasi Objek dan Subjek PBB-P2",
        "unit": "BAPENDA",
        "category": "pendapatan",
        "summary": (
            "Perubahan nama wajib pajak, pemecahan, atau penggabungan objek PBB-P2 karena "
            "jual beli, hibah, waris, atau pembagian tanah."
        ),
        "persyaratan": [
            "Formulir Surat Pemberitahuan Objek Pajak (SPOP) dan Lampiran SPOP yang telah diisi",
            "KTP-el wajib pajak baru",
            "Fotokopi sertifikat tanah, akta jual beli, akta hibah, atau surat keterangan waris",
            "SPPT PBB-P2 tahun terakhir",
            "Bukti pelunasan PBB-P2 tahun berjalan dan tahun sebelumnya",
        ],
        "prosedur": [
            "Pemohon menyerahkan berkas di Loket PBB-P2",
            "Petugas memeriksa kelengkapan berkas dan status pembayaran",
            "Petugas penilai melakukan penelitian lapangan bagi pemecahan atau penggabungan objek",
            "Data objek dan subjek pajak diperbarui dalam basis data",
            "SPPT atas nama wajib pajak baru diterbitkan",
        ],
        "jangka_waktu": (
            "5 (lima) hari kerja untuk mutasi seluruhnya; 10 (sepuluh) hari kerja untuk "
            "pemecahan atau penggabungan yang memerlukan penelitian lapangan"
        ),
        "biaya": 0,
        "biaya_keterangan": "Tidak dipungut biaya (gratis).",
        "produk": "SPPT PBB-P2 atas nama wajib pajak baru atau untuk objek hasil pemecahan",
        "pengaduan": _ADUAN_BAPENDA,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_PAJAK,
            "Peraturan Bupati Sukamaju Nomor 11 Tahun 2024 tentang Tata Cara Pemungutan "
            "Pajak Bumi dan Bangunan Perdesaan dan Perkotaan",
        ],
        "sarana_prasarana": [
            "Loket PBB-P2 dan ruang tunggu",
            "Aplikasi Sistem Informasi Manajemen Pajak Daerah dan peta bidang tanah",
            "Alat ukur dan penentu koordinat untuk penelitian lapangan",
        ],
        "kompetensi_pelaksana": [
            "Pendidikan minimal D-3",
            "Petugas penilai yang telah mengikuti pelatihan penilaian PBB-P2",
            "Memahami pemetaan bidang tanah",
        ],
        "pengawasan_internal": _PENGAWASAN_BAPENDA,
        "jumlah_pelaksana": "4 (empat) orang",
        "jaminan_pelayanan": (
            "Mutasi diselesaikan sesuai jangka waktu tanpa pungutan, dan pemohon dapat "
            "memantau status berkas melalui nomor tanda terima."
        ),
        "jaminan_keamanan": (
            "Setiap perubahan data tercatat dengan nama petugas dan waktunya, dan berkas "
            "asli dikembalikan kepada pemohon."
        ),
        "evaluasi_kinerja": (
            "Ketepatan waktu mutasi dan akurasi basis data dievaluasi setiap triwulan."
        ),
        "keywords": [
            "mutasi pbb",
            "balik nama pbb",
            "ganti nama sppt",
            "pecah sppt",
            "split pbb",
            "waris tanah",
        ],
    },
    {
        "code": "BPHTB-VALIDASI",
        "name": "Validasi Bea Perolehan Hak atas Tanah dan Bangunan",
        "unit": "BAPENDA",
        "category": "pendapatan",
        "summary": (
            "Penelitian dan validasi Surat Setoran Pajak Daerah BPHTB sebagai syarat "
            "pendaftaran peralihan hak di Kantor Pertanahan."
        ),
        "persyaratan": [
            "SSPD BPHTB yang telah dibayar",
            "KTP-el wajib pajak",
            "Fotokopi sertifikat tanah",
            "SPPT PBB-P2 tahun berjalan dan bukti pelunasannya",
            "Draf akta atau surat keterangan dari PPAT/Notaris",
            "Surat kuasa bermeterai apabila dikuasakan",
        ],
        "prosedur": [
            "PPAT/Notaris atau wajib pajak mengajukan SSPD BPHTB melalui aplikasi e-BPHTB",
            "Wajib pajak membayar BPHTB melalui bank persepsi",
            "Petugas meneliti kewajaran nilai perolehan dengan nilai pasar dan NJOP",
            "Apabila diperlukan, petugas melakukan penelitian lapangan",
            "SSPD BPHTB divalidasi dan dapat dicetak oleh PPAT/Notaris",
        ],
        "jangka_waktu": (
            "2 (dua) hari kerja; 5 (lima) hari kerja apabila memerlukan penelitian lapangan"
        ),
        "biaya": 0,
        "biaya_keterangan": (
            "Validasi tidak dipungut biaya. BPHTB sebesar 5% dari nilai perolehan objek "
            "pajak setelah dikurangi nilai perolehan objek pajak tidak kena pajak dibayar "
            "wajib pajak melalui bank persepsi."
        ),
        "produk": "SSPD BPHTB yang telah divalidasi",
        "pengaduan": _ADUAN_BAPENDA,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_PAJAK,
            "Peraturan Bupati Sukamaju Nomor 12 Tahun 2024 tentang Tata Cara Pemungutan "
            "Bea Perolehan Hak atas Tanah dan Bangunan",
        ],
        "sarana_prasarana": [
            "Loket BPHTB dan ruang tunggu",
            "Aplikasi e-BPHTB yang terhubung dengan bank persepsi dan Kantor Pertanahan",
            "Peta zona nilai tanah",
        ],
        "kompetensi_pelaksana": [
            "Pendidikan minimal D-3",
            "Petugas peneliti yang memahami penilaian properti",
            "Memahami ketentuan BPHTB dan peralihan hak atas tanah",
        ],
        "pengawasan_internal": _PENGAWASAN_BAPENDA,
        "jumlah_pelaksana": "4 (empat) orang",
        "jaminan_pelayanan": (
            "Validasi diselesaikan sesuai jangka waktu, dan perbedaan nilai dijelaskan "
            "secara tertulis kepada wajib pajak."
        ),
        "jaminan_keamanan": (
            "Validasi hanya dapat dilakukan setelah pembayaran tercatat di bank persepsi, "
            "dan setiap SSPD tervalidasi memuat kode QR."
        ),
        "evaluasi_kinerja": (
            "Waktu validasi dan penerimaan BPHTB dievaluasi setiap bulan bersama Kantor "
            "Pertanahan dan bank persepsi."
        ),
        "keywords": [
            "bphtb",
            "pajak jual beli tanah",
            "validasi bphtb",
            "balik nama sertifikat",
            "pajak pembeli",
        ],
    },
    {
        "code": "PBJT-MAMIN",
        "name": "Pendaftaran Wajib Pajak PBJT Makanan dan/atau Minuman",
        "unit": "BAPENDA",
        "category": "pendapatan",
        "summary": (
            "Pendaftaran usaha restoran, rumah makan, kafe, dan jasa boga sebagai wajib "
            "Pajak Barang dan Jasa Tertentu (PBJT) atas makanan dan/atau minuman."
        ),
        "persyaratan": [
            "Formulir pendaftaran wajib pajak daerah",
            "KTP-el pemilik atau penanggung jawab usaha",
            "Nomor Induk Berusaha (NIB)",
            "Akta pendirian bagi wajib pajak badan",
            "Foto lokasi usaha dan daftar menu beserta harga",
        ],
        "prosedur": [
            "Pemohon mendaftar di Loket Pendaftaran Pajak Daerah atau secara daring",
            "Petugas memeriksa kelengkapan berkas",
            "Petugas melakukan pendataan ke lokasi usaha untuk memastikan omzet dan kapasitas",
            "NPWPD diterbitkan, lalu wajib pajak mendapat penjelasan cara melapor dan "
            "membayar pajak",
        ],
        "jangka_waktu": (
            "1 (satu) hari kerja sejak berkas lengkap; pendataan lapangan paling lambat "
            "3 (tiga) hari kerja"
        ),
        "biaya": 0,
        "biaya_keterangan": (
            "Pendaftaran tidak dipungut biaya. Tarif PBJT atas makanan dan/atau minuman "
            "sebesar 10% dari pembayaran konsumen, dipungut dari konsumen dan disetor oleh "
            "wajib pajak setiap bulan."
        ),
        "produk": "Nomor Pokok Wajib Pajak Daerah (NPWPD) dan kartu NPWPD",
        "pengaduan": _ADUAN_BAPENDA,
        "dasar_hukum": [
            *_HUKUM_PELAYANAN_PUBLIK,
            *_HUKUM_PAJAK,
            "Peraturan Bupati Sukamaju Nomor 13 Tahun 2024 tentang Tata Cara Pemungutan "
            "Pajak Barang dan Jasa Tertentu",
        ],
        "sarana_prasarana": [
            "Loket Pendaftaran Pajak Daerah",
            "Aplikasi Sistem Informasi Manajemen Pajak Daerah",
            "Printer kartu NPWPD",
            "Alat perekam transaksi (tapping box) bagi wajib pajak tertentu",
        ],
        "kompetensi_pelaksana": [
            "Pendidikan minimal D-3",
            "Memahami ketentuan PBJT dalam Undang-Undang Nomor 1 Tahun 2022",
            "Mampu menjelaskan tata cara pelaporan pajak secara daring",
        ],
        "pengawasan_internal": _PENGAWASAN_BAPENDA,
        "jumlah_pelaksana": "3 (tiga) orang",
        "jaminan_pelayanan": (
            "NPWPD diterbitkan paling lambat 1 (satu) hari kerja tanpa pungutan, dan wajib "
            "pajak mendapat pendampingan pelaporan pada bulan pertama."
        ),
        "jaminan_keamanan": (
            "Data omzet wajib pajak dirahasiakan sesuai ketentuan kerahasiaan perpajakan daerah."
        ),
        "evaluasi_kinerja": (
            "Jumlah wajib pajak baru dan kepatuhan pelaporan dievaluasi setiap bulan, dan "
            "kepuasan masyarakat diukur setiap semester."
        ),
        "keywords": [
            "pajak restoran",
            "pajak rumah makan",
            "pbjt",
            "npwpd",
            "pajak kafe",
            "pajak katering",
            "daftar pajak daerah",
        ],
    },
]

# ---------------------------------------------------------------------------
# Maklumat Pelayanan and unit heads
# ---------------------------------------------------------------------------

MAKLUMAT = {
    "DEFAULT": (
        "DENGAN INI, KAMI MENYATAKAN SANGGUP MENYELENGGARAKAN PELAYANAN SESUAI STANDAR "
        "PELAYANAN YANG TELAH DITETAPKAN DAN APABILA TIDAK MENEPATI JANJI INI, KAMI SIAP "
        "MENERIMA SANKSI SESUAI PERATURAN PERUNDANG-UNDANGAN YANG BERLAKU."
    ),
    "DISDUKCAPIL": (
        "DENGAN INI, KAMI MENYATAKAN SANGGUP MENYELENGGARAKAN PELAYANAN ADMINISTRASI "
        "KEPENDUDUKAN SESUAI STANDAR PELAYANAN YANG TELAH DITETAPKAN, TANPA DIPUNGUT BIAYA, "
        "DAN MENJAGA KERAHASIAAN DATA PRIBADI PENDUDUK. APABILA TIDAK MENEPATI JANJI INI, "
        "KAMI SIAP MENERIMA SANKSI SESUAI PERATURAN PERUNDANG-UNDANGAN YANG BERLAKU."
    ),
    "DPMPTSP": (
        "DENGAN INI, KAMI MENYATAKAN SANGGUP MENYELENGGARAKAN PELAYANAN PERIZINAN DAN "
        "NONPERIZINAN SESUAI STANDAR PELAYANAN YANG TELAH DITETAPKAN SECARA CEPAT, MUDAH, "
        "TRANSPARAN, DAN BEBAS PUNGUTAN LIAR. APABILA TIDAK MENEPATI JANJI INI, KAMI SIAP "
        "MENERIMA SANKSI SESUAI PERATURAN PERUNDANG-UNDANGAN YANG BERLAKU."
    ),
    "DINKES": (
        "DENGAN INI, KAMI MENYATAKAN SANGGUP MENYELENGGARAKAN PELAYANAN KESEHATAN SESUAI "
        "STANDAR PELAYANAN YANG TELAH DITETAPKAN DENGAN MENGUTAMAKAN KESELAMATAN "
        "MASYARAKAT. APABILA TIDAK MENEPATI JANJI INI, KAMI SIAP MENERIMA SANKSI SESUAI "
        "PERATURAN PERUNDANG-UNDANGAN YANG BERLAKU."
    ),
    "PKM-SKJ-01": (
        "DENGAN INI, KAMI MENYATAKAN SANGGUP MENYELENGGARAKAN PELAYANAN KESEHATAN SESUAI "
        "STANDAR PELAYANAN YANG TELAH DITETAPKAN, MENGUTAMAKAN KESELAMATAN PASIEN, DAN "
        "MELAYANI TANPA MEMBEDAKAN STATUS SOSIAL. APABILA TIDAK MENEPATI JANJI INI, KAMI "
        "SIAP MENERIMA SANKSI SESUAI PERATURAN PERUNDANG-UNDANGAN YANG BERLAKU."
    ),
    "PKM-SKJ-02": (
        "DENGAN INI, KAMI MENYATAKAN SANGGUP MENYELENGGARAKAN PELAYANAN KESEHATAN SESUAI "
        "STANDAR PELAYANAN YANG TELAH DITETAPKAN, MENGUTAMAKAN KESELAMATAN IBU DAN ANAK, "
        "SERTA SIAGA 24 JAM UNTUK PERSALINAN DAN KEGAWATDARURATAN. APABILA TIDAK MENEPATI "
        "JANJI INI, KAMI SIAP MENERIMA SANKSI SESUAI PERATURAN PERUNDANG-UNDANGAN YANG "
        "BERLAKU."
    ),
    "DINSOS": (
        "DENGAN INI, KAMI MENYATAKAN SANGGUP MENYELENGGARAKAN PELAYANAN SOSIAL SESUAI "
        "STANDAR PELAYANAN YANG TELAH DITETAPKAN SECARA ADIL, TEPAT SASARAN, DAN TANPA "
        "IMBALAN. APABILA TIDAK MENEPATI JANJI INI, KAMI SIAP MENERIMA SANKSI SESUAI "
        "PERATURAN PERUNDANG-UNDANGAN YANG BERLAKU."
    ),
    "DISHUB": (
        "DENGAN INI, KAMI MENYATAKAN SANGGUP MENYELENGGARAKAN PELAYANAN PERHUBUNGAN SESUAI "
        "STANDAR PELAYANAN YANG TELAH DITETAPKAN DEMI KESELAMATAN DAN KETERTIBAN LALU LINTAS. "
        "APABILA TIDAK MENEPATI JANJI INI, KAMI SIAP MENERIMA SANKSI SESUAI PERATURAN "
        "PERUNDANG-UNDANGAN YANG BERLAKU."
    ),
    "UPT-PKB": (
        "DENGAN INI, KAMI MENYATAKAN SANGGUP MENYELENGGARAKAN PENGUJIAN KENDARAAN BERMOTOR "
        "SESUAI STANDAR PELAYANAN YANG TELAH DITETAPKAN SECARA JUJUR, OBJEKTIF, DAN TANPA "
        "PERANTARA. APABILA TIDAK MENEPATI JANJI INI, KAMI SIAP MENERIMA SANKSI SESUAI "
        "PERATURAN PERUNDANG-UNDANGAN YANG BERLAKU."
    ),
    "BAPENDA": (
        "DENGAN INI, KAMI MENYATAKAN SANGGUP MENYELENGGARAKAN PELAYANAN PAJAK DAERAH SESUAI "
        "STANDAR PELAYANAN YANG TELAH DITETAPKAN SECARA TRANSPARAN, AKUNTABEL, DAN TANPA "
        "MENERIMA PEMBAYARAN TUNAI DI LUAR KANAL RESMI. APABILA TIDAK MENEPATI JANJI INI, "
        "KAMI SIAP MENERIMA SANKSI SESUAI PERATURAN PERUNDANG-UNDANGAN YANG BERLAKU."
    ),
}

UNIT_HEADS = {
    "DISDUKCAPIL": {
        "name": "Drs. Haryanto Wibisono, M.Si.",
        "position": "Kepala Dinas Kependudukan dan Pencatatan Sipil",
    },
    "DPMPTSP": {
        "name": "Ir. Retno Wulandari, M.T.",
        "position": "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    },
    "DINKES": {
        "name": "dr. Hendarto Sasongko, M.Kes.",
        "position": "Kepala Dinas Kesehatan",
    },
    "DINSOS": {
        "name": "Dra. Endang Susilowati, M.M.",
        "position": "Kepala Dinas Sosial",
    },
    "DISHUB": {
        "name": "Agung Prabowo, S.T., M.T.",
        "position": "Kepala Dinas Perhubungan",
    },
    "BAPENDA": {
        "name": "Muhammad Arif Rahman, S.E., M.Ak.",
        "position": "Kepala Badan Pendapatan Daerah",
    },
    "PKM-SKJ-01": {
        "name": "dr. Ratih Puspitasari",
        "position": "Kepala UPTD Puskesmas Sukamaju Kota",
    },
    "PKM-SKJ-02": {
        "name": "drg. Wahyu Nugroho, M.P.H.",
        "position": "Kepala UPTD Puskesmas Cibening",
    },
    "UPT-PKB": {
        "name": "Sugeng Riyadi, S.T.",
        "position": "Kepala UPT Pengujian Kendaraan Bermotor",
    },
}

# ---------------------------------------------------------------------------
# Service points (loket)
# ---------------------------------------------------------------------------

SERVICE_POINTS = [
    {
        "code": "DUK-L1",
        "name": "Loket 1 Perekaman dan Pencetakan KTP-el",
        "unit": "DISDUKCAPIL",
        "services": ["KTP-EL", "KIA"],
        "location": "Gedung Pelayanan Terpadu lantai 1",
    },
    {
        "code": "DUK-L2",
        "name": "Loket 2 Kartu Keluarga dan Pindah Datang",
        "unit": "DISDUKCAPIL",
        "services": ["KK", "SKPWNI"],
        "location": "Gedung Pelayanan Terpadu lantai 1",
    },
    {
        "code": "DUK-L3",
        "name": "Loket 3 Pencatatan Sipil",
        "unit": "DISDUKCAPIL",
        "services": ["AKTA-LAHIR", "AKTA-MATI"],
        "location": "Gedung Pelayanan Terpadu lantai 1",
    },
    {
        "code": "DUK-PRIORITAS",
        "name": "Loket Prioritas Lansia, Penyandang Disabilitas, dan Ibu Hamil",
        "unit": "DISDUKCAPIL",
        "services": ["KTP-EL", "KK", "AKTA-LAHIR", "AKTA-MATI", "KIA", "SKPWNI"],
        "location": "Gedung Pelayanan Terpadu lantai 1, dekat pintu masuk",
    },
    {
        "code": "DUK-MPP",
        "name": "Gerai Disdukcapil Mal Pelayanan Publik",
        "unit": "DISDUKCAPIL",
        "services": ["KTP-EL", "KK", "AKTA-LAHIR", "KIA"],
        "location": "Mal Pelayanan Publik, Jl. Jenderal Sudirman No. 45, lantai 1",
    },
    {
        "code": "PTSP-L1",
        "name": "Loket Informasi dan Pendaftaran Perizinan",
        "unit": "DPMPTSP",
        "services": ["NIB-OSS", "SIP-DOKTER", "SIP-BIDAN", "SPP-IRT", "IZIN-REKLAME"],
        "location": "Mal Pelayanan Publik lantai 1",
    },
    {
        "code": "PTSP-OSS",
        "name": "Meja Pendampingan OSS",
        "unit": "DPMPTSP",
        "services": ["NIB-OSS", "SPP-IRT"],
        "location": "Mal Pelayanan Publik lantai 1",
    },
    {
        "code": "PTSP-L2",
        "name": "Loket Perizinan Tenaga Kesehatan dan Reklame",
        "unit": "DPMPTSP",
        "services": ["SIP-DOKTER", "SIP-BIDAN", "IZIN-REKLAME"],
        "location": "Mal Pelayanan Publik lantai 2",
    },
    {
        "code": "DINKES-L1",
        "name": "Loket Pelayanan Kesehatan Lingkungan",
        "unit": "DINKES",
        "services": ["SLHS"],
        "location": "Kantor Dinas Kesehatan lantai 1",
    },
    {
        "code": "DINKES-KONSUL",
        "name": "Ruang Konsultasi Higiene Sanitasi Pangan",
        "unit": "DINKES",
        "services": ["SLHS"],
        "location": "Kantor Dinas Kesehatan lantai 2",
    },
    {
        "code": "PKM1-DAFTAR",
        "name": "Loket Pendaftaran Pasien",
        "unit": "PKM-SKJ-01",
        "services": ["PKM1-UMUM", "PKM1-IMUN", "PKM1-SKS"],
        "location": "Gedung utama Puskesmas Sukamaju Kota, lobi",
    },
    {
        "code": "PKM1-POLI-UMUM",
        "name": "Ruang Pemeriksaan Umum",
        "unit": "PKM-SKJ-01",
        "services": ["PKM1-UMUM", "PKM1-SKS"],
        "location": "Gedung utama Puskesmas Sukamaju Kota, sayap timur",
    },
    {
        "code": "PKM1-KIA",
        "name": "Ruang KIA dan Imunisasi",
        "unit": "PKM-SKJ-01",
        "services": ["PKM1-IMUN"],
        "location": "Gedung utama Puskesmas Sukamaju Kota, sayap barat",
    },
    {
        "code": "PKM2-DAFTAR",
        "name": "Loket Pendaftaran Pasien",
        "unit": "PKM-SKJ-02",
        "services": ["PKM2-ANC", "PKM2-GIGI"],
        "location": "Gedung rawat jalan Puskesmas Cibening, lobi",
    },
    {
        "code": "PKM2-KIA",
        "name": "Ruang KIA-KB",
        "unit": "PKM-SKJ-02",
        "services": ["PKM2-ANC"],
        "location": "Gedung rawat jalan Puskesmas Cibening, lantai 1",
    },
    {
        "code": "PKM2-GIGI",
        "name": "Ruang Pemeriksaan Gigi dan Mulut",
        "unit": "PKM-SKJ-02",
        "services": ["PKM2-GIGI"],
        "location": "Gedung rawat jalan Puskesmas Cibening, lantai 1",
    },
    {
        "code": "DINSOS-L1",
        "name": "Loket Layanan Jaminan Sosial",
        "unit": "DINSOS",
        "services": ["REK-PBI-JK"],
        "location": "Ruang Layanan Terpadu Dinas Sosial",
    },
    {
        "code": "DINSOS-L2",
        "name": "Loket Data Kesejahteraan Sosial",
        "unit": "DINSOS",
        "services": ["DTKS"],
        "location": "Ruang Layanan Terpadu Dinas Sosial",
    },
    {
        "code": "DISHUB-L1",
        "name": "Loket Pelayanan Angkutan",
        "unit": "DISHUB",
        "services": ["IZIN-TRAYEK"],
        "location": "Kantor Dinas Perhubungan lantai 1",
    },
    {
        "code": "DISHUB-TEKNIS",
        "name": "Meja Verifikasi Teknis Angkutan Umum",
        "unit": "DISHUB",
        "services": ["IZIN-TRAYEK"],
        "location": "Kantor Dinas Perhubungan lantai 2, Bidang Angkutan",
    },
    {
        "code": "PKB-L1",
        "name": "Loket Pendaftaran dan Pembayaran Retribusi Uji",
        "unit": "UPT-PKB",
        "services": ["UJI-KIR"],
        "location": "Gedung administrasi UPT Pengujian Kendaraan Bermotor",
    },
    {
        "code": "PKB-JALUR",
        "name": "Jalur Uji Kendaraan Bermotor",
        "unit": "UPT-PKB",
        "services": ["UJI-KIR"],
        "location": "Gedung pengujian UPT Pengujian Kendaraan Bermotor",
    },
    {
        "code": "BPD-L1",
        "name": "Loket PBB-P2",
        "unit": "BAPENDA",
        "services": ["PBB-SALINAN", "PBB-MUTASI"],
        "location": "Kantor Bapenda lantai 1",
    },
    {
        "code": "BPD-L2",
        "name": "Loket BPHTB",
        "unit": "BAPENDA",
        "services": ["BPHTB-VALIDASI"],
        "location": "Kantor Bapenda lantai 1",
    },
    {
        "code": "BPD-L3",
        "name": "Loket Pendaftaran Pajak Daerah",
        "unit": "BAPENDA",
        "services": ["PBJT-MAMIN"],
        "location": "Kantor Bapenda lantai 1",
    },
    {
        "code": "BPD-MPP",
        "name": "Gerai Bapenda Mal Pelayanan Publik",
        "unit": "BAPENDA",
        "services": ["PBB-SALINAN", "BPHTB-VALIDASI", "PBJT-MAMIN"],
        "location": "Mal Pelayanan Publik, Jl. Jenderal Sudirman No. 45, lantai 1",
    },
]

# ---------------------------------------------------------------------------
# Officers: (name, sex "L"/"P", jabatan)
# ---------------------------------------------------------------------------

OFFICER_NAMES = [
    ("Siti Nurjanah, S.Sos.", "P", "Pengelola Layanan Operasional"),
    ("Agus Setiawan, S.Kom.", "L", "Pranata Komputer Ahli Pertama"),
    ("Sri Wahyuni, A.Md.", "P", "Operator Layanan Operasional"),
    ("Bambang Triyono", "L", "Pengadministrasi Perkantoran"),
    ("Dwi Lestari Handayani, S.E.", "P", "Penata Layanan Operasional"),
    ("Eko Prasetyo Nugroho, A.Md.Kom.", "L", "Administrator Database Kependudukan"),
    ("Tri Wulandari, S.AP.", "P", "Penata Layanan Operasional"),
    ("Asep Saepuloh, S.IP.", "L", "Analis Kebijakan Ahli Pertama"),
    ("Euis Komalasari, A.Md.Keb.", "P", "Bidan Terampil"),
    ("Dede Rohmat Hidayat, S.T.", "L", "Penelaah Teknis Kebijakan"),
    ("Cecep Gunawan, S.Kep., Ns.", "L", "Perawat Ahli Pertama"),
    ("Neng Yuyun Yuningsih, A.Md.Kep.", "P", "Perawat Terampil"),
    ("dr. Rotua Simanjuntak", "P", "Dokter Ahli Pertama"),
    ("Hotman Parulian Sitorus, S.H.", "L", "Penelaah Teknis Kebijakan"),
    ("Lamhot Siregar, A.Md.T.", "L", "Penguji Kendaraan Bermotor Mahir"),
    ("apt. Tiurma Nainggolan, S.Farm.", "P", "Apoteker Ahli Pertama"),
    ("Yulia Rahmi, S.KM.", "P", "Tenaga Sanitasi Lingkungan Ahli Pertama"),
    ("Afrizal Chaniago, S.E.", "L", "Penata Layanan Operasional"),
    ("Nofriandi Saputra, S.Ak.", "L", "Penelaah Teknis Kebijakan"),
    ("Desi Mardiana, A.Md.", "P", "Pengadministrasi Perkantoran"),
    ("Andi Muhammad Rizal, S.Sos.", "L", "Penyuluh Sosial Ahli Pertama"),
    ("Andi Nurhayati, S.Tr.Sos.", "P", "Pekerja Sosial Ahli Pertama"),
    ("Muh. Ilham Syamsuddin, S.Kom.", "L", "Pranata Komputer Ahli Pertama"),
    ("Hasriani Lamba, A.Md.Kes.", "P", "Perekam Medis Terampil"),
    ("I Made Suardana, S.T.", "L", "Penguji Kendaraan Bermotor Ahli Pertama"),
    ("Ni Luh Putu Ayu Lestari, S.Tr.Keb.", "P", "Bidan Ahli Pertama"),
    ("Jeffry Mandagi, S.H.", "L", "Analis Hukum Ahli Pertama"),
    ("Meiske Wowor, A.Md.Kep.", "P", "Perawat Terampil"),
    ("Yohanes Pattiasina, S.IP.", "L", "Penelaah Teknis Kebijakan"),
    ("Maria Goreti Bria, S.Kep., Ns.", "P", "Perawat Ahli Pertama"),
    ("Cut Rahmawati, S.E.", "P", "Penata Layanan Operasional"),
    ("Teuku Fadhil Maulana, S.Kom.", "L", "Pranata Komputer Ahli Pertama"),
    ("Rahmadi Noor, A.Md.", "L", "Operator Layanan Operasional"),
    ("Lily Susanti Gunawan, S.Ak.", "P", "Penelaah Teknis Kebijakan"),
    ("Hendra Wijaya, S.E.", "L", "Pengelola Layanan Operasional"),
    ("Frans Rumbiak, A.Md.T.", "L", "Penguji Kendaraan Bermotor Terampil"),
    ("Moh. Holil, S.Sos.", "L", "Pengolah Data dan Informasi"),
    ("Siti Aisyah, A.Md.Keb.", "P", "Bidan Terampil"),
    ("drg. Anindita Kusumawardani", "P", "Dokter Gigi Ahli Pertama"),
    ("Joko Susilo", "L", "Pengadministrasi Perkantoran"),
    ("Rina Kurniawati, S.Psi.", "P", "Penata Layanan Operasional"),
    ("Lalu Muhammad Zainuddin, S.Sos.", "L", "Penyuluh Sosial Ahli Pertama"),
    ("Baiq Nurul Aini, A.Md.Kom.", "P", "Operator Layanan Operasional"),
    ("Ahmad Fauzi Harahap, S.H.", "L", "Analis Hukum Ahli Pertama"),
    ("Sri Rejeki Purwaningsih, S.KM.", "P", "Epidemiolog Kesehatan Ahli Pertama"),
    ("Ujang Suherman, A.Md.", "L", "Operator Layanan Operasional"),
    ("Fitri Handayani Lubis, A.Md.Farm.", "P", "Asisten Apoteker Terampil"),
    ("Yosef Nahak, A.Md.Kom.", "L", "Pranata Komputer Terampil"),
    ("Nurul Hidayah, S.Sos.", "P", "Pengelola Layanan Operasional"),
    ("dr. Bayu Aji Pamungkas", "L", "Dokter Ahli Pertama"),
]

# The demo officer logins: an officer at a Disdukcapil loket (by name, from the list
# above) and the head of the Disdukcapil service desk who supervises its officers.
# The supervisor serves no loket, so is not among the round-robin officers.
DEMO_OFFICER = "Rina Kurniawati, S.Psi."
DEMO_SUPERVISOR = (
    "Ratna Dewi Anggraini, S.Sos., M.Si.",
    "P",
    "Kepala Bidang Pelayanan Pendaftaran Penduduk",
    "DISDUKCAPIL",
)

# ---------------------------------------------------------------------------
# Public page texts
# ---------------------------------------------------------------------------

ABOUT_SURVEY = [
    "Survei Kepuasan Masyarakat (SKM) adalah cara Pemerintah Kabupaten Sukamaju mendengar "
    "langsung pendapat Bapak/Ibu tentang pelayanan yang baru saja diterima, mulai dari "
    "kejelasan persyaratan, lama waktu penyelesaian, sampai keramahan petugas. Survei ini "
    "wajib dilaksanakan oleh setiap unit penyelenggara pelayanan publik sesuai Peraturan "
    "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017 "
    "tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan "
    "Publik.",
    "Pengisian survei bersifat sukarela dan anonim. Kami tidak menanyakan nama, NIK, "
    "maupun nomor telepon. Data yang diminta hanya keterangan umum seperti jenis kelamin, "
    "kelompok usia, pendidikan, dan pekerjaan, yang dipakai untuk melihat apakah pelayanan "
    "sudah adil bagi semua kelompok masyarakat. Jawaban Bapak/Ibu tidak akan memengaruhi "
    "pelayanan yang sedang atau akan diterima.",
    "Survei cukup diisi satu kali untuk setiap pelayanan yang diterima dan memerlukan waktu "
    "sekitar tiga menit. Bapak/Ibu dapat mengisinya melalui kode QR di loket pelayanan, "
    "melalui tautan di portal ini, atau dengan bantuan petugas survei yang tidak terlibat "
    "dalam pelayanan tersebut.",
    "Hasil survei diolah dan diumumkan secara terbuka di portal ini setiap semester untuk "
    "setiap unit dan setiap jenis pelayanan, lengkap dengan nilai per unsur pelayanan. "
    "Unsur yang nilainya paling rendah menjadi prioritas perbaikan dan dituangkan dalam "
    "Rencana Tindak Lanjut yang memuat kegiatan, penanggung jawab, dan jadwal "
    "penyelesaiannya.",
    "Pelaksanaan Rencana Tindak Lanjut dipantau oleh Bagian Organisasi Sekretariat Daerah "
    "dan dilaporkan kepada Bupati. Dengan demikian, setiap jawaban yang Bapak/Ibu berikan "
    "ikut menentukan perbaikan pelayanan di Kabupaten Sukamaju. Keluhan yang memerlukan "
    "penanganan segera sebaiknya tetap disampaikan melalui kanal pengaduan, termasuk "
    "SP4N-LAPOR!.",
]

METHODOLOGY = [
    "Survei mengukur 9 (sembilan) unsur pelayanan sesuai Peraturan Menteri PANRB Nomor 14 "
    "Tahun 2017, yaitu: U1 Persyaratan; U2 Sistem, Mekanisme, dan Prosedur; U3 Waktu "
    "Penyelesaian; U4 Biaya/Tarif; U5 Produk Spesifikasi Jenis Pelayanan; U6 Kompetensi "
    "Pelaksana; U7 Perilaku Pelaksana; U8 Penanganan Pengaduan, Saran, dan Masukan; serta "
    "U9 Sarana dan Prasarana.",
    "Setiap unsur dinilai dengan skala 1 sampai 4: nilai 1 berarti tidak baik (misalnya "
    "tidak sesuai atau sangat lambat), 2 kurang baik, 3 baik, dan 4 sangat baik. Nilai "
    "Rata-Rata (NRR) setiap unsur dihitung dengan membagi jumlah nilai seluruh responden "
    "pada unsur tersebut dengan jumlah jawaban yang terisi pada unsur itu.",
    "Indeks Kepuasan Masyarakat (IKM) dihitung dengan rumus IKM = (NRR U1 + NRR U2 + ... + "
    "NRR U9) x 1/9 x 25. Setiap unsur diberi bobot yang sama, yaitu tepat 1/9 (satu per "
    "sembilan); bobot ini tidak dibulatkan menjadi 0,11 agar hasil tidak bergeser. Perkalian "
    "dengan 25 mengubah nilai skala 1-4 menjadi nilai indeks 25-100.",
    "Nilai IKM dikelompokkan ke dalam empat mutu pelayanan: A (Sangat Baik) untuk nilai "
    "88,31 sampai 100,00; B (Baik) untuk nilai 76,61 sampai 88,30; C (Kurang Baik) untuk "
    "nilai 65,00 sampai 76,60; dan D (Tidak Baik) untuk nilai 25,00 sampai 64,99.",
    "Jumlah responden minimal ditentukan dengan tabel Krejcie dan Morgan berdasarkan "
    "jumlah penerima layanan dalam satu periode. Sebagai contoh, untuk populasi 1.000 orang "
    "diperlukan 278 responden, untuk 10.000 orang diperlukan 370 responden, dan untuk "
    "100.000 orang atau lebih diperlukan 384 responden.",
    "Untuk melindungi kerahasiaan responden dan menghindari kesimpulan yang menyesatkan, "
    "hasil suatu layanan atau unit baru ditampilkan setelah terkumpul sekurang-kurangnya "
    "10 (sepuluh) responden pada periode tersebut. Apabila jumlah responden belum mencapai "
    "sampel minimal Krejcie dan Morgan, hasil tetap ditampilkan dengan keterangan bahwa "
    "jumlah sampel belum memenuhi.",
]

HOME_INTRO = (
    "Selamat datang di Portal Standar Pelayanan dan Survei Kepuasan Masyarakat Pemerintah "
    "Kabupaten Sukamaju. Di sini Bapak/Ibu dapat membaca standar pelayanan setiap layanan, "
    "mulai dari persyaratan, prosedur, waktu penyelesaian, biaya, hingga cara menyampaikan "
    "pengaduan; memberikan penilaian atas pelayanan yang telah diterima melalui survei "
    "singkat tanpa perlu menyebutkan identitas; serta melihat hasil Indeks Kepuasan "
    "Masyarakat dan rencana tindak lanjut perbaikannya. Pendapat Bapak/Ibu membantu kami "
    "melayani dengan lebih baik."
)

# Complaint channels in the footer, besides SP4N-LAPOR!.
COMPLAINT_CHANNELS = (
    "WhatsApp pengaduan: 0812-2850-4410 (hari kerja, 08.00-15.00)\n"
    "Kotak saran di setiap loket pelayanan\n"
    "Surat ke Bagian Organisasi Setda, Jl. Pemuda No. 1"
)

ACCESSIBILITY = [
    "Pemerintah Kabupaten Sukamaju ingin portal ini dapat dipakai oleh semua warga, "
    "termasuk penyandang disabilitas, pengguna telepon genggam sederhana, dan warga dengan "
    "koneksi internet yang lambat. Portal ini disusun mengikuti Pedoman Aksesibilitas Konten "
    "Web (WCAG) 2.1 tingkat AA.",
    "Yang sudah kami lakukan: semua halaman dapat dibuka tanpa JavaScript dan dengan papan "
    "ketik saja; tersedia tautan langsung ke isi; setiap grafik disertai tabel angkanya; warna "
    "teks memenuhi rasio kontras minimal; halaman menyesuaikan lebar layar telepon tanpa "
    "perlu digeser ke samping; formulir survei menyebutkan dengan jelas bagian yang perlu "
    "diperbaiki. Setiap perubahan tampilan diperiksa otomatis dengan axe-core.",
    "Jika Bapak/Ibu menemukan bagian yang sulit dibaca atau dipakai, sampaikan melalui "
    "e-mail pemkab@sukamajukab.go.id atau WhatsApp pengaduan 0812-2850-4410. Kami menjawab "
    "dalam 5 hari kerja dan dapat mengirimkan informasi dalam bentuk lain bila diperlukan.",
]

OPEN_DATA_INTRO = (
    "Hasil Survei Kepuasan Masyarakat Kabupaten Sukamaju terbuka untuk siapa saja: unduh "
    "tabel IKM per layanan dan per unit (CSV untuk spreadsheet, JSON untuk aplikasi), atau "
    "gunakan API publik. Data diperbarui setiap kali warga memberikan penilaian."
)

# ---------------------------------------------------------------------------
# English names and keywords of the services (search on /en/ finds a service by
# what an English speaker calls it); indexed with the page, never shown as its title.
# ---------------------------------------------------------------------------

SERVICES_EN = {
    "KTP-EL": (
        "Electronic ID card (KTP-el)",
        ["ID card", "identity card", "national ID", "e-ID", "replace lost ID card"],
    ),
    "KK": (
        "Family card (Kartu Keluarga)",
        ["family card", "family register", "household card", "add family member"],
    ),
    "AKTA-LAHIR": (
        "Birth certificate",
        ["birth certificate", "register a birth", "birth registration", "newborn baby"],
    ),
    "AKTA-MATI": (
        "Death certificate",
        ["death certificate", "register a death", "death registration"],
    ),
    "KIA": (
        "Child identity card (KIA)",
        ["child ID card", "child identity card", "ID card for children"],
    ),
    "SKPWNI": (
        "Certificate of moving out (SKPWNI)",
        ["moving certificate", "change of address", "relocation letter", "move to another city"],
    ),
    "NIB-OSS": (
        "Business identification number (NIB) through OSS",
        ["business registration", "business licence", "business license", "register a business"],
    ),
    "SIP-DOKTER": (
        "Medical practice licence for doctors",
        ["doctor practice licence", "doctor license", "medical licence", "physician permit"],
    ),
    "SIP-BIDAN": (
        "Practice licence for midwives",
        ["midwife licence", "midwife license", "midwife practice permit"],
    ),
    "SPP-IRT": (
        "Home food industry production certificate (SPP-IRT)",
        ["home food business permit", "home industry food licence", "food production permit"],
    ),
    "IZIN-REKLAME": (
        "Advertising permit",
        ["advertising permit", "billboard permit", "banner permit", "signboard"],
    ),
    "SLHS": (
        "Hygiene and sanitation certificate",
        ["hygiene certificate", "sanitation certificate", "catering permit", "restaurant hygiene"],
    ),
    "PKM1-UMUM": (
        "General medical check-up",
        ["see a doctor", "general practitioner", "medical check-up", "health centre", "clinic"],
    ),
    "PKM1-IMUN": (
        "Child immunisation",
        ["immunisation", "immunization", "vaccination", "vaccine for children", "baby vaccine"],
    ),
    "PKM1-SKS": (
        "Health certificate",
        ["health certificate", "medical certificate", "certificate of good health"],
    ),
    "PKM2-ANC": (
        "Antenatal care for pregnant women",
        ["pregnancy check-up", "pregnant", "prenatal care", "antenatal care"],
    ),
    "PKM2-GIGI": (
        "Dental care",
        ["dentist", "dental care", "toothache", "tooth extraction", "dental check-up"],
    ),
    "REK-PBI-JK": (
        "Recommendation for state-paid health insurance (PBI JKN)",
        ["free health insurance", "health insurance subsidy", "BPJS for the poor"],
    ),
    "DTKS": (
        "Social welfare data registration (DTKS)",
        ["social assistance", "welfare registration", "poverty certificate", "social aid"],
    ),
    "IZIN-TRAYEK": (
        "Public transport route permit",
        ["route permit", "public transport licence", "minibus route", "bus route permit"],
    ),
    "UJI-KIR": (
        "Periodic motor vehicle inspection (KIR)",
        ["vehicle inspection", "roadworthiness test", "truck inspection", "vehicle test"],
    ),
    "PBB-SALINAN": (
        "Copy of the land and building tax bill (SPPT PBB)",
        ["property tax bill", "land tax bill", "lost tax bill", "property tax"],
    ),
    "PBB-MUTASI": (
        "Transfer of land and building tax records (PBB)",
        ["transfer property tax", "change owner property tax", "split property tax"],
    ),
    "BPHTB-VALIDASI": (
        "Validation of land and building acquisition duty (BPHTB)",
        ["land purchase tax", "property transfer tax", "buying land tax"],
    ),
    "PBJT-MAMIN": (
        "Restaurant tax registration (PBJT food and drinks)",
        ["restaurant tax", "food and beverage tax", "cafe tax", "register restaurant tax"],
    ),
}
