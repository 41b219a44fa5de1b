"""Development hints: an officer's weakest element and the training it suggests.

The one place that maps an officer-controlled element to a suggested training; the
HR officer page and the development list read it. Plain Python: no Django. The
admin is in Indonesian only, so the texts are too.
"""

ELEMENTS = {
    "U6": "Kompetensi pelaksana (U6)",
    "U7": "Perilaku pelaksana (U7)",
}

TRAINING = {
    "U6": "pelatihan teknis layanan dan pendampingan oleh petugas senior",
    "U7": "pelatihan pelayanan prima dan etika pelayanan",
}


def nrr(counts: dict[int, int]) -> float | None:
    """Mean answer (1-4) from an answer distribution, or None without answers."""
    n = sum(counts.values())
    return sum(value * count for value, count in counts.items()) / n if n else None


def weakest_element(distribution: dict[str, dict[int, int]], elements=("U6", "U7")):
    """(element, its NRR) with the lowest mean answer among ``elements``; on a tie the
    first of them. None without answers."""
    rated = [(nrr(distribution[e]), e) for e in elements if nrr(distribution[e]) is not None]
    if not rated:
        return None
    value, element = min(rated, key=lambda pair: (pair[0], elements.index(pair[1])))
    return element, value
