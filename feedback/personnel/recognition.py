"""HR's recognition and development lists, from the officers' indicator scores.

Recognition (*penghargaan*): officers above expectation with sufficient data.
Development (*pengembangan*): officers below expectation, with their weakest
officer-controlled element and the trainings HR's catalogue holds for it (or, without
one, the plain suggestion of rules.development).
Neither list judges an officer on too few ratings: without sufficient data there
is no expectation, so no place on either list.
"""

from ..models import Training
from ..rules import development
from .exports import csv_response, xlsx_response
from .indicators import MEASURED_ELEMENTS, Score

LISTS = ("penghargaan", "pengembangan")
# Access-log channels (at most 20 characters with "admin-" or "-xlsx").
CHANNELS = {"penghargaan": "recognition", "pengembangan": "development"}

COLUMNS = [
    "nip",
    "name",
    "unit",
    "period",
    "indicator",
    "target",
    "realisation",
    "estimate",
    "band",
    "respondents",
    "achievement",
    "expectation",
    "weakest_element",
    "weakest_element_nrr",
    "suggested_training",
]


def _fair_order(score: Score):
    # The fair estimate first: an officer high on few ratings does not top the list.
    value = score.estimate if score.estimate is not None else score.realisation
    return (-(value or 0), score.officer.name, score.indicator.name)


def recognition(scores: list[Score]) -> list[Score]:
    """Scores above expectation with sufficient data, the highest fair estimate first."""
    return sorted((s for s in scores if s.sufficient and s.expectation == "above"), key=_fair_order)


def development_rows(scores: list[Score]) -> list[dict]:
    """Scores below expectation, the lowest fair estimate first, each with the
    weakest element the indicator measures and the suggested training."""
    below = sorted(
        (s for s in scores if s.expectation == "below"),
        key=_fair_order,
        reverse=True,
    )
    catalogue = _catalogue()
    rows = []
    for score in below:
        measured = MEASURED_ELEMENTS.get(score.indicator.measure)
        elements = (measured,) if measured else ("U6", "U7")
        weakest = development.weakest_element(score.distribution, elements)
        element, value = weakest if weakest else (None, None)
        rows.append(
            {
                "score": score,
                "element": element,
                "element_label": development.ELEMENTS.get(element, ""),
                "element_nrr": None if value is None else round(value, 2),
                "training": catalogue.get(element) or development.TRAINING.get(element, ""),
            }
        )
    return rows


def _catalogue() -> dict[str, str]:
    """The trainings HR keeps in its catalogue (Kepegawaian > Katalog pelatihan), by
    the element they develop, as one text each; an element without one falls back to
    the plain suggestion of rules.development."""
    names = {}
    for element, name in Training.objects.filter(is_active=True).values_list("element", "name"):
        if element:
            names.setdefault(element, []).append(name)
    return {element: "; ".join(found) for element, found in names.items()}


def _row(score: Score, extra: dict | None = None) -> dict:
    extra = extra or {}
    return {
        **score.as_row(),
        "weakest_element": extra.get("element"),
        "weakest_element_nrr": extra.get("element_nrr"),
        "suggested_training": extra.get("training"),
    }


def list_rows(name: str, scores: list[Score]) -> list[dict]:
    """The rows of one list (``penghargaan`` or ``pengembangan``) for a file."""
    if name == "penghargaan":
        return [_row(s) for s in recognition(scores)]
    return [_row(r["score"], r) for r in development_rows(scores)]


def list_file(fmt: str, name: str, scores: list[Score], period):
    """One list as CSV or XLSX for HR."""
    rows = list_rows(name, scores)
    filename = f"{name}-petugas-{period}"
    if fmt == "xlsx":
        return xlsx_response(rows, filename, columns=COLUMNS, sheet_title=name.capitalize())
    return csv_response(rows, filename, columns=COLUMNS)
