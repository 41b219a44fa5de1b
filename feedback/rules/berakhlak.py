"""The seven BerAKHLAK core values of the ASN (SE MenPANRB 20/2021) and the SKP
behaviour scale (PermenPANRB 6/2022) on which colleagues rate each other in a 360
round. Plain Python: the codes are the HR API's keys."""

VALUES = (
    ("berorientasi_pelayanan", "Berorientasi Pelayanan"),
    ("akuntabel", "Akuntabel"),
    ("kompeten", "Kompeten"),
    ("harmonis", "Harmonis"),
    ("loyal", "Loyal"),
    ("adaptif", "Adaptif"),
    ("kolaboratif", "Kolaboratif"),
)
CODES = tuple(code for code, _name in VALUES)

# The SKP behaviour scale, as numbers for the average: 1 below, 2 as, 3 above expectation.
BELOW, AS_EXPECTED, ABOVE = 1, 2, 3
SCALE = (
    (BELOW, "Di bawah ekspektasi"),
    (AS_EXPECTED, "Sesuai ekspektasi"),
    (ABOVE, "Di atas ekspektasi"),
)


def aggregate(ratings: list[dict], minimum: int) -> dict:
    """The 360 result of one officer: the mean per value over the raters' answers
    (1-3, two decimals), how many raters, and whether it is suppressed (fewer raters
    than ``minimum``: then no value is given, so no single colleague can be read
    from it)."""
    raters = len(ratings)
    suppressed = raters < minimum
    values = {}
    if not suppressed:
        for code in CODES:
            answers = [r[code] for r in ratings if r.get(code) in (BELOW, AS_EXPECTED, ABOVE)]
            values[code] = round(sum(answers) / len(answers), 2) if answers else None
    return {"values": values, "raters": raters, "suppressed": suppressed}


def rotation(officer_ids: list[int], per_officer: int) -> list[tuple[int, int]]:
    """(rater, ratee) pairs: each officer rates the next ``per_officer`` colleagues in
    a fixed order, so everyone gives and receives exactly ``per_officer`` ratings and
    nobody rates themselves. The caller checks there are enough colleagues."""
    ordered = sorted(officer_ids)
    n = len(ordered)
    return [(ordered[i], ordered[(i + k) % n]) for i in range(n) for k in range(1, per_officer + 1)]
