"""Two years of a past SKM report's tables for a few demo services (2023-Q1 to
2024-Q4, before the portal's own responses start in 2025), so the demo's trends
start before the portal did, as a real Pemda's would.

Stored through the same path as ``import_skm_tables`` (report_tables.store);
deterministic and loaded once (the batch is recognised by its digest).
"""

import datetime
import hashlib
import random
from decimal import Decimal

from feedback.imports import report_tables
from feedback.models import ImportBatch, Service
from feedback.rules.periods import Period
from feedback.rules.skm import CODES, SCALE

from .responses import ELEMENT_OFFSET, LEVELS, _answer

# Service -> the level its answers had before the portal (improving ones lower).
SERVICES = {"KTP-EL": -0.25, "KK": -0.05, "AKTA-LAHIR": -0.1, "PKM2-GIGI": -0.3, "UJI-KIR": -0.2}
PERIODS = [f"{year}-Q{q}" for year in (2023, 2024) for q in (1, 2, 3, 4)]
RESPONDENTS = (90, 140)
FILENAME = "demo-laporan-skm-2023-2024"
DIGEST = hashlib.sha256(b"demo report tables 2023-2024 v1").hexdigest()


def load(*, log=print) -> int:
    """Create the demo report tables unless they exist; returns how many were created."""
    if ImportBatch.objects.filter(sha256=DIGEST).exists():
        return 0
    entries = []
    for service in Service.objects.filter(code__in=SERVICES).order_by("code"):
        rng = random.Random(f"report:{service.code}")
        for index, code in enumerate(PERIODS):
            period = Period.parse(code)
            mean = LEVELS.get(service.code, 3.2) + SERVICES[service.code] + 0.02 * index
            respondents = rng.randint(*RESPONDENTS)
            counts = {}
            for element in CODES:
                answers = [
                    _answer(rng, mean + ELEMENT_OFFSET.get(element, 0)) for _ in range(respondents)
                ]
                counts[element] = [answers.count(value) for value in SCALE]
            entries.append(
                {
                    "service": service,
                    "period": period.code,
                    "start": period.start,
                    "end": period.end,
                    "respondents": respondents,
                    "counts": counts,
                    **{
                        element.lower(): Decimal(
                            sum(v * n for v, n in zip(SCALE, counts[element], strict=True))
                        )
                        for element in CODES
                    },
                }
            )
    if not entries:
        return 0
    assert all(e["end"] < datetime.date(2025, 1, 1) for e in entries)  # before the responses
    report_tables.store(entries, filename=FILENAME, digest=DIGEST)
    log(f"  report tables: {len(entries)} periods of {len(SERVICES)} services")
    return len(entries)
