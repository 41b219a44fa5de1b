import datetime

import pytest

from feedback.rules.nip import InvalidNIP, parse_nip

TODAY = datetime.date(2026, 11, 22)
VALID = "198503122010012003"  # born 12-03-1985, appointed 01-2010, female, no. 3


def test_valid_nip_is_split_into_its_parts():
    parts = parse_nip(VALID, today=TODAY)
    assert parts.birth_date == datetime.date(1985, 3, 12)
    assert (parts.appointment_year, parts.appointment_month) == (2010, 1)
    assert parts.sex == "P"
    assert parts.sequence == 3


def test_spaces_and_dots_as_printed_on_letters_are_accepted():
    assert parse_nip("19850312 201001 2 003", today=TODAY).sequence == 3
    assert parse_nip("19850312.201001.2.003", today=TODAY).sex == "P"


@pytest.mark.parametrize(
    "nip, fragment",
    [
        ("19850312201001200", "18 angka"),
        ("1985031220100120031", "18 angka"),
        ("19850312201001200A", "18 angka"),
        ("198502302010012003", "tanggal lahir"),  # 30 February
        ("198503122010132003", "bulan pengangkatan"),  # month 13
        ("198503122010002003", "bulan pengangkatan"),  # month 00
        ("198503122010013003", "1 (laki-laki) atau 2 (perempuan)"),
        ("198503122010012000", "000"),
        ("198503122099012003", "masa depan"),  # appointed in the future
        ("198503121995012003", "usia"),  # appointed at 9 years old
        ("209003122010012003", "masa depan"),  # born in the future
    ],
)
def test_wrong_nips_are_rejected_with_a_message_naming_the_problem(nip, fragment):
    with pytest.raises(InvalidNIP) as excinfo:
        parse_nip(nip, today=TODAY)
    assert fragment in str(excinfo.value)
