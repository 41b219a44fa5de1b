"""Several periods of realistic survey responses for the demo Pemda.

Deterministic: every figure comes from a random generator seeded with the
service code, so two loads on two machines give the same answers. Services
differ on purpose (some strong, some weak, some with too few respondents to
publish) so every results page has something true to show.
"""

import datetime
import random
import uuid

from django.db import transaction
from django.utils import timezone

from feedback.models import (
    Assignment,
    Channel,
    CommentStatus,
    Education,
    Occupation,
    Receipt,
    Response,
    Service,
    ServicePoint,
)
from feedback.results import rollups
from feedback.rules.skm import CODES

from . import catalog

FIRST_DAY = datetime.date(2025, 1, 1)
LAST_DAY = datetime.date(2026, 9, 30)
BATCH = 2000
FEES = {row["code"]: row["biaya"] for row in catalog.SERVICES}

# Mean answer per service (1..4); the rest default to DEFAULT_LEVEL.
LEVELS = {
    "KTP-EL": 3.05,
    "KK": 3.3,
    "AKTA-LAHIR": 3.55,
    "AKTA-MATI": 3.4,
    "KIA": 3.6,
    "SKPWNI": 2.95,
    "NIB-OSS": 3.45,
    "SIP-DOKTER": 3.5,
    "SIP-BIDAN": 3.5,
    "SPP-IRT": 2.8,
    "IZIN-REKLAME": 2.7,
    "SLHS": 3.2,
    "PKM1-UMUM": 3.15,
    "PKM1-IMUN": 3.65,
    "PKM1-SKS": 3.3,
    "PKM2-ANC": 3.5,
    "PKM2-GIGI": 2.6,
    "REK-PBI-JK": 2.9,
    "DTKS": 2.75,
    "IZIN-TRAYEK": 3.0,
    "UJI-KIR": 2.65,
    "PBB-SALINAN": 3.35,
    "PBB-MUTASI": 3.1,
    "BPHTB-VALIDASI": 3.0,
    "PBJT-MAMIN": 3.25,
}
DEFAULT_LEVEL = 3.2
# Respondents per quarter; most services are busy, a few are rarely used.
VOLUME = {"IZIN-TRAYEK": 8, "SLHS": 14, "SIP-DOKTER": 30, "SIP-BIDAN": 25, "IZIN-REKLAME": 40}
DEFAULT_VOLUME = 150
# Element offsets: waiting time and facilities are where citizens are harshest.
ELEMENT_OFFSET = {"U3": -0.25, "U8": -0.2, "U9": -0.15, "U7": 0.1, "U6": 0.05}
# Services whose results improve over the periods (follow-up that worked).
IMPROVING = {"KTP-EL", "PKM2-GIGI", "UJI-KIR"}

COMMENTS = [
    ("Pelayanan cepat dan petugas ramah, terima kasih.", CommentStatus.APPROVED),
    ("Antrean terlalu lama, mohon ditambah petugas di jam sibuk.", CommentStatus.APPROVED),
    ("Ruang tunggu panas, kipas angin tidak menyala.", CommentStatus.APPROVED),
    ("Persyaratan di papan informasi berbeda dengan yang diminta petugas.", CommentStatus.APPROVED),
    ("Mohon disediakan tempat parkir yang lebih luas.", CommentStatus.PENDING),
    ("Informasi jadwal layanan di website belum diperbarui.", CommentStatus.PENDING),
    ("Sangat membantu, prosesnya jelas.", CommentStatus.APPROVED),
    ("Toilet kurang bersih.", CommentStatus.PENDING),
]
CHANNELS = [Channel.WEB] * 3 + [Channel.QR] * 3 + [Channel.KIOSK] * 2 + [Channel.PAPER] * 2
QUARTERS = [
    (datetime.date(y, m, 1), datetime.date(y + (m == 10), (m + 3) % 12 or 12, 1))
    for y in (2025, 2026)
    for m in (1, 4, 7, 10)
    if datetime.date(y, m, 1) <= LAST_DAY
]


