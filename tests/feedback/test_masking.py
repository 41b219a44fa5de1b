import re

import pytest

from feedback.rules.masking import compile_officer_names, mask_personal_data


@pytest.mark.parametrize(
    "text, hidden",
    [
        ("NIK saya 3301012345678901 mohon dicek", "3301012345678901"),
        ("NIK 3301 0123 4567 8901", "3301 0123 4567 8901"),
        ("hubungi 0812-3456-7890", "0812-3456-7890"),
        ("WA +62 812 3456 7890", "812 3456 7890"),
        ("telp (0285) 441001", "441001"),
        ("email budi.santoso@gmail.com", "budi.santoso@gmail.com"),
    ],
)
def test_personal_data_is_masked(text, hidden):
    assert hidden not in mask_personal_data(text)


@pytest.mark.parametrize(
    "text",
    [
        "Antre 3 jam, loket 2 tutup jam 14.30",
        "Biaya Rp 150.000 terlalu mahal",
        "Tahun 2025 pelayanan membaik",
        "Nomor antrean 125",
    ],
)
def test_ordinary_numbers_in_comments_are_kept(text):
    assert mask_personal_data(text) == text


# Issue #16, finding 6: each of these passed (at least partly) unmasked before.
@pytest.mark.parametrize(
    "text",
    [
        "NIP petugasnya 198503122010011003",
        "NIP 19850312 201001 1 003 yang melayani",
        "nip 19850312.201001.1.003",
        "NIP 1985 0312 2010 0110 03",
        "NIP １９８５０３１２２０１００１１００３",
        "HP ０８１２３４５６７８９０",
        "hubungi 0 8 1 2 3 4 5 6 7 8 9 0",
        "WA +62 8 1 2 3 4 5 6 7 8 9 0",
        "NIK 3301  0123  4567  8901",
    ],
)
def test_spaced_and_full_width_numbers_are_masked_whole(text):
    assert not re.search(r"\d", mask_personal_data(text))  # \d: full-width digits too


@pytest.mark.parametrize(
    "text, hidden",
    [
        ("email a(at)example.com", "example"),
        ("email budi [at] example [dot] com", "example"),
        ("email budi at example dot com", "example"),
        ("email budi (at) gmail (dot) co (dot) id", "gmail"),
    ],
)
def test_obfuscated_email_addresses_are_masked(text, hidden):
    masked = mask_personal_data(text)
    assert hidden not in masked
    assert "[e-mail disamarkan]" in masked


OFFICERS = compile_officer_names(
    [
        "Siti Nurjanah, S.Sos.",
        "Sri Wahyuni, A.Md.",
        "Dwi Lestari Handayani, S.E.",
        "Dr. H. Asep Saepuloh",
    ]
)


@pytest.mark.parametrize(
    "text, hidden",
    [
        ("Petugas Siti Nurjanah judes sekali", "Nurjanah"),
        ("siti   NURJANAH tidak ramah", "NURJANAH"),
        ("Ｓｉｔｉ　Ｎｕｒｊａｎａｈ lambat", "Ｎｕｒｊａｎａｈ"),
        ("dilayani Dwi Lestari Handayani", "Lestari"),
        ("dilayani Dwi Lestari saja", "Lestari"),
        ("pak asep saepuloh baik", "saepuloh"),
        ("Bu Sri ramah sekali", "Sri"),
        ("mbak Dwi cepat", "Dwi"),
    ],
)
def test_officer_names_are_masked(text, hidden):
    masked = mask_personal_data(text, officer_names=OFFICERS)
    assert hidden not in masked
    assert "[nama petugas disamarkan]" in masked


@pytest.mark.parametrize(
    "text",
    [
        # A given name alone is also a word or someone else's name: kept (the rule in
        # masking.compile_officer_names).
        "Semoga pelayanan sri rejeki terus",
        "Tri dharma, dwi fungsi",
        "Sirkulasi udara dan Nurjanah-nya bagus",
        "saya at kantor jam 8",
        "Antre 3 jam, loket 2 tutup jam 14.30",
        "tanggal 01.02.2025 pukul 08.00",
    ],
)
def test_ordinary_words_are_kept(text):
    assert mask_personal_data(text, officer_names=OFFICERS) == text


def test_no_officers_no_name_pattern():
    assert compile_officer_names([]) is None
    assert mask_personal_data("Bu Sri", officer_names=None) == "Bu Sri"


def test_a_masked_address_keeps_the_sentence_after_it():
    assert mask_personal_data("email budi@gmail.com. Terima kasih") == (
        "email [e-mail disamarkan]. Terima kasih"
    )
