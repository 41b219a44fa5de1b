"""PEKPPP mandiri: a unit's indicators for a year filled from the portal's data, the
evaluator's fields, who may see and fill them, and the evidence pack (its manifest's
hashes, its figures equal to the published ones, its links resolving, no officer
data in it)."""

import csv
import datetime
import hashlib
import io
import json
import zipfile
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document

from content import pekppp
from content.models import (
    FollowUpAction,
    MediaPublication,
    PekpppAssessment,
    ServicePage,
    StandardReview,
)
from feedback.models import Population
from tests.factories import (
    OfficerFactory,
    ServiceFactory,
    UnitFactory,
    fill,
    service_page,
    unit_page,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
YEAR = 2026
SIGNER = "Drs. Bambang Sutrisno"


def document(name, title):
    return Document.objects.create(title=title, file=ContentFile(PDF, name=name))


@pytest.fixture
def unit_scene():
    """Dinas Kependudukan in 2026: two standards (one missing a component), a review
    with citizens and minutes and one without, a signed Maklumat, 30 responses to
    KTP-EL, its service users, two RTL lines (one done), three media-log entries."""
    unit = UnitFactory(code="DISDUK", name="Dinas Kependudukan")
    page = unit_page(
        unit,
        maklumat="Kami sanggup menyelenggarakan pelayanan sesuai standar.",
        maklumat_signatory=SIGNER,
        maklumat_signatory_position="Kepala Dinas",
        maklumat_signed_on=datetime.date(2026, 1, 5),
        maklumat_document=document("maklumat-disduk.pdf", "Maklumat Pelayanan Disduk"),
        maklumat_published_in="Papan informasi ruang tunggu\nMeja loket",
    )
    ktp = service_page(
        ServiceFactory(unit=unit, code="KTP-EL", name="KTP Elektronik"),
        parent=page,
        established_on="2025-12-01",
    )
    kk = service_page(
        ServiceFactory(unit=unit, code="KK", name="Kartu Keluarga"),
        parent=page,
        established_on="2025-12-01",
    )
    # A standard published before every component was required.
    ServicePage.objects.filter(pk=kk.pk).update(jaminan_keamanan="")
    StandardReview.objects.create(
        page=ktp,
        reviewed_on=datetime.date(2026, 3, 10),
        citizens_took_part=True,
        participation="konsultasi",
        participants=46,
        minutes=document("notulen-ktp.pdf", "Berita acara 10-03-2026"),
        changes_decided="Perekaman dibuka Sabtu pertama.",
        page_changed=False,
    )
    StandardReview.objects.create(
        page=kk,
        reviewed_on=datetime.date(2026, 4, 2),
        changes_decided="Jam layanan ditambah.",
        page_changed=True,
        revision=kk.latest_revision,
    )
    StandardReview.objects.create(page=kk, reviewed_on=datetime.date(2025, 4, 2))  # last year
    fill(ktp.service, 30, 3)
    Population.objects.create(service=ktp.service, period="2026", served=120)
    Population.objects.create(service=kk.service, period="2026", served=80)
    FollowUpAction.objects.create(
        page=page,
        period="2026-Q2",
        element="U3",
        action="Tambah loket",
        timing="Juli",
        responsible="Kepala Bidang",
        status="selesai",
    )
    FollowUpAction.objects.create(
        page=page,
        period="2026-Q3",
        element="U8",
        action="Kotak saran",
        timing="Oktober",
        responsible="Kepala Bidang",
        status="rencana",
    )
    FollowUpAction.objects.create(
        page=page,
        period="2025-Q3",
        element="U8",
        action="Lama",
        timing="2025",
        responsible="Kepala Bidang",
        status="rencana",
    )
    MediaPublication.objects.create(
        unit=unit,
        subject="standar",
        kind="papan",
        title="Papan ruang tunggu",
        published_on=datetime.date(2026, 2, 1),
        photo=ContentFile(PNG, name="papan.png"),
    )
    MediaPublication.objects.create(
        unit=unit,
        subject="standar",
        kind="medsos",
        title="Instagram Disduk",
        published_on=datetime.date(2026, 2, 3),
        link="https://instagram.com/p/abc",
    )
    MediaPublication.objects.create(
        unit=unit,
        subject="skm",
        kind="koran",
        title="Harian Sukamaju",
        published_on=datetime.date(2026, 9, 1),
        link="https://koran.example/skm",
    )
    MediaPublication.objects.create(
        unit=unit,
        subject="skm",
        kind="koran",
        title="Tahun lalu",
        published_on=datetime.date(2025, 9, 1),
        link="https://koran.example/lama",
    )
    officer = OfficerFactory(unit=unit, name="Siti Rahmawati")
    page.refresh_from_db()
    return {"unit": unit, "page": page, "ktp": ktp, "kk": kk, "officer": officer}


def figures(evaluation, code):
    return next(r.figures for r in evaluation.rows if r.indicator.code == code)


def test_the_indicators_are_the_regulations_and_their_weights_add_up():
    weights = [i.weight for i in pekppp.INDICATORS if i.aspect == pekppp.KEBIJAKAN]
    assert [i.code for i in pekppp.INDICATORS] == [
        "KP1",
        "KP2",
        "KP3",
        "KP4",
        "KP5",
        "KP6",
        "KP7",
        "KP8",
        "KD1",
    ]
    assert weights == [17, 14, 7, 14, 10, 17, 7, 14] and sum(weights) == 100
    assert pekppp.ASPECTS[pekppp.KEBIJAKAN][1] == 24
    assert pekppp.ASPECTS[pekppp.PENGADUAN][1] == 10


def test_what_the_portal_proves_for_each_indicator(unit_scene):
    evaluation = pekppp.evaluate(unit_scene["page"], YEAR)

    assert figures(evaluation, "KP1") == {"standards": 2, "complete": 1, "with_decree": 0}
    assert figures(evaluation, "KP2") == {"reviews": 2, "with_citizens": 1, "participants": 46}
    assert figures(evaluation, "KP3")["media"] == 3  # the portal, a notice board, Instagram
    assert figures(evaluation, "KP3")["entries"] == 2
    kp4 = figures(evaluation, "KP4")
    assert (kp4["changes_decided"], kp4["changes_made"], kp4["standards_reviewed"]) == (2, 1, 2)
    kp4_links = next(r.evidence for r in evaluation.rows if r.indicator.code == "KP4")
    assert f"/admin/pages/{unit_scene['kk'].pk}/revisions/" in " ".join(e.url for e in kp4_links)
    kp5 = figures(evaluation, "KP5")
    assert (kp5["signed"], kp5["places"], kp5["flag"]) == (True, 2, None)
    assert kp5["signatory_position"] == "Kepala Dinas"
    kp6 = figures(evaluation, "KP6")
    assert (kp6["respondents"], kp6["ikm"], kp6["mutu"]) == (30, 75.0, "C")
    # 200 served: Krejcie & Morgan asks 132; 30 is not enough.
    assert (kp6["service_users"], kp6["required_sample"], kp6["adequate"]) == (200, 132, False)
    assert figures(evaluation, "KP7")["media"] == 2  # the portal and one newspaper this year
    assert figures(evaluation, "KP8") == {"follow_ups": 2, "done": 1, "done_percent": 50.0}
    kd1 = figures(evaluation, "KD1")
    # The default SP4N-LAPOR! address; no other channel entered.
    assert (kd1["standards_with_complaints"], kd1["complaint_channels"]) == (2, 1)
    assert kd1["nrr_u8"] == 3.0
    kp1 = next(r for r in evaluation.rows if r.indicator.code == "KP1")
    assert "1 dari 2 standar pelayanan memuat 14 komponen lengkap" in str(kp1.summary)
    assert [t for t in evaluation.tables["standar"][1] if not t["lengkap"]][0][
        "komponen_kosong"
    ] == "jaminan keamanan dan keselamatan pelayanan"


def test_the_ikm_matches_the_published_api(client, unit_scene):
    evaluation = pekppp.evaluate(unit_scene["page"], YEAR)
    api = client.get("/api/v1/ikm/", {"unit": "DISDUK", "period": str(YEAR)}).json()
    kp6 = figures(evaluation, "KP6")
    assert kp6["ikm"] == api["ikm"] and kp6["respondents"] == api["respondents"]
    assert {k: kp6[k] for k in api["coverage"]} == api["coverage"]


# --- The screen ---------------------------------------------------------------------------


def user_in(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def screen(unit, year=YEAR):
    return reverse("content_pekppp_unit", args=[unit.pk, year])


def test_an_editor_reads_the_evaluation_but_cannot_score(client, django_user_model, unit_scene):
    client.force_login(user_in(django_user_model, "editor", "Editors"))
    response = client.get(screen(unit_scene["unit"]))
    text = " ".join(response.content.decode().split())
    assert response.status_code == 200
    assert "KP1 Standar pelayanan sesuai ketentuan" in text
    assert "1 dari 2 standar pelayanan memuat 14 komponen lengkap" in text
    assert 'name="score_KP1"' not in text
    assert client.post(screen(unit_scene["unit"]), {"score_KP1": "80"}).status_code in (302, 403)
    assert not PekpppAssessment.objects.exists()
    assert client.get(reverse("content_pekppp_index")).status_code == 200


def test_an_approver_scores_and_the_aspect_is_computed(client, django_user_model, unit_scene):
    approver = user_in(django_user_model, "approver", "Moderators")
    client.force_login(approver)
    data = {f"score_{code}": "80" for code in pekppp.CODES}
    data["score_KP1"] = "100"
    data["note_KP1"] = "SK penetapan menyusul."
    response = client.post(screen(unit_scene["unit"]), data)
    assert response.status_code == 302
    entry = PekpppAssessment.objects.get(indicator="KP1")
    assert (entry.score, entry.note, entry.updated_by, entry.year) == (
        100,
        "SK penetapan menyusul.",
        approver,
        YEAR,
    )
    evaluation = pekppp.evaluate(unit_scene["page"], YEAR)
    # (17 x 100 + 83 x 80) / 100
    assert evaluation.aspect_score(pekppp.KEBIJAKAN) == 83.4
    text = " ".join(client.get(screen(unit_scene["unit"])).content.decode().split())
    assert "83,40" in text or "83.40" in text
    assert "Diisi oleh approver" in text


@pytest.mark.parametrize(
    ("value", "message"),
    [("101", "Nilai harus di antara 0 dan 100."), ("delapan", "Nilai harus bilangan bulat")],
)
def test_a_bad_score_is_refused_and_nothing_stored(
    client, django_user_model, unit_scene, value, message
):
    client.force_login(user_in(django_user_model, "approver", "Moderators"))
    response = client.post(
        screen(unit_scene["unit"]), {"score_KP1": "90", "score_KP2": value, "note_KP3": "x"}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PekpppAssessment.objects.exists()


def test_a_forged_unit_or_year_is_a_404(client, django_user_model, unit_scene):
    client.force_login(user_in(django_user_model, "editor", "Editors"))
    unpublished = UnitFactory()
    assert client.get(reverse("content_pekppp_unit", args=[999999, YEAR])).status_code == 404
    assert client.get(screen(unpublished)).status_code == 404
    assert client.get(screen(unit_scene["unit"], 1999)).status_code == 404
    assert client.get(reverse("content_pekppp_pack", args=[999999, YEAR])).status_code == 404


def test_others_are_refused(client, django_user_model, unit_scene):
    client.force_login(user_in(django_user_model, "loket", "Loket"))
    assert client.get(screen(unit_scene["unit"])).status_code in (302, 403)
    assert client.get(
        reverse("content_pekppp_pack", args=[unit_scene["unit"].pk, YEAR])
    ).status_code in (302, 403)


# --- The evidence pack ----------------------------------------------------------------------


@pytest.fixture
def pack(client, django_user_model, unit_scene):
    approver = user_in(django_user_model, "approver", "Moderators")
    client.force_login(approver)
    client.post(screen(unit_scene["unit"]), {"score_KP1": "90", "note_KP1": "Lengkap."})
    response = client.get(reverse("content_pekppp_pack", args=[unit_scene["unit"].pk, YEAR]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "pekppp-disduk-2026.zip" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def read_csv(archive, name):
    text = archive.read(f"tabel/{name}.csv").decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_the_manifest_holds_each_files_hash_and_size(pack):
    manifest = json.loads(pack.read("manifest.json"))
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == set(pack.namelist()) - {"manifest.json"}
    for name, entry in listed.items():
        data = pack.read(name)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["bytes"] == len(data)
    assert {
        "ringkasan.pdf",
        "tabel/indikator.csv",
        "tabel/skm.csv",
        "tabel/media.csv",
        "tabel/peninjauan.csv",
        "tabel/rtl.csv",
        "tabel/standar.csv",
    } <= set(listed)
    documents = [n for n in listed if n.startswith("dokumen/")]
    assert any(n.startswith("dokumen/maklumat/") for n in documents)
    assert any(n.startswith("dokumen/notulen/") for n in documents)
    assert any(n.startswith("dokumen/foto-media/") for n in documents)
    assert pack.read("ringkasan.pdf").startswith(b"%PDF-")
    photos = [row["foto"] for row in read_csv(pack, "media") if row["foto"]]
    assert photos and all(photo in listed for photo in photos)  # the table names the file


def test_every_figure_equals_the_published_one(client, pack, unit_scene):
    for row in read_csv(pack, "skm"):
        scope = "unit" if row["kode"] == "DISDUK" else "service"
        api = client.get("/api/v1/ikm/", {scope: row["kode"], "period": "2026"}).json()
        assert int(row["responden"]) == api["respondents"]
        ikm = float(row["ikm"].replace(",", ".")) if row["ikm"] else None
        assert ikm == api["ikm"]
        assert row["mutu"] == (api["mutu"] or "")
        coverage = api["coverage"]
        assert row["pengguna_layanan"] == str(coverage["service_users"] or "")
        assert row["sampel_diperlukan"] == str(coverage["required_sample"] or "")
        expected = {True: "ya", False: "tidak", None: ""}[coverage["adequate"]]
        assert row["sampel_memadai"] == expected
    indicators = {r["kode"]: r for r in read_csv(pack, "indikator")}
    assert indicators["KP1"]["nilai_evaluator"] == "90"
    assert indicators["KP1"]["bobot_persen"] == "17"
    rtl = read_csv(pack, "rtl")
    assert [r["status"] for r in rtl] == ["Selesai", "Direncanakan"]
    # The summary says the same as the API (its text is left uncompressed to be searched).
    unit_api = client.get("/api/v1/ikm/", {"unit": "DISDUK", "period": "2026"}).json()
    ikm = f"{unit_api['ikm']:.2f}".replace(".", ",")
    assert f"IKM {ikm} \\(mutu {unit_api['mutu']}\\)".encode() in pack.read("ringkasan.pdf")


def test_every_evidence_link_resolves(client, pack):
    links = set()
    for row in read_csv(pack, "indikator"):
        links.update(row["tautan_bukti"].split())
    for row in read_csv(pack, "media"):
        if row["media"] == "Portal ini":
            links.add(row["tautan"])
    for row in read_csv(pack, "standar"):
        links.add(row["tautan"])
    for row in read_csv(pack, "peninjauan"):
        if row["notulen"]:
            links.add(row["notulen"])
    assert len(links) > 8
    for link in links:
        parts = urlsplit(link)
        assert parts.scheme and parts.netloc, link  # full addresses, for an evaluator
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        response = client.get(path)
        assert response.status_code == 200, link


def test_no_officer_data_in_the_pack(pack, unit_scene):
    officer = unit_scene["officer"]
    for name in pack.namelist():
        data = pack.read(name)
        for secret in (officer.nip, officer.name, SIGNER, "approver"):
            assert secret.encode() not in data, (name, secret)


def test_a_unit_without_data_still_gets_a_pack_that_says_so(client, django_user_model):
    bare = unit_page(UnitFactory(code="DINSOS", name="Dinas Sosial"))
    client.force_login(user_in(django_user_model, "editor", "Editors"))
    text = " ".join(client.get(screen(bare.unit)).content.decode().split())
    assert "0 dari 0 standar pelayanan memuat 14 komponen lengkap" in text
    assert "0 responden pada 2026, kurang dari batas terbit: IKM belum diterbitkan." in text
    response = client.get(reverse("content_pekppp_pack", args=[bare.unit.pk, YEAR]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert read_csv(archive, "skm")[0]["ikm"] == ""
    assert read_csv(archive, "standar") == []
    assert json.loads(archive.read("manifest.json"))["missing"] == []


def test_a_document_gone_from_storage_is_named_not_fatal(client, django_user_model, unit_scene):
    maklumat = unit_scene["page"].maklumat_document
    maklumat.file.storage.delete(maklumat.file.name)
    client.force_login(user_in(django_user_model, "editor", "Editors"))
    response = client.get(reverse("content_pekppp_pack", args=[unit_scene["unit"].pk, YEAR]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    manifest = json.loads(archive.read("manifest.json"))
    stored = maklumat.file.name.rsplit("/", 1)[-1]
    assert manifest["missing"] == [f"dokumen/maklumat/{maklumat.pk}-{stored}"]
    assert not any(n.startswith("dokumen/maklumat/") for n in archive.namelist())
