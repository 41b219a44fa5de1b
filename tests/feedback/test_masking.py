import pytest

from feedback.masking import mask_personal_data


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
