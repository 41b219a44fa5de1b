"""The demo's appraisal conversation: who supervises the Disdukcapil loket officers,
HR's training catalogue, feedback notes to the demo officer and a dialog kinerja,
so the `petugas` and `atasan` logins show every screen filled. Idempotent."""

import datetime

from django.utils import timezone

from feedback.appraisal import peer_rounds
from feedback.models import (
    FeedbackNote,
    Officer,
    PeerReview,
    PeerRound,
    PerformanceDialog,
    Supervision,
    Training,
)
from feedback.rules import berakhlak

SUPERVISION_START = datetime.date(2024, 1, 1)

TRAININGS = [
    (
        "Pelayanan Prima dan Etika Pelayanan Publik",
        Training.Element.U7,
        "Sikap, keramahan, dan komunikasi dengan pengguna layanan; dua hari, BKPSDM.",
    ),
    (
        "Komunikasi Efektif di Loket Pelayanan",
        Training.Element.U7,
        "Menjelaskan persyaratan dan menangani keberatan dengan tenang; satu hari.",
    ),
    (
        "Bimbingan Teknis Administrasi Kependudukan (SIAK Terpusat)",
        Training.Element.U6,
        "Penguasaan aplikasi dan prosedur dokumen kependudukan; tiga hari, daring.",
    ),
    (
        "Pendampingan oleh Petugas Senior (mentoring)",
        Training.Element.U6,
        "Satu bulan didampingi petugas berpengalaman di loket yang sama.",
    ),
]

NOTES = [
    (
        75,
        "Terima kasih sudah tetap tenang melayani antrean panjang Senin lalu. Coba "
        "sampaikan perkiraan waktu tunggu di awal agar warga tidak bertanya berulang.",
        True,
    ),
    (
        40,
        "Beberapa warga menulis bahwa penjelasan persyaratan KK kurang jelas. Mari pakai "
        "lembar daftar periksa yang baru saat menjelaskan.",
        True,
    ),
    (
        6,
        "Penilaian warga triwulan ini naik. Pertahankan sapaan dan konfirmasi ulang data "
        "sebelum mencetak.",
        False,
    ),
]


def load(*, supervisor: Officer, officer: Officer, today: datetime.date | None = None):
    today = today or timezone.localdate()
    trainings = {}
    for name, element, description in TRAININGS:
        trainings[name], _ = Training.objects.get_or_create(
            name=name, defaults={"element": element, "description": description}
        )
    team = Officer.objects.filter(unit=supervisor.unit, assignments__isnull=False).exclude(
        pk=supervisor.pk
    )
    for member in team.distinct():
        if not Supervision.objects.filter(officer=member).exists():
            Supervision.objects.create(
                supervisor=supervisor, officer=member, start_date=SUPERVISION_START
            )
    if not FeedbackNote.objects.filter(officer=officer).exists():
        now = timezone.now()
        for days_ago, text, read in NOTES:
            note = FeedbackNote.objects.create(author=supervisor, officer=officer, text=text)
            at = now - datetime.timedelta(days=days_ago)
            FeedbackNote.objects.filter(pk=note.pk).update(
                created_at=at,
                acknowledged_at=at + datetime.timedelta(hours=3) if read else None,
            )
    dialog, created = PerformanceDialog.objects.get_or_create(
        officer=officer,
        period="2026-Q3",
        defaults={
            "supervisor": supervisor,
            "held_on": datetime.date(2026, 10, 8),
            "summary": "Kedua unsur petugas sesuai ekspektasi, sedikit di bawah rata-rata unit; "
            "kompetensi (U6) turun dari triwulan II karena beberapa warga harus kembali "
            "melengkapi berkas.",
            "agreed_actions": "Mengikuti bimtek SIAK triwulan IV; memakai daftar periksa "
            "persyaratan di loket; ditinjau kembali pada dialog triwulan berikutnya.",
        },
    )
    if created:
        dialog.trainings.set(
            [trainings["Bimbingan Teknis Administrasi Kependudukan (SIAK Terpusat)"]]
        )
    peer_round(unit=supervisor.unit, officer=officer)
    return team.count()


PEER_REMARKS = [
    "Selalu siap membantu rekan saat antrean panjang.",
    "Penjelasan kepada warga runtut dan sabar.",
    "",
]


def peer_round(*, unit, officer: Officer, period="2026-Q3"):
    """A 360 round for the unit with every review sent except the demo officer's own,
    which she fills in herself."""
    peer = PeerRound.objects.filter(unit=unit, period=period).first()
    if peer is None:
        peer = peer_rounds.open_round(period_code=period, unit=unit, per_officer=3)
    for index, review in enumerate(
        PeerReview.objects.filter(round=peer, submitted_at__isnull=True)
        .exclude(rater=officer)
        .order_by("pk")
    ):
        answers = {
            code: (berakhlak.ABOVE if (index + n) % 4 == 0 else berakhlak.AS_EXPECTED)
            for n, code in enumerate(berakhlak.CODES)
        }
        peer_rounds.submit(
            review,
            {k: str(v) for k, v in answers.items()},
            PEER_REMARKS[index % len(PEER_REMARKS)],
        )
    return peer
