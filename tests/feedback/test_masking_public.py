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
