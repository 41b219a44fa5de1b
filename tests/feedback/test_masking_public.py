"""Issue #16, finding 6, through the public page: a comment naming an officer and
giving an NIP, submitted by a citizen and approved by a moderator, shows neither
on the service page, in Indonesian or in English."""

import pytest

from feedback.models import Officer, Response

pytestmark = pytest.mark.django_db

PAGES = ["/unit/disdukcapil/kia/", "/en/unit/disdukcapil/kia/"]


def test_an_approved_comment_never_shows_an_officers_nip_or_name(client, demo, demo_user):
    officer = Officer.objects.get(name__startswith="Siti Nurjanah")
    spaced_nip = f"{officer.nip[:8]} {officer.nip[8:14]} {officer.nip[14]} {officer.nip[15:]}"
    comment = (
        f"Petugas siti  nurjanah (NIP {officer.nip}) meminta uang tambahan. "
        f"Rekannya NIP {spaced_nip} juga. Antrean lama."
    )
    res = client.post(
        "/api/v1/feedback/",
        {"service": "kia", "answers": {f"U{n}": 2 for n in range(1, 10)}, "comment": comment},
        content_type="application/json",
    )
    assert res.status_code == 201, res.content

    client.force_login(demo_user("approver"))
    stored = Response.objects.get(public_id=res.json()["id"])
    moderated = client.post(
        "/admin/komentar/", {"decision": "approved", "response": [stored.public_id]}
    )
    assert moderated.status_code == 302
    client.logout()

    for url in PAGES:
        html = client.get(url).content.decode()
        assert "Antrean lama." in html, url  # the approved comment is shown ...
        assert officer.nip not in html, url  # ... without the NIP in any spelling
        assert spaced_nip not in html, url
        assert "nurjanah" not in html.lower(), url  # ... or the officer's name
        assert "[nama petugas disamarkan]" in html, url


def test_remask_comments_masks_what_older_rules_let_through(client, demo):
    import datetime
    from io import StringIO

    from django.core.management import call_command

    from feedback.models import Service

    officer = Officer.objects.get(name__startswith="Sri Wahyuni")
    service = Service.objects.get(code="kia")
    answers = {f"u{n}": 3 for n in range(1, 10)}
    # Stored as the earlier masking left it: approved, NIP and name in clear.
    Response.objects.create(
        service=service,
        served_on=datetime.date.today(),
        comment=f"Sri Wahyuni (NIP {officer.nip}) ramah. Ruang tunggu sejuk.",
        comment_status="approved",
        **answers,
    )
    Response.objects.create(
        service=service,
        served_on=datetime.date.today(),
        comment="Tidak ada yang perlu disamarkan.",
        comment_status="approved",
        **answers,
    )
    assert officer.nip in client.get(PAGES[0]).content.decode()

    out = StringIO()
    call_command("remask_comments", "--dry-run", stdout=out)
    assert "Dry run: 1 of 2 comments would be masked again" in out.getvalue()
    assert officer.nip in client.get(PAGES[0]).content.decode()  # nothing written

    out = StringIO()
    call_command("remask_comments", "--batch-size", "1", stdout=out)
    assert "2 comments checked" in out.getvalue()  # progress, batch by batch
    assert "1 of 2 comments masked again (1 of them approved" in out.getvalue()
    for url in PAGES:
        html = client.get(url).content.decode()
        assert "Ruang tunggu sejuk." in html
        assert officer.nip not in html and "Wahyuni" not in html, url


def test_remask_comments_masks_reasons_for_low_scores_too(demo):
    import datetime
    from io import StringIO

    from django.core.management import call_command

    from feedback.models import Service

    officer = Officer.objects.get(name__startswith="Sri Wahyuni")
    answers = {f"u{n}": 3 for n in range(1, 10)}
    # A reason stored as an earlier masking left it: the name and NIP in clear.
    given = {"U3": f"Sri Wahyuni (NIP {officer.nip}) datang terlambat.", "U9": "Panas."}
    stored = Response.objects.create(
        service=Service.objects.get(code="kia"),
        served_on=datetime.date.today(),
        reasons=given,
        **{**answers, "u3": 1, "u9": 2},
    )

    out = StringIO()
    call_command("remask_comments", "--dry-run", stdout=out)
    assert "1 of 1 responses' reasons for low scores would be masked again" in out.getvalue()
    stored.refresh_from_db()
    assert stored.reasons == given  # nothing written

    out = StringIO()
    call_command("remask_comments", "--batch-size", "1", stdout=out)
    assert "1 responses with reasons checked, 1 masked" in out.getvalue()  # progress
    assert "1 of 1 responses' reasons for low scores masked again" in out.getvalue()
    stored.refresh_from_db()
    assert officer.nip not in stored.reasons["U3"] and "Wahyuni" not in stored.reasons["U3"]
    assert stored.reasons["U3"].endswith("datang terlambat.")
    assert stored.reasons["U9"] == "Panas."
