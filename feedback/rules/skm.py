"""The nine SKM elements (unsur) of PermenPANRB 14/2017, with their official answers.

Answers are stored by element code (U1..U9), never by position: survey forms in
the field disagree on the order of U8 and U9. No Django imports.
"""

from dataclasses import dataclass

SCALE = (1, 2, 3, 4)


@dataclass(frozen=True)
class Element:
    code: str
    name: str
    name_en: str
    question: str
    question_en: str
    answers: tuple[str, str, str, str]  # official Indonesian labels for 1..4
    answers_en: tuple[str, str, str, str]
    # Officers control competence and courtesy; fees and facilities they do not.
    officer_controlled: bool = False

    @property
    def field(self) -> str:
        return self.code.lower()

    def choices(self):
        return list(zip(SCALE, self.answers, self.answers_en, strict=True))


ELEMENTS: tuple[Element, ...] = (
    Element(
        "U1",
        "Persyaratan",
        "Requirements",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis "
        "pelayanannya?",
        "How well did the requirements match the service?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
        ("Not appropriate", "Less appropriate", "Appropriate", "Very appropriate"),
    ),
    Element(
        "U2",
        "Sistem, mekanisme, dan prosedur",
        "System, mechanism and procedure",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        "How easy was the service procedure?",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
        ("Not easy", "Less easy", "Easy", "Very easy"),
    ),
    Element(
        "U3",
        "Waktu penyelesaian",
        "Completion time",
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        "How fast was the service delivered?",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
        ("Not fast", "Less fast", "Fast", "Very fast"),
    ),
    Element(
        "U4",
        "Biaya/tarif",
        "Fee/tariff",
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        "How reasonable was the fee?",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
        ("Very expensive", "Quite expensive", "Cheap", "Free"),
    ),
    Element(
        "U5",
        "Produk spesifikasi jenis pelayanan",
        "Service product specification",
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang "
        "tercantum dalam standar pelayanan dengan hasil yang diberikan?",
        "Did the product you received match the published standard?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
        ("Not appropriate", "Less appropriate", "Appropriate", "Very appropriate"),
    ),
    Element(
        "U6",
        "Kompetensi pelaksana",
        "Staff competence",
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        "How competent were the staff who served you?",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
        ("Not competent", "Less competent", "Competent", "Very competent"),
        officer_controlled=True,
    ),
    Element(
        "U7",
        "Perilaku pelaksana",
        "Staff behaviour",
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait "
        "kesopanan dan keramahan?",
        "How polite and friendly were the staff?",
        (
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ),
        (
            "Not polite and friendly",
            "Less polite and friendly",
            "Polite and friendly",
            "Very polite and friendly",
        ),
        officer_controlled=True,
    ),
    Element(
        "U8",
        "Penanganan pengaduan, saran, dan masukan",
        "Handling of complaints and suggestions",
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        "How were complaints and suggestions handled?",
        (
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ),
        ("None", "Exists but does not work", "Works less than fully", "Well managed"),
    ),
    Element(
        "U9",
        "Sarana dan prasarana",
        "Facilities",
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        "How good were the facilities?",
        ("Buruk", "Cukup", "Baik", "Sangat baik"),
        ("Poor", "Fair", "Good", "Very good"),
    ),
)

CODES: tuple[str, ...] = tuple(e.code for e in ELEMENTS)
BY_CODE = {e.code: e for e in ELEMENTS}
