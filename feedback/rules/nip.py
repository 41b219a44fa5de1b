"""Structure of the NIP, the 18-digit staff number of an ASN.

Layout: ``YYYYMMDD`` birth date, ``YYYYMM`` appointment (TMT CPNS/PPPK), one digit
for sex (1 male, 2 female) and a three-digit sequence. No Django imports, so it
can be tested on its own and reused by importers.
"""

import datetime
import re
from dataclasses import dataclass

NIP_RE = re.compile(r"^\d{18}$")

# ASN are appointed from 18 and, for PPPK, up to the age of 58; allow a little
# on either side so an unusual but real career is never rejected.
MIN_AGE_AT_APPOINTMENT = 17
MAX_AGE_AT_APPOINTMENT = 60


class InvalidNIP(ValueError):
    """Raised with a message an HR clerk can act on."""


@dataclass(frozen=True)
class NIPParts:
    birth_date: datetime.date
    appointment_year: int
    appointment_month: int
    sex: str  # "L" or "P"
    sequence: int


def normalise_nip(raw: str) -> str:
    """Drop the spaces and dots people type when copying an NIP from a letter."""
    return re.sub(r"[\s.]", "", raw or "")


def parse_nip(raw: str, *, today: datetime.date | None = None) -> NIPParts:
    """Split and check an NIP; raise InvalidNIP (Indonesian message) when wrong."""
    nip = normalise_nip(raw)
    today = today or datetime.date.today()
    if not NIP_RE.match(nip):
        raise InvalidNIP(f"NIP harus terdiri dari 18 angka (yang diisi: {len(nip)} karakter).")
    try:
        birth = datetime.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise InvalidNIP(
            f"Digit 1-8 NIP ({nip[0:8]}) bukan tanggal lahir yang sah (format TTTTBBHH)."
        ) from None
    if birth > today:
        raise InvalidNIP(f"Tanggal lahir dalam NIP ({birth:%d-%m-%Y}) ada di masa depan.")
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12:
        raise InvalidNIP(f"Digit 13-14 NIP ({nip[12:14]}) harus bulan pengangkatan 01-12.")
    if (year, month) > (today.year, today.month):
        raise InvalidNIP(f"Bulan pengangkatan dalam NIP ({month:02d}-{year}) ada di masa depan.")
    age = year - birth.year - (1 if month < birth.month else 0)
    if not MIN_AGE_AT_APPOINTMENT <= age <= MAX_AGE_AT_APPOINTMENT:
        raise InvalidNIP(
            f"Pengangkatan {month:02d}-{year} tidak cocok dengan tanggal lahir "
            f"{birth:%d-%m-%Y} (usia {age} tahun saat diangkat)."
        )
    if nip[14] not in "12":
        raise InvalidNIP(f"Digit ke-15 NIP ({nip[14]}) harus 1 (laki-laki) atau 2 (perempuan).")
    sequence = int(nip[15:18])
    if sequence == 0:
        raise InvalidNIP("Tiga digit terakhir NIP (nomor urut) tidak boleh 000.")
    return NIPParts(
        birth_date=birth,
        appointment_year=year,
        appointment_month=month,
        sex="L" if nip[14] == "1" else "P",
        sequence=sequence,
    )