def _answer(rng: random.Random, mean: float) -> int:
    # A rounded normal around the mean reproduces the lumpy 3-and-4 answers of real SKM data.
    return min(4, max(1, round(rng.gauss(mean, 0.6))))


def load(*, log=print) -> int:
    """Create the demo responses unless they exist; returns how many were created."""
    if Response.objects.filter(served_on__lte=LAST_DAY).exists():
        return 0
    services = list(Service.objects.order_by("code"))
    points = {}
    for point in ServicePoint.objects.prefetch_related("services"):
        for service in point.services.all():
            points.setdefault(service.pk, []).append(point)
    officers_at = {}
    for a in Assignment.objects.filter(service_point__isnull=False).select_related("officer"):
        officers_at.setdefault(a.service_point_id, []).append(a.officer)

    created = 0
    with transaction.atomic():
        pending_receipts, pending_responses = [], []
        for service in services:
            rng = random.Random(service.code)
            level = LEVELS.get(service.code, DEFAULT_LEVEL)
            volume = VOLUME.get(service.code, DEFAULT_VOLUME)
            for index, (start, end) in enumerate(QUARTERS):
                mean = level + (0.08 * index if service.code in IMPROVING else 0)
                count = max(1, int(volume * rng.uniform(0.8, 1.2)))
                for _ in range(count):
                    row, receipt = _response(rng, service, start, end, mean, points, officers_at)
                    if receipt is not None:
                        pending_receipts.append(receipt)
                    pending_responses.append(row)
                if len(pending_responses) >= BATCH:
                    created += _flush(pending_receipts, pending_responses)
            log(f"  responses: {service.code} done")
        created += _flush(pending_receipts, pending_responses)
        # bulk_create skips response_submit, so the rollups are built in one pass.
        rollups.rebuild()
    return created


def _response(rng, service, start, end, mean, points, officers_at):
    days = (end - start).days
    served_on = start + datetime.timedelta(days=rng.randrange(days))
    submitted_at = timezone.make_aware(
        datetime.datetime.combine(served_on, datetime.time(8))
        + datetime.timedelta(minutes=rng.randrange(8 * 60))
    )
    answers = {}
    for code in CODES:
        if code == "U4" and not FEES.get(service.code):
            answers[code] = 4 if rng.random() < 0.9 else 3  # free services: "Gratis"
        else:
            answers[code] = _answer(rng, mean + ELEMENT_OFFSET.get(code, 0))
    point_list = points.get(service.pk) or [None]
    point = rng.choice(point_list)
    officer, receipt = None, None
    officers = officers_at.get(point.pk, []) if point else []
    if officers and rng.random() < 0.4:
        officer = rng.choice(officers)
        receipt = Receipt(
            code=f"D{rng.getrandbits(40):010X}"[:11],
            service=service,
            service_point=point,
            officer=officer,
            issued_at=submitted_at - datetime.timedelta(minutes=5),
            expires_at=submitted_at + datetime.timedelta(hours=72),
            used_at=submitted_at,
        )
    comment, status = ("", CommentStatus.NONE)
    if rng.random() < 0.06:
        comment, status = rng.choice(COMMENTS)
    row = Response(
        public_id=uuid.UUID(int=rng.getrandbits(128), version=4),
        service=service,
        service_point=point,
        officer=officer,
        verified=receipt is not None,
        channel=Channel.QR if receipt else rng.choice(CHANNELS),
        served_on=served_on,
        submitted_at=submitted_at,
        age=rng.randint(18, 72) if rng.random() < 0.85 else None,
        sex=rng.choice("LP") if rng.random() < 0.9 else "",
        education=rng.choice(Education.values) if rng.random() < 0.8 else "",
        occupation=rng.choice(Occupation.values) if rng.random() < 0.8 else "",
        comment=comment,
        comment_status=status,
        **{code.lower(): value for code, value in answers.items()},
    )
    row._receipt = receipt
    return row, receipt


def _flush(receipts, responses) -> int:
    Receipt.objects.bulk_create(receipts)
    for row in responses:
        if row._receipt is not None:
            row.receipt = row._receipt
    Response.objects.bulk_create(responses)
    count = len(responses)
    receipts.clear()
    responses.clear()
    return count
